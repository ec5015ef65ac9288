#include "figure/hotspot_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
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
constexpr double kLegendGap = 24;
constexpr double kRowHeight = 22;
constexpr double kSwatchWidth = 22, kSwatchHeight = 15;
constexpr double kTitleLine = 17;
constexpr std::string_view kWardLine = "#7a7a7a";
constexpr std::string_view kNotSignificant = "#d9d9d9";

// ColorBrewer RdBu (7-class, without its white middle), cold 99% first.
constexpr std::array<std::string_view, 7> kClassColour = {"#2166ac", "#67a9cf", "#d1e5f0", "",
                                                          "#fddbc7", "#ef8a62", "#b2182b"};

// History classes 1..6: new, persistent, intensifying, diminishing, intermittent, former.
constexpr std::array<std::string_view, 7> kHistoryColour = {"", "#e66101", "#d7301f", "#7f0000",
                                                            "#b2abd2", "#fdb863", "#5e3c99"};

}  // namespace

std::string_view hotspot_history_colour(int history, std::int64_t count) {
  if (history <= 0 || history >= static_cast<int>(kHistoryColour.size())) return count > 0 ? kNotSignificant : "";
  return kHistoryColour[static_cast<std::size_t>(history)];
}

std::string_view hotspot_class_colour(int gi_class, std::int64_t count) {
  if (gi_class == 0) return count > 0 ? kNotSignificant : "";
  return kClassColour[static_cast<std::size_t>(std::clamp(gi_class, -3, 3) + 3)];
}

std::string hotspot_map(const HotspotMapSpec& spec) {
  if (spec.cells.empty()) throw InputError("hot-spot map: no cells to draw");
  if (!(spec.cell_size > 0)) throw InputError("hot-spot map: the cell size must be positive");

  std::vector<MapShape> shapes;
  for (std::size_t i = 0; i < spec.wards.size(); ++i)
    shapes.push_back(read_wkb_polygons(spec.wards[i], fmt::format("ward boundary {}", i + 1)));
  const bool has_outline = !spec.outline.empty();
  if (has_outline) shapes.push_back(read_wkb_polygons(spec.outline, "the area's outline"));
  project_to_bng(shapes, [](std::size_t) { return std::string("hot-spot map boundary"); });

  const bool history = spec.mode == HotspotMapMode::history;
  const bool classes = spec.mode == HotspotMapMode::classes;
  if (classes && spec.classes.empty()) throw InputError("hot-spot map: classes mode without classes");
  auto class_colour = [&](int k) -> std::string_view {
    return k >= 1 && k <= static_cast<int>(spec.classes.size()) ? std::string_view(spec.classes[static_cast<std::size_t>(k - 1)].colour)
                                                                : std::string_view();
  };
  // The class a cell is drawn and counted by, and its fill.
  auto key = [&](const HotspotMapCell& c) {
    return classes ? c.value_class : history ? c.history : std::clamp(c.gi_class, -3, 3);
  };
  auto fill_of = [&](const HotspotMapCell& c) {
    return classes ? class_colour(c.value_class)
           : history ? hotspot_history_colour(c.history, c.count)
                     : hotspot_class_colour(c.gi_class, c.count);
  };
  const double half = spec.cell_size / 2;
  double min_e = std::numeric_limits<double>::infinity(), max_e = -min_e, min_n = min_e, max_n = -min_e;
  auto extend = [&](double e, double n) {
    min_e = std::min(min_e, e), max_e = std::max(max_e, e), min_n = std::min(min_n, n), max_n = std::max(max_n, n);
  };
  for (const auto& s : shapes)
    for (const Polygon& p : s)
      for (const XY& xy : p.front()) extend(xy.x, xy.y);
  // The drawn cells (not the blank ones) count towards the extent.
  for (const auto& c : spec.cells) {
    if (fill_of(c).empty()) continue;
    extend(c.x - half, c.y - half);
    extend(c.x + half, c.y + half);
  }
  if (!std::isfinite(min_e)) {  // nothing to draw at all: every cell empty and not significant
    for (const auto& c : spec.cells) extend(c.x - half, c.y - half), extend(c.x + half, c.y + half);
  }
  const double extent_e = std::max(max_e - min_e, 1.0), extent_n = std::max(max_n - min_n, 1.0);

  // Legend rows: hot 99 … hot 90, not significant (with incidents), cold 90 … cold 99.
  struct Row {
    int cls;
    std::string label;
    std::size_t cells = 0;
  };
  std::vector<Row> rows;
  if (classes) {
    for (std::size_t k = 0; k < spec.classes.size(); ++k) rows.push_back({static_cast<int>(k + 1), spec.classes[k].label});
  } else if (history) {
    rows = {{1, "New"},         {3, "Intensifying"},  {2, "Persistent"}, {5, "Intermittent"},
            {4, "Diminishing"}, {6, "Former"},        {0, "Never hot (with incidents)"}};
  } else {
    rows = {{3, "Hot spot, 99% confidence"}, {2, "Hot spot, 95%"},  {1, "Hot spot, 90%"}, {0, "Not significant"},
            {-1, "Cold spot, 90%"},          {-2, "Cold spot, 95%"}, {-3, "Cold spot, 99%"}};
  }
  for (const auto& c : spec.cells) {
    for (auto& r : rows) {
      if (r.cls == key(c) && !(r.cls == 0 && (c.count == 0 || classes))) ++r.cells;
    }
  }
  // Cold classes appear in the legend only when some cell has them (rare with counts of crime).
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Row& r) { return r.cls < 0 && r.cells == 0; }),
             rows.end());

  const std::string year = spec.boundary_year.empty() ? "" : " " + spec.boundary_year;
  const Frame frame(spec.text, spec.width,
                    {"Contains OS data \u00A9 Crown copyright and database right" + year + ".",
                     "Contains public sector information licensed under the Open Government Licence v3.0."});
  const double body_width = spec.width - 2 * theme::margin;
  const std::string legend_title =
      !spec.legend_title.empty() ? spec.legend_title
      : history ? fmt::format("Hot-spot history, {} m cells", format_value(spec.cell_size, 0))
                : fmt::format("Getis\u2013Ord Gi*, {} m cells", format_value(spec.cell_size, 0));
  const std::vector<std::string> title_lines = wrap_text(legend_title, theme::label_size, kLegendWidth, true);
  const double legend_table = static_cast<double>(title_lines.size()) * kTitleLine + 6 +
                              kRowHeight * static_cast<double>(rows.size() + 1) +
                              (spec.wards.empty() ? 0 : kRowHeight) + (has_outline ? kRowHeight : 0);
  const double scale_block = kScaleBarHeight, north_block = kNorthArrowHeight;
  const double legend_height = legend_table + 20 + scale_block + north_block;

  const double map_box = body_width - kLegendWidth - kLegendGap;
  double scale = map_box / extent_e;
  if (extent_n * scale > spec.max_map_height) scale = spec.max_map_height / extent_n;
  const double map_w = extent_e * scale, map_h = extent_n * scale;
  const double height = frame.height_for_body(std::max(map_h, legend_height));
  const Rect body = frame.body(height);
  const MapTransform t{min_e, max_n, scale, body.x + (map_box - map_w) / 2, body.y};

  std::size_t hot = 0;
  for (const auto& c : spec.cells) hot += (history ? c.history > 0 : c.gi_class > 0) ? 1 : 0;
  SvgWriter svg = frame.start(
      height, classes ? fmt::format("Map of {} grid cells of {} m coloured by {}.", spec.cells.size(),
                                    format_value(spec.cell_size, 0), spec.legend_title)
              : history ? fmt::format("Map of {} grid cells of {} m; {} have been hot spots in at least one period.",
                                    spec.cells.size(), format_value(spec.cell_size, 0), hot)
                      : fmt::format("Map of {} grid cells of {} m; {} are hot spots at 90% or more.", spec.cells.size(),
                                    format_value(spec.cell_size, 0), hot));

  // Cells: not significant first, then hot and cold by rising confidence, so the strongest are on top.
  svg.open("g", {{"class", "cells"}, {"stroke", "none"}});
  std::vector<int> passes = history ? std::vector<int>{0, 6, 4, 5, 2, 3, 1} : std::vector<int>{0, 1, -1, 2, -2, 3, -3};
  if (classes) {
    passes.clear();
    for (std::size_t k = 1; k <= spec.classes.size(); ++k) passes.push_back(static_cast<int>(k));
  }
  for (int pass : passes) {
    for (const auto& c : spec.cells) {
      if (key(c) != pass) continue;
      const std::string_view fill = fill_of(c);
      if (fill.empty()) continue;
      const XY tl = t({c.x - half, c.y + half});
      // A hair wider than the cell so neighbours leave no anti-aliasing seam.
      svg.element("rect", {{"class", "cell"},
                           {"x", tl.x},
                           {"y", tl.y},
                           {"width", spec.cell_size * scale + 0.3},
                           {"height", spec.cell_size * scale + 0.3},
                           {"fill", fill},
                           {"data-count", static_cast<double>(c.count)}},
                  fmt::format("{} incident{}", c.count, c.count == 1 ? "" : "s"));
    }
  }
  svg.close();
  if (!spec.wards.empty()) {
    svg.open("g", {{"class", "wards"},
                   {"fill", "none"},
                   {"stroke", kWardLine},
                   {"stroke-width", 0.6},
                   {"stroke-linejoin", "round"}});
    for (std::size_t i = 0; i < spec.wards.size(); ++i) svg.element("path", {{"class", "ward"}, {"d", map_path_data(shapes[i], t)}});
    svg.close();
  }
  if (has_outline) draw_map_outline(svg, shapes.back(), t, 1.5);

  // Legend.
  const double lx = body.right() - kLegendWidth;
  double y = body.y;
  for (const std::string& line : title_lines) {
    svg.text(lx, y + kTitleLine * 0.8, line, {.size = theme::label_size, .colour = theme::text, .bold = true});
    y += kTitleLine;
  }
  y += 6;
  const TextStyle count{.size = theme::label_size, .colour = theme::text, .anchor = Anchor::end};
  svg.text(body.right(), y + kRowHeight * 0.65, "Cells",
           {.size = theme::source_size, .colour = theme::text_secondary, .anchor = Anchor::end});
  y += kRowHeight;
  const double text_dy = kRowHeight / 2 + theme::label_size * 0.35;
  for (const Row& r : rows) {
    svg.element("rect", {{"class", "legend-swatch"},
                         {"x", lx},
                         {"y", y + (kRowHeight - kSwatchHeight) / 2},
                         {"width", kSwatchWidth},
                         {"height", kSwatchHeight},
                         {"fill", classes   ? class_colour(r.cls)
                                  : history ? hotspot_history_colour(r.cls, 1)
                                            : hotspot_class_colour(r.cls, 1)},
                         {"stroke", "#8c8c8c"},
                         {"stroke-width", 0.5}});
    svg.text(lx + kSwatchWidth + 8, y + text_dy, r.label, {.size = theme::source_size, .colour = theme::text},
             {{"class", "legend-label"}});
    svg.text(body.right(), y + text_dy, std::to_string(r.cells), count, {{"class", "legend-count"}});
    y += kRowHeight;
  }
  auto line_row = [&](std::string_view stroke, double width, std::string_view text) {
    const double my = y + kRowHeight / 2;
    svg.element("line", {{"x1", lx}, {"y1", my}, {"x2", lx + kSwatchWidth}, {"y2", my}, {"stroke", stroke},
                         {"stroke-width", width}});
    svg.text(lx + kSwatchWidth + 8, y + text_dy, text, {.size = theme::source_size, .colour = theme::text});
    y += kRowHeight;
  };
  if (!spec.wards.empty()) line_row(kWardLine, 1, "Ward boundary");
  if (has_outline) line_row(theme::text, 1.5, "District boundary");

  // Scale bar.
  y += 20;
  draw_scale_bar(svg, lx, y, scale, kLegendWidth - 40);
  y += scale_block;

  draw_north_arrow(svg, lx + 10, y);
  return svg.finish();
}

}  // namespace csa::figure
