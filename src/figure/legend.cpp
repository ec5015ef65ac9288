#include "figure/legend.hpp"

#include "figure/text_metrics.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

namespace {
constexpr double kSample = 24;  // px: width of a line sample; a box is kBox square
constexpr double kBox = 13;
constexpr double kSampleGap = 6;  // sample to its label
constexpr double kEntryGap = 22;  // between entries
constexpr double kLineHeight = 20;

double sample_width(const LegendKey& key) { return key.mark == LegendKey::Mark::box ? kBox : kSample; }
}  // namespace

LegendRow::LegendRow(std::vector<LegendKey> keys, double width) : keys_(std::move(keys)) {
  double x = 0;
  int line = 0;
  for (const LegendKey& key : keys_) {
    const double w = sample_width(key) + kSampleGap + text_width(key.label, theme::label_size);
    if (x > 0 && x + w > width) {
      x = 0;
      ++line;
    }
    placed_.push_back({x, line * kLineHeight});
    x += w + kEntryGap;
  }
  lines_ = keys_.empty() ? 0 : line + 1;
}

double LegendRow::height() const { return lines_ * kLineHeight; }

void LegendRow::draw(SvgWriter& svg, double x, double y) const {
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    const LegendKey& key = keys_[i];
    const double left = x + placed_[i].dx;
    const double middle = y + placed_[i].dy + kLineHeight / 2;
    switch (key.mark) {
      case LegendKey::Mark::box:
        svg.element("rect",
                    {{"x", left}, {"y", middle - kBox / 2}, {"width", kBox}, {"height", kBox}, {"fill", key.colour}});
        break;
      case LegendKey::Mark::line:
      case LegendKey::Mark::line_with_points:
      case LegendKey::Mark::dashed_line: {
        std::vector<Attr> attrs = {{"x1", left},   {"x2", left + kSample}, {"y1", middle},
                                   {"y2", middle}, {"stroke", key.colour}, {"stroke-width", key.stroke_width}};
        if (key.mark == LegendKey::Mark::dashed_line) attrs.emplace_back("stroke-dasharray", "5 3");
        svg.element("line", attrs);
        if (key.mark == LegendKey::Mark::line_with_points) {
          svg.element("circle", {{"cx", left + kSample / 2}, {"cy", middle}, {"r", 2.5}, {"fill", key.colour}});
        }
        break;
      }
    }
    svg.text(left + sample_width(key) + kSampleGap, middle + theme::label_size * 0.35, key.label,
             {.size = theme::label_size, .colour = theme::text});
  }
}

}  // namespace csa::figure
