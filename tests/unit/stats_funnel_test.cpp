// Golden numbers: R 4.2.2, tests/fixtures/stats/golden.R, section "funnel":
//   r <- qpois(p, E); a <- (ppois(r, E) - p) / (ppois(r, E) - ppois(r - 1, E)); limit <- max(0, r - a)
// for p = 0.025 / 0.975 (95% limits) and 0.001 / 0.999 (99.8% limits).
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "stats/funnel.hpp"

namespace csa::stats {
namespace {

struct Golden {
  double expected;
  double lower998, lower95, upper95, upper998;
};

void expect_rel(double actual, double expected, double rel = 1e-9) {
  if (expected == 0.0) {
    EXPECT_EQ(actual, 0.0);
  } else {
    EXPECT_NEAR(actual, expected, std::abs(expected) * rel) << "expected " << expected;
  }
}

const Golden kGolden[] = {
    {0.5, 0, 0, 1.8600259114609996, 3.4758589809003664},
    {3, 0, 0, 6.3938401648578882, 9.1265049446484401},
    {10, 1.2205293158961341, 3.7751879476884027, 16.159950673344788, 20.662000835994991},
    {52.7, 31.222835407777243, 38.432732315820417, 66.893843630586446, 75.99732221179697},
    {400, 339.13624377673619, 360.77374779873276, 439.1717719964854, 462.72089091015522},
    {2500.25, 2346.6586227845164, 2402.2202676944344, 2598.2269095750735, 2655.6910299120377},
};

TEST(StatsFunnel, CountLimitsMatchR) {
  for (const Golden& g : kGolden) {
    const Interval l95 = funnel_count_limits(g.expected, 0.95);
    const Interval l998 = funnel_count_limits(g.expected, 0.998);
    // The interpolation divides by a difference of two cdf values; 1e-7 allows for the algorithms.
    expect_rel(l95.lower, g.lower95, 1e-7);
    expect_rel(l95.upper, g.upper95, 1e-7);
    expect_rel(l998.lower, g.lower998, 1e-7);
    expect_rel(l998.upper, g.upper998, 1e-7);
  }
}

TEST(StatsFunnel, WorkedExampleExpectedTen) {
  // E = 10: 95% limits 3.78 .. 16.16, 99.8% limits 1.22 .. 20.66. By hand: qpois(0.975, 10) = 17,
  // P(Y <= 17) = 0.98572, P(Y <= 16) = 0.97296, a = (0.98572 - 0.975) / 0.01276 = 0.840, 17 - 0.840 = 16.16.
  EXPECT_EQ(funnel_position(17, 10, 0.95), FunnelPosition::above);
  EXPECT_EQ(funnel_position(16, 10, 0.95), FunnelPosition::within);
  EXPECT_EQ(funnel_position(4, 10, 0.95), FunnelPosition::within);
  EXPECT_EQ(funnel_position(3, 10, 0.95), FunnelPosition::below);
  EXPECT_EQ(funnel_position(20, 10, 0.998), FunnelPosition::within);
  EXPECT_EQ(funnel_position(21, 10, 0.998), FunnelPosition::above);
  EXPECT_EQ(funnel_position(2, 10, 0.998), FunnelPosition::within);
  EXPECT_EQ(funnel_position(1, 10, 0.998), FunnelPosition::below);
}

TEST(StatsFunnel, PositionAgreesWithThePlottedLimits) {
  // The column (classified by the cumulative probability) and the figure (count against the
  // interpolated limit) must never disagree.
  for (double expected : {0.2, 0.5, 1.0, 3.0, 7.5, 10.0, 52.7, 400.0, 2500.25}) {
    for (double confidence : {0.95, 0.998}) {
      const Interval limits = funnel_count_limits(expected, confidence);
      const auto top = static_cast<std::int64_t>(expected * 2 + 30);
      for (std::int64_t o = 0; o <= top; ++o) {
        const auto od = static_cast<double>(o);
        const FunnelPosition by_line = od > limits.upper   ? FunnelPosition::above
                                       : od < limits.lower ? FunnelPosition::below
                                                           : FunnelPosition::within;
        EXPECT_EQ(funnel_position(o, expected, confidence), by_line) << "O=" << o << " E=" << expected;
      }
    }
  }
}

TEST(StatsFunnel, LimitsAreSmoothAndWidenAsPopulationsShrink) {
  // On the rate scale the limits narrow towards the target as the expected count grows.
  double previous_width = 1e300;
  for (double expected : {5.0, 20.0, 80.0, 320.0, 1280.0}) {
    const Interval l = funnel_count_limits(expected, 0.95);
    const double width = (l.upper - l.lower) / expected;
    EXPECT_LT(width, previous_width);
    EXPECT_LT(l.lower, expected);
    EXPECT_GT(l.upper, expected);
    previous_width = width;
  }
}

TEST(StatsFunnel, WardPoint) {
  // A district of 1,500 events in 146,995 residents; a ward of 8,000 residents with 130 events.
  const double target = 1500.0 / 146995.0;
  const FunnelPoint p = funnel_point(130, 8000, target);
  expect_rel(p.expected, target * 8000.0, 1e-12);
  expect_rel(p.rate, 130.0 * 1000.0 / 8000.0, 1e-12);
  expect_rel(p.target_rate, 1500.0 * 1000.0 / 146995.0, 1e-12);
  const Interval counts95 = funnel_count_limits(p.expected, 0.95);
  expect_rel(p.limits95.lower, counts95.lower / 8.0, 1e-12);
  expect_rel(p.limits95.upper, counts95.upper / 8.0, 1e-12);
  EXPECT_EQ(p.at95, FunnelPosition::above);  // E = 81.6; 130 is far out
  EXPECT_EQ(p.at998, FunnelPosition::above);
  EXPECT_EQ(funnel_point(82, 8000, target).at95, FunnelPosition::within);
}

TEST(StatsFunnel, ZeroTargetAndZeroCounts) {
  const Interval l = funnel_count_limits(0.0, 0.95);
  EXPECT_EQ(l.lower, 0.0);
  EXPECT_EQ(l.upper, 0.0);
  EXPECT_EQ(funnel_position(0, 0.0, 0.95), FunnelPosition::within);
  EXPECT_EQ(funnel_position(1, 0.0, 0.95), FunnelPosition::above);
  // A tiny ward with no events cannot be "below": P(Y <= 0) = exp(-E) >= 0.025 while E <= 3.69.
  EXPECT_EQ(funnel_position(0, 3.6, 0.95), FunnelPosition::within);
  EXPECT_EQ(funnel_position(0, 3.7, 0.95), FunnelPosition::below);
}

TEST(StatsFunnel, RejectsBadInput) {
  EXPECT_THROW(funnel_count_limits(-1.0, 0.95), InputError);
  EXPECT_THROW(funnel_count_limits(std::nan(""), 0.95), InputError);
  EXPECT_THROW(funnel_count_limits(5.0, 1.0), InputError);
  EXPECT_THROW(funnel_position(-1, 5.0, 0.95), InputError);
  EXPECT_THROW(funnel_point(5, 0, 0.01), InputError);
  EXPECT_THROW(funnel_point(5, 100, -0.01), InputError);
}

}  // namespace
}  // namespace csa::stats
