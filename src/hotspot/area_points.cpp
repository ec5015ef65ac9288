#include "hotspot/area_points.hpp"

#include <cmath>
#include <vector>

#include "core/error.hpp"

namespace csa::hotspot {

AreaPoints select_area_points(const dataset::Incidents& inc, const dataset::Geography& geography, int area,
                              taxonomy::CrimeTypeSet crime_types, const period::Window& window,
                              const geo::BngProjector& projector) {
  const dataset::Level level = geography.area(area).level;
  // Whether each ward is in the area, looked up once per ward rather than walking the tree per incident.
  std::vector<char> ward_in_area(geography.areas().size(), 0);
  for (std::size_t w = 0; w < geography.areas().size(); ++w) {
    if (geography.areas()[w].level == dataset::Level::ward) {
      ward_in_area[w] = geography.ancestor(static_cast<int>(w), level) == area ? 1 : 0;
    }
  }
  const int first = window.first().index(), last = window.last().index();

  AreaPoints out;
  std::vector<double> lon, lat;
  for (std::size_t i = 0; i < inc.size(); ++i) {
    if (inc.month[i] < first || inc.month[i] > last || !crime_types.contains(inc.crime_type[i])) continue;
    if (inc.ward[i] < 0) {
      ++out.unplaced;
      continue;
    }
    if (!ward_in_area[static_cast<std::size_t>(inc.ward[i])]) continue;
    ++out.in_area;
    if (std::isnan(inc.lon[i]) || std::isnan(inc.lat[i])) {
      ++out.without_coordinates;
      continue;
    }
    lon.push_back(inc.lon[i]);
    lat.push_back(inc.lat[i]);
  }
  std::vector<double> e, n;
  projector.to_bng(lon, lat, e, n);
  out.x.reserve(e.size());
  out.y.reserve(n.size());
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (!std::isfinite(e[i]) || !std::isfinite(n[i])) {
      ++out.not_projected;
      continue;
    }
    out.x.push_back(e[i]);
    out.y.push_back(n[i]);
  }
  return out;
}

}  // namespace csa::hotspot
