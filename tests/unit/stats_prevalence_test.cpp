// The seed's worked example (seed 000 lines 764-778) and hand-worked intervals. The seed does not
// print the populations it used ("Cambridgeshire Research Group 2013 population estimates"); the
// figures it prints pin them down: 4,531 / 0.085 and 2,525 / 0.045 put the women in 53,300..53,311
// and the men in 56,100..56,122, and the published estimates are rounded to hundreds, so the test
// uses 53,300 and 56,100. Then 8.5% x 53,300 = 4,530.5 and 4.5% x 56,100 = 2,524.5 exactly, which
// the seed rounds (halves up) to 4,531 and 2,525 and adds to 7,056; the unrounded total is 7,055.
// 1,716 police incidents / 7,056 = 24.3%, the seed's "as little as 24%".
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "stats/prevalence.hpp"

namespace csa::stats {
namespace {

constexpr double kZ95 = 1.959963984540054;  // qnorm(0.975)

TEST(StatsPrevalence, SeedDomesticAbuseWorkedExample) {
  const std::vector<PrevalenceGroup> groups = {
      {"Women 16+", 0.085, 53300, std::nullopt, std::nullopt},
      {"Men 16+", 0.045, 56100, std::nullopt, std::nullopt},
  };
  const VictimEstimate e = estimate_victims(groups);
  ASSERT_EQ(e.groups.size(), 2U);
  EXPECT_NEAR(e.groups[0].victims, 4530.5, 1e-9);
  EXPECT_NEAR(e.groups[1].victims, 2524.5, 1e-9);
  // As the seed prints them: each group rounded, then added.
  const auto women = std::llround(e.groups[0].victims);
  const auto men = std::llround(e.groups[1].victims);
  EXPECT_EQ(women, 4531);
  EXPECT_EQ(men, 2525);
  EXPECT_EQ(women + men, 7056);
  EXPECT_NEAR(e.victims, 7055.0, 1e-9);
  EXPECT_FALSE(e.interval);  // the seed gives no standard errors

  const std::optional<PoliceShare> share = police_share(1716, e);
  ASSERT_TRUE(share);
  EXPECT_NEAR(share->share, 1716.0 / 7055.0, 1e-15);
  EXPECT_EQ(std::llround(100.0 * 1716.0 / static_cast<double>(women + men)), 24);  // "as little as 24%"
}

TEST(StatsPrevalence, IntervalsFromStandardErrors) {
  // Hypothetical survey SEs: 0.3 and 0.2 percentage points.
  const std::vector<PrevalenceGroup> groups = {
      {"Women 16-59", 0.085, 53300, 0.003, std::nullopt},
      {"Men 16-59", 0.045, 56100, 0.002, std::nullopt},
  };
  const VictimEstimate e = estimate_victims(groups);
  ASSERT_TRUE(e.groups[0].interval);
  EXPECT_NEAR(e.groups[0].interval->lower, 53300 * (0.085 - kZ95 * 0.003), 1e-9);
  EXPECT_NEAR(e.groups[0].interval->upper, 53300 * (0.085 + kZ95 * 0.003), 1e-9);
  ASSERT_TRUE(e.interval);
  // Total: sqrt((53300 x 0.003)^2 + (56100 x 0.002)^2) = sqrt(159.9^2 + 112.2^2) = 195.3378.
  const double half = kZ95 * std::sqrt(159.9 * 159.9 + 112.2 * 112.2);
  EXPECT_NEAR(e.interval->lower, 7055.0 - half, 1e-9);
  EXPECT_NEAR(e.interval->upper, 7055.0 + half, 1e-9);

  const std::optional<PoliceShare> share = police_share(1716, e);
  ASSERT_TRUE(share && share->interval);
  EXPECT_NEAR(share->interval->lower, 1716.0 / (7055.0 + half), 1e-12);
  EXPECT_NEAR(share->interval->upper, 1716.0 / (7055.0 - half), 1e-12);
}

TEST(StatsPrevalence, PublishedIntervalAndAgeBands) {
  // A survey interval 7.9%..9.1% is used as published; its half-width / z stands in for the SE.
  const std::vector<PrevalenceGroup> groups = {
      {"Women 16-24", 0.085, 12000, std::nullopt, Interval{0.079, 0.091}},
      {"Women 25-59", 0.070, 30000, 0.002, std::nullopt},
  };
  const VictimEstimate e = estimate_victims(groups);
  EXPECT_NEAR(e.groups[0].interval->lower, 948.0, 1e-9);
  EXPECT_NEAR(e.groups[0].interval->upper, 1092.0, 1e-9);
  const double se0 = (0.091 - 0.079) / (2 * kZ95);
  const double half = kZ95 * std::sqrt(std::pow(12000 * se0, 2) + std::pow(30000 * 0.002, 2));
  EXPECT_NEAR(e.victims, 1020.0 + 2100.0, 1e-9);
  EXPECT_NEAR(e.interval->upper - e.victims, half, 1e-9);
}

TEST(StatsPrevalence, TotalIntervalNeedsEveryGroup) {
  const std::vector<PrevalenceGroup> groups = {
      {"Women", 0.085, 1000, 0.003, std::nullopt},
      {"Men", 0.045, 1000, std::nullopt, std::nullopt},
  };
  const VictimEstimate e = estimate_victims(groups);
  EXPECT_TRUE(e.groups[0].interval);
  EXPECT_FALSE(e.groups[1].interval);
  EXPECT_FALSE(e.interval);
}

TEST(StatsPrevalence, ZeroPopulationAndZeroPolice) {
  const std::vector<PrevalenceGroup> empty = {{"Nobody", 0.1, 0, 0.01, std::nullopt}};
  const VictimEstimate e = estimate_victims(empty);
  EXPECT_EQ(e.victims, 0.0);
  EXPECT_FALSE(police_share(5, e));

  const std::vector<PrevalenceGroup> tiny = {{"Tiny", 0.02, 50, 0.02, std::nullopt}};
  const VictimEstimate t = estimate_victims(tiny);
  EXPECT_EQ(t.groups[0].interval->lower, 0.0);  // clamped: a negative number of victims is not a range
  const std::optional<PoliceShare> s = police_share(0, t);
  ASSERT_TRUE(s && s->interval);
  EXPECT_EQ(s->share, 0.0);
  EXPECT_EQ(s->interval->upper, 0.0);
}

TEST(StatsPrevalence, RejectsPercentGivenAsWholeNumber) {
  const std::vector<PrevalenceGroup> percent = {{"Women", 8.5, 53300, std::nullopt, std::nullopt}};
  try {
    estimate_victims(percent);
    FAIL() << "8.5 accepted as a prevalence";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("0.085"), std::string::npos) << e.what();
  }
  const std::vector<PrevalenceGroup> bad_interval = {{"Women", 0.085, 100, std::nullopt, Interval{0.09, 0.1}}};
  EXPECT_THROW(estimate_victims(bad_interval), InputError);
  const std::vector<PrevalenceGroup> bad_se = {{"Women", 0.085, 100, -0.01, std::nullopt}};
  EXPECT_THROW(estimate_victims(bad_se), InputError);
  const std::vector<PrevalenceGroup> bad_pop = {{"Women", 0.085, -1, std::nullopt, std::nullopt}};
  EXPECT_THROW(estimate_victims(bad_pop), InputError);
  EXPECT_THROW(police_share(-1, VictimEstimate{}), InputError);
}

}  // namespace
}  // namespace csa::stats
