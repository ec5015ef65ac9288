// Hand-worked baselines; the 12-month mean and sd checked in R 4.2.2 (tests/fixtures/stats/golden.R,
// section "SPC"): mean(x[1:12]) = 30.666666666666668, sd(x[1:12]) = 2.4984843890695498.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "stats/spc.hpp"

namespace csa::stats {
namespace {

const std::vector<double> kMonths = {30, 28, 35, 31, 29, 33, 27, 32, 30, 34, 28, 31, 36};

SpcOptions twelve_months() {
  SpcOptions o;
  o.baseline_months = 12;
  o.min_baseline = 12;
  return o;
}

TEST(StatsSpc, BaselineIsThePreviousMonthsOnly) {
  const std::vector<SpcPoint> points = spc_exceptions(kMonths, twelve_months());
  ASSERT_EQ(points.size(), kMonths.size());
  for (std::size_t t = 0; t < 12; ++t) EXPECT_EQ(points[t].flag, SpcFlag::insufficient_baseline) << t;
  const SpcPoint& last = points[12];
  EXPECT_EQ(last.baseline_size, 12U);
  EXPECT_NEAR(last.mean, 30.666666666666668, 1e-12);
  EXPECT_NEAR(last.sd, 2.4984843890695498, 1e-12);
  EXPECT_NEAR(last.upper, 30.666666666666668 + 3 * 2.4984843890695498, 1e-12);
  EXPECT_EQ(last.flag, SpcFlag::within);  // 36 < 38.16
}

TEST(StatsSpc, FlagsHighAndLowMonths) {
  std::vector<double> series = kMonths;
  series[12] = 39;  // above 38.162
  EXPECT_EQ(spc_exceptions(series, twelve_months())[12].flag, SpcFlag::high);
  series[12] = 23;  // below 30.667 - 7.495 = 23.171
  EXPECT_EQ(spc_exceptions(series, twelve_months())[12].flag, SpcFlag::low);
  series[12] = 24;
  EXPECT_EQ(spc_exceptions(series, twelve_months())[12].flag, SpcFlag::within);
}

TEST(StatsSpc, MovingWindowOfTwentyFourByDefault) {
  // 24 months alternating 10 and 12 (mean 11, sd sqrt(24/23)), then a month of 15 (> 11 + 3.064).
  std::vector<double> series;
  for (int i = 0; i < 24; ++i) series.push_back(i % 2 == 0 ? 10 : 12);
  series.push_back(15);
  series.push_back(11);
  const std::vector<SpcPoint> points = spc_exceptions(series);
  EXPECT_EQ(points[23].flag, SpcFlag::insufficient_baseline);
  EXPECT_NEAR(points[24].mean, 11.0, 1e-12);
  EXPECT_NEAR(points[24].sd, std::sqrt(24.0 / 23.0), 1e-12);
  EXPECT_EQ(points[24].flag, SpcFlag::high);
  // The next month's window drops month 0 (a 10) and takes in the 15.
  EXPECT_EQ(points[25].baseline_size, 24U);
  EXPECT_NEAR(points[25].mean, (11.0 * 24 - 10 + 15) / 24, 1e-12);
  EXPECT_EQ(points[25].flag, SpcFlag::within);
}

TEST(StatsSpc, ShorterMinimumBaseline) {
  SpcOptions o;
  o.min_baseline = 6;
  const std::vector<SpcPoint> points = spc_exceptions(kMonths, o);
  EXPECT_EQ(points[5].flag, SpcFlag::insufficient_baseline);
  EXPECT_NE(points[6].flag, SpcFlag::insufficient_baseline);
  EXPECT_EQ(points[6].baseline_size, 6U);
}

TEST(StatsSpc, ConstantBaselineFlagsAnyRise) {
  std::vector<double> series(24, 0.0);
  series.push_back(1.0);
  const std::vector<SpcPoint> points = spc_exceptions(series);
  EXPECT_EQ(points[24].sd, 0.0);
  EXPECT_EQ(points[24].flag, SpcFlag::high);
}

TEST(StatsSpc, HighestSince) {
  const std::vector<double> s = {40, 25, 31, 29, 35, 30, 35, 42};
  EXPECT_EQ(highest_since(s, 5), std::optional<std::size_t>(4));  // 30: 35 in month 4
  EXPECT_EQ(highest_since(s, 6), std::optional<std::size_t>(4));  // 35: ties count (>=)
  EXPECT_EQ(highest_since(s, 4), std::optional<std::size_t>(0));  // 35: only 40 reaches it
  EXPECT_EQ(highest_since(s, 7), std::nullopt);                   // 42: highest in the series
  EXPECT_EQ(highest_since(s, 0), std::nullopt);
  EXPECT_THROW(highest_since(s, 8), InputError);
}

TEST(StatsSpc, RejectsBadOptions) {
  SpcOptions o;
  o.min_baseline = 1;
  EXPECT_THROW(spc_exceptions(kMonths, o), InputError);
  o = SpcOptions{};
  o.min_baseline = 30;
  EXPECT_THROW(spc_exceptions(kMonths, o), InputError);
  o = SpcOptions{};
  o.sigmas = 0;
  EXPECT_THROW(spc_exceptions(kMonths, o), InputError);
  const std::vector<double> nan = {1, std::nan("")};
  EXPECT_THROW(spc_exceptions(nan), InputError);
}

}  // namespace
}  // namespace csa::stats
