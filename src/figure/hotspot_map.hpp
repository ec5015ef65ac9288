// A hot-spot map: grid cells coloured by their Getis–Ord Gi* class (hot at 99/95/90% in three
// reds, cold in three blues: ColorBrewer RdBu, readable with the common colour-vision deficiencies;
// cells with incidents but no significant cluster in light grey; empty, not significant cells left
// blank; the legend counts only the grey ones), over the area's ward boundaries and its outline, on British National Grid, with a legend
// counting the cells of each class, a scale bar, a north arrow and the Ordnance Survey and Open
// Government Licence attribution the boundaries require.
//
// The cells come in grid metres (the hot-spot grid's own coordinates); the boundaries as WKB in
// lon/lat, as the store holds them. The figure knows nothing of hotspot/: a class is an int.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "figure/frame.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

struct HotspotMapCell {
  double x = 0, y = 0;    // centre, British National Grid metres
  std::int64_t count = 0;  // incidents in the cell
  int gi_class = 0;        // -3 cold 99% … -1 cold 90%, 0 not significant, 1 hot 90% … 3 hot 99%
  int history = 0;         // history mode: 0 never hot, then HotspotHistory's order (new … former)
  int value_class = 0;     // classes mode: 1-based index into HotspotMapSpec::classes; 0 not drawn
};

// What the cells are coloured by: their Gi* class in one period, or their hot-spot history across
// periods (hotspot/history.hpp: 1 new, 2 persistent, 3 intensifying, 4 diminishing, 5 intermittent,
// 6 former; 0 never hot, drawn light grey when the cell has incidents).
// Or by classes of a value the caller chose (the dual density's incidents per 1,000 residents),
// each with its label and fill, listed in the legend in the order given.
enum class HotspotMapMode { gi, history, classes };

struct HotspotMapClass {
  std::string label;   // "12.5 to 40.1"
  std::string colour;  // "#fd8d3c"
};

struct HotspotMapSpec {
  FigureText text;  // the source line is the data's; the map adds the boundary attribution
  double cell_size = 0;  // metres
  std::vector<HotspotMapCell> cells;
  std::vector<std::vector<unsigned char>> wards;  // Polygon/MultiPolygon WKB, lon/lat; may be empty
  std::vector<unsigned char> outline;             // the area's boundary, lon/lat WKB; empty: none
  std::string boundary_year;                      // of the boundaries' Crown copyright; empty: no year
  HotspotMapMode mode = HotspotMapMode::gi;
  std::vector<HotspotMapClass> classes;  // classes mode
  std::string legend_title;  // empty: "Getis–Ord Gi*, N m cells" (gi) or "Hot-spot history, N m cells"
  double width = theme::page_width;
  double max_map_height = 560;
};

// The fill of a class (the legend's and the map's): "#b2182b" for hot 99% … "" for an empty cell
// that is not significant (not drawn).
std::string_view hotspot_class_colour(int gi_class, std::int64_t count);
// The fill of a history class (1 new … 6 former; a categorical palette after ColorBrewer PuOr, the
// hot side warm and the cooled side purple); "" for 0 (never hot) without incidents.
std::string_view hotspot_history_colour(int history, std::int64_t count);

// Throws InputError for no cells, a cell size that is not positive, or a boundary that is not a
// Polygon/MultiPolygon WKB in Great Britain.
std::string hotspot_map(const HotspotMapSpec& spec);

}  // namespace csa::figure
