#include "figure/choropleth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "figure/svg.hpp"
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
// Vertices are snapped to a half-pixel grid and repeats dropped: at most a quarter pixel of error,
// and because snapping looks at one vertex at a time, a border two wards share snaps identically
// from both sides (no slivers or overlaps), unlike distance-based thinning that depends on the
// direction a ring is walked.
constexpr double kGrid = 0.5;
constexpr double kBorderWidth = 0.75;  // white lines between areas
constexpr double kOutlineWidth = 1.5;

struct Shape {
  std::vector<Polygon> polygons;  // easting/northing, metres, once projected
};

std::string describe_area(const MapArea& a) { return fmt::format("area {} ({})", a.code, a.name); }

// Projects every vertex of every shape at once (PROJ is faster on arrays) and checks each landed.
void project(std::vector<Shape>& shapes, const std::vector<std::string>& names) {
  std::vector<double> lon, lat, e, n;
  for (const Shape& s : shapes) {
    for (const Polygon& p : s.polygons) {
      for (const Ring& r : p) {
        for (const XY& xy : r) lon.push_back(xy.x), lat.push_back(xy.y);
      }
    }
  }
  const geo::BngProjector projector;
  projector.to_bng(lon, lat, e, n);
  std::size_t k = 0;
  for (std::size_t si = 0; si < shapes.size(); ++si) {
    for (Polygon& p : shapes[si].polygons) {
      for (Ring& r : p) {
        for (XY& xy : r) {
          // PROJ extrapolates far outside the grid's area of use rather than failing, so check the
          // result lands on the grid's extent (0-700 km east, 0-1,300 km north, with a margin): this
          // also catches latitude/longitude given the wrong way round.
          const bool on_grid = std::isfinite(e[k]) && std::isfinite(n[k]) && e[k] > -100'000 && e[k] < 800'000 &&
                               n[k] > -100'000 && n[k] < 1'400'000;
          if (!on_grid) {
            throw InputError(
                fmt::format("{}: point (longitude {}, latitude {}) is not in Great Britain; boundaries must be "
                            "longitude/latitude (WGS84) in Great Britain",
                            names[si], xy.x, xy.y));
          }
          xy = {e[k], n[k]};
          ++k;
        }
      }
    }
  }
}

struct Transform {
  double min_e, max_n, scale, x0, y0;  // px = x0 + (e - min_e) × scale; py = y0 + (max_n - n) × scale
  XY operator()(const XY& p) const { return {x0 + (p.x - min_e) * scale, y0 + (max_n - p.y) * scale}; }
};

// SVG path data for the shape: each ring a closed subpath, snapped to the grid, repeats and
// collinear middles (which change nothing drawn) dropped, rings that collapse below a pixel left out.
std::string path_data(const Shape& shape, const Transform& t) {
  std::string d;
  for (const Polygon& polygon : shape.polygons) {
    for (const Ring& ring : polygon) {
      std::vector<XY> pts;
      for (const XY& p : ring) {
        const XY q = t(p);
        const XY snapped{std::round(q.x / kGrid) * kGrid, std::round(q.y / kGrid) * kGrid};
        if (pts.empty() || snapped.x != pts.back().x || snapped.y != pts.back().y) pts.push_back(snapped);
      }
      while (pts.size() > 1 && pts.front().x == pts.back().x && pts.front().y == pts.back().y) pts.pop_back();
      std::vector<XY> kept;
      for (std::size_t i = 0; i < pts.size(); ++i) {
        const XY& a = kept.empty() ? pts[(i + pts.size() - 1) % pts.size()] : kept.back();
        const XY& b = pts[i];
        const XY& c = pts[(i + 1) % pts.size()];
        // Exact on the half-pixel grid: the products are sums of multiples of 0.25.
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross != 0) kept.push_back(b);
      }
      if (kept.size() < 3) continue;
      d += fmt::format("M{} {}L", coord(kept[0].x), coord(kept[0].y));
      for (std::size_t i = 1; i < kept.size(); ++i)
        d += fmt::format("{}{} {}", i > 1 ? " " : "", coord(kept[i].x), coord(kept[i].y));
      d += 'Z';
    }
  }
  return d;
}

std::string class_label(const Classes& c, std::size_t i, int decimals) {
  return fmt::format("{} to {}", format_value(c.edges[i], decimals), format_value(c.edges[i + 1], decimals));
}

// The longest of 1, 2, 5 × 10^k metres that fits in max_px.
double scale_bar_metres(double px_per_metre, double max_px) {
  double best = 1;
  for (double magnitude = 1; magnitude <= 1e7; magnitude *= 10) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * magnitude * px_per_metre <= max_px) best = m * magnitude;
    }
  }
  return best;
}

// A scale bar's tick in the bar's unit: whole numbers where they are (0, 1, 2 km), else one decimal (0.5 km).
std::string distance_label(double metres, double unit) {
  const double v = metres / unit;
  return format_value(v, std::fmod(v, 1.0) != 0 ? 1 : 0);
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

  std::vector<Shape> shapes;
  std::vector<std::string> names;
  for (const MapArea& a : spec.areas) {
    names.push_back(describe_area(a));
    shapes.push_back({read_wkb_polygons(a.wkb, names.back())});
  }
  const bool has_outline = !spec.outline.empty();
  if (has_outline) {
    names.emplace_back("the map's outline");
    shapes.push_back({read_wkb_polygons(spec.outline, names.back())});
  }
  project(shapes, names);

  double min_e = std::numeric_limits<double>::infinity(), max_e = -min_e, min_n = min_e, max_n = -min_e;
  for (const Shape& s : shapes) {
    for (const Polygon& p : s.polygons) {
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
  const double scale_block = 46, north_block = spec.north_arrow ? 56 : 0;
  const double legend_height = legend_table + 20 + scale_block + north_block;

  const double map_box = body_width - kLegendWidth - kLegendGap;
  double scale = map_box / extent_e;
  if (extent_n * scale > spec.max_map_height) scale = spec.max_map_height / extent_n;
  const double map_w = extent_e * scale, map_h = extent_n * scale;
  const double body_height = std::max(map_h, legend_height);
  const double height = frame.height_for_body(body_height);
  const Rect body = frame.body(height);
  const Transform t{min_e, max_n, scale, body.x + (map_box - map_w) / 2, body.y};

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
        {"class", "area"}, {"data-code", a.code}, {"d", path_data(shapes[i], t)}, {"fill", fill}};
    if (a.value) attrs.emplace_back("data-value", *a.value);
    svg.element("path", attrs,
                fmt::format("{}: {}", a.name, a.value ? format_value(*a.value, spec.decimals) : spec.no_data_label));
  }
  svg.close();
  if (has_outline) {
    svg.element("path", {{"class", "outline"},
                         {"d", path_data(shapes.back(), t)},
                         {"fill", "none"},
                         {"stroke", theme::text},
                         {"stroke-width", kOutlineWidth},
                         {"stroke-linejoin", "round"},
                         {"fill-rule", "evenodd"}});
  }

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

  // Scale bar: two halves, dark and light, labelled at 0, the middle and the end.
  y += 20;
  const double metres = scale_bar_metres(scale, kLegendWidth - 40);
  const double bar = metres * scale;
  const double bar_y = y + 16;
  svg.text(lx, y + 8, "Scale", {.size = theme::source_size, .colour = theme::text_secondary});
  svg.element("rect", {{"class", "scale-bar"},
                       {"x", lx},
                       {"y", bar_y},
                       {"width", bar / 2},
                       {"height", 6},
                       {"fill", theme::text},
                       {"stroke", theme::text},
                       {"stroke-width", 0.75}});
  svg.element("rect", {{"x", lx + bar / 2},
                       {"y", bar_y},
                       {"width", bar / 2},
                       {"height", 6},
                       {"fill", theme::background},
                       {"stroke", theme::text},
                       {"stroke-width", 0.75}});
  const TextStyle small{.size = theme::source_size, .colour = theme::text, .anchor = Anchor::middle};
  const double label_y = bar_y + 6 + 14;
  const bool km = metres >= 1000;
  const double unit = km ? 1000 : 1;
  svg.text(lx, label_y, "0", small);
  svg.text(lx + bar / 2, label_y, distance_label(metres / 2, unit), small);
  svg.text(lx + bar, label_y, distance_label(metres, unit) + (km ? " km" : " m"), small);
  y += scale_block;

  if (spec.north_arrow) {
    // An arrow to grid north (British National Grid's "up"), within 2° of true north in England.
    const double cx = lx + 10, top = y + 8;
    svg.element("path",
                {{"class", "north-arrow"},
                 {"d", fmt::format("M{} {}L{} {}L{} {}L{} {}Z", coord(cx), coord(top), coord(cx + 8), coord(top + 24),
                                   coord(cx), coord(top + 18), coord(cx - 8), coord(top + 24))},
                 {"fill", theme::text}});
    svg.text(cx, top + 24 + 16, "N",
             {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::middle, .bold = true});
  }
  return svg.finish();
}

}  // namespace csa::figure
