// What every map figure shares (the ward choropleth, the hot-spot map): polygons projected from
// longitude/latitude to British National Grid, the placement of the grid's metres on the page, SVG
// path data snapped to a half-pixel grid, and the scale bar's length and labels.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "figure/wkb_polygons.hpp"

namespace csa::figure {

// A map's shape: its polygons (a MultiPolygon's parts), in lon/lat until projected, then metres.
using MapShape = std::vector<Polygon>;

// Projects every vertex of every shape at once (PROJ is faster on arrays). Throws InputError naming
// shape i by `name_of(i)` when a point does not land on the grid's extent (0-700 km east, 0-1,300 km
// north, with a margin): PROJ extrapolates far outside the grid's area of use rather than failing,
// so the check also catches latitude/longitude given the wrong way round.
void project_to_bng(std::vector<MapShape>& shapes, const std::function<std::string(std::size_t)>& name_of);

// px = x0 + (e - min_e) × scale; py = y0 + (max_n - n) × scale (north up).
struct MapTransform {
  double min_e, max_n, scale, x0, y0;
  XY operator()(const XY& p) const { return {x0 + (p.x - min_e) * scale, y0 + (max_n - p.y) * scale}; }
};

// SVG path data for the shape: each ring a closed subpath, snapped to a half-pixel grid, repeats and
// collinear middles (which change nothing drawn) dropped, rings that collapse below a pixel left out.
// Snapping looks at one vertex at a time, so a border two areas share snaps identically from both
// sides (no slivers or overlaps), unlike thinning by distance, which depends on the ring's direction.
std::string map_path_data(const MapShape& shape, const MapTransform& t);

// The longest of 1, 2, 5 × 10^k metres that fits in max_px.
double scale_bar_metres(double px_per_metre, double max_px);

// A scale bar's tick in the bar's unit: whole numbers where they are (0, 1, 2 km), else one decimal (0.5 km).
std::string distance_label(double metres, double unit);

class SvgWriter;

// The area's outline (a district dissolved from its wards) over the map, dark and unfilled.
void draw_map_outline(SvgWriter& svg, const MapShape& outline, const MapTransform& t, double width);

// "Scale" and a bar of two halves, dark and light, labelled at 0, the middle and the end, at (x, y),
// no longer than max_px; 46 px tall with its labels (kScaleBarHeight).
inline constexpr double kScaleBarHeight = 46;
void draw_scale_bar(SvgWriter& svg, double x, double y, double px_per_metre, double max_px);

// An arrow to grid north (British National Grid's "up", within 2° of true north in England) with
// "N", centred on x, from y down; 56 px tall with its letter (kNorthArrowHeight).
inline constexpr double kNorthArrowHeight = 56;
void draw_north_arrow(SvgWriter& svg, double x, double y);

}  // namespace csa::figure
