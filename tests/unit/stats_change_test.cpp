// Golden numbers: R 4.2.2, tests/fixtures/stats/golden.R, section "change". Each case is
//   poisson.test(c(after, before), c(exposure_after, exposure_before))
// whose p-value is binom.test(after, before + after, e_after / (e_before + e_after)) and whose
// estimate and conf.int are the rate ratio (after / before) and its exact 95% interval.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "stats/change_test.hpp"

namespace csa::stats {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Relative agreement: Boost and R compute the same special functions by different algorithms.
void expect_rel(double actual, double expected, double rel = 1e-9) {
  if (expected == 0.0 || std::isinf(expected)) {
    EXPECT_EQ(actual, expected);
  } else {
    EXPECT_NEAR(actual, expected, std::abs(expected) * rel) << "expected " << expected;
  }
}

TEST(StatsChange, ThreeToSixIsNotSignificant) {
  // The primer's warning: +100% from 3 to 6 is chance. binom.test(6, 9, 0.5): p = 0.5078125.
  const ChangeTest t = test_change(3, 6);
  expect_rel(t.p_value, 0.50781250000000022);
  EXPECT_FALSE(t.significant);
  EXPECT_TRUE(t.small_base);
  EXPECT_EQ(t.direction, ChangeDirection::increase);
  expect_rel(t.rate_ratio, 2.0);
  expect_rel(t.rate_ratio_interval.lower, 0.42713421513637151, 1e-7);
  expect_rel(t.rate_ratio_interval.upper, 12.359226824499896, 1e-7);
}

TEST(StatsChange, SeedWardElevenToTwentyFiveIsSignificant) {
  // The example: a ward going from 11 to 25 offences ("+127%").
  const ChangeTest t = test_change(11, 25);
  expect_rel(t.p_value, 0.028816719655878884);
  EXPECT_TRUE(t.significant);
  EXPECT_FALSE(t.small_base);
  expect_rel(t.rate_ratio, 2.2727272727272729);
  expect_rel(t.rate_ratio_interval.lower, 1.0786968433301238, 1e-7);
  expect_rel(t.rate_ratio_interval.upper, 5.1171812889529305, 1e-7);
}

TEST(StatsChange, DifferentPopulations) {
  // 100 per 10,000 to 130 per 10,500: p0 = 10500 / 20500.
  const ChangeTest t = test_change(100, 130, 10000, 10500);
  expect_rel(t.null_share, 10500.0 / 20500.0);
  expect_rel(t.p_value, 0.11352400420403938);
  EXPECT_FALSE(t.significant);
  expect_rel(t.rate_ratio, 1.2380952380952381);
  expect_rel(t.rate_ratio_interval.lower, 0.94663073176800872, 1e-7);
  expect_rel(t.rate_ratio_interval.upper, 1.6233326689974652, 1e-7);
}

TEST(StatsChange, LargeDistrictCounts) {
  // A district year on year, populations 146,995 and 148,000: +3.3% in volume is significant.
  const ChangeTest t = test_change(15000, 15500, 146995, 148000);
  expect_rel(t.p_value, 0.023359839123771854, 1e-7);
  EXPECT_TRUE(t.significant);
  expect_rel(t.rate_ratio, 1.0263164414414414);
  expect_rel(t.rate_ratio_interval.lower, 1.0034690514829667, 1e-7);
  expect_rel(t.rate_ratio_interval.upper, 1.0496861934617505, 1e-7);
}

TEST(StatsChange, UnequalPeriodsAsExposure) {
  // 40 events in 2 months, then 25 in 3 months: a fall in the monthly rate.
  const ChangeTest a = test_change(40, 25, 2, 3);
  expect_rel(a.p_value, 0.00054120082129893482, 1e-7);
  EXPECT_TRUE(a.significant);
  EXPECT_EQ(a.direction, ChangeDirection::decrease);
  expect_rel(a.rate_ratio, 0.41666666666666669);
  expect_rel(a.rate_ratio_interval.lower, 0.24226221134453721, 1e-7);
  expect_rel(a.rate_ratio_interval.upper, 0.70386359031482693, 1e-7);

  const ChangeTest b = test_change(7, 19, 1.5, 1);
  expect_rel(b.p_value, 0.00092827449601869236, 1e-7);
  expect_rel(b.rate_ratio, 4.0714285714285712);
  expect_rel(b.rate_ratio_interval.lower, 1.6388975362375398, 1e-7);
  expect_rel(b.rate_ratio_interval.upper, 11.460954926368084, 1e-7);
}

TEST(StatsChange, OneZero) {
  const ChangeTest up = test_change(0, 5);  // binom.test(5, 5, 0.5): p = 2 * 0.5^5
  expect_rel(up.p_value, 0.0625);
  EXPECT_FALSE(up.significant);
  EXPECT_TRUE(up.small_base);
  EXPECT_EQ(up.rate_ratio, kInf);
  expect_rel(up.rate_ratio_interval.lower, 0.9163558573154601, 1e-7);
  EXPECT_EQ(up.rate_ratio_interval.upper, kInf);

  const ChangeTest down = test_change(5, 0);
  expect_rel(down.p_value, 0.0625);
  EXPECT_EQ(down.rate_ratio, 0.0);
  EXPECT_EQ(down.rate_ratio_interval.lower, 0.0);
  expect_rel(down.rate_ratio_interval.upper, 1.0912791051825459, 1e-7);
  EXPECT_EQ(down.direction, ChangeDirection::decrease);
  EXPECT_TRUE(down.small_base);  // the base is 5
}

TEST(StatsChange, BothZeroIsNoEvidence) {
  // binom.test(0, 0) is undefined in R; csa defines p = 1: no events, no evidence of change.
  const ChangeTest t = test_change(0, 0);
  EXPECT_EQ(t.p_value, 1.0);
  EXPECT_FALSE(t.significant);
  EXPECT_EQ(t.direction, ChangeDirection::no_change);
  EXPECT_EQ(t.rate_ratio, 1.0);
  EXPECT_EQ(t.rate_ratio_interval.lower, 0.0);
  EXPECT_EQ(t.rate_ratio_interval.upper, kInf);
}

TEST(StatsChange, EqualCounts) {
  const ChangeTest t = test_change(20, 20);
  EXPECT_EQ(t.p_value, 1.0);
  EXPECT_EQ(t.direction, ChangeDirection::no_change);
  expect_rel(t.rate_ratio_interval.lower, 0.51061466720958348, 1e-7);
  expect_rel(t.rate_ratio_interval.upper, 1.9584239627600566, 1e-7);
  // Equal counts in unequal populations are a change of rate.
  EXPECT_EQ(test_change(20, 20, 1000, 2000).direction, ChangeDirection::decrease);
}

TEST(StatsChange, BinomialTwoSidedMatchesR) {
  EXPECT_EQ(binomial_two_sided_p(3, 10, 0.3), 1.0);  // x equals n p exactly
  expect_rel(binomial_two_sided_p(2, 25, 0.2), 0.20734801883871901);
  expect_rel(binomial_two_sided_p(9, 25, 0.2), 0.074163967778416856);
  EXPECT_EQ(binomial_two_sided_p(0, 0, 0.5), 1.0);
  // Symmetric case by hand: binom.test(0, 4, 0.5) = P(0) + P(4) = 2 / 16.
  expect_rel(binomial_two_sided_p(0, 4, 0.5), 0.125, 1e-12);
}

TEST(StatsChange, BisectionAgreesWithFullSum) {
  // The p-value by R's literal loop over every outcome, against the O(log n) bisection, across
  // many cases including ties at the mode.
  for (std::int64_t n : {1, 2, 7, 20, 51}) {
    for (double p : {0.1, 0.3, 0.5, 0.62}) {
      for (std::int64_t x = 0; x <= n; ++x) {
        const auto pmf = [&](std::int64_t i) {
          return std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) +
                          static_cast<double>(i) * std::log(p) + static_cast<double>(n - i) * std::log1p(-p));
        };
        const double d = pmf(x) * (1 + 1e-7);
        double literal = 0.0;
        for (std::int64_t i = 0; i <= n; ++i)
          if (pmf(i) <= d) literal += pmf(i);
        if (static_cast<double>(x) == static_cast<double>(n) * p) literal = 1.0;
        EXPECT_NEAR(binomial_two_sided_p(x, n, p), std::min(1.0, literal), 1e-9) << x << " of " << n << " p=" << p;
      }
    }
  }
}

TEST(StatsChange, SmallBaseThresholdIsConfigurable) {
  EXPECT_TRUE(test_change(9, 30).small_base);
  EXPECT_FALSE(test_change(10, 30).small_base);
  ChangeTestOptions options;
  options.small_base = 20;
  EXPECT_TRUE(test_change(10, 30, 1, 1, options).small_base);
}

TEST(StatsChange, AlphaSetsTheFlag) {
  ChangeTestOptions strict;
  strict.alpha = 0.01;
  EXPECT_TRUE(test_change(11, 25).significant);
  EXPECT_FALSE(test_change(11, 25, 1, 1, strict).significant);  // p = 0.0288
}

TEST(StatsChange, RejectsBadInput) {
  EXPECT_THROW(test_change(-1, 5), InputError);
  EXPECT_THROW(test_change(1, 5, 0, 1), InputError);
  EXPECT_THROW(test_change(1, 5, 1, -2), InputError);
  EXPECT_THROW(test_change(1, 5, 1, std::nan("")), InputError);
  ChangeTestOptions bad;
  bad.alpha = 5;  // "5%" given as 5
  EXPECT_THROW(test_change(1, 5, 1, 1, bad), InputError);
  EXPECT_THROW(binomial_two_sided_p(6, 5, 0.5), InputError);
  EXPECT_THROW(binomial_two_sided_p(1, 5, 1.0), InputError);
  try {
    test_change(1, 5, 0, 1);
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("positive"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace csa::stats
