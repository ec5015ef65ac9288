#include "figure/frame.hpp"

#include <cmath>

#include "figure/text_metrics.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

namespace {
// Line heights, px: about 1.3 × the type size, as the ONS chart templates space them.
constexpr double kTitleLine = 22;
constexpr double kSubtitleLine = 18;
constexpr double kSourceLine = 16;
constexpr double kGapBelowHeader = 12;  // header to chart
constexpr double kGapAboveFooter = 14;  // chart (axis labels) to source
}  // namespace

Frame::Frame(const FigureText& text, double width, std::vector<std::string> extra_source_lines)
    : text_(text), width_(width) {
  const double inner = width - 2 * theme::margin;
  if (text.draw_title && !text.title.empty()) title_lines_ = wrap_text(text.title, theme::title_size, inner, true);
  if (!text.subtitle.empty()) subtitle_lines_ = wrap_text(text.subtitle, theme::subtitle_size, inner);
  if (!text.source.empty()) source_lines_ = wrap_text(text.source, theme::source_size, inner);
  for (const std::string& line : extra_source_lines) {
    for (std::string& l : wrap_text(line, theme::source_size, inner)) source_lines_.push_back(std::move(l));
  }
}

double Frame::header_height() const {
  const double lines = static_cast<double>(title_lines_.size()) * kTitleLine +
                       static_cast<double>(subtitle_lines_.size()) * kSubtitleLine;
  return theme::margin + lines + (lines > 0 ? kGapBelowHeader : 0);
}

double Frame::footer_height() const {
  const double lines = static_cast<double>(source_lines_.size()) * kSourceLine;
  return theme::margin + lines + (lines > 0 ? kGapAboveFooter : 0);
}

// Whole pixels, so the PNG at any integer scale has no half-pixel row of background at the bottom.
double Frame::height_for_body(double body_height) const {
  return std::ceil(header_height() + body_height + footer_height());
}

Rect Frame::body(double height) const {
  return {theme::margin, header_height(), width_ - 2 * theme::margin, height - header_height() - footer_height()};
}

SvgWriter Frame::start(double height, const std::string& fallback_description) const {
  SvgWriter svg(width_, height, text_.title, text_.alt_text.empty() ? fallback_description : text_.alt_text);
  // Baselines sit about 0.8 of a line below the line's top, as ascenders take the rest.
  double y = theme::margin;
  for (const std::string& line : title_lines_) {
    svg.text(theme::margin, y + kTitleLine * 0.78, line,
             {.size = theme::title_size, .colour = theme::text, .bold = true});
    y += kTitleLine;
  }
  for (const std::string& line : subtitle_lines_) {
    svg.text(theme::margin, y + kSubtitleLine * 0.78, line,
             {.size = theme::subtitle_size, .colour = theme::text_secondary});
    y += kSubtitleLine;
  }
  y = height - theme::margin - static_cast<double>(source_lines_.size()) * kSourceLine;
  for (const std::string& line : source_lines_) {
    svg.text(theme::margin, y + kSourceLine * 0.78, line,
             {.size = theme::source_size, .colour = theme::text_secondary});
    y += kSourceLine;
  }
  return svg;
}

}  // namespace csa::figure
