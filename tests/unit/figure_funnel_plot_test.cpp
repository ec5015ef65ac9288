// The funnel plot: each area drawn where its rate and population put it, its mark (triangle up,
// triangle down, circle) from its position against the Poisson limits, suppressed areas left out,
// and the limits narrowing as population grows.
// Expected positions were worked independently with python3 (math only): for an expected count of
// 100, P(Y <= 150) = 0.999999 (above 99.8%), P(Y <= 120) = 0.977 (above 95%, within 99.8%),
// P(Y <= 100) = 0.527 (within), P(Y <= 80) = 0.0226 (below 95%), P(Y <= 60) = 1.1e-5 (below 99.8%).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/error.hpp"
#include "figure/funnel_plot.hpp"
#include "figure_svg_inspect.hpp"

namespace csa::figure {
namespace {

using inspect::find;

FunnelPlotSpec wards() {
  FunnelPlotSpec spec;
  spec.text = {"Funnel", "Crimes per 1,000 residents", "", "Source: police.uk"};
  spec.target_rate = 0.01;  // 10 per 1,000: an expected 100 in 10,000 residents
  spec.value_axis_title = "Crimes per 1,000 residents";
  spec.target_label = "District: 10.0";
  spec.areas = {{"High", 10'000, 150}, {"Raised", 10'000, 120}, {"Typical", 10'000, 100},
                {"Low", 10'000, 80},   {"Lowest", 10'000, 60},  {"Hidden", 9'000, std::nullopt}};
  return spec;
}

TEST(FigureFunnelPlot, MarksFollowThePoissonLimits) {
  const std::string svg = funnel_plot(wards());
  auto names = [&](const std::string& cls) {
    std::set<std::string> out;
    for (const auto& e : find(svg, cls == "point within" ? "circle" : "path", cls)) out.insert(e.at("data-name"));
    return out;
  };
  EXPECT_EQ(names("point above"), (std::set<std::string>{"High", "Raised"}));
  EXPECT_EQ(names("point below"), (std::set<std::string>{"Low", "Lowest"}));
  EXPECT_EQ(names("point within"), (std::set<std::string>{"Typical"}));
  // The tooltip says which limit: 150 is beyond 99.8%, 120 only beyond 95%.
  for (const auto& e : find(svg, "path", "point above")) {
    const std::string expected = e.at("data-name") == "High" ? "above the 99.8% limit" : "above the 95% limit";
    EXPECT_NE(e.tooltip.find(expected), std::string::npos) << e.tooltip;
  }
  // Named outside the limits only; the suppressed area appears nowhere.
  std::set<std::string> labels;
  for (const auto& e : find(svg, "text", "point-label")) labels.insert(e.text);
  EXPECT_EQ(labels, (std::set<std::string>{"High", "Raised", "Low", "Lowest"}));
  EXPECT_EQ(svg.find("Hidden"), std::string::npos);
  EXPECT_EQ(inspect::unbalanced(svg), "");
}

TEST(FigureFunnelPlot, PointsSitAtTheirRateAndLimitsNarrow) {
  const std::string svg = funnel_plot(wards());
  // The "Typical" ward's rate is the target's: its point lies on the target line.
  const auto target = find(svg, "line", "target");
  ASSERT_EQ(target.size(), 1u);
  const auto typical = find(svg, "circle", "point within");
  ASSERT_EQ(typical.size(), 1u);
  EXPECT_NEAR(typical[0].num("cy"), target[0].num("y1"), 0.01);
  // Each 95% limit is a path whose band (upper minus lower, in px) shrinks from left to right.
  const auto limits = find(svg, "path", "limit95");
  ASSERT_EQ(limits.size(), 2u);
  auto first_last_y = [](const std::string& d) {
    const double first = std::stod(d.substr(d.find(' ') + 1));
    const double last = std::stod(d.substr(d.rfind(' ') + 1));
    return std::pair{first, last};
  };
  auto [lo_first, lo_last] = first_last_y(limits[0].at("d"));
  auto [hi_first, hi_last] = first_last_y(limits[1].at("d"));
  EXPECT_GT(std::abs(lo_first - hi_first), std::abs(lo_last - hi_last));
}

TEST(FigureFunnelPlot, MalformedSpecsAreRefused) {
  FunnelPlotSpec spec = wards();
  spec.areas = {{"Hidden", 9'000, std::nullopt}};
  EXPECT_THROW(funnel_plot(spec), InternalError);
  spec = wards();
  spec.areas[0].population = 0;
  EXPECT_THROW(funnel_plot(spec), InternalError);
  spec = wards();
  spec.target_rate = -1;
  EXPECT_THROW(funnel_plot(spec), InternalError);
}

}  // namespace
}  // namespace csa::figure
