// A ward map: each area shaded by its class of value, on British National Grid so shapes and
// distances are true (drawing longitude/latitude as x/y would stretch Cambridge east-west by 1/cos
// 52°, about 60%), with a legend of the classes and how many areas fall in each, a scale bar, a
// north arrow and the Ordnance Survey and Open Government Licence attribution boundaries require.
//
// Areas without a value (no data, or suppressed as too few to publish) are hatched grey and listed
// in the legend, never shaded as if zero. Each area's path carries a <title> "Abbey: 124.0" that
// browsers show on hover.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "figure/classes.hpp"
#include "figure/frame.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

struct MapArea {
  std::string code;                // E05013050
  std::string name;                // Abbey
  std::vector<unsigned char> wkb;  // Polygon or MultiPolygon, lon/lat WGS84 (geo::BoundaryFeature::wkb)
  std::optional<double> value;     // none: no data or suppressed
};

struct ChoroplethSpec {
  FigureText text;  // the source line is the data's; the map adds the boundary attribution
  std::vector<MapArea> areas;
  std::string legend_title;  // the measure and unit: "Crimes per 1,000 residents"
  int classes = 5;
  ClassMethod method = ClassMethod::quantile;
  std::vector<double> breaks;       // ClassMethod::given: the class edges, lowest first
  int decimals = 1;                 // of values in the legend and the hover titles
  std::string area_noun = "Wards";  // heads the legend's count column
  std::string no_data_label = "No data or suppressed";
  std::vector<unsigned char> outline;  // the district boundary, drawn over the areas; empty: none
  bool north_arrow = true;
  std::string boundary_year;  // year of the boundaries' Crown copyright, e.g. "2025"; empty: no year
  double width = theme::page_width;
  double max_map_height = 560;  // px; a tall district is drawn narrower rather than taller
};

// The classes the map uses, from the areas that have a value (see classify()).
Classes choropleth_classes(const ChoroplethSpec& spec);

// Throws InputError for an area whose geometry is not a Polygon or MultiPolygon WKB or lies where
// British National Grid is undefined, for classes that cannot be formed (see classify()), and for
// a map without areas.
std::string choropleth(const ChoroplethSpec& spec);

}  // namespace csa::figure
