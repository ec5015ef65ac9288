// Where an area's residents live, for the dual density (dual.hpp): each LSOA of the area with a
// population, placed at its centroid from a CSV of LSOA centroids (ONS publishes population-weighted
// centroids; ../shared/data/geography/lsoa-centroids-uk.csv has columns LSOACD, latitude, longitude,
// lsoa11cd), projected to British National Grid metres. LSOAs without a centroid are counted with
// their residents, not dropped silently.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dataset/geography.hpp"
#include "geo/projection.hpp"

namespace csa::hotspot {

struct ResidentPoints {
  std::vector<double> x, y, population;       // one per LSOA placed
  std::int64_t residents = 0;                 // placed
  std::int64_t lsoas_without_centroid = 0;    // of the area's LSOAs with a population
  std::int64_t residents_without_centroid = 0;
  std::uint64_t centroid_rows = 0;            // rows read from the file
};

// `path`: a CSV with an LSOA code column (LSOACD or LSOA21CD: 2021 codes, as the population; an lsoa11cd column beside it is ignored) and latitude and longitude columns,
// found by name. Throws IoError when it cannot be read, InputError when the columns are missing.
ResidentPoints area_residents(const std::string& path, const dataset::Geography& geography, int area,
                              const geo::BngProjector& projector);

}  // namespace csa::hotspot
