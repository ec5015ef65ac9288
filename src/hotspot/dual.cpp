#include "hotspot/dual.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "hotspot/kde.hpp"

namespace csa::hotspot {

DualDensity dual_density(const Grid& g, const std::vector<double>& incidents, const std::vector<double>& px,
                         const std::vector<double>& py, const std::vector<double>& population, double bandwidth,
                         const std::vector<char>& in_area) {
  if (incidents.size() != g.size()) throw InternalError("dual_density: an incident density per cell");
  if (!in_area.empty() && in_area.size() != g.size()) throw InternalError("dual_density: a flag per cell");
  double people = 0;
  for (double p : population) people += p;
  if (!(people > 0)) {
    throw InputError("no residents to divide by: the area's LSOAs have no population loaded, or none has a centroid "
                     "(`csa geography load --population …`; --centroids)");
  }
  DualDensity d;
  d.residents = quartic_kde(g, px, py, population, bandwidth);
  auto kept = [&](std::size_t id) { return in_area.empty() || in_area[id] != 0; };
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t id = 0; id < g.size(); ++id) {
    if (!kept(id)) continue;
    sum += d.residents[id];
    ++n;
  }
  if (n == 0) throw InputError("dual density: no cell in the area");
  d.mean_residents = sum / static_cast<double>(n);
  d.floor = kDualFloorShare * d.mean_residents;
  if (!(d.floor > 0)) {
    throw InputError("dual density: no resident's kernel reaches a cell of the area (the centroids lie outside it or "
                     "the bandwidth is too small), so there is nothing to divide by");
  }
  d.rate.assign(g.size(), std::nan(""));
  for (std::size_t id = 0; id < g.size(); ++id) {
    if (!kept(id)) {
      d.residents[id] = std::nan("");
      continue;
    }
    double denominator = d.residents[id];
    if (denominator < d.floor) {
      denominator = d.floor;
      ++d.floored;
    }
    d.rate[id] = 1000.0 * incidents[id] / denominator;
  }
  return d;
}

}  // namespace csa::hotspot
