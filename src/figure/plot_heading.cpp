#include "figure/plot_heading.hpp"

#include "figure/theme.hpp"

namespace csa::figure {

namespace {
constexpr double kLegendGap = 6;  // legend to axis title
constexpr double kAxisTitleLine = 20;
constexpr double kAboveTopGridLine = 8;  // half a tick label sticks up above the top grid line
}  // namespace

PlotHeading::PlotHeading(std::vector<LegendKey> keys, std::string axis_title, const Rect& body)
    : legend_(std::move(keys), body.width), axis_title_(std::move(axis_title)), body_(body) {
  double y = body.y;
  if (legend_.height() > 0) y += legend_.height() + kLegendGap;
  axis_title_top_ = y;
  if (!axis_title_.empty()) y += kAxisTitleLine;
  plot_top_ = y + kAboveTopGridLine;
}

void PlotHeading::draw(SvgWriter& svg) const {
  if (legend_.height() > 0) legend_.draw(svg, body_.x, body_.y);
  if (!axis_title_.empty()) {
    svg.text(body_.x, axis_title_top_ + kAxisTitleLine * 0.7, axis_title_,
             {.size = theme::label_size, .colour = theme::text_secondary}, {{"class", "axis-title"}});
  }
}

}  // namespace csa::figure
