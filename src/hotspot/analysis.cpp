#include "hotspot/analysis.hpp"

#include "core/error.hpp"

namespace csa::hotspot {

HotspotResult analyse_hotspots(const std::vector<double>& x, const std::vector<double>& y,
                               const HotspotSettings& s) {
  HotspotResult r;
  // With a given extent no points is allowed: an earlier period may have none, and its grid of
  // zeros (no Gi*, no hot cell) is the honest answer.
  Extent extent = s.extent ? *s.extent : extent_of(x, y);
  r.cell_size = s.cell_size ? given_cell_size(*s.cell_size, extent) : auto_cell_size(extent);
  r.grid = make_grid(extent, r.cell_size.metres);
  if (count_points(r.grid, x, y) != 0) {
    throw InternalError("hotspot grid: a point fell outside the grid made to cover it");
  }
  if (s.kde) {
    r.bandwidth = s.bandwidth ? given_bandwidth(*s.bandwidth) : auto_bandwidth(x, y);
    r.kde = quartic_kde(r.grid, x, y, r.bandwidth.metres);
  }
  std::vector<double> counts(r.grid.count.begin(), r.grid.count.end());
  r.gi = gistar(r.grid, counts, s.distance.value_or(0));
  return r;
}

}  // namespace csa::hotspot
