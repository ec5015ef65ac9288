// One hot-spot analysis of a set of points: the grid (grid.hpp), the density (kde.hpp) and Gi*
// (gistar.hpp), with the rules that chose each setting. The command and the benchmark both run
// this, so what is timed is what users get.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "hotspot/area_shapes.hpp"
#include "hotspot/gistar.hpp"
#include "hotspot/grid.hpp"
#include "hotspot/kde.hpp"

namespace csa::hotspot {

struct HotspotSettings {
  std::optional<double> cell_size;  // metres; automatic when absent
  std::optional<double> bandwidth;  // metres; automatic when absent
  std::optional<double> distance;   // Gi* band, metres; cell × √2 when absent
  bool kde = true;                  // the density surface (skipped for a Gi*-only timing)
  // The extent the grid covers, when not the points' own: the union over periods being compared,
  // so every period gets the same cells (history.hpp). Must contain every point.
  std::optional<Extent> extent;
  // The area's boundary (e.g. a district's outline dissolved from its wards), in grid metres: cells
  // whose centre lies outside it are left out of the statistics and the outputs. None: every cell.
  const std::vector<Shape>* clip = nullptr;
};

// Clips the grid to an area: sets settings.clip to `area` (which must outlive the settings) and
// widens settings.extent (the points' own when unset) to the area's, so a cell of the area with no
// incident is a cell with 0, not a cell left off the grid.
void clip_to_area(HotspotSettings& settings, const std::vector<Shape>& area, const std::vector<double>& x,
                  const std::vector<double>& y);

struct HotspotResult {
  CellSize cell_size;
  Bandwidth bandwidth;  // metres 0 when kde is off
  Grid grid;
  std::vector<double> kde;  // incidents per km² at cell centres; empty when off
  // The dual density (dual.hpp), set by the caller when asked for: residents per km² and incidents
  // per 1,000 residents at cell centres; empty otherwise (and then not written).
  std::vector<double> residents_kde, dual_rate;
  GiStar gi;
  // With a clip: 1 for each cell whose centre is inside the area, 0 outside; empty without one.
  std::vector<char> in_area;
  std::int64_t cells_dropped = 0;   // cells left out, centre outside the area
  std::int64_t points_dropped = 0;  // points in those cells (on the map's data, not in the statistics)

  bool kept(std::size_t id) const { return in_area.empty() || in_area[id] != 0; }
  std::int64_t cells_kept() const { return static_cast<std::int64_t>(grid.size()) - cells_dropped; }
};

// Gi*'s p-values come from the normal distribution, which a neighbourhood sum of very sparse counts
// does not follow: where the average neighbourhood holds under about 5 incidents, one incident in an
// empty field gives z ≈ 2.5 and a "hot spot". The average neighbourhood: neighbours (the cell
// itself included) × the mean count over the kept cells.
inline constexpr double kMinExpectedNeighbourhood = 5;
double expected_neighbourhood(const HotspotResult& r);

// Throws InputError for no points, a cell size larger than the area, all points at one spot, fewer
// than 2 cells inside the clip.
HotspotResult analyse_hotspots(const std::vector<double>& x, const std::vector<double>& y,
                               const HotspotSettings& settings);

}  // namespace csa::hotspot
