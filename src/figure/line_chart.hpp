// A monthly series chart: one or more series over consecutive months, e.g. the monthly count as a
// thin line with a point per month and the 12-month rolling average as a thicker line, with the
// peak month called out. A month without a value (no data loaded, or suppressed) is a gap in the
// line, never a zero.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "figure/frame.hpp"
#include "figure/theme.hpp"
#include "period/month.hpp"

namespace csa::figure {

enum class SeriesStyle {
  monthly,          // thin line with a point per month: counts, where each month is a reading
  rolling_average,  // thick line without points: a smoothed trend
  comparison,       // thin dashed line: a reference (the year before, a target, the county)
};

struct MonthlySeries {
  std::string name;                           // in the legend (shown when there are two or more)
  std::vector<std::optional<double>> values;  // one per month from first_month; empty: a gap
  SeriesStyle style = SeriesStyle::monthly;
  std::string colour;  // "#rrggbb"; empty: the series' place in theme::categorical
};

struct PeakMarker {
  std::size_t series = 0;  // index into LineChartSpec::series
  std::size_t month = 0;   // index into that series' values; the value must be present
  std::string label;       // empty: "Peak: Aug 2024 (1,704)"
};

struct LineChartSpec {
  FigureText text;
  period::Month first_month;
  std::vector<MonthlySeries> series;  // all the same length, at least one month
  std::string value_axis_title;       // above the value axis, with the unit: "Crimes per month"
  std::optional<PeakMarker> peak;
  bool from_zero = true;  // start the value axis at 0, so heights compare honestly (ONS guidance)
  int decimals = 0;       // of values in the peak label and the description
  double width = theme::page_width;
  double height = 420;
};

// Throws InternalError on a malformed spec (no series, lengths differ, a non-finite value, a peak
// outside the series or on a missing value): the report stage builds specs, users never do.
std::string line_chart(const LineChartSpec& spec);

// The month with the highest value (the first on ties); none when every value is missing.
std::optional<std::size_t> peak_month(const std::vector<std::optional<double>>& values);

}  // namespace csa::figure
