#include "figure/axis.hpp"

#include <algorithm>

#include "figure/text_metrics.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

namespace {
constexpr double kLabelGap = 6;  // px between a tick label and its grid line
}

double tick_label_width(const Ticks& ticks) {
  double widest = 0;
  for (double v : ticks.values)
    widest = std::max(widest, text_width(format_value(v, ticks.decimals), theme::label_size));
  return widest + kLabelGap;
}

void draw_value_grid(SvgWriter& svg, const Ticks& ticks, const LinearScale& scale, ValueAxis axis, double from,
                     double to) {
  const TextStyle label{.size = theme::label_size,
                        .colour = theme::text,
                        .anchor = axis == ValueAxis::vertical ? Anchor::end : Anchor::middle};
  for (double v : ticks.values) {
    const double at = scale(v);
    const std::string text = format_value(v, ticks.decimals);
    if (axis == ValueAxis::vertical) {
      svg.element("line", {{"class", "grid"},
                           {"data-value", v},
                           {"x1", from},
                           {"x2", to},
                           {"y1", at},
                           {"y2", at},
                           {"stroke", theme::grid},
                           {"stroke-width", 1}});
      // 0.35 em below the line's y centres digits (cap height ≈ 0.7 em) on the line.
      svg.text(from - kLabelGap, at + theme::label_size * 0.35, text, label);
    } else {
      svg.element("line", {{"class", "grid"},
                           {"data-value", v},
                           {"x1", at},
                           {"x2", at},
                           {"y1", from},
                           {"y2", to},
                           {"stroke", theme::grid},
                           {"stroke-width", 1}});
      svg.text(at, to + kLabelGap + theme::label_size * 0.8, text, label);
    }
  }
}

void draw_baseline(SvgWriter& svg, double value, const LinearScale& scale, ValueAxis axis, double from, double to) {
  const double at = scale(value);
  if (axis == ValueAxis::vertical) {
    svg.element("line", {{"class", "baseline"},
                         {"x1", from},
                         {"x2", to},
                         {"y1", at},
                         {"y2", at},
                         {"stroke", theme::axis},
                         {"stroke-width", 1}});
  } else {
    svg.element("line", {{"class", "baseline"},
                         {"x1", at},
                         {"x2", at},
                         {"y1", from},
                         {"y2", to},
                         {"stroke", theme::axis},
                         {"stroke-width", 1}});
  }
}

}  // namespace csa::figure
