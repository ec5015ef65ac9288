// Which area each grid cell lies in: the ward (or the district outline) whose boundary contains the
// cell's centre. The report names the wards its hot cells fall in with it, and the grid is clipped
// to the area with it (cells whose centre is outside the district are left out of the statistics).
//
// The boundaries are polygons in British National Grid metres (projected once from the lon/lat WKB
// the store holds), so the test is plane geometry on the grid's own coordinates. Each grid row is
// crossed with every edge of a shape once (a scanline), so the cost is rows × edges + cells, not
// cells × edges: a county of 100 m cells takes milliseconds.
#pragma once

#include <array>
#include <vector>

#include "hotspot/grid.hpp"

namespace csa::hotspot {

using ShapeRing = std::vector<std::array<double, 2>>;  // x, y in metres; closed or not, either way round
// Every ring of a Polygon or MultiPolygon: exteriors and holes alike. "Inside" is the even-odd rule
// over all of them, so a hole (inside two rings) is outside and the parts of a multipolygon need no
// special case.
struct Shape {
  std::vector<ShapeRing> rings;
};

// For each cell of `grid` (grid.size() entries), the index of the first shape that contains the
// cell's centre, or -1. A centre exactly on an edge is inside the shape to the edge's east / north
// (half-open, as a scanline must be, so a centre on an edge two wards share is in exactly one).
std::vector<int> locate_cells(const Grid& grid, const std::vector<Shape>& shapes);

// The shapes of boundaries given as Polygon/MultiPolygon WKB in lon/lat (geo::BoundaryFeature::wkb),
// projected to British National Grid. Throws InputError naming a boundary that cannot be read.
std::vector<Shape> shapes_from_wkb(const std::vector<std::vector<unsigned char>>& wkb);

// The bounding box of the shapes; InputError when they have no vertex.
Extent extent_of_shapes(const std::vector<Shape>& shapes);

}  // namespace csa::hotspot
