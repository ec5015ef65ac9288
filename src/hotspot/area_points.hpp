// The incidents a hot-spot map is drawn from: one theme, one window, one area, as points in
// British National Grid metres, with every incident left off the map counted and said why.
//
// An incident belongs to the area when its ward (dataset::Incidents, placed by the loaded
// assignment) lies in the area, as in every table; so the map and the ward table count the same
// incidents. Incidents placed in no ward cannot be put in or out of the area and are reported
// separately, force-wide.
#pragma once

#include <cstdint>
#include <vector>

#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "geo/projection.hpp"
#include "period/window.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::hotspot {

struct AreaPoints {
  std::vector<double> x, y;              // easting, northing (metres) of the incidents on the map
  std::int64_t in_area = 0;              // incidents of the theme and window in the area's wards
  std::int64_t without_coordinates = 0;  // of those, with no coordinates: counted, not mapped
  std::int64_t not_projected = 0;        // of those, with coordinates PROJ could not transform
  std::int64_t unplaced = 0;             // incidents of the theme and window in no ward at all (any force)

  std::int64_t mapped() const { return static_cast<std::int64_t>(x.size()); }
};

// `area` is a Geography index at any level (ward, district, county).
AreaPoints select_area_points(const dataset::Incidents& incidents, const dataset::Geography& geography, int area,
                              taxonomy::CrimeTypeSet crime_types, const period::Window& window,
                              const geo::BngProjector& projector);

}  // namespace csa::hotspot
