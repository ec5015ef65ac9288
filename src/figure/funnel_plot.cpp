#include "figure/funnel_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "figure/axis.hpp"
#include "figure/plot_heading.hpp"
#include "figure/text_metrics.hpp"
#include "stats/funnel.hpp"

namespace csa::figure {

namespace {

constexpr int kIntervals = 5;
constexpr int kLimitSamples = 160;  // points along each limit line: smooth at page width
constexpr double kPointRadius = 4;
constexpr double kAxisTitleGap = 8;
constexpr std::string_view kAbove = "#D55E00";   // vermillion: higher than expected
constexpr std::string_view kBelow = "#0072B2";   // blue: lower than expected
constexpr std::string_view kWithin = "#7a7a7a";  // grey: within the limits
constexpr std::string_view kLimit = "#505050";
// A white outline under text that sits on lines, so it reads where it crosses them.
const std::vector<Attr> kHalo = {{"stroke", "#ffffff"}, {"stroke-width", 3}, {"paint-order", "stroke"},
                                 {"stroke-linejoin", "round"}};

struct Plotted {
  const FunnelArea* area;
  double rate;
  stats::FunnelPoint point;
};

std::string_view position_text(const stats::FunnelPoint& p) {
  if (p.at998 == stats::FunnelPosition::above) return "above the 99.8% limit";
  if (p.at95 == stats::FunnelPosition::above) return "above the 95% limit";
  if (p.at998 == stats::FunnelPosition::below) return "below the 99.8% limit";
  if (p.at95 == stats::FunnelPosition::below) return "below the 95% limit";
  return "within the limits";
}

void check(const FunnelPlotSpec& spec) {
  if (!std::isfinite(spec.target_rate) || spec.target_rate < 0)
    throw InternalError(fmt::format("funnel_plot: target rate {} is not a rate", spec.target_rate));
  for (const FunnelArea& a : spec.areas) {
    if (a.population <= 0) throw InternalError(fmt::format("funnel_plot: '{}' has population {}", a.name, a.population));
    if (a.count && *a.count < 0) throw InternalError(fmt::format("funnel_plot: '{}' has count {}", a.name, *a.count));
  }
}

// A triangle pointing up (above) or down (below) centred on (x, y): the shape says the direction
// without colour.
std::string triangle(double x, double y, bool up) {
  const double r = kPointRadius * 1.35;
  const double dy = up ? -r : r;
  return fmt::format("M{} {}L{} {}L{} {}Z", coord(x), coord(y + dy), coord(x + r * 0.95), coord(y - dy * 0.6),
                     coord(x - r * 0.95), coord(y - dy * 0.6));
}

// Names beside points, kept apart: each label tries the right of its point, then the left, then
// the same a step further up or down, until its box overlaps no placed label and no point.
class LabelPlacer {
 public:
  struct Place {
    double x, baseline;         // where the text goes
    bool left;                  // text anchored at its end (to the left of the point)
    bool moved;                 // away from beside its point: draw a leader line
    double anchor_x, anchor_y;  // where the leader line meets the label
  };

  LabelPlacer(double left, double top, double right, double bottom) : l_(left), t_(top), r_(right), b_(bottom) {}

  void avoid_point(double x, double y) { boxes_.push_back({x - kPointRadius, y - kPointRadius, x + kPointRadius, y + kPointRadius}); }

  Place place(double px, double py, double width, double height) {
    const double gap = 7;
    for (int step = 0; step <= 12; ++step) {
      for (int sign : {1, -1}) {
        if (step == 0 && sign < 0) continue;
        const double dy = sign * step * (height * 0.8);
        for (bool left : {false, true}) {
          const double x0 = left ? px - gap - width : px + gap;
          const double cy = py + dy;
          const Box box{x0 - 1, cy - height * 0.55, x0 + width + 1, cy + height * 0.5};
          if (box.x0 < l_ || box.x1 > r_ || box.y0 < t_ || box.y1 > b_ || overlaps(box)) continue;
          boxes_.push_back(box);
          return {left ? x0 + width : x0, cy + height * 0.35, left, step > 0, left ? box.x1 : box.x0, cy};
        }
      }
    }
    // Nowhere free: beside the point, on the side with room (overlapping rather than dropped).
    const bool left = px + gap + width > r_;
    return {left ? px - gap : px + gap, py + height * 0.35, left, false, px, py};
  }

 private:
  struct Box {
    double x0, y0, x1, y1;
  };
  bool overlaps(const Box& a) const {
    for (const Box& b : boxes_) {
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) return true;
    }
    return false;
  }
  double l_, t_, r_, b_;
  std::vector<Box> boxes_;
};

}  // namespace

std::string funnel_plot(const FunnelPlotSpec& spec) {
  check(spec);
  const double base = static_cast<double>(static_cast<std::int64_t>(spec.base));
  std::vector<Plotted> plotted;
  for (const FunnelArea& a : spec.areas) {
    if (!a.count) continue;
    plotted.push_back({&a, static_cast<double>(*a.count) * base / static_cast<double>(a.population),
                       stats::funnel_point(*a.count, a.population, spec.target_rate, spec.base)});
  }
  if (plotted.empty()) throw InternalError("funnel_plot: no area has a count to plot");

  std::int64_t min_pop = plotted.front().area->population, max_pop = min_pop;
  double max_rate = 0;
  for (const Plotted& p : plotted) {
    min_pop = std::min(min_pop, p.area->population);
    max_pop = std::max(max_pop, p.area->population);
    max_rate = std::max({max_rate, p.rate, p.point.limits998.upper});
  }
  const double target = spec.target_rate * base;
  // Population from a little below the smallest area, not from 0: wards are of similar size, and a
  // scale from 0 would crowd them into a corner. The limits are drawn over the range shown.
  const double x_span = static_cast<double>(max_pop - min_pop);
  const double x_pad = std::max(x_span * 0.08, static_cast<double>(max_pop) * 0.05);
  const Ticks x_ticks =
      nice_ticks(std::max(0.0, static_cast<double>(min_pop) - x_pad), static_cast<double>(max_pop) + x_pad, kIntervals);
  const Ticks y_ticks = nice_ticks(0, std::max(max_rate, target) * 1.05, kIntervals);

  const Frame frame(spec.text, spec.width);
  const Rect body = frame.body(spec.height);
  std::vector<LegendKey> keys = {
      {"Above 95% limit", std::string(kAbove), LegendKey::Mark::box},
      {"Within", std::string(kWithin), LegendKey::Mark::box},
      {"Below 95% limit", std::string(kBelow), LegendKey::Mark::box},
      {"95% limits", std::string(kLimit), LegendKey::Mark::dashed_line, 1.2},
      {"99.8% limits", std::string(kLimit), LegendKey::Mark::line, 1.2},
  };
  const PlotHeading heading(keys, spec.value_axis_title, body);
  const double top = heading.plot_top();
  const double x_title_height = theme::label_size + kAxisTitleGap;
  const double plot_left = body.x + tick_label_width(y_ticks);
  const double plot_right = body.right() - 8;
  const double plot_bottom = body.bottom() - x_title_height - theme::label_size - 8;
  const LinearScale x{x_ticks.min(), x_ticks.max(), plot_left, plot_right};
  const LinearScale y{y_ticks.min(), y_ticks.max(), plot_bottom, top};

  std::size_t above = 0, below = 0;
  for (const Plotted& p : plotted) {
    above += p.point.at95 == stats::FunnelPosition::above;
    below += p.point.at95 == stats::FunnelPosition::below;
  }
  const std::string description = fmt::format(
      "Funnel plot of {} areas' rates against their populations, with the target rate {} and Poisson control limits "
      "at 95% and 99.8%: {} above the 95% limit, {} below, {} within.",
      plotted.size(), format_value(target, 1), above, below, plotted.size() - above - below);
  SvgWriter svg = frame.start(spec.height, description);
  heading.draw(svg);
  draw_value_grid(svg, y_ticks, y, ValueAxis::vertical, plot_left, plot_right);
  draw_value_grid(svg, x_ticks, x, ValueAxis::horizontal, top, plot_bottom);
  svg.text((plot_left + plot_right) / 2, body.bottom() - 2, "Population (residents)",
           {.size = theme::label_size, .colour = theme::text_secondary, .anchor = Anchor::middle});

  // The limits, clipped to the plot: at small populations they leave the top of the chart.
  const std::string clip = svg.id("funnel-clip");
  svg.open("clipPath", {{"id", clip}});
  svg.element("rect", {{"x", plot_left}, {"y", top}, {"width", plot_right - plot_left}, {"height", plot_bottom - top}});
  svg.close();
  svg.open("g", {{"clip-path", fmt::format("url(#{})", clip)}});
  const double first_pop = std::max({1.0, x_ticks.min(), x_ticks.max() / 400.0});
  for (double confidence : {0.95, 0.998}) {
    std::string lower, upper;
    for (int i = 0; i <= kLimitSamples; ++i) {
      const double n = first_pop + (x_ticks.max() - first_pop) * i / kLimitSamples;
      const stats::Interval c = stats::funnel_count_limits(spec.target_rate * n, confidence);
      const double lo = c.lower / n * base, hi = std::min(c.upper / n * base, y_ticks.max() * 4);
      lower += fmt::format("{}{} {}", i ? "L" : "M", coord(x(n)), coord(y(lo)));
      upper += fmt::format("{}{} {}", i ? "L" : "M", coord(x(n)), coord(y(hi)));
    }
    for (const std::string* d : {&lower, &upper}) {
      std::vector<Attr> attrs = {{"class", confidence < 0.99 ? "limit95" : "limit998"},
                                 {"d", *d},
                                 {"fill", "none"},
                                 {"stroke", kLimit},
                                 {"stroke-width", 1.2}};
      if (confidence < 0.99) attrs.emplace_back("stroke-dasharray", "5 3");
      svg.element("path", attrs);
    }
  }
  svg.close();
  svg.element("line", {{"class", "target"},
                       {"x1", plot_left},
                       {"x2", plot_right},
                       {"y1", y(target)},
                       {"y2", y(target)},
                       {"stroke", theme::highlight},
                       {"stroke-width", 2}});
  if (!spec.target_label.empty()) {
    svg.text(plot_left + 4, y(target) - 5, spec.target_label,
             {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::start, .bold = true}, kHalo);
  }
  draw_baseline(svg, 0, y, ValueAxis::vertical, plot_left, plot_right);

  // Points: within first, so the named points outside the limits sit on top.
  std::vector<const Plotted*> order;
  for (const Plotted& p : plotted) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(), [](const Plotted* a, const Plotted* b) {
    return (a->point.at95 != stats::FunnelPosition::within) < (b->point.at95 != stats::FunnelPosition::within);
  });
  LabelPlacer labels(plot_left, top, plot_right, plot_bottom);
  for (const Plotted* p : order) labels.avoid_point(x(static_cast<double>(p->area->population)), y(p->rate));
  for (const Plotted* p : order) {
    const double px = x(static_cast<double>(p->area->population)), py = y(p->rate);
    const std::string tooltip =
        fmt::format("{}: {} per {} residents ({} in {}), {}", p->area->name, format_value(p->rate, 1),
                    format_value(base, 0), format_value(static_cast<double>(*p->area->count), 0),
                    format_value(static_cast<double>(p->area->population), 0), position_text(p->point));
    const auto pos = p->point.at95;
    if (pos == stats::FunnelPosition::within) {
      svg.element("circle",
                  {{"class", "point within"}, {"cx", px}, {"cy", py}, {"r", kPointRadius}, {"fill", kWithin},
                   {"data-name", p->area->name}},
                  tooltip);
      continue;
    }
    const bool up = pos == stats::FunnelPosition::above;
    svg.element("path",
                {{"class", up ? "point above" : "point below"},
                 {"d", triangle(px, py, up)},
                 {"fill", up ? kAbove : kBelow},
                 {"data-name", p->area->name}},
                tooltip);
    // The name beside the point where it overlaps no other name or point; a leader line when it had
    // to move away.
    const double w = text_width(p->area->name, theme::label_size);
    const LabelPlacer::Place at = labels.place(px, py, w, theme::label_size);
    if (at.moved) {
      svg.element("line", {{"class", "leader"}, {"x1", px}, {"y1", py}, {"x2", at.anchor_x}, {"y2", at.anchor_y},
                           {"stroke", theme::text_secondary}, {"stroke-width", 0.75}});
    }
    std::vector<Attr> attrs = kHalo;
    attrs.emplace_back("class", "point-label");
    svg.text(at.x, at.baseline, p->area->name,
             {.size = theme::label_size, .colour = theme::text, .anchor = at.left ? Anchor::end : Anchor::start},
             attrs);
  }
  return svg.finish();
}

}  // namespace csa::figure
