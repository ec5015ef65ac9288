// What sits between a chart's subtitle and its plot, in the ONS order: the legend (for two or more
// series) and then the value axis title with its unit, left-aligned above the tick labels where a
// reader looking up the axis finds it. Shared so line and column charts line up alike.
#pragma once

#include <string>
#include <vector>

#include "figure/frame.hpp"
#include "figure/legend.hpp"

namespace csa::figure {

class PlotHeading {
 public:
  // `body` is the frame's chart rectangle; either part may be empty.
  PlotHeading(std::vector<LegendKey> keys, std::string axis_title, const Rect& body);

  double plot_top() const { return plot_top_; }          // where the plot (its top grid line) starts
  double height() const { return plot_top_ - body_.y; }  // from the body's top to the plot's
  void draw(SvgWriter& svg) const;

 private:
  LegendRow legend_;
  std::string axis_title_;
  Rect body_;
  double axis_title_top_ = 0, plot_top_ = 0;
};

}  // namespace csa::figure
