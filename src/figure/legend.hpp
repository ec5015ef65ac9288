// The key of a chart's series, as ONS charts place it: one row (wrapping when needed) above the
// plot, each entry a small sample of the mark drawn in the chart followed by its name.
#pragma once

#include <string>
#include <vector>

#include "figure/svg.hpp"

namespace csa::figure {

struct LegendKey {
  enum class Mark { box, line, line_with_points, dashed_line };
  std::string label;
  std::string colour;
  Mark mark = Mark::box;
  double stroke_width = 2;  // px, for the line marks
};

class LegendRow {
 public:
  LegendRow(std::vector<LegendKey> keys, double width);

  double height() const;                                // 0 for no keys
  void draw(SvgWriter& svg, double x, double y) const;  // y: top of the row

 private:
  struct Placed {
    double dx, dy;  // from the row's top-left
  };
  std::vector<LegendKey> keys_;
  std::vector<Placed> placed_;
  int lines_ = 0;
};

}  // namespace csa::figure
