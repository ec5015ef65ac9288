// Golden numbers: R 4.2.2, tests/fixtures/stats/golden.R, sections "Poisson regression" and
// "Mann-Kendall":
//   fit <- glm(y ~ year, family = poisson)          (or quasipoisson, or + offset(log(pop)))
//   summary(fit)$coefficients[2, 1:2]; summary(fit)$dispersion; confint.default(fit)[2, ]
//   Mann-Kendall by formula (trend::mk.test's statistic; the package was not installed):
//   S = sum sign(x_j - x_i), Var = (n(n-1)(2n+5) - sum t(t-1)(2t+5)) / 18,
//   z = (S - sign(S)) / sqrt(Var), p = 2 pnorm(-|z|), tau_b = cor(seq_along(x), x, method = "kendall")
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "stats/mann_kendall.hpp"
#include "stats/poisson_trend.hpp"

namespace csa::stats {
namespace {

void expect_rel(double actual, double expected, double rel = 1e-7) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * rel) << "expected " << expected;
}

const std::vector<double> kYears = {2019, 2020, 2021, 2022, 2023, 2024};
const std::vector<std::int64_t> kRising = {120, 135, 128, 150, 161, 170};
const std::vector<double> kPopulation = {140000, 141500, 143000, 144800, 146000, 147350};

PoissonTrendOptions pure_poisson() {
  PoissonTrendOptions o;
  o.allow_overdispersion = false;
  return o;
}

TEST(StatsPoissonTrend, RisingSeriesMatchesGlm) {
  const PoissonTrend t = poisson_trend(kYears, kRising, std::nullopt, pure_poisson());
  expect_rel(t.slope, 0.06965195839020609);
  expect_rel(t.standard_error, 0.020009849501438456, 1e-6);
  expect_rel(t.slope_interval.lower, 0.030433374031319967, 1e-6);
  expect_rel(t.slope_interval.upper, 0.10887054274909222, 1e-6);
  expect_rel(t.rate_ratio, 1.0721349687308066);
  expect_rel(t.deviance, 1.107930500954684, 1e-6);
  EXPECT_EQ(t.iterations, 3);
  EXPECT_TRUE(t.converged);
  EXPECT_EQ(t.direction, TrendDirection::rising);
}

TEST(StatsPoissonTrend, OffsetForPopulation) {
  const PoissonTrend t = poisson_trend(kYears, kRising, kPopulation, pure_poisson());
  expect_rel(t.slope, 0.059345978582028232);
  expect_rel(t.standard_error, 0.020016435220165385, 1e-6);
  expect_rel(t.slope_interval.lower, 0.020114486451625016, 1e-6);
  expect_rel(t.slope_interval.upper, 0.098577470712431448, 1e-6);
  expect_rel(t.rate_ratio, 1.061142309749147);
  expect_rel(t.deviance, 1.1020451430195342, 1e-6);
  EXPECT_EQ(t.direction, TrendDirection::rising);
}

TEST(StatsPoissonTrend, UnderDispersedSeriesKeepsPoissonError) {
  // glm(quasipoisson) estimates dispersion 0.2736 here; csa floors it at 1.
  const PoissonTrend t = poisson_trend(kYears, kRising);
  expect_rel(t.pearson_dispersion, 0.27355325808857817, 1e-6);
  EXPECT_EQ(t.dispersion, 1.0);
  expect_rel(t.standard_error, 0.020009849501438456, 1e-6);
}

TEST(StatsPoissonTrend, OverDispersedFlatSeriesIsNoClearTrend) {
  const std::vector<std::int64_t> flat = {1510, 1480, 1620, 1390, 1575, 1530};
  const PoissonTrend pois = poisson_trend(kYears, flat, std::nullopt, pure_poisson());
  expect_rel(pois.slope, 0.0029183490526972738, 1e-6);
  expect_rel(pois.standard_error, 0.0061364882134167624, 1e-6);
  expect_rel(pois.slope_interval.lower, -0.0091089468371541183, 1e-6);
  expect_rel(pois.slope_interval.upper, 0.014945644942548667, 1e-6);
  EXPECT_EQ(pois.direction, TrendDirection::no_clear_trend);

  const PoissonTrend quasi = poisson_trend(kYears, flat);  // glm(quasipoisson): dispersion 5.16
  expect_rel(quasi.dispersion, 5.1611588371820991, 1e-6);
  expect_rel(quasi.standard_error, 0.013940986827335043, 1e-6);
  expect_rel(quasi.slope_interval.lower, -0.024405483037826716, 1e-6);
  expect_rel(quasi.slope_interval.upper, 0.030242181143221265, 1e-6);
  EXPECT_EQ(quasi.direction, TrendDirection::no_clear_trend);
}

TEST(StatsPoissonTrend, FallingSeriesBothWays) {
  const std::vector<std::int64_t> falling = {12000, 11500, 10900, 10850, 10100, 9800};
  const PoissonTrend pois = poisson_trend(kYears, falling, std::nullopt, pure_poisson());
  expect_rel(pois.slope, -0.040167087123793722);
  expect_rel(pois.standard_error, 0.0022974549277102315, 1e-6);
  expect_rel(pois.rate_ratio, 0.96062891701932807);
  EXPECT_EQ(pois.direction, TrendDirection::falling);

  const PoissonTrend quasi = poisson_trend(kYears, falling);
  expect_rel(quasi.dispersion, 2.0541349478666651, 1e-6);
  expect_rel(quasi.standard_error, 0.0032927706781298496, 1e-6);
  expect_rel(quasi.slope_interval.lower, -0.046620799062277757, 1e-6);
  expect_rel(quasi.slope_interval.upper, -0.033713375185309688, 1e-6);
  EXPECT_EQ(quasi.direction, TrendDirection::falling);
}

TEST(StatsPoissonTrend, SmallCountsWithZeros) {
  const std::vector<std::int64_t> small = {3, 0, 2, 1, 0, 0};
  const PoissonTrend t = poisson_trend(kYears, small, std::nullopt, pure_poisson());
  expect_rel(t.slope, -0.53203056879900057, 1e-6);
  expect_rel(t.standard_error, 0.30077525054385429, 1e-6);
  expect_rel(t.slope_interval.upper, 0.057478089707964974, 1e-5);
  expect_rel(t.deviance, 5.4318187699899614, 1e-6);
  EXPECT_EQ(t.iterations, 5);
  EXPECT_EQ(t.direction, TrendDirection::no_clear_trend);
}

TEST(StatsPoissonTrend, TwoYearsIsAWaldTestOfTwoCounts) {
  // Saturated: slope = log(k2 / k1), se^2 = 1/k1 + 1/k2 by hand; no residual, dispersion 1.
  const std::vector<double> years = {2023, 2024};
  const std::vector<std::int64_t> counts = {100, 150};
  const PoissonTrend t = poisson_trend(years, counts);
  expect_rel(t.slope, std::log(1.5), 1e-9);
  // 1e-6: like summary.glm, the standard error uses the weights of the last IRLS step, one step
  // short of the converged fit.
  expect_rel(t.standard_error, std::sqrt(1.0 / 100 + 1.0 / 150), 1e-6);
  EXPECT_EQ(t.dispersion, 1.0);
  EXPECT_EQ(t.direction, TrendDirection::rising);
}

TEST(StatsPoissonTrend, EverythingInTheLastYearIsNoClearTrend) {
  // The maximum-likelihood slope is infinite. R 4.2.2: glm(c(0,0,0,0,0,5) ~ 2019:2024, poisson)
  // stops after 25 iterations at slope 24.5 with standard error 56,594: no clear trend.
  const std::vector<std::int64_t> last = {0, 0, 0, 0, 0, 5};
  const PoissonTrend t = poisson_trend(kYears, last, std::nullopt, pure_poisson());
  EXPECT_GT(t.slope, 10.0);
  EXPECT_GT(t.standard_error, 1000.0);
  EXPECT_FALSE(t.converged);
  EXPECT_EQ(t.direction, TrendDirection::no_clear_trend);
}

TEST(StatsPoissonTrend, AllZeroIsNoClearTrend) {
  const std::vector<std::int64_t> zeros = {0, 0, 0, 0, 0, 0};
  const PoissonTrend t = poisson_trend(kYears, zeros);
  EXPECT_EQ(t.direction, TrendDirection::no_clear_trend);
  EXPECT_FALSE(t.converged);
  EXPECT_TRUE(std::isinf(t.standard_error));
}

TEST(StatsPoissonTrend, RejectsBadInput) {
  const std::vector<double> one_year = {2024};
  const std::vector<std::int64_t> one_count = {5};
  EXPECT_THROW(poisson_trend(one_year, one_count), InputError);
  const std::vector<double> same = {2024, 2024};
  const std::vector<std::int64_t> two = {5, 6};
  EXPECT_THROW(poisson_trend(same, two), InputError);
  const std::vector<std::int64_t> five = {1, 2, 3, 4, 5};
  EXPECT_THROW(poisson_trend(kYears, five), InputError);
  const std::vector<std::int64_t> negative = {1, 2, -3, 4, 5, 6};
  EXPECT_THROW(poisson_trend(kYears, negative), InputError);
  const std::vector<double> bad_pop = {1, 2, 0, 4, 5, 6};
  EXPECT_THROW(poisson_trend(kYears, kRising, bad_pop), InputError);
}

TEST(StatsMannKendall, MatchesFormulaInR) {
  const std::vector<double> rising = {120, 135, 128, 150, 161, 170};
  const MannKendall a = mann_kendall(rising);
  EXPECT_EQ(a.s, 13);
  expect_rel(a.variance, 28.333333333333332, 1e-12);
  expect_rel(a.z, 2.2544074479065386, 1e-12);
  expect_rel(a.p_value, 0.024170547174545247, 1e-9);
  expect_rel(a.tau_b, 0.8666666666666667, 1e-12);
  EXPECT_EQ(a.direction, TrendDirection::rising);

  const std::vector<double> flat = {1510, 1480, 1620, 1390, 1575, 1530};
  const MannKendall b = mann_kendall(flat);
  EXPECT_EQ(b.s, 1);
  EXPECT_EQ(b.z, 0.0);  // continuity correction: S = 1 gives z = 0
  EXPECT_EQ(b.p_value, 1.0);
  EXPECT_EQ(b.direction, TrendDirection::no_clear_trend);
}

TEST(StatsMannKendall, TiesCorrectTheVariance) {
  const std::vector<double> tied = {5, 3, 3, 3, 8, 8, 10, 2};
  const MannKendall m = mann_kendall(tied);
  EXPECT_EQ(m.s, 4);
  expect_rel(m.variance, 60.666666666666664, 1e-12);  // (8*7*21 - 3*2*11 - 2*1*9) / 18
  expect_rel(m.z, 0.38516444325982163, 1e-12);
  expect_rel(m.p_value, 0.7001155851110985, 1e-9);
  expect_rel(m.tau_b, 0.15430334996209194, 1e-12);
}

TEST(StatsMannKendall, StrictlyFalling) {
  const std::vector<double> down = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  const MannKendall m = mann_kendall(down);
  EXPECT_EQ(m.s, -45);
  expect_rel(m.variance, 125.0, 1e-12);
  expect_rel(m.z, -3.9354796403996297, 1e-12);
  expect_rel(m.p_value, 8.3030703326449784e-05, 1e-8);
  expect_rel(m.tau_b, -1.0, 1e-12);
  EXPECT_EQ(m.direction, TrendDirection::falling);
}

TEST(StatsMannKendall, AllEqualAndBadInput) {
  const std::vector<double> same = {4, 4, 4, 4};
  const MannKendall m = mann_kendall(same);
  EXPECT_EQ(m.s, 0);
  EXPECT_EQ(m.variance, 0.0);
  EXPECT_EQ(m.p_value, 1.0);
  EXPECT_EQ(m.tau_b, 0.0);
  const std::vector<double> two = {1, 2};
  EXPECT_THROW(mann_kendall(two), InputError);
  const std::vector<double> nan = {1, std::nan(""), 3};
  EXPECT_THROW(mann_kendall(nan), InputError);
}

}  // namespace
}  // namespace csa::stats
