// The monthly series chart: one point per month where the value lands, gaps for missing months,
// calendar-aligned month labels, the peak marker and a description for screen readers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "figure/line_chart.hpp"
#include "figure/png.hpp"
#include "figure_svg_inspect.hpp"

namespace csa::figure {
namespace {

using inspect::find;

std::vector<std::optional<double>> counts24() {
  const double v[] = {1309, 1431, 1433, 1466, 1583, 1500, 1540, 1704, 1407, 1369, 1232, 1273,
                      1326, 1192, 1478, 1295, 1425, 1399, 1621, 1491, 1282, 1349, 1266, 1152};
  return {std::begin(v), std::end(v)};
}

LineChartSpec two_years() {
  LineChartSpec spec;
  spec.text = {"Monthly crime", "Crimes per month, Cambridge", "", "Source: police.uk"};
  spec.first_month = period::Month(2024, 1);
  spec.series = {{"Monthly count", counts24(), SeriesStyle::monthly, ""}};
  spec.value_axis_title = "Crimes per month";
  return spec;
}

TEST(FigureLineChart, OnePointPerMonthAtItsValue) {
  const LineChartSpec spec = two_years();
  const std::string svg = line_chart(spec);
  EXPECT_EQ(inspect::unbalanced(svg), "");
  const auto points = find(svg, "circle", "point");
  ASSERT_EQ(points.size(), 24u);
  // y from the grid lines the chart drew, x evenly spaced: each within half a pixel.
  const double spacing = points[1].num("cx") - points[0].num("cx");
  EXPECT_GT(spacing, 20);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double value = *spec.series[0].values[i];
    EXPECT_NEAR(points[i].num("cy"), inspect::grid_position(svg, value, "y1"), 0.5) << i;
    EXPECT_NEAR(points[i].num("cx"), points[0].num("cx") + spacing * static_cast<double>(i), 0.5) << i;
    EXPECT_EQ(points[i].num("data-value"), value);
  }
  EXPECT_EQ(points[7].tooltip, "Monthly count, Aug 2024: 1,704");
}

TEST(FigureLineChart, ValueAxisStartsAtZeroWithNiceTicks) {
  const std::string svg = line_chart(two_years());
  const auto grid = find(svg, "line", "grid");
  ASSERT_FALSE(grid.empty());
  EXPECT_EQ(grid.front().num("data-value"), 0);
  EXPECT_EQ(grid.back().num("data-value"), 2000);
  bool labelled_2000 = false;
  for (const auto& t : find(svg, "text")) labelled_2000 |= t.text == "2,000";
  EXPECT_TRUE(labelled_2000);
}

TEST(FigureLineChart, MonthLabelsFollowTheCalendar) {
  const std::string svg = line_chart(two_years());
  std::vector<std::string> labels;
  for (const auto& t : find(svg, "text", "month-label")) labels.push_back(t.text);
  EXPECT_EQ(labels, (std::vector<std::string>{"Jan 2024", "Apr 2024", "Jul 2024", "Oct 2024", "Jan 2025", "Apr 2025",
                                              "Jul 2025", "Oct 2025"}));
}

TEST(FigureLineChart, MissingMonthsAreGapsNotZeros) {
  LineChartSpec spec = two_years();
  spec.series[0].values[5].reset();
  spec.series[0].values[6].reset();
  spec.series[0].values[12].reset();
  const std::string svg = line_chart(spec);
  EXPECT_EQ(find(svg, "circle", "point").size(), 21u);
  const auto lines = find(svg, "path", "line");
  ASSERT_EQ(lines.size(), 1u);
  const std::string& d = lines[0].at("d");
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 3);  // three runs: Jan-May, Aug-Dec, Feb 2025 on
}

TEST(FigureLineChart, RollingAverageIsAThickerLineWithALegend) {
  LineChartSpec spec = two_years();
  std::vector<std::optional<double>> rolling(24);
  for (std::size_t i = 11; i < 24; ++i) rolling[i] = 1400 - static_cast<double>(i);
  spec.series.push_back({"12-month rolling average", rolling, SeriesStyle::rolling_average, ""});
  const std::string svg = line_chart(spec);
  const auto lines = find(svg, "path", "line");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_GT(lines[1].num("stroke-width"), lines[0].num("stroke-width"));
  EXPECT_NE(lines[0].at("stroke"), lines[1].at("stroke"));
  EXPECT_EQ(find(svg, "circle", "point").size(), 24u);  // the average has no points of its own
  bool legend = false;
  for (const auto& t : find(svg, "text")) legend |= t.text == "12-month rolling average";
  EXPECT_TRUE(legend);
}

TEST(FigureLineChart, PeakMarkerCallsOutTheHighestMonth) {
  LineChartSpec spec = two_years();
  const auto peak = peak_month(spec.series[0].values);
  ASSERT_TRUE(peak.has_value());
  EXPECT_EQ(*peak, 7u);
  spec.peak = PeakMarker{0, *peak, ""};
  const std::string svg = line_chart(spec);
  const auto marker = find(svg, "circle", "peak");
  ASSERT_EQ(marker.size(), 1u);
  EXPECT_NEAR(marker[0].num("cx"), find(svg, "circle", "point")[7].num("cx"), 1e-9);
  const auto label = find(svg, "text", "peak-label");
  ASSERT_EQ(label.size(), 1u);
  EXPECT_EQ(label[0].text, "Peak: Aug 2024 (1,704)");
  EXPECT_LT(label[0].num("y"), marker[0].num("cy"));  // above the point
}

TEST(FigureLineChart, PeakLabelStaysInsideAtTheEdges) {
  LineChartSpec spec = two_years();
  spec.series[0].values[23] = 2500;
  spec.peak = PeakMarker{0, 23, ""};
  const std::string svg = line_chart(spec);
  const auto label = find(svg, "text", "peak-label");
  ASSERT_EQ(label.size(), 1u);
  EXPECT_EQ(label[0].at("text-anchor"), "end");
  EXPECT_LE(label[0].num("x"), spec.width - 16);
}

TEST(FigureLineChart, DescribesItselfForScreenReaders) {
  const std::string svg = line_chart(two_years());
  const auto desc = find(svg, "desc");
  ASSERT_EQ(desc.size(), 1u);
  EXPECT_EQ(
      desc[0].text,
      "Line chart by month, Jan 2024 to Dec 2025. Monthly count: lowest 1,152 (Dec 2025), highest 1,704 (Aug 2024).");
  EXPECT_EQ(find(svg, "title").front().text, "Monthly crime");
}

TEST(FigureLineChart, TitleCanBeLeftToTheCaption) {
  LineChartSpec spec = two_years();
  spec.text.draw_title = false;
  const std::string svg = line_chart(spec);
  for (const auto& t : find(svg, "text")) EXPECT_NE(t.text, "Monthly crime");
  EXPECT_EQ(find(svg, "title").front().text, "Monthly crime");  // still the accessible name
}

TEST(FigureLineChart, RendersWithLibrsvg) {
  LineChartSpec spec = two_years();
  spec.peak = PeakMarker{0, 7, ""};
  EXPECT_NO_THROW(svg_to_png(line_chart(spec), ::testing::TempDir() + "/figure_line.png"));
}

TEST(FigureLineChart, MalformedSpecsAreBugs) {
  LineChartSpec spec = two_years();
  spec.series.push_back({"short", {1.0, 2.0}, SeriesStyle::comparison, ""});
  EXPECT_THROW(line_chart(spec), InternalError);
  spec = two_years();
  spec.peak = PeakMarker{0, 30, ""};
  EXPECT_THROW(line_chart(spec), InternalError);
  spec = two_years();
  spec.series.clear();
  EXPECT_THROW(line_chart(spec), InternalError);
  EXPECT_FALSE(peak_month({std::nullopt, std::nullopt}).has_value());
}

}  // namespace
}  // namespace csa::figure
