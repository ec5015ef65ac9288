#include "figure/line_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "figure/axis.hpp"
#include "figure/plot_heading.hpp"
#include "figure/text_metrics.hpp"

namespace csa::figure {

namespace {

constexpr double kMonthlyStroke = 1.5;  // px
constexpr double kAverageStroke = 3;
constexpr double kPointRadius = 2.75;
constexpr double kTickLength = 5;
constexpr int kValueIntervals = 5;

void check(const LineChartSpec& spec) {
  if (spec.series.empty()) throw InternalError("line_chart: no series");
  const std::size_t months = spec.series.front().values.size();
  if (months == 0) throw InternalError("line_chart: no months");
  for (const MonthlySeries& s : spec.series) {
    if (s.values.size() != months) {
      throw InternalError(
          fmt::format("line_chart: series '{}' has {} values, the first has {}", s.name, s.values.size(), months));
    }
    for (const auto& v : s.values) {
      if (v && !std::isfinite(*v))
        throw InternalError(fmt::format("line_chart: series '{}' has a non-finite value", s.name));
    }
  }
  if (spec.peak) {
    const PeakMarker& p = *spec.peak;
    if (p.series >= spec.series.size() || p.month >= months || !spec.series[p.series].values[p.month]) {
      throw InternalError(fmt::format("line_chart: peak marker at series {} month {} has no value", p.series, p.month));
    }
  }
}

std::string colour_of(const LineChartSpec& spec, std::size_t i) {
  return spec.series[i].colour.empty() ? std::string(theme::categorical(i)) : spec.series[i].colour;
}

// Label every k-th month, k the smallest of these that leaves room between labels, on months that
// line up with the calendar (k = 3: Jan, Apr, Jul, Oct), so the axis reads like a calendar.
int label_step(double band, double label_width) {
  static constexpr std::array<int, 9> steps = {1, 2, 3, 4, 6, 12, 24, 60, 120};
  for (int k : steps) {
    if (k * band >= label_width + 12) return k;
  }
  return steps.back();
}

bool labelled(period::Month m, int step) {
  if (step <= 12) return (m.month() - 1) % step == 0;
  return m.month() == 1 && m.year() % (step / 12) == 0;
}

std::string describe(const LineChartSpec& spec) {
  const std::size_t n = spec.series.front().values.size();
  const period::Month last = spec.first_month + static_cast<int>(n - 1);
  std::string out = fmt::format("Line chart by month, {} to {}.", spec.first_month.short_name(), last.short_name());
  for (const MonthlySeries& s : spec.series) {
    std::optional<std::size_t> lo, hi;
    for (std::size_t i = 0; i < n; ++i) {
      if (!s.values[i]) continue;
      if (!lo || *s.values[i] < *s.values[*lo]) lo = i;
      if (!hi || *s.values[i] > *s.values[*hi]) hi = i;
    }
    if (!lo) {
      out += fmt::format(" {}: no values.", s.name);
      continue;
    }
    out += fmt::format(" {}: lowest {} ({}), highest {} ({}).", s.name, format_value(*s.values[*lo], spec.decimals),
                       (spec.first_month + static_cast<int>(*lo)).short_name(),
                       format_value(*s.values[*hi], spec.decimals),
                       (spec.first_month + static_cast<int>(*hi)).short_name());
  }
  return out;
}

}  // namespace

std::optional<std::size_t> peak_month(const std::vector<std::optional<double>>& values) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] && (!best || *values[i] > *values[*best])) best = i;
  }
  return best;
}

std::string line_chart(const LineChartSpec& spec) {
  check(spec);
  const std::size_t months = spec.series.front().values.size();
  const Frame frame(spec.text, spec.width);
  const Rect body = frame.body(spec.height);

  // Legend only for two or more series: one series is named by the subtitle.
  std::vector<LegendKey> keys;
  if (spec.series.size() > 1) {
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
      const MonthlySeries& s = spec.series[i];
      const auto mark = s.style == SeriesStyle::monthly      ? LegendKey::Mark::line_with_points
                        : s.style == SeriesStyle::comparison ? LegendKey::Mark::dashed_line
                                                             : LegendKey::Mark::line;
      keys.push_back({s.name, colour_of(spec, i), mark,
                      s.style == SeriesStyle::rolling_average ? kAverageStroke : kMonthlyStroke});
    }
  }
  const PlotHeading heading(keys, spec.value_axis_title, body);
  const double top = heading.plot_top();

  // Value range: every present value, from zero for counts, with headroom for the peak's label.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const MonthlySeries& s : spec.series) {
    for (const auto& v : s.values) {
      if (!v) continue;
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  }
  if (!std::isfinite(lo)) lo = hi = 0;  // every month missing: an empty axis from 0
  if (spec.from_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (spec.peak) hi += (hi - lo) * 0.1;
  const Ticks ticks = nice_ticks(lo, hi, kValueIntervals);

  const double x_label_height = kTickLength + 4 + theme::label_size;
  const double plot_left = body.x + tick_label_width(ticks);
  const double plot_right = body.right() - 4;
  const double plot_bottom = body.bottom() - x_label_height;
  const double band = (plot_right - plot_left) / static_cast<double>(months);
  const LinearScale y{ticks.min(), ticks.max(), plot_bottom, top};
  auto x_of = [&](std::size_t i) { return plot_left + (static_cast<double>(i) + 0.5) * band; };

  SvgWriter svg = frame.start(spec.height, describe(spec));
  heading.draw(svg);
  draw_value_grid(svg, ticks, y, ValueAxis::vertical, plot_left, plot_right);

  // Month axis: a tick and "Jan 2024" under each labelled month, kept inside the figure.
  const double label_width = text_width("May 2024", theme::label_size);
  const int step = label_step(band, label_width);
  bool any_labelled = false;
  for (std::size_t i = 0; i < months; ++i) {
    const period::Month m = spec.first_month + static_cast<int>(i);
    if (!labelled(m, step) && !(i + 1 == months && !any_labelled)) continue;
    any_labelled = true;
    const double x = x_of(i);
    svg.element("line", {{"class", "month-tick"},
                         {"x1", x},
                         {"x2", x},
                         {"y1", plot_bottom},
                         {"y2", plot_bottom + kTickLength},
                         {"stroke", theme::axis},
                         {"stroke-width", 1}});
    const std::string text = m.short_name();
    const double w = text_width(text, theme::label_size);
    Anchor anchor = Anchor::middle;
    double tx = x;
    if (x + w / 2 > body.right()) anchor = Anchor::end, tx = body.right();
    if (x - w / 2 < body.x) anchor = Anchor::start, tx = body.x;
    svg.text(tx, plot_bottom + kTickLength + 4 + theme::label_size * 0.8, text,
             {.size = theme::label_size, .colour = theme::text, .anchor = anchor}, {{"class", "month-label"}});
  }

  // Series in order, so the first (usually the counts) is underneath what smooths it.
  for (std::size_t si = 0; si < spec.series.size(); ++si) {
    const MonthlySeries& s = spec.series[si];
    const std::string colour = colour_of(spec, si);
    std::string d;
    std::vector<std::size_t> isolated;  // points with no neighbour: a line of one point is invisible
    for (std::size_t i = 0; i < months; ++i) {
      if (!s.values[i]) continue;
      const bool joins_previous = i > 0 && s.values[i - 1];
      const bool joins_next = i + 1 < months && s.values[i + 1];
      if (!joins_previous && !joins_next) isolated.push_back(i);
      d += fmt::format("{}{} {}", joins_previous ? "L" : "M", coord(x_of(i)), coord(y(*s.values[i])));
    }
    const double stroke = s.style == SeriesStyle::rolling_average ? kAverageStroke : kMonthlyStroke;
    std::vector<Attr> attrs = {{"class", "line"},
                               {"d", d},
                               {"fill", "none"},
                               {"stroke", colour},
                               {"stroke-width", stroke},
                               {"stroke-linejoin", "round"},
                               {"stroke-linecap", "round"},
                               {"data-series", s.name}};
    if (s.style == SeriesStyle::comparison) attrs.emplace_back("stroke-dasharray", "5 3");
    if (!d.empty()) svg.element("path", attrs);
    for (std::size_t i = 0; i < months; ++i) {
      const bool draw = s.style == SeriesStyle::monthly
                            ? s.values[i].has_value()
                            : std::find(isolated.begin(), isolated.end(), i) != isolated.end();
      if (!draw) continue;
      const period::Month m = spec.first_month + static_cast<int>(i);
      svg.element("circle",
                  {{"class", "point"},
                   {"cx", x_of(i)},
                   {"cy", y(*s.values[i])},
                   {"r", s.style == SeriesStyle::monthly ? kPointRadius : stroke},
                   {"fill", colour},
                   {"data-value", *s.values[i]}},
                  fmt::format("{}, {}: {}", s.name, m.short_name(), format_value(*s.values[i], spec.decimals)));
    }
  }
  draw_baseline(svg, ticks.min() <= 0 && ticks.max() >= 0 ? 0 : ticks.min(), y, ValueAxis::vertical, plot_left,
                plot_right);

  if (spec.peak) {
    const PeakMarker& p = *spec.peak;
    const double value = *spec.series[p.series].values[p.month];
    const double px = x_of(p.month), py = y(value);
    const std::string label =
        p.label.empty() ? fmt::format("Peak: {} ({})", (spec.first_month + static_cast<int>(p.month)).short_name(),
                                      format_value(value, spec.decimals))
                        : p.label;
    svg.element("circle", {{"class", "peak"},
                           {"cx", px},
                           {"cy", py},
                           {"r", 6.5},
                           {"fill", "none"},
                           {"stroke", theme::highlight},
                           {"stroke-width", 1.5}});
    // Above the point, centred, but slid to stay inside the plot at either end.
    const double w = text_width(label, theme::label_size, true);
    Anchor anchor = Anchor::middle;
    double lx = px;
    if (px + w / 2 > plot_right) anchor = Anchor::end, lx = plot_right;
    if (px - w / 2 < plot_left) anchor = Anchor::start, lx = plot_left;
    svg.text(lx, py - 12, label,
             {.size = theme::label_size, .colour = theme::highlight, .anchor = anchor, .bold = true},
             {{"class", "peak-label"}});
  }
  return svg.finish();
}

}  // namespace csa::figure
