// Golden numbers: R 4.2.2, tests/fixtures/stats/golden.R, section "projection":
//   d <- b - c; R <- a * d / c; v <- R + R^2 * (1/a + 1/c + 1/d)   (terms with a zero count dropped)
//   projected = a + R; interval = max(a, a + R - z sqrt(v)) .. a + R + z sqrt(v), z = qnorm(0.975)
// Coverage of the interval by simulation: tests/fixtures/stats/projection_coverage.R.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "stats/projection.hpp"

namespace csa::stats {
namespace {

void expect_rel(double actual, double expected, double rel = 1e-12) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * rel) << "expected " << expected;
}

TEST(StatsProjection, SeedStyleProjection) {
  // 900 so far; last year 1,000 in the same months and 1,500 in all: projected 1,350.
  const std::optional<Projection> p = project_year(900, 1500, 1000);
  ASSERT_TRUE(p);
  expect_rel(p->projected, 1350.0);
  expect_rel(p->remainder, 450.0);
  expect_rel(p->standard_error, 35.812009158939965);
  expect_rel(p->interval.lower, 1279.8097518344591);
  expect_rel(p->interval.upper, 1420.1902481655409);
  EXPECT_FALSE(p->small_counts);
}

TEST(StatsProjection, SmallCountsLowerEndHeldAtYearToDate) {
  const std::optional<Projection> p = project_year(9, 15, 10);
  ASSERT_TRUE(p);
  expect_rel(p->projected, 13.5);
  expect_rel(p->standard_error, 3.5812009158939966);
  EXPECT_EQ(p->interval.lower, 9.0);  // 13.5 - 7.02 < 9 already counted
  expect_rel(p->interval.upper, 20.519024816554086);
  EXPECT_TRUE(p->small_counts);
}

TEST(StatsProjection, LateInTheYearTheIntervalIsNarrow) {
  // Eleven months in: only December is uncertain.
  const std::optional<Projection> p = project_year(1200, 1210, 1100);
  ASSERT_TRUE(p);
  expect_rel(p->projected, 1320.0);
  expect_rel(p->standard_error, 16.61324772583615);
  expect_rel(p->interval.lower, 1287.4386327911193);
  expect_rel(p->interval.upper, 1352.5613672088807);
  EXPECT_FALSE(p->small_counts);
}

TEST(StatsProjection, CompleteYearHasNoUncertainty) {
  const std::optional<Projection> p = project_year(100, 100, 100);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->projected, 100.0);
  EXPECT_EQ(p->standard_error, 0.0);
  EXPECT_EQ(p->interval.lower, 100.0);
  EXPECT_EQ(p->interval.upper, 100.0);
}

TEST(StatsProjection, ZeroCounts) {
  EXPECT_FALSE(project_year(5, 10, 0));  // nothing last year in the same months: no ratio
  const std::optional<Projection> none = project_year(0, 40, 20);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->projected, 0.0);
  EXPECT_TRUE(none->small_counts);
  EXPECT_FALSE(std::isnan(none->interval.upper));
}

TEST(StatsProjection, RejectsBadInput) {
  EXPECT_THROW(project_year(-1, 10, 5), InputError);
  EXPECT_THROW(project_year(1, 10, 11), InputError);  // same months cannot exceed the full year
  ProjectionOptions o;
  o.confidence = 95;
  EXPECT_THROW(project_year(1, 10, 5, o), InputError);
}

}  // namespace
}  // namespace csa::stats
