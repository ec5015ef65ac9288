// One hot-spot analysis of a set of points: the grid (grid.hpp), the density (kde.hpp) and Gi*
// (gistar.hpp), with the rules that chose each setting. The command and the benchmark both run
// this, so what is timed is what users get.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

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
};

struct HotspotResult {
  CellSize cell_size;
  Bandwidth bandwidth;  // metres 0 when kde is off
  Grid grid;
  std::vector<double> kde;  // incidents per km² at cell centres; empty when off
  GiStar gi;
};

// Throws InputError for no points, a cell size larger than the area, all points at one spot.
HotspotResult analyse_hotspots(const std::vector<double>& x, const std::vector<double>& y,
                               const HotspotSettings& settings);

}  // namespace csa::hotspot
