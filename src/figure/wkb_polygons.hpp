// Polygon rings out of WKB, for drawing: what geo::BoundaryFeature::wkb holds (ISO WKB, 2D
// Polygon or MultiPolygon, longitude/latitude), and what other tools write (either byte order;
// ISO or PostGIS-extended type codes, with Z/M/SRID, whose extra values are skipped).
//
// Read here rather than with GEOS: GEOS lives in the lazily loaded native module
// (geo/native_module.hpp), and drawing a map needs only the rings, which WKB lays out plainly.
#pragma once

#include <string_view>
#include <vector>

namespace csa::figure {

struct XY {
  double x = 0, y = 0;
};
using Ring = std::vector<XY>;       // as stored: closed, the last point repeating the first
using Polygon = std::vector<Ring>;  // the exterior ring, then any holes

// Every non-empty polygon of a Polygon or MultiPolygon. `what` names the geometry in errors ("area
// E05013050 (Abbey)"). Throws InputError when the bytes are not well-formed WKB (truncated, an
// unknown byte order, bytes left over, a non-finite coordinate), or the geometry is empty or of
// another type (the message names the type seen).
std::vector<Polygon> read_wkb_polygons(const std::vector<unsigned char>& wkb, std::string_view what);

}  // namespace csa::figure
