#include "figure/choropleth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "figure/svg.hpp"
#include "figure/map_geometry.hpp"
#include "figure/text_metrics.hpp"
#include "figure/wkb_polygons.hpp"
#include "geo/projection.hpp"

namespace csa::figure {

namespace {

constexpr double kLegendWidth = 190;  // px, the column right of the map
constexpr double kLegendGap = 24;     // map to legend
constexpr double kRowHeight = 22;     // one legend class
constexpr double kSwatchWidth = 22, kSwatchHeight = 15;
constexpr double kTitleLine = 17;
constexpr double kBorderWidth = 0.75;  // white lines between areas
constexpr double kOutlineWidth = 1.5;

std::string describe_area(const MapArea& a) { return fmt::format("area {} ({})", a.code, a.name); }

std::string class_label(const Classes& c, std::size_t i, int decimals) {
  return fmt::format("{} to {}", format_value(c.edges[i], decimals), format_value(c.edges[i + 1], decimals));
}

std::string describe(const ChoroplethSpec& spec, const std::optional<Classes>& classes) {
  std::string out = fmt::format("Map of {} areas shaded by {}", spec.areas.size(),
                                spec.legend_title.empty() ? "value" : spec.legend_title);
  if (classes) {
    out += fmt::format(" in {} class{} ({})", classes->count(), classes->count() == 1 ? "" : "es",
                       spec.method == ClassMethod::quantile         ? "quantiles"
                       : spec.method == ClassMethod::equal_interval ? "equal intervals"
                                                                    : "fixed breaks");
    const MapArea* lo = nullptr;
    const MapArea* hi = nullptr;
    for (const MapArea& a : spec.areas) {
      if (!a.value) continue;
      if (lo == nullptr || *a.value < *lo->value) lo = &a;
      if (hi == nullptr || *a.value > *hi->value) hi = &a;
    }
    out += fmt::format(". Highest: {} ({}); lowest: {} ({})", hi->name, format_value(*hi->value, spec.decimals),
                       lo->name, format_value(*lo->value, spec.decimals));
  }
  const auto missing = std::count_if(spec.areas.begin(), spec.areas.end(), [](const MapArea& a) { return !a.value; });
  if (missing > 0) out += fmt::format(". {} area{} without a value", missing, missing == 1 ? "" : "s");
  return out + ".";
}

}  // namespace

Classes choropleth_classes(const ChoroplethSpec& spec) {
  std::vector<double> values;
  for (const MapArea& a : spec.areas) {
    if (a.value) values.push_back(*a.value);
  }
  return classify(values, spec.classes, spec.method, spec.breaks);
}

std::string choropleth(const ChoroplethSpec& spec) {
  if (spec.areas.empty()) throw InputError("map: no areas to draw");
  const bool any_value =
      std::any_of(spec.areas.begin(), spec.areas.end(), [](const MapArea& a) { return a.value.has_value(); });
  // A map where every value is suppressed still shows the areas, all hatched.
  const std::optional<Classes> classes = any_value ? std::optional<Classes>(choropleth_classes(spec)) : std::nullopt;
  const std::vector<std::string_view> colours =
      classes ? theme::sequential(classes->count()) : std::vector<std::string_view>{};

  std::vector<MapShape> shapes;
  std::vector<std::string> names;
  for (const MapArea& a : spec.areas) {
    names.push_back(describe_area(a));
    shapes.push_back(read_wkb_polygons(a.wkb, names.back()));
  }
  const bool has_outline = !spec.outline.empty();
  if (has_outline) {
    names.emplace_back("the map's outline");
    shapes.push_back(read_wkb_polygons(spec.outline, names.back()));
  }
  project_to_bng(shapes, [&](std::size_t i) { return names[i]; });

  double min_e = std::numeric_limits<double>::infinity(), max_e = -min_e, min_n = min_e, max_n = -min_e;
  for (const MapShape& s : shapes) {
    for (const Polygon& p : s) {
      for (const XY& xy : p.front()) {  // holes lie inside their exterior
        min_e = std::min(min_e, xy.x), max_e = std::max(max_e, xy.x);
        min_n = std::min(min_n, xy.y), max_n = std::max(max_n, xy.y);
      }
    }
  }
  const double extent_e = std::max(max_e - min_e, 1.0), extent_n = std::max(max_n - min_n, 1.0);

  // Legend content first: its height and the map's decide the figure's.
  const std::string year = spec.boundary_year.empty() ? "" : " " + spec.boundary_year;
  const Frame frame(spec.text, spec.width,
                    {"Contains OS data \u00A9 Crown copyright and database right" + year + ".",
                     "Contains public sector information licensed under the Open Government Licence v3.0."});
  const double body_width = spec.width - 2 * theme::margin;
  const std::vector<std::string> title_lines =
      spec.legend_title.empty() ? std::vector<std::string>{}
                                : wrap_text(spec.legend_title, theme::label_size, kLegendWidth, true);
  std::vector<std::size_t> counts(classes ? classes->count() : 0, 0);
  std::size_t missing = 0;
  for (const MapArea& a : spec.areas) {
    if (a.value)
      ++counts[classes->class_of(*a.value)];
    else
      ++missing;
  }
  const double rows = static_cast<double>(counts.size() + (missing > 0 ? 1 : 0));
  const double legend_table = static_cast<double>(title_lines.size()) * kTitleLine + 6 + kRowHeight * (rows + 1);
  const double scale_block = kScaleBarHeight, north_block = spec.north_arrow ? kNorthArrowHeight : 0;
  const double legend_height = legend_table + 20 + scale_block + north_block;

  const double map_box = body_width - kLegendWidth - kLegendGap;
  double scale = map_box / extent_e;
  if (extent_n * scale > spec.max_map_height) scale = spec.max_map_height / extent_n;
  const double map_w = extent_e * scale, map_h = extent_n * scale;
  const double body_height = std::max(map_h, legend_height);
  const double height = frame.height_for_body(body_height);
  const Rect body = frame.body(height);
  const MapTransform t{min_e, max_n, scale, body.x + (map_box - map_w) / 2, body.y};

  SvgWriter svg = frame.start(height, describe(spec, classes));
  const std::string hatch = svg.id("no-data");
  svg.open("defs");
  svg.open("pattern", {{"id", hatch},
                       {"patternUnits", "userSpaceOnUse"},
                       {"width", 6},
                       {"height", 6},
                       {"patternTransform", "rotate(45)"}});
  svg.element("rect", {{"width", 6}, {"height", 6}, {"fill", theme::no_data}});
  svg.element("line",
              {{"x1", 0}, {"y1", 0}, {"x2", 0}, {"y2", 6}, {"stroke", theme::no_data_hatch}, {"stroke-width", 1.5}});
  svg.close();
  svg.close();

  svg.open("g", {{"stroke", theme::background},
                 {"stroke-width", kBorderWidth},
                 {"stroke-linejoin", "round"},
                 {"fill-rule", "evenodd"}});
  for (std::size_t i = 0; i < spec.areas.size(); ++i) {
    const MapArea& a = spec.areas[i];
    const std::string fill = a.value ? std::string(colours[classes->class_of(*a.value)]) : "url(#" + hatch + ")";
    std::vector<Attr> attrs = {
        {"class", "area"}, {"data-code", a.code}, {"d", map_path_data(shapes[i], t)}, {"fill", fill}};
    if (a.value) attrs.emplace_back("data-value", *a.value);
    svg.element("path", attrs,
                fmt::format("{}: {}", a.name, a.value ? format_value(*a.value, spec.decimals) : spec.no_data_label));
  }
  svg.close();
  if (has_outline) draw_map_outline(svg, shapes.back(), t, kOutlineWidth);

  // Legend: title, then one row per class (lowest first, as a table reads) with its count of areas.
  const double lx = body.right() - kLegendWidth;
  double y = body.y;
  for (const std::string& line : title_lines) {
    svg.text(lx, y + kTitleLine * 0.8, line, {.size = theme::label_size, .colour = theme::text, .bold = true});
    y += kTitleLine;
  }
  y += 6;
  const TextStyle label{.size = theme::label_size, .colour = theme::text};
  const TextStyle count{.size = theme::label_size, .colour = theme::text, .anchor = Anchor::end};
  svg.text(body.right(), y + kRowHeight * 0.65, spec.area_noun,
           {.size = theme::source_size, .colour = theme::text_secondary, .anchor = Anchor::end});
  y += kRowHeight;
  auto row = [&](const std::string& fill, const std::string& text, std::size_t n) {
    svg.element("rect", {{"class", "legend-swatch"},
                         {"x", lx},
                         {"y", y + (kRowHeight - kSwatchHeight) / 2},
                         {"width", kSwatchWidth},
                         {"height", kSwatchHeight},
                         {"fill", fill},
                         {"stroke", "#8c8c8c"},
                         {"stroke-width", 0.5}});
    svg.text(lx + kSwatchWidth + 8, y + kRowHeight / 2 + theme::label_size * 0.35, text, label,
             {{"class", "legend-label"}});
    svg.text(body.right(), y + kRowHeight / 2 + theme::label_size * 0.35, std::to_string(n), count,
             {{"class", "legend-count"}});
    y += kRowHeight;
  };
  for (std::size_t i = 0; i < counts.size(); ++i)
    row(std::string(colours[i]), class_label(*classes, i, spec.decimals), counts[i]);
  if (missing > 0) row("url(#" + hatch + ")", spec.no_data_label, missing);

  // Scale bar and north arrow.
  y += 20;
  draw_scale_bar(svg, lx, y, scale, kLegendWidth - 40);
  y += scale_block;

  if (spec.north_arrow) draw_north_arrow(svg, lx + 10, y);
  return svg.finish();
}

}  // namespace csa::figure
