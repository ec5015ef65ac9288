#include "hotspot/analysis.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace csa::hotspot {

double expected_neighbourhood(const HotspotResult& r) {
  double total = 0;
  for (std::size_t id = 0; id < r.grid.size(); ++id) {
    if (r.kept(id)) total += static_cast<double>(r.grid.count[id]);
  }
  const auto kept = r.cells_kept();
  return kept > 0 ? r.gi.neighbours * total / static_cast<double>(kept) : 0;
}

void clip_to_area(HotspotSettings& settings, const std::vector<Shape>& area, const std::vector<double>& x,
                  const std::vector<double>& y) {
  settings.clip = &area;
  const Extent e = settings.extent ? *settings.extent : extent_of(x, y);
  const Extent a = extent_of_shapes(area);
  settings.extent = Extent{std::min(e.xmin, a.xmin), std::min(e.ymin, a.ymin), std::max(e.xmax, a.xmax),
                           std::max(e.ymax, a.ymax)};
}

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
  if (s.clip != nullptr) {
    auto where = locate_cells(r.grid, *s.clip);
    r.in_area.resize(where.size());
    for (std::size_t id = 0; id < where.size(); ++id) {
      r.in_area[id] = where[id] >= 0 ? 1 : 0;
      if (where[id] < 0) {
        ++r.cells_dropped;
        r.points_dropped += r.grid.count[id];
      }
    }
  }
  if (s.kde) {
    r.bandwidth = s.bandwidth ? given_bandwidth(*s.bandwidth) : auto_bandwidth(x, y);
    r.kde = quartic_kde(r.grid, x, y, r.bandwidth.metres);
    for (std::size_t id = 0; id < r.kde.size(); ++id) {
      if (!r.kept(id)) r.kde[id] = std::nan("");  // outside the area: no density reported
    }
  }
  std::vector<double> counts(r.grid.count.begin(), r.grid.count.end());
  r.gi = gistar(r.grid, counts, s.distance.value_or(0), r.in_area);
  return r;
}

}  // namespace csa::hotspot
