// One outline from many polygons: a district's boundary dissolved from its wards' (the shared data
// has ward boundaries but no district file), for maps. GEOS does the work in the native module.
#pragma once

#include <vector>

namespace csa::geo {

// The union of the polygons (ISO or extended WKB, lon/lat), as ISO WKB, little-endian, 2D: a
// Polygon when they touch into one piece, else a MultiPolygon. Invalid rings are repaired first.
// Throws InputError naming the polygon that cannot be read.
std::vector<unsigned char> dissolve(const std::vector<std::vector<unsigned char>>& polygons);

}  // namespace csa::geo
