#include "figure/bar_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "figure/axis.hpp"
#include "figure/plot_heading.hpp"
#include "figure/text_metrics.hpp"

namespace csa::figure {

namespace {

constexpr double kDefaultColumnHeight = 400;  // px, a column chart's whole figure
constexpr double kAxisTitleLine = 20;
constexpr double kLabelLine = 16;         // category label line height
constexpr double kValueGap = 4;           // bar end to its value label
constexpr double kGroupGap = 2;           // between bars of one group
constexpr double kBarThickness = 20;      // horizontal bars: one series
constexpr double kGroupedThickness = 15;  // horizontal bars: each of several series
constexpr double kRowPadding = 10;
constexpr double kMaxColumnWidth = 96;  // wider columns look like blocks, not bars
constexpr int kValueIntervals = 5;

void check(const BarChartSpec& spec) {
  if (spec.categories.empty()) throw InternalError("bar_chart: no categories");
  if (spec.series.empty()) throw InternalError("bar_chart: no series");
  for (const BarSeries& s : spec.series) {
    if (s.values.size() != spec.categories.size()) {
      throw InternalError(fmt::format("bar_chart: series '{}' has {} values for {} categories", s.name, s.values.size(),
                                      spec.categories.size()));
    }
    for (const auto& v : s.values) {
      if (v && !std::isfinite(*v))
        throw InternalError(fmt::format("bar_chart: series '{}' has a non-finite value", s.name));
    }
  }
  if (spec.highlight && *spec.highlight >= spec.categories.size())
    throw InternalError("bar_chart: highlight outside the categories");
}

std::string series_colour(const BarChartSpec& spec, std::size_t series) {
  return spec.series[series].colour.empty() ? std::string(theme::categorical(series)) : spec.series[series].colour;
}

std::string bar_colour(const BarChartSpec& spec, std::size_t series, std::size_t category) {
  if (spec.series.size() == 1 && spec.highlight == category) return std::string(theme::categorical(1));
  return series_colour(spec, series);
}

std::string describe(const BarChartSpec& spec) {
  std::string out = spec.direction == BarDirection::vertical ? "Column chart." : "Bar chart.";
  for (const BarSeries& s : spec.series) {
    if (spec.series.size() > 1) out += " " + s.name + ":";
    for (std::size_t i = 0; i < spec.categories.size(); ++i) {
      out += fmt::format(" {} {}{}", spec.categories[i],
                         s.values[i] ? format_value(*s.values[i], spec.decimals) : spec.missing_label,
                         i + 1 < spec.categories.size() ? ";" : ".");
    }
  }
  return out;
}

// The value axis, from zero (bars must start at zero to compare by length), with a little room
// beyond the longest bar for its label.
Ticks value_ticks(const BarChartSpec& spec) {
  double lo = 0, hi = 0;
  for (const BarSeries& s : spec.series) {
    for (const auto& v : s.values) {
      if (!v) continue;
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  }
  return nice_ticks(lo, hi, kValueIntervals);
}

std::vector<LegendKey> legend_keys(const BarChartSpec& spec) {
  std::vector<LegendKey> keys;
  if (spec.series.size() > 1) {
    for (std::size_t i = 0; i < spec.series.size(); ++i) keys.push_back({spec.series[i].name, series_colour(spec, i)});
  }
  return keys;
}

void draw_bar(SvgWriter& svg, const BarChartSpec& spec, std::size_t si, std::size_t ci, double x, double y, double w,
              double h) {
  const std::string& category = spec.categories[ci];
  const std::string tooltip =
      fmt::format("{}{}: {}", category, spec.series.size() > 1 ? ", " + spec.series[si].name : "",
                  format_value(*spec.series[si].values[ci], spec.decimals));
  svg.element("rect",
              {{"class", "bar"},
               {"x", x},
               {"y", y},
               {"width", w},
               {"height", h},
               {"fill", bar_colour(spec, si, ci)},
               {"data-value", *spec.series[si].values[ci]},
               {"data-category", category}},
              tooltip);
}

std::string columns(const BarChartSpec& spec) {
  const double height = spec.height > 0 ? spec.height : kDefaultColumnHeight;
  const Frame frame(spec.text, spec.width);
  const Rect body = frame.body(height);
  const PlotHeading heading(legend_keys(spec), spec.value_axis_title, body);
  SvgWriter svg = frame.start(height, describe(spec));
  heading.draw(svg);

  const Ticks ticks = value_ticks(spec);
  const double plot_left = body.x + tick_label_width(ticks);
  const double plot_right = body.right();
  const double n = static_cast<double>(spec.categories.size());
  const double slot = (plot_right - plot_left) / n;

  // Category labels wrapped to their slot; the tallest sets the space under the axis.
  std::vector<std::vector<std::string>> labels;
  std::size_t label_lines = 1;
  for (const std::string& c : spec.categories) {
    labels.push_back(wrap_text(c, theme::label_size, slot - 6));
    label_lines = std::max(label_lines, labels.back().size());
  }
  // A value label hangs under a negative column: room for it above the category labels.
  const bool any_negative = std::any_of(spec.series.begin(), spec.series.end(), [](const BarSeries& s) {
    return std::any_of(s.values.begin(), s.values.end(), [](const auto& v) { return v && *v < 0; });
  });
  const double negative_room = spec.value_labels && any_negative ? kValueGap + theme::label_size : 0;
  const double plot_bottom = body.bottom() - 6 - static_cast<double>(label_lines) * kLabelLine - negative_room;
  const LinearScale y{ticks.min(), ticks.max(), plot_bottom, heading.plot_top()};
  draw_value_grid(svg, ticks, y, ValueAxis::vertical, plot_left, plot_right);

  const double series_n = static_cast<double>(spec.series.size());
  const double group = std::min(slot * 0.7, kMaxColumnWidth * series_n);
  const double bar = (group - kGroupGap * (series_n - 1)) / series_n;
  // Value labels only when every one fits over its bar; a few clipped labels would mislead.
  bool labels_fit = spec.value_labels;
  for (const BarSeries& s : spec.series) {
    for (const auto& v : s.values) {
      const std::string text = v ? format_value(*v, spec.decimals) : spec.missing_label;
      if (text_width(text, theme::label_size) > bar + kGroupGap) labels_fit = false;
    }
  }
  for (std::size_t ci = 0; ci < spec.categories.size(); ++ci) {
    const double centre = plot_left + (static_cast<double>(ci) + 0.5) * slot;
    for (std::size_t si = 0; si < spec.series.size(); ++si) {
      const double x = centre - group / 2 + static_cast<double>(si) * (bar + kGroupGap);
      const auto& v = spec.series[si].values[ci];
      if (!v) {
        svg.text(x + bar / 2, y(0) - kValueGap, spec.missing_label,
                 {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::middle});
        continue;
      }
      const double top = std::min(y(*v), y(0));
      draw_bar(svg, spec, si, ci, x, top, bar, std::abs(y(*v) - y(0)));
      if (labels_fit) {
        // Above a positive bar, below a negative one.
        const double ty = *v >= 0 ? y(*v) - kValueGap : y(*v) + kValueGap + theme::label_size * 0.8;
        svg.text(x + bar / 2, ty, format_value(*v, spec.decimals),
                 {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::middle},
                 {{"class", "value-label"}});
      }
    }
    for (std::size_t line = 0; line < labels[ci].size(); ++line) {
      svg.text(centre,
               plot_bottom + negative_room + 6 + theme::label_size * 0.8 + static_cast<double>(line) * kLabelLine,
               labels[ci][line], {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::middle},
               {{"class", "category-label"}});
    }
  }
  draw_baseline(svg, 0, y, ValueAxis::vertical, plot_left, plot_right);
  return svg.finish();
}

std::string bars(const BarChartSpec& spec) {
  const Frame frame(spec.text, spec.width);
  const double body_width = spec.width - 2 * theme::margin;
  const Ticks ticks = value_ticks(spec);

  // Names on the left, wrapped at 40% of the width so the bars keep most of it.
  std::vector<std::vector<std::string>> labels;
  double label_width = 0;
  std::size_t most_lines = 1;
  for (const std::string& c : spec.categories) {
    labels.push_back(wrap_text(c, theme::label_size, body_width * 0.4));
    for (const std::string& line : labels.back())
      label_width = std::max(label_width, text_width(line, theme::label_size));
    most_lines = std::max(most_lines, labels.back().size());
  }
  const double series_n = static_cast<double>(spec.series.size());
  const double thickness = spec.series.size() > 1 ? kGroupedThickness : kBarThickness;
  const double group = thickness * series_n + kGroupGap * (series_n - 1);
  const double row = std::max(group, static_cast<double>(most_lines) * kLabelLine) + kRowPadding;
  // Under the plot: the tick labels, then the axis title, which reads with the values along the bottom.
  const double tick_labels = 6 + theme::label_size + 4;
  const double x_labels = tick_labels + (spec.value_axis_title.empty() ? 0 : kAxisTitleLine);
  const double above = PlotHeading(legend_keys(spec), "", {0, 0, body_width, 0}).height();
  const double height =
      spec.height > 0 ? spec.height
                      : frame.height_for_body(above + row * static_cast<double>(spec.categories.size()) + x_labels);
  const Rect body = frame.body(height);
  const PlotHeading heading(legend_keys(spec), "", body);
  SvgWriter svg = frame.start(height, describe(spec));
  heading.draw(svg);
  const double plot_top = heading.plot_top();
  // Room for value labels beyond the bars' ends: on the right for positive values, and between the
  // names and the axis for negative ones; and for the last tick label's half.
  double value_width = 0, negative_width = 0;
  for (const BarSeries& s : spec.series) {
    for (const auto& v : s.values) {
      const double w = text_width(v ? format_value(*v, spec.decimals) : spec.missing_label, theme::label_size);
      value_width = std::max(value_width, w);
      if (v && *v < 0) negative_width = std::max(negative_width, w + kValueGap);
    }
  }
  const double names_right = body.x + label_width;
  const double plot_left = names_right + 10 + (spec.value_labels ? negative_width : 0);
  const double last_tick_half = text_width(format_value(ticks.max(), ticks.decimals), theme::label_size) / 2;
  const double plot_right = body.right() - std::max(spec.value_labels ? value_width + kValueGap : 0.0, last_tick_half);
  const double plot_bottom = body.bottom() - x_labels;
  const LinearScale x{ticks.min(), ticks.max(), plot_left, plot_right};
  draw_value_grid(svg, ticks, x, ValueAxis::horizontal, plot_top, plot_bottom);
  if (!spec.value_axis_title.empty()) {
    svg.text(plot_right, plot_bottom + tick_labels + kAxisTitleLine * 0.75, spec.value_axis_title,
             {.size = theme::label_size, .colour = theme::text_secondary, .anchor = Anchor::end});
  }

  const double row_height = (plot_bottom - plot_top) / static_cast<double>(spec.categories.size());
  for (std::size_t ci = 0; ci < spec.categories.size(); ++ci) {
    const double middle = plot_top + (static_cast<double>(ci) + 0.5) * row_height;
    const double first_line =
        middle - (static_cast<double>(labels[ci].size()) - 1) * kLabelLine / 2 + theme::label_size * 0.35;
    for (std::size_t line = 0; line < labels[ci].size(); ++line) {
      svg.text(names_right, first_line + static_cast<double>(line) * kLabelLine, labels[ci][line],
               {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::end},
               {{"class", "category-label"}});
    }
    for (std::size_t si = 0; si < spec.series.size(); ++si) {
      const double top = middle - group / 2 + static_cast<double>(si) * (thickness + kGroupGap);
      const auto& v = spec.series[si].values[ci];
      const double text_y = top + thickness / 2 + theme::label_size * 0.35;
      if (!v) {
        svg.text(x(0) + kValueGap, text_y, spec.missing_label, {.size = theme::label_size, .colour = theme::text});
        continue;
      }
      draw_bar(svg, spec, si, ci, std::min(x(*v), x(0)), top, std::abs(x(*v) - x(0)), thickness);
      if (spec.value_labels) {
        const bool positive = *v >= 0;
        svg.text(x(*v) + (positive ? kValueGap : -kValueGap), text_y, format_value(*v, spec.decimals),
                 {.size = theme::label_size, .colour = theme::text, .anchor = positive ? Anchor::start : Anchor::end},
                 {{"class", "value-label"}});
      }
    }
  }
  draw_baseline(svg, 0, x, ValueAxis::horizontal, plot_top, plot_bottom);
  return svg.finish();
}

}  // namespace

std::string bar_chart(const BarChartSpec& spec) {
  check(spec);
  return spec.direction == BarDirection::vertical ? columns(spec) : bars(spec);
}

}  // namespace csa::figure
