// A funnel plot (Spiegelhalter 2005): each area's rate against its population, with the target
// rate as a line and the 95% and 99.8% Poisson control limits as funnels narrowing as population
// grows. Points outside the 95% limits are named; their colour and shape say above or below, so
// the chart reads without colour. The limits and the positions come from stats/funnel.hpp, the
// same functions that fill the tables' "above / within / below expected" column, so the figure and
// the column cannot disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "figure/frame.hpp"
#include "figure/theme.hpp"
#include "measure/rate.hpp"

namespace csa::figure {

struct FunnelArea {
  std::string name;
  std::int64_t population = 0;          // residents, > 0
  std::optional<std::int64_t> count;    // empty: suppressed in the table, so not plotted here
};

struct FunnelPlotSpec {
  FigureText text;
  std::vector<FunnelArea> areas;
  double target_rate = 0;  // events per resident (district count / district population)
  measure::RateBase base = measure::RateBase::per_1000;
  std::string value_axis_title;  // "Crimes per 1,000 residents"
  std::string target_label;      // "Cambridge: 104.6"
  double width = theme::page_width;
  double height = 460;
};

// Throws InternalError on a malformed spec (no plottable area, a population that is not positive,
// a negative count, a target rate that is negative or not finite).
std::string funnel_plot(const FunnelPlotSpec& spec);

}  // namespace csa::figure
