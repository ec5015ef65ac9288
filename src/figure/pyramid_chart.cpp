#include "figure/pyramid_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "figure/axis.hpp"
#include "figure/text_metrics.hpp"

namespace csa::figure {

namespace {

constexpr double kBarThickness = 22;
constexpr double kRowPadding = 8;
constexpr double kSideHeading = 22;  // "Male" / "Female" over each half
constexpr double kValueGap = 4;
constexpr double kAxisTitleLine = 20;
constexpr int kValueIntervals = 4;  // per side

void check(const PyramidChartSpec& spec) {
  if (spec.bands.empty()) throw InternalError("pyramid_chart: no bands");
  if (spec.male.size() != spec.bands.size() || spec.female.size() != spec.bands.size()) {
    throw InternalError(fmt::format("pyramid_chart: {} bands but {} male and {} female values", spec.bands.size(),
                                    spec.male.size(), spec.female.size()));
  }
  for (const auto* side : {&spec.male, &spec.female}) {
    for (const auto& v : *side) {
      if (v && (!std::isfinite(*v) || *v < 0)) throw InternalError("pyramid_chart: a value is negative or not finite");
    }
  }
}

std::string describe(const PyramidChartSpec& spec) {
  std::string out = "Population pyramid, males left, females right.";
  for (std::size_t i = 0; i < spec.bands.size(); ++i) {
    auto v = [&](const std::optional<double>& x) { return x ? format_value(*x, 0) : spec.suppressed_label; };
    out += fmt::format(" {}: male {}, female {}{}", spec.bands[i], v(spec.male[i]), v(spec.female[i]),
                       i + 1 < spec.bands.size() ? ";" : ".");
  }
  return out;
}

}  // namespace

std::string pyramid_chart(const PyramidChartSpec& spec) {
  check(spec);
  const Frame frame(spec.text, spec.width);
  const double n = static_cast<double>(spec.bands.size());
  const double row = kBarThickness + kRowPadding;
  const double tick_labels = 6 + theme::label_size + 4;
  const double below = tick_labels + (spec.value_axis_title.empty() ? 0 : kAxisTitleLine);
  const double height = frame.height_for_body(kSideHeading + row * n + below);
  const Rect body = frame.body(height);
  SvgWriter svg = frame.start(height, describe(spec));

  // One scale for both sides, from zero, with room beyond the longest bar for its label.
  double hi = 0;
  for (const auto* side : {&spec.male, &spec.female})
    for (const auto& v : *side)
      if (v) hi = std::max(hi, *v);
  const Ticks ticks = nice_ticks(0, std::max(hi, 1.0), kValueIntervals);

  // The band labels sit in a column in the middle, between the halves.
  double label_width = 0;
  for (const auto& b : spec.bands) label_width = std::max(label_width, text_width(b, theme::label_size));
  double value_width = text_width(spec.suppressed_label, theme::label_size);
  for (const auto* side : {&spec.male, &spec.female})
    for (const auto& v : *side)
      if (v) value_width = std::max(value_width, text_width(format_value(*v, 0), theme::label_size));
  const double centre = body.x + body.width / 2;
  const double gutter = label_width / 2 + 10;
  const double reach = body.width / 2 - gutter - value_width - kValueGap;
  const LinearScale right{ticks.min(), ticks.max(), centre + gutter, centre + gutter + reach};
  const LinearScale left{ticks.min(), ticks.max(), centre - gutter, centre - gutter - reach};

  const double plot_top = body.y + kSideHeading;
  const double plot_bottom = plot_top + row * n;
  svg.text(centre - gutter, body.y + theme::label_size, "Male",
           {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::end, .bold = true});
  svg.text(centre + gutter, body.y + theme::label_size, "Female",
           {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::start, .bold = true});
  draw_value_grid(svg, ticks, left, ValueAxis::horizontal, plot_top, plot_bottom);
  draw_value_grid(svg, ticks, right, ValueAxis::horizontal, plot_top, plot_bottom);
  if (!spec.value_axis_title.empty()) {
    svg.text(centre, plot_bottom + tick_labels + kAxisTitleLine * 0.75, spec.value_axis_title,
             {.size = theme::label_size, .colour = theme::text_secondary, .anchor = Anchor::middle});
  }

  const std::string male_colour(theme::categorical(0)), female_colour(theme::categorical(1));
  for (std::size_t i = 0; i < spec.bands.size(); ++i) {
    const double top = plot_top + static_cast<double>(i) * row + kRowPadding / 2;
    const double text_y = top + kBarThickness / 2 + theme::label_size * 0.35;
    svg.text(centre, text_y, spec.bands[i], {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::middle},
             {{"class", "category-label"}});
    auto side = [&](const std::optional<double>& v, const LinearScale& x, bool to_left, const std::string& colour,
                    std::string_view sex) {
      const double zero = x(0);
      if (!v) {
        svg.text(zero + (to_left ? -kValueGap : kValueGap), text_y, spec.suppressed_label,
                 {.size = theme::label_size, .colour = theme::text, .anchor = to_left ? Anchor::end : Anchor::start},
                 {{"class", "suppressed-label"}});
        return;
      }
      const double end = x(*v);
      svg.element("rect",
                  {{"class", "bar"},
                   {"x", std::min(zero, end)},
                   {"y", top},
                   {"width", std::abs(end - zero)},
                   {"height", kBarThickness},
                   {"fill", colour},
                   {"data-value", *v},
                   {"data-category", spec.bands[i] + ", " + std::string(sex)}},
                  fmt::format("{}, {}: {}", spec.bands[i], sex, format_value(*v, 0)));
      svg.text(end + (to_left ? -kValueGap : kValueGap), text_y, format_value(*v, 0),
               {.size = theme::label_size, .colour = theme::text, .anchor = to_left ? Anchor::end : Anchor::start},
               {{"class", "value-label"}});
    };
    side(spec.male[i], left, true, male_colour, "male");
    side(spec.female[i], right, false, female_colour, "female");
  }
  draw_baseline(svg, 0, left, ValueAxis::horizontal, plot_top, plot_bottom);
  draw_baseline(svg, 0, right, ValueAxis::horizontal, plot_top, plot_bottom);
  return svg.finish();
}

}  // namespace csa::figure
