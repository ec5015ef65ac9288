// Golden numbers: R 4.2.2, tests/fixtures/stats/golden.R, section "Gini", with ineq::Gini's
// formula written out (the package was not installed):
//   gini <- function(x) { n <- length(x); x <- sort(x); G <- sum(x * 1L:n); G <- 2 * G / sum(x) - (n + 1L); G / n }
//   top  <- function(x, f = 0.05) { k <- ceiling(f * length(x)); sum(sort(x, decreasing = TRUE)[1:k]) / sum(x) }
#include <gtest/gtest.h>

#include <vector>

#include "core/error.hpp"
#include "stats/concentration.hpp"

namespace csa::stats {
namespace {

// set.seed(1); v <- rpois(40, 12) * c(rep(1, 35), rep(6, 5)): 40 LSOAs, five hot ones.
const std::vector<std::int64_t> kForty = {9,  16, 16, 13, 16, 14, 13, 10, 17, 13, 14, 12, 8,  14,
                                          14, 15, 14, 12, 5,  13, 15, 9,  10, 13, 16, 11, 13, 11,
                                          7,  15, 10, 16, 11, 18, 13, 60, 54, 54, 36, 84};

TEST(StatsConcentration, GiniHandExample) {
  // 1, 2, 3, 4, 10: sum i x(i) = 1 + 4 + 9 + 16 + 50 = 80; G = 2*80/(5*20) - 6/5 = 0.4.
  const std::vector<std::int64_t> v = {10, 3, 1, 4, 2};
  EXPECT_NEAR(*gini(v), 0.4, 1e-15);
}

TEST(StatsConcentration, GiniMatchesIneqFormula) {
  EXPECT_NEAR(*gini(kForty), 0.34216621253405999, 1e-14);
  const std::vector<std::int64_t> one_has_all = {0, 0, 0, 7};
  EXPECT_NEAR(*gini(one_has_all), 0.75, 1e-15);  // (n - 1) / n
  const std::vector<std::int64_t> equal = {5, 5, 5, 5};
  EXPECT_NEAR(*gini(equal), 0.0, 1e-15);
  const std::vector<std::int64_t> single = {12};
  EXPECT_NEAR(*gini(single), 0.0, 1e-15);
}

TEST(StatsConcentration, TopFivePercent) {
  // 5% of 40 = 2 areas: 84 + 60 of 734.
  const std::optional<TopShare> t = top_share(kForty);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->areas, 2U);
  EXPECT_EQ(t->of, 40U);
  EXPECT_NEAR(t->share, 0.19618528610354224, 1e-15);
}

TEST(StatsConcentration, NonIntegerFivePercentRoundsUp) {
  // Cambridge has 78 LSOAs: 5% is 3.9, so the top 4.
  std::vector<std::int64_t> v(78, 1);
  v[10] = 50;
  v[20] = 40;
  v[30] = 30;
  v[40] = 20;
  v[50] = 10;
  const std::optional<TopShare> t = top_share(v);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->areas, 4U);
  EXPECT_NEAR(t->share, 140.0 / (150.0 + 73.0), 1e-15);
  // Fewer than 20 areas still gives one area; 0.07 of 100 is 7, not 8.
  const std::vector<std::int64_t> three = {1, 2, 3};
  EXPECT_EQ(top_share(three)->areas, 1U);
  const std::vector<std::int64_t> hundred(100, 1);
  EXPECT_EQ(top_share(hundred, 0.07)->areas, 7U);
}

TEST(StatsConcentration, TiesAtTheBoundaryDoNotChangeTheShare) {
  // Top 1 of 20 when three areas tie at the top: the share is 9 / total whichever is taken.
  std::vector<std::int64_t> v(20, 1);
  v[3] = v[7] = v[15] = 9;
  const std::optional<TopShare> t = top_share(v);
  EXPECT_EQ(t->areas, 1U);
  EXPECT_NEAR(t->share, 9.0 / (27.0 + 17.0), 1e-15);
}

TEST(StatsConcentration, EmptyOrZeroTotal) {
  const std::vector<std::int64_t> none;
  const std::vector<std::int64_t> zeros = {0, 0, 0};
  EXPECT_FALSE(top_share(none));
  EXPECT_FALSE(top_share(zeros));
  EXPECT_FALSE(gini(none));
  EXPECT_FALSE(gini(zeros));
}

TEST(StatsConcentration, RejectsBadInput) {
  const std::vector<std::int64_t> negative = {3, -1, 2};
  EXPECT_THROW(gini(negative), InputError);
  EXPECT_THROW(top_share(negative), InputError);
  const std::vector<std::int64_t> ok = {3, 1, 2};
  EXPECT_THROW(top_share(ok, 0.0), InputError);
  EXPECT_THROW(top_share(ok, 5.0), InputError);  // 5 for 5%
}

}  // namespace
}  // namespace csa::stats
