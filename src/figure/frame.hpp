// What every figure has round its chart, in the ONS layout: a bold title and a subtitle saying
// what is measured, where and when at the top; the source line(s) at the bottom, inside the image,
// so the attribution travels with the figure when it is copied out of the report. The frame
// measures and wraps these texts and hands the chart the rectangle left between them.
#pragma once

#include <string>
#include <vector>

#include "figure/svg.hpp"

namespace csa::figure {

struct FigureText {
  std::string title;     // drawn bold at the top (when draw_title), and always the SVG's <title>
  std::string subtitle;  // under the title: the measure and unit, area and period; may be empty
  std::string alt_text;  // the SVG's <desc>; empty: the figure writes a summary of its data
  std::string source;    // "Source: police.uk …"; '\n' separates lines; may be empty
  // False when the document prints the title as a caption above the figure, so it is not said twice.
  bool draw_title = true;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

class Frame {
 public:
  // `extra_source_lines` come after the caller's source (a map's copyright lines).
  Frame(const FigureText& text, double width, std::vector<std::string> extra_source_lines = {});

  double width() const { return width_; }
  // The figure height that leaves `body_height` px for the chart.
  double height_for_body(double body_height) const;
  // The chart's rectangle in a figure `height` px high.
  Rect body(double height) const;

  // A writer for a figure `height` px high with the title and description, header and footer drawn.
  SvgWriter start(double height, const std::string& fallback_description) const;

 private:
  double header_height() const;
  double footer_height() const;

  FigureText text_;
  double width_;
  std::vector<std::string> title_lines_, subtitle_lines_, source_lines_;
};

}  // namespace csa::figure
