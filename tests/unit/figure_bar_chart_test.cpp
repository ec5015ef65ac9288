// Bar charts: bar lengths proportional to values from the zero line, value and category labels,
// grouped bars, missing values and the ranking layout with names on the left.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "figure/bar_chart.hpp"
#include "figure/png.hpp"
#include "figure/text_metrics.hpp"
#include "figure_svg_inspect.hpp"

namespace csa::figure {
namespace {

using inspect::find;

BarChartSpec annual() {
  BarChartSpec spec;
  spec.text = {"Crime by year", "Crimes, Cambridge, years ending December", "", "Source: police.uk"};
  spec.categories = {"YE Dec 2022", "YE Dec 2023", "YE Dec 2024", "YE Dec 2025"};
  spec.series = {{"Crimes", {16912, 17480, 17247, 16276}, ""}};
  spec.value_axis_title = "Crimes";
  return spec;
}

BarChartSpec ranking() {
  BarChartSpec spec;
  spec.text = {"Wards by rate", "Crimes per 1,000 residents", "", "Source: police.uk"};
  spec.direction = BarDirection::horizontal;
  spec.decimals = 1;
  spec.categories = {"Market", "Abbey", "Petersfield", "A ward with a very long name that must wrap onto two lines"};
  spec.series = {{"Rate", {299.4, 124.0, 122.4, 33.9}, ""}};
  spec.value_axis_title = "Crimes per 1,000 residents";
  return spec;
}

TEST(FigureBarChart, ColumnHeightsAreProportionalFromTheZeroLine) {
  const BarChartSpec spec = annual();
  const std::string svg = bar_chart(spec);
  EXPECT_EQ(inspect::unbalanced(svg), "");
  const auto bars = find(svg, "rect", "bar");
  ASSERT_EQ(bars.size(), 4u);
  const double zero = inspect::grid_position(svg, 0, "y1");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double value = *spec.series[0].values[i];
    EXPECT_NEAR(bars[i].num("y") + bars[i].num("height"), zero, 0.5) << "stands on zero";
    EXPECT_NEAR(bars[i].num("y"), inspect::grid_position(svg, value, "y1"), 0.5) << i;
    EXPECT_EQ(bars[i].at("data-category"), spec.categories[i]);
  }
  // Proportional: height / value is the same for every bar.
  const double k = bars[0].num("height") / 16912;
  for (std::size_t i = 1; i < bars.size(); ++i) EXPECT_NEAR(bars[i].num("height"), k * *spec.series[0].values[i], 0.5);
}

TEST(FigureBarChart, ColumnsCarryTheirValuesAndCategories) {
  const std::string svg = bar_chart(annual());
  std::vector<std::string> values, categories;
  for (const auto& t : find(svg, "text", "value-label")) values.push_back(t.text);
  for (const auto& t : find(svg, "text", "category-label")) categories.push_back(t.text);
  EXPECT_EQ(values, (std::vector<std::string>{"16,912", "17,480", "17,247", "16,276"}));
  EXPECT_EQ(categories, annual().categories);
  EXPECT_EQ(find(svg, "rect", "bar")[1].tooltip, "YE Dec 2023: 17,480");
}

TEST(FigureBarChart, RankingBarsHaveProportionalLengthsAndNamesOnTheLeft) {
  const BarChartSpec spec = ranking();
  const std::string svg = bar_chart(spec);
  const auto bars = find(svg, "rect", "bar");
  ASSERT_EQ(bars.size(), 4u);
  const double zero = inspect::grid_position(svg, 0, "x1");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    EXPECT_NEAR(bars[i].num("x"), zero, 0.5);
    EXPECT_NEAR(bars[i].num("x") + bars[i].num("width"), inspect::grid_position(svg, *spec.series[0].values[i], "x1"),
                0.5);
  }
  EXPECT_LT(bars[0].num("y"), bars[1].num("y"));  // rank 1 at the top
  const auto labels = find(svg, "text", "category-label");
  ASSERT_EQ(labels.size(), 5u);  // the long name wraps onto two lines
  for (const auto& l : labels) {
    EXPECT_EQ(l.at("text-anchor"), "end");
    EXPECT_LT(l.num("x"), zero);
    EXPECT_GT(l.num("x") - text_width(l.text, 13), 0) << "not clipped at the left: " << l.text;
  }
  const auto values = find(svg, "text", "value-label");
  ASSERT_EQ(values.size(), 4u);
  EXPECT_EQ(values[0].text, "299.4");
  EXPECT_LE(values[0].num("x") + text_width(values[0].text, 13), spec.width - 16 + 0.5) << "not clipped at the right";
}

TEST(FigureBarChart, GroupedBarsSitSideBySideWithALegend) {
  BarChartSpec spec = annual();
  spec.categories = {"Market", "Abbey", "Newnham"};
  spec.series = {{"YE Dec 2024", {1104, 203, 4}, ""}, {"YE Dec 2025", {1210, 188, std::nullopt}, ""}};
  spec.missing_label = "[c]";
  const std::string svg = bar_chart(spec);
  const auto bars = find(svg, "rect", "bar");
  ASSERT_EQ(bars.size(), 5u);                                            // six slots, one value suppressed
  EXPECT_LT(bars[0].num("x") + bars[0].num("width"), bars[1].num("x"));  // 2024 then 2025, not overlapping
  EXPECT_NE(bars[0].at("fill"), bars[1].at("fill"));
  EXPECT_EQ(bars[1].tooltip, "Market, YE Dec 2025: 1,210");
  bool legend = false, suppressed = false;
  for (const auto& t : find(svg, "text")) {
    legend |= t.text == "YE Dec 2024";
    suppressed |= t.text == "[c]";
  }
  EXPECT_TRUE(legend);
  EXPECT_TRUE(suppressed);
}

TEST(FigureBarChart, NegativeValuesHangBelowZero) {
  BarChartSpec spec = ranking();
  spec.series[0].values = {12.0, -8.0, 3.0, -20.0};
  const std::string svg = bar_chart(spec);
  const auto bars = find(svg, "rect", "bar");
  const double zero = inspect::grid_position(svg, 0, "x1");
  EXPECT_NEAR(bars[1].num("x") + bars[1].num("width"), zero, 0.5);
  EXPECT_NEAR(bars[1].num("x"), inspect::grid_position(svg, -8, "x1"), 0.5);
  // Labels of negative bars sit left of the bar's end, clear of the names.
  const double names_end = find(svg, "text", "category-label")[0].num("x");
  for (const auto& label : find(svg, "text", "value-label")) {
    if (label.text[0] != '-') continue;
    EXPECT_EQ(label.at("text-anchor"), "end");
    EXPECT_GT(label.num("x") - text_width(label.text, 13), names_end) << label.text;
  }
}

TEST(FigureBarChart, NegativeColumnLabelsClearTheCategoryNames) {
  BarChartSpec spec = annual();
  spec.series[0].values = {5.0, -20.0, 12.0, -3.0};
  const std::string svg = bar_chart(spec);
  const auto names = find(svg, "text", "category-label");
  for (const auto& label : find(svg, "text", "value-label")) {
    EXPECT_LT(label.num("y"), names[0].num("y") - 13) << label.text;
  }
}

TEST(FigureBarChart, HighlightPicksOutOneCategory) {
  BarChartSpec spec = annual();
  spec.highlight = 3;
  const auto bars = find(bar_chart(spec), "rect", "bar");
  EXPECT_EQ(bars[0].at("fill"), bars[2].at("fill"));
  EXPECT_NE(bars[3].at("fill"), bars[0].at("fill"));
}

TEST(FigureBarChart, RendersWithLibrsvg) {
  EXPECT_NO_THROW(svg_to_png(bar_chart(annual()), ::testing::TempDir() + "/figure_columns.png"));
  EXPECT_NO_THROW(svg_to_png(bar_chart(ranking()), ::testing::TempDir() + "/figure_bars.png"));
}

TEST(FigureBarChart, MalformedSpecsAreBugs) {
  BarChartSpec spec = annual();
  spec.series[0].values.pop_back();
  EXPECT_THROW(bar_chart(spec), InternalError);
  spec = annual();
  spec.highlight = 9;
  EXPECT_THROW(bar_chart(spec), InternalError);
  spec = annual();
  spec.categories.clear();
  spec.series[0].values.clear();
  EXPECT_THROW(bar_chart(spec), InternalError);
}

}  // namespace
}  // namespace csa::figure
