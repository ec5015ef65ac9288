// The value axis of a chart: a linear scale from data to px, and its light grid lines with tick
// labels. Charts in the ONS style have no axis line on the value axis; grid lines carry the ticks,
// and only the baseline (zero) is drawn dark, over the data, so bars stand on it.
#pragma once

#include "figure/svg.hpp"

namespace csa::figure {

// Maps [domain_min, domain_max] linearly onto [range_min, range_max] (px; range_min may be the
// larger, as SVG's y grows downwards).
struct LinearScale {
  double domain_min = 0, domain_max = 1;
  double range_min = 0, range_max = 1;

  double operator()(double value) const {
    return range_min + (value - domain_min) / (domain_max - domain_min) * (range_max - range_min);
  }
};

enum class ValueAxis {
  vertical,    // values up the page (column and line charts): horizontal grid lines, labels on the left
  horizontal,  // values across the page (bar charts): vertical grid lines, labels below
};

// Widest tick label in px, to size the margin that holds them.
double tick_label_width(const Ticks& ticks);

// Grid lines at every tick from `from` to `to` (px across the other axis) with their labels
// (thousands separators, the step's decimals). Each line carries class="grid" and data-value.
void draw_value_grid(SvgWriter& svg, const Ticks& ticks, const LinearScale& scale, ValueAxis axis, double from,
                     double to);

// The dark baseline at `value` (usually 0), drawn after the data.
void draw_baseline(SvgWriter& svg, double value, const LinearScale& scale, ValueAxis axis, double from, double to);

}  // namespace csa::figure
