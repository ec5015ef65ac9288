// Bar charts: vertical columns for a trend over a few periods (counts for the years ending December
// 2022 to 2025, the value printed on each column), and horizontal bars for a ranking (the wards
// with the highest rates, their names on the left where long names still read). Two or more series
// draw grouped bars side by side (two periods per category), with a legend.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "figure/frame.hpp"
#include "figure/theme.hpp"

namespace csa::figure {

enum class BarDirection {
  vertical,    // columns; categories across the page, in order (time runs left to right)
  horizontal,  // bars; categories down the page, in order (rank 1 at the top)
};

struct BarSeries {
  std::string name;                           // in the legend (shown when there are two or more)
  std::vector<std::optional<double>> values;  // one per category; empty: not available
  std::string colour;                         // "#rrggbb"; empty: theme::categorical by position
};

struct BarChartSpec {
  FigureText text;
  BarDirection direction = BarDirection::vertical;
  std::vector<std::string> categories;
  std::vector<BarSeries> series;      // each as long as categories
  std::string value_axis_title;       // with the unit: "Crimes", "Crimes per 1,000 residents"
  int decimals = 0;                   // of the value labels and the description
  bool value_labels = true;           // print each bar's value at its end
  std::string missing_label = "[x]";  // where a value is missing; ONS: [x] not available, [c] suppressed
  // One category drawn in a contrasting colour (one-series charts): the district among its peers.
  std::optional<std::size_t> highlight;
  double width = theme::page_width;
  double height = 0;  // 0: 400 px for columns; for bars, as tall as the rows need
};

// Throws InternalError on a malformed spec (no categories or series, lengths differ, a non-finite
// value, a highlight outside the categories).
std::string bar_chart(const BarChartSpec& spec);

}  // namespace csa::figure
