// report::recommend: each theme placed in the seeds' three categories by data designed to meet one
// rule each, with the evidence sentence quoting the numbers; the rules in force as text; wards named
// for focus. Counts are chosen here; percentages are worked out by hand and p-values are R 4.2's
// binom.test(later, earlier + later, 0.5)$p.value; trends are R's glm(family = poisson) with the
// quasi-Poisson dispersion floored at 1 (docs/METHODS.md §4), computed once and pasted here.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "report/analysis.hpp"
#include "report/classification.hpp"
#include "report_test_world.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {
namespace {

using period::Month;
using testing::DesignedWorld;
using testing::Series;
namespace tw = csa::testworld;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Every incident in Castle, so ward rules do not interfere. Latest year (2025) counts and the
// latest all-crime total 2,000 + 400 + 160 + 35 + 20 + 19 + 16 + 24 = 2,674:
//   other theft        2,000 -> 2,000   74.8% of all crime: high attention (share)
//   violence             400 ->   400   15.0%: high attention (share)
//   shoplifting          100 ->   160   +60%, p=0.000239 (significant), base 100: concerning (2 years)
//   burglary              25 ->    35   +40%, p=0.245 (not significant), base 25: monitor (size)
//   robbery               40 ->    20   -50%, p=0.0135 (significant decrease): monitor
//   theft from the person  5 ->    19   +280%, p=0.00661 (significant) but base 5 < 20: monitor
//   vehicle crime         10 ->    16   +60%, p=0.327, base 10 < 20: none
//   drugs                 22 ->    24   +9%, p=0.883: none
//   ASB                   50 ->    50   (not crime: no share): none
// Volume ranks among all 14 themes: other theft 1, violence 2, shoplifting 3, ASB 4, burglary 5.
class ReportClassification : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    two_ = new DesignedWorld(2024, {
                                       {"Other theft", tw::kCastle, {2000, 2000}},
                                       {"Violence and sexual offences", tw::kCastle, {400, 400}},
                                       {"Shoplifting", tw::kCastle, {100, 160}},
                                       {"Burglary", tw::kCastle, {25, 35}},
                                       {"Robbery", tw::kCastle, {40, 20}},
                                       {"Theft from the person", tw::kCastle, {5, 19}},
                                       {"Vehicle crime", tw::kCastle, {10, 16}},
                                       {"Drugs", tw::kCastle, {22, 24}},
                                       {"Anti-social behaviour", tw::kCastle, {50, 50}},
                                   });
    // Three years: shoplifting 100, 148, 220 rises steadily (rate ratio 1.484 a year, 95% CI
    // 1.322-1.665); burglary 200, 100, 150 has no clear trend (0.846, 0.484-1.477, phi 23.96) but its
    // last change, 100 -> 150, is significant (p=0.00188).
    three_ = new DesignedWorld(2023, {
                                         {"Other theft", tw::kCastle, {2000, 2000, 2000}},
                                         {"Violence and sexual offences", tw::kCastle, {400, 400, 400}},
                                         {"Shoplifting", tw::kCastle, {100, 148, 220}},
                                         {"Burglary", tw::kCastle, {200, 100, 150}},
                                     });
  }
  static void TearDownTestSuite() {
    delete two_;
    delete three_;
  }
  static Analysis analysis(const DesignedWorld& w, int years, int trend_min_years = 3) {
    return analyse(*w.cube, taxonomy::default_taxonomy(), w.area(tw::kAlphaton), Month(2025, 12), years,
                   w.placed->months_loaded, trend_min_years);
  }
  // Copies: the decisions outlive the Recommendations they came from (their themes point into the Analysis).
  static std::map<std::string, ThemeDecision> by_id(const Recommendations& r) {
    std::map<std::string, ThemeDecision> out;
    for (const auto& d : r.themes) out[d.theme->selection.id] = d;
    return out;
  }
  static inline DesignedWorld* two_ = nullptr;
  static inline DesignedWorld* three_ = nullptr;
};

TEST_F(ReportClassification, TheDesignedCountsAreLoaded) {
  Analysis a = analysis(*two_, 2);
  EXPECT_EQ(a.all_crime().counts, (std::vector<std::int64_t>{2602, 2674}));
  EXPECT_EQ(a.find("shoplifting")->counts, (std::vector<std::int64_t>{100, 160}));
  EXPECT_EQ(a.find("asb")->counts, (std::vector<std::int64_t>{50, 50}));
}

TEST_F(ReportClassification, EachThemeInItsCategoryTwoYears) {
  Analysis a = analysis(*two_, 2);
  ReportConfig c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 1;
  Recommendations r = recommend(a, c);
  ASSERT_EQ(r.themes.size(), 14u);  // every theme, ASB included, in taxonomy order
  for (std::size_t i = 0; i < r.themes.size(); ++i) {
    EXPECT_EQ(r.themes[i].theme->selection.id, taxonomy::default_taxonomy().themes()[i].id);
  }
  auto d = by_id(r);
  EXPECT_EQ(d["other_theft"].category, Category::high_attention);
  EXPECT_TRUE(contains(d["other_theft"].evidence, "74.8% of all crime in YE December 2025 (rule: at least 10%)"))
      << d["other_theft"].evidence;  // 2,000 / 2,674
  EXPECT_EQ(d["violence_and_sexual_offences"].category, Category::high_attention);
  EXPECT_TRUE(contains(d["violence_and_sexual_offences"].evidence, "15.0% of all crime")) << d["violence_and_sexual_offences"].evidence;

  EXPECT_EQ(d["shoplifting"].category, Category::concerning_trend);
  EXPECT_TRUE(contains(d["shoplifting"].evidence, "only 2 years ending are loaded")) << d["shoplifting"].evidence;
  EXPECT_TRUE(contains(d["shoplifting"].evidence, "+60%")) << d["shoplifting"].evidence;
  EXPECT_TRUE(contains(d["shoplifting"].evidence, "p<0.001")) << d["shoplifting"].evidence;

  EXPECT_EQ(d["burglary"].category, Category::monitor);
  EXPECT_TRUE(contains(d["burglary"].evidence, "changed by +40% in the latest year")) << d["burglary"].evidence;
  EXPECT_TRUE(contains(d["burglary"].evidence, "not significantly (p=0.245)")) << d["burglary"].evidence;

  EXPECT_EQ(d["robbery"].category, Category::monitor);
  EXPECT_TRUE(contains(d["robbery"].evidence, "significant decrease in the latest year: -50% (p=0.013)"))
      << d["robbery"].evidence;
  // A significant increase on a base under min_base is not a concerning trend, but it is a change to monitor.
  EXPECT_EQ(d["theft_from_the_person"].category, Category::monitor);
  EXPECT_TRUE(contains(d["theft_from_the_person"].evidence, "significant increase in the latest year: +280% (p=0.007)"))
      << d["theft_from_the_person"].evidence;

  EXPECT_EQ(d["vehicle_crime"].category, Category::none);  // +60% but on a base of 10
  EXPECT_EQ(d["drugs"].category, Category::none);
  EXPECT_EQ(d["asb"].category, Category::none);
  EXPECT_EQ(d["bicycle_theft"].category, Category::none);
  EXPECT_TRUE(contains(d["bicycle_theft"].evidence, "n/a (zero base)")) << d["bicycle_theft"].evidence;
}

TEST_F(ReportClassification, HighVolumeByRankAmongTheThemes) {
  Analysis a = analysis(*two_, 2);
  ReportConfig c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 3;
  auto r = recommend(a, c);
  auto d = by_id(r);
  // Shoplifting is 6.0% of all crime but the third highest count.
  EXPECT_EQ(d["shoplifting"].category, Category::high_attention);
  EXPECT_TRUE(contains(d["shoplifting"].evidence, "has the third highest count of the themes in YE December 2025 (160; rule: "
                                                   "among the 3 highest)"))
      << d["shoplifting"].evidence;
  EXPECT_EQ(d["burglary"].category, Category::monitor);  // fifth: not in the top 3

  // With the share rule out of reach, only the top count is high volume.
  c.classification.high_volume_share = 80.0;
  c.classification.high_volume_top = 1;
  r = recommend(a, c);
  d = by_id(r);
  EXPECT_EQ(d["other_theft"].category, Category::high_attention);
  EXPECT_TRUE(contains(d["other_theft"].evidence, "has the highest count of the themes in YE December 2025 (2,000; rule: "
                                                   "among the 1 highest)"))
      << d["other_theft"].evidence;
  EXPECT_EQ(d["violence_and_sexual_offences"].category, Category::none);  // 400 -> 400, 15% < 80%
}

TEST_F(ReportClassification, ThresholdsComeFromTheConfig) {
  Analysis a = analysis(*two_, 2);
  ReportConfig c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 1;
  c.classification.min_base = 200;  // shoplifting's base of 100 is now too small for a trend call
  auto d = by_id(recommend(a, c));
  EXPECT_EQ(d["shoplifting"].category, Category::monitor);  // still a significant change
  EXPECT_EQ(d["burglary"].category, Category::none);        // +40% on 25 < 200, not significant

  c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 1;
  c.classification.monitor_change_percent = 50.0;
  d = by_id(recommend(a, c));
  EXPECT_EQ(d["burglary"].category, Category::none);  // +40% < 50%
  EXPECT_EQ(d["robbery"].category, Category::monitor);  // significant: the size rule does not matter

  c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 1;
  c.classification.high_volume_share = 15.0;  // violence is 14.96%
  d = by_id(recommend(a, c));
  EXPECT_EQ(d["violence_and_sexual_offences"].category, Category::none);
  c.classification.high_volume_share = 14.9;
  d = by_id(recommend(a, c));
  EXPECT_EQ(d["violence_and_sexual_offences"].category, Category::high_attention);
}

TEST_F(ReportClassification, RisingTrendWithThreeYears) {
  Analysis a = analysis(*three_, 3);
  const ThemeFacts* shop = a.find("shoplifting");
  ASSERT_TRUE(shop->trend);
  EXPECT_NEAR(shop->trend->rate_ratio, 1.483666, 1e-5);
  EXPECT_NEAR(shop->trend->rate_ratio_interval.lower, 1.322109, 1e-5);
  EXPECT_NEAR(shop->trend->rate_ratio_interval.upper, 1.664964, 1e-5);
  EXPECT_EQ(shop->trend->direction, stats::TrendDirection::rising);
  ASSERT_TRUE(shop->change_ny);
  EXPECT_EQ(shop->change_ny->diff, 120);  // 100 -> 220, +120%
  const ThemeFacts* burg = a.find("burglary");
  ASSERT_TRUE(burg->trend);
  EXPECT_NEAR(burg->trend->rate_ratio, 0.8458236, 1e-5);
  EXPECT_NEAR(burg->trend->dispersion, 23.9603, 1e-3);
  EXPECT_EQ(burg->trend->direction, stats::TrendDirection::no_clear_trend);

  ReportConfig c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 1;
  auto d = by_id(recommend(a, c));
  EXPECT_EQ(d["shoplifting"].category, Category::concerning_trend);
  EXPECT_TRUE(contains(d["shoplifting"].evidence, "rising trend over 3 years: rate ratio 1.48 a year (95% CI 1.32–1.66)"))
      << d["shoplifting"].evidence;
  // With a trend to judge by, a significant last-year rise without a rising trend is only monitored.
  EXPECT_EQ(d["burglary"].category, Category::monitor);
  EXPECT_TRUE(contains(d["burglary"].evidence, "significant increase in the latest year: +50% (p=0.002)"))
      << d["burglary"].evidence;
}

TEST_F(ReportClassification, FewerYearsThanTrendMinYearsFallBackToTheLastChange) {
  Analysis a = analysis(*three_, 3, 4);
  for (const auto& t : a.themes) EXPECT_FALSE(t.trend) << t.selection.id;
  ReportConfig c = testing::config_for("Alphaton");
  c.classification.high_volume_top = 1;
  c.classification.trend_min_years = 4;
  auto d = by_id(recommend(a, c));
  // 148 -> 220: +48.6% -> +49%, p=0.000206; 100 -> 150: +50%, p=0.00188; both on bases of 20 or more.
  EXPECT_EQ(d["shoplifting"].category, Category::concerning_trend);
  EXPECT_TRUE(contains(d["shoplifting"].evidence, "only 3 years ending are loaded, too few for a trend (rule: 4); the one "
                                                   "change, +49%, is a significant increase (p<0.001)"))
      << d["shoplifting"].evidence;
  EXPECT_EQ(d["burglary"].category, Category::concerning_trend);
  EXPECT_TRUE(contains(d["burglary"].evidence, "+50%, is a significant increase (p=0.002)")) << d["burglary"].evidence;
}

TEST_F(ReportClassification, RulesTextQuotesTheConfiguredThresholds) {
  Analysis a = analysis(*two_, 2);
  ReportConfig c = testing::config_for("Alphaton");
  c.classification.high_volume_share = 12.5;
  c.classification.high_volume_top = 4;
  c.classification.trend_min_years = 5;
  c.classification.monitor_change_percent = 33.0;
  c.classification.min_base = 17;
  auto r = recommend(a, c);
  ASSERT_EQ(r.rules.size(), 4u);
  EXPECT_TRUE(contains(r.rules[0], "Requires a high level of attention")) << r.rules[0];
  EXPECT_TRUE(contains(r.rules[0], "at least 12.5% of all crime")) << r.rules[0];
  EXPECT_TRUE(contains(r.rules[0], "one of the 4 highest")) << r.rules[0];
  EXPECT_TRUE(contains(r.rules[1], "Has concerning trends")) << r.rules[1];
  EXPECT_TRUE(contains(r.rules[1], "at least 5 years ending")) << r.rules[1];
  EXPECT_TRUE(contains(r.rules[1], "base of at least 17")) << r.rules[1];
  EXPECT_TRUE(contains(r.rules[2], "Should be monitored")) << r.rules[2];
  EXPECT_TRUE(contains(r.rules[2], "at least 33% either way on a base of at least 17")) << r.rules[2];
  // The defaults print as the example config states them.
  auto def = recommend(a, testing::config_for("Alphaton"));
  EXPECT_TRUE(contains(def.rules[0], "at least 10% of all crime")) << def.rules[0];
  EXPECT_TRUE(contains(def.rules[0], "one of the 2 highest")) << def.rules[0];
  EXPECT_TRUE(contains(def.rules[1], "at least 3 years ending")) << def.rules[1];
  EXPECT_TRUE(contains(def.rules[2], "at least 20% either way on a base of at least 20")) << def.rules[2];
}

TEST_F(ReportClassification, CategoryTitlesAreTheSeeds) {
  EXPECT_EQ(category_title(Category::high_attention), "Requires a high level of attention");
  EXPECT_EQ(category_title(Category::concerning_trend), "Has concerning trends");
  EXPECT_EQ(category_title(Category::monitor), "Should be monitored");
}

// Wards named for focus on the synthetic world (fixture README): Castle has the highest 2025 count
// in violence (120), robbery (9), burglary (66), drugs (1) and ASB (30); Abbey in shoplifting (36).
TEST(ReportWardFocus, TheWardWithTheHighestCountInMostThemesComesFirst) {
  testing::LoadedWorld w;
  Analysis a = analyse(*w.cube, taxonomy::default_taxonomy(), w.area(tw::kAlphaton), Month(2025, 12), 2,
                       w.placed->months_loaded, 3);
  ReportConfig c = testing::config_for("Alphaton");
  auto r = recommend(a, c);
  ASSERT_FALSE(r.wards.empty());
  EXPECT_LE(r.wards.size(), 3u);
  EXPECT_EQ(r.wards[0].name, "Castle");
  ASSERT_FALSE(r.wards[0].reasons.empty());
  EXPECT_TRUE(contains(r.wards[0].reasons[0], "the highest count in 5 of the 6 themes with offences in YE December 2025"))
      << r.wards[0].reasons[0];
  c.geography.focus_wards = 1;
  r = recommend(a, c);
  ASSERT_EQ(r.wards.size(), 1u);
  EXPECT_EQ(r.wards[0].name, "Castle");
}

// A ward with no offences of a theme is not "in the top N wards" of that theme: in the designed
// two-year world every incident is in Castle, so Abbey and Market have none at all, yet they tie
// at rank 2 of 3 in every theme.
TEST_F(ReportClassification, AWardWithoutOffencesIsNotRecommendedForFocus) {
  Analysis a = analysis(*two_, 2);
  ReportConfig c = testing::config_for("Alphaton");
  c.geography.top_rank_in_all = 2;
  auto r = recommend(a, c);
  for (const auto& w : r.wards) {
    EXPECT_EQ(w.name, "Castle") << w.name << ": " << (w.reasons.empty() ? "" : w.reasons[0]);
  }
}

}  // namespace
}  // namespace csa::report
