// Dual kernel density: incidents relative to the people who live there. A town centre is a hot spot
// of counts partly because people are there; dividing the incidents' density by the residents'
// density, both with the same quartic kernel and bandwidth, gives incidents per 1,000 residents as
// a smooth surface, so a dense estate and an empty park are not compared as if they held as many.
//
//   rate(c) = 1,000 × incidents(c) / max(residents(c), floor)
//
// incidents(c) the incidents' quartic density at the cell centre (kde.hpp, per km²), residents(c)
// the same kernel over LSOA centroids weighted by their populations (per km²). The floor stops an
// almost empty field, a few residents' worth of kernel tail, turning one incident into thousands
// per 1,000: it is 10% of the area's mean residents' density over its cells (a cell with less than a
// tenth of the average is treated as having a tenth), and the cells floored are counted.
#pragma once

#include <cstdint>
#include <vector>

#include "hotspot/grid.hpp"

namespace csa::hotspot {

inline constexpr double kDualFloorShare = 0.10;  // of the mean residents' density over the area's cells

struct DualDensity {
  std::vector<double> residents;  // residents per km² at each cell centre (NaN outside the area)
  std::vector<double> rate;       // incidents per 1,000 residents (NaN outside the area)
  double mean_residents = 0;      // per km², over the cells in the area
  double floor = 0;               // residents per km² below which the denominator is raised
  std::int64_t floored = 0;       // cells in the area whose residents' density was raised to the floor
};

// `incidents` the incidents' density at the grid's cells (per km²); (px, py, population) the LSOA
// centroids in grid metres with their residents; `in_area` as HotspotResult::in_area (empty: every
// cell). Throws InputError when there are no residents (no population loaded for the area).
DualDensity dual_density(const Grid& grid, const std::vector<double>& incidents, const std::vector<double>& px,
                         const std::vector<double>& py, const std::vector<double>& population, double bandwidth,
                         const std::vector<char>& in_area = {});

}  // namespace csa::hotspot
