// report::analyse on the synthetic world (tests/fixtures/tables/README.md): counts per year, change,
// exact test, rate, share, monthly series, ward ranks and the years kept or dropped. Expected values
// are worked out by hand from the world's table of counts; p-values are R 4.2's
// binom.test(later, earlier + later, 0.5)$p.value, computed once and pasted here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "report/analysis.hpp"
#include "report_test_world.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {
namespace {

using period::Month;
using testing::LoadedWorld;
namespace tw = csa::testworld;
using Counts = std::vector<std::int64_t>;

class ReportAnalysis : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = new LoadedWorld; }
  static void TearDownTestSuite() { delete world_; }
  static const taxonomy::Taxonomy& tax() { return taxonomy::default_taxonomy(); }
  static Analysis run(const char* area, Month ye = Month(2025, 12), int years = 2, int trend_min_years = 3) {
    return analyse(*world_->cube, tax(), world_->area(area), ye, years, world_->placed->months_loaded, trend_min_years);
  }
  static const ThemeFacts& theme(const Analysis& a, const char* id) {
    const ThemeFacts* t = a.find(id);
    if (t == nullptr) throw std::runtime_error(std::string("no theme ") + id);
    return *t;
  }
  static inline LoadedWorld* world_ = nullptr;
};

TEST_F(ReportAnalysis, YearsAreTheCompleteYearsEnding) {
  Analysis a = run(tw::kAlphaton);
  ASSERT_EQ(a.years.size(), 2u);
  EXPECT_EQ(a.years[0].label(), "2024");
  EXPECT_EQ(a.years[1].label(), "2025");
  EXPECT_EQ(a.latest().description(), "YE December 2025");
  EXPECT_TRUE(a.dropped.empty());
  // Four years asked for: 2022 and 2023 have no data and are named, not compared.
  Analysis four = run(tw::kAlphaton, Month(2025, 12), 4);
  ASSERT_EQ(four.years.size(), 2u);
  EXPECT_EQ(four.years[0].label(), "2024");
  ASSERT_EQ(four.dropped.size(), 2u);
  // Each reason names its year and that its months are missing.
  EXPECT_NE(four.dropped[0].find("2022"), std::string::npos) << four.dropped[0];
  EXPECT_NE(four.dropped[1].find("2023"), std::string::npos) << four.dropped[1];
  EXPECT_NE(four.dropped[1].find("12"), std::string::npos) << four.dropped[1];
  // Counts are the same whichever number of years is asked for.
  EXPECT_EQ(theme(four, "all_crime").counts, (Counts{303, 351}));
}

TEST_F(ReportAnalysis, CountsPerYearForEveryThemeAndGroup) {
  Analysis a = run(tw::kAlphaton);
  ASSERT_EQ(a.themes.size(), tax().themes().size());
  ASSERT_EQ(a.groups.size(), tax().groups().size());
  for (std::size_t i = 0; i < a.themes.size(); ++i) EXPECT_EQ(a.themes[i].selection.id, tax().themes()[i].id);
  // Alphaton = Castle + Abbey + Market (E05000003); README.md of the fixture.
  EXPECT_EQ(theme(a, "violence_and_sexual_offences").counts, (Counts{100 + 40 + 10, 120 + 50 + 10}));
  EXPECT_EQ(theme(a, "robbery").counts, (Counts{8 + 8 + 0, 9 + 7 + 2}));
  EXPECT_EQ(theme(a, "burglary").counts, (Counts{50 + 60 + 3, 66 + 45 + 5}));
  EXPECT_EQ(theme(a, "shoplifting").counts, (Counts{24, 36}));
  EXPECT_EQ(theme(a, "drugs").counts, (Counts{0, 1}));
  EXPECT_EQ(theme(a, "asb").counts, (Counts{20 + 10, 30 + 10}));
  for (const char* id : {"vehicle_crime", "theft_from_the_person", "bicycle_theft", "other_theft",
                         "criminal_damage_and_arson", "possession_of_weapons", "public_order", "other_crime"}) {
    EXPECT_EQ(theme(a, id).counts, (Counts{0, 0})) << id;
  }
  // Groups: all crime leaves ASB out; the unplaced incidents are in no district.
  EXPECT_EQ(theme(a, "all_crime").counts, (Counts{150 + 16 + 113 + 24, 180 + 18 + 116 + 36 + 1}));
  EXPECT_EQ(theme(a, "all_crime").counts, (Counts{303, 351}));
  EXPECT_EQ(theme(a, "acquisitive").counts, (Counts{16 + 113 + 24, 18 + 116 + 36}));
  EXPECT_EQ(theme(a, "all_incidents").counts, (Counts{333, 391}));
  EXPECT_EQ(theme(a, "crimes_against_society").counts, (Counts{0, 1}));
  EXPECT_TRUE(theme(a, "all_crime").is_group);
  EXPECT_FALSE(theme(a, "burglary").is_group);
  EXPECT_EQ(&a.all_crime(), &theme(a, "all_crime"));
  EXPECT_EQ(theme(a, "all_crime").latest(), 351);

  // The county and the other district: Betaby is Market (E05000004) alone.
  Analysis b = run(tw::kBetaby);
  EXPECT_EQ(theme(b, "burglary").counts, (Counts{45, 45}));
  EXPECT_EQ(theme(b, "all_crime").counts, (Counts{75, 75}));
  Analysis county = run(tw::kCounty);
  EXPECT_EQ(theme(county, "all_crime").counts, (Counts{303 + 75, 351 + 75}));
}

TEST_F(ReportAnalysis, ChangeAndExactTest) {
  Analysis a = run(tw::kAlphaton);
  const ThemeFacts& all = theme(a, "all_crime");
  EXPECT_EQ(all.change_1y.earlier, 303);
  EXPECT_EQ(all.change_1y.later, 351);
  EXPECT_EQ(all.change_1y.diff, 48);
  ASSERT_TRUE(all.change_1y.percent);
  EXPECT_NEAR(all.change_1y.percent->to_double(), 48.0 * 100.0 / 303.0, 1e-12);  // 15.84%
  EXPECT_FALSE(all.change_ny);  // two years only
  // binom.test(351, 654, 0.5)$p.value = 0.06600305653
  EXPECT_NEAR(all.test_1y.p_value, 0.06600305653, 1e-9);
  EXPECT_FALSE(all.test_1y.significant);
  EXPECT_EQ(all.test_1y.direction, stats::ChangeDirection::increase);

  const ThemeFacts& burglary = theme(a, "burglary");
  EXPECT_EQ(burglary.change_1y.diff, 3);
  EXPECT_NEAR(burglary.change_1y.percent->to_double(), 300.0 / 113.0, 1e-12);
  EXPECT_NEAR(burglary.test_1y.p_value, 0.8948924093, 1e-9);  // binom.test(116, 229)
  EXPECT_NEAR(theme(a, "violence_and_sexual_offences").test_1y.p_value, 0.1102607871, 1e-9);  // 150 -> 180
  EXPECT_NEAR(theme(a, "shoplifting").test_1y.p_value, 0.155001904, 1e-9);                      // 24 -> 36
  // Drugs 0 -> 1: no percent on a zero base.
  const ThemeFacts& drugs = theme(a, "drugs");
  EXPECT_EQ(drugs.change_1y.diff, 1);
  EXPECT_FALSE(drugs.change_1y.percent);
  EXPECT_NEAR(drugs.test_1y.p_value, 1.0, 1e-12);
  // 0 -> 0: nothing to test.
  EXPECT_FALSE(theme(a, "bicycle_theft").test_1y.significant);
  EXPECT_EQ(theme(a, "bicycle_theft").change_1y.diff, 0);
}

TEST_F(ReportAnalysis, RatesAndSharesOfAllCrime) {
  Analysis a = run(tw::kAlphaton);
  // Alphaton's population is 1,000 + 1,500 + 2,000 + 800 = 5,300 (E01000005 has none).
  ASSERT_TRUE(theme(a, "all_crime").rate);
  EXPECT_NEAR(*theme(a, "all_crime").rate, 351.0 / 5300.0 * 1000.0, 1e-9);
  EXPECT_NEAR(*theme(a, "asb").rate, 40.0 / 5300.0 * 1000.0, 1e-9);
  EXPECT_NEAR(*theme(a, "bicycle_theft").rate, 0.0, 1e-12);
  // Shares of the latest all-crime count; none for ASB, all crime itself or groups holding ASB.
  EXPECT_NEAR(*theme(a, "burglary").share_of_all_crime, 116.0 / 351.0 * 100.0, 1e-9);
  EXPECT_NEAR(*theme(a, "violence_and_sexual_offences").share_of_all_crime, 180.0 / 351.0 * 100.0, 1e-9);
  EXPECT_NEAR(*theme(a, "acquisitive").share_of_all_crime, 170.0 / 351.0 * 100.0, 1e-9);
  EXPECT_NEAR(*theme(a, "bicycle_theft").share_of_all_crime, 0.0, 1e-12);
  EXPECT_FALSE(theme(a, "asb").share_of_all_crime);
  EXPECT_FALSE(theme(a, "all_crime").share_of_all_crime);
  EXPECT_FALSE(theme(a, "all_incidents").share_of_all_crime);
  EXPECT_FALSE(theme(a, "community_impact").share_of_all_crime);
  // The shares of the 13 crime themes add up to 100%.
  double sum = 0;
  for (const auto& t : a.themes) sum += t.share_of_all_crime.value_or(0.0);
  EXPECT_NEAR(sum, 100.0, 1e-9);
  // Betaby: 75 per 3,000.
  Analysis b = run(tw::kBetaby);
  EXPECT_NEAR(*theme(b, "all_crime").rate, 25.0, 1e-12);
}

TEST_F(ReportAnalysis, MonthlySeriesAndPeakOfTheLastTwoYears) {
  Analysis a = run(tw::kAlphaton);
  const ThemeFacts& all = theme(a, "all_crime");
  EXPECT_EQ(all.monthly_first, Month(2024, 1));
  // By the fixture's rule, placed crime (not ASB) of Alphaton's wards in each month.
  Counts expected;
  for (int year : {2024, 2025}) {
    for (int m = 1; m <= 12; ++m) {
      std::int64_t n = 0;
      for (const auto& p : tw::placed_counts()) {
        if (std::string(p.ward) == tw::kMarketB || std::string(p.crime_type) == "Anti-social behaviour") continue;
        n += tw::in_month(year == 2024 ? p.y2024 : p.y2025, m);
      }
      expected.push_back(n);
    }
  }
  EXPECT_EQ(all.monthly, expected);
  // January 2024 by hand: burglary 5 + 5 + 1, robbery 1 + 1, violence 9 + 4 + 1, shoplifting 2.
  EXPECT_EQ(all.monthly.front(), 29);
  std::int64_t sum2025 = 0;
  for (std::size_t i = 12; i < 24; ++i) sum2025 += all.monthly[i];
  EXPECT_EQ(sum2025, 351);
  ASSERT_TRUE(all.peak_month);
  const auto peak = static_cast<std::size_t>(std::max_element(expected.begin(), expected.end()) - expected.begin());
  EXPECT_EQ(*all.peak_month, peak);  // the first month with the highest count
  // Drugs: one offence, in January 2025.
  const ThemeFacts& drugs = theme(a, "drugs");
  ASSERT_TRUE(drugs.peak_month);
  EXPECT_EQ(*drugs.peak_month, 12u);
}

TEST_F(ReportAnalysis, WardsRankedWithCountsRatesAndTests) {
  Analysis a = run(tw::kAlphaton);
  const ThemeFacts& burglary = theme(a, "burglary");
  ASSERT_EQ(burglary.wards.size(), 3u);
  EXPECT_EQ(burglary.wards[0].name, "Castle");
  EXPECT_EQ(burglary.wards[0].counts, (Counts{50, 66}));
  EXPECT_EQ(burglary.wards[0].rank, 1u);
  EXPECT_NEAR(*burglary.wards[0].rate, 26.4, 1e-9);  // 66 per 2,500
  EXPECT_NEAR(burglary.wards[0].latest_test.p_value, 0.1634231725, 1e-9);  // binom.test(66, 116)
  EXPECT_EQ(burglary.wards[1].name, "Abbey");
  EXPECT_EQ(burglary.wards[1].counts, (Counts{60, 45}));
  EXPECT_EQ(burglary.wards[1].rank, 2u);
  EXPECT_NEAR(*burglary.wards[1].rate, 22.5, 1e-9);
  EXPECT_NEAR(burglary.wards[1].latest_test.p_value, 0.1715646972, 1e-9);
  EXPECT_EQ(burglary.wards[1].latest_test.direction, stats::ChangeDirection::decrease);
  EXPECT_EQ(burglary.wards[2].name, "Market");
  EXPECT_EQ(burglary.wards[2].counts, (Counts{3, 5}));
  EXPECT_EQ(burglary.wards[2].rank, 3u);
  EXPECT_NEAR(*burglary.wards[2].rate, 6.25, 1e-9);  // 5 per 800: E01000005 has no population
  EXPECT_TRUE(burglary.wards[2].latest_test.small_base);
  // Ties share a rank and keep name order: shoplifting is Abbey's alone.
  const ThemeFacts& shop = theme(a, "shoplifting");
  ASSERT_EQ(shop.wards.size(), 3u);
  EXPECT_EQ(shop.wards[0].name, "Abbey");
  EXPECT_EQ(shop.wards[0].rank, 1u);
  EXPECT_EQ(shop.wards[1].name, "Castle");
  EXPECT_EQ(shop.wards[1].rank, 2u);
  EXPECT_EQ(shop.wards[2].name, "Market");
  EXPECT_EQ(shop.wards[2].rank, 2u);
  // The county: 66, 45, 45, 5 -> 1, 2, 2, 4; the two Market wards are told apart by area.
  Analysis county = run(tw::kCounty);
  const ThemeFacts& cb = theme(county, "burglary");
  ASSERT_EQ(cb.wards.size(), 4u);
  std::vector<std::size_t> ranks;
  for (const auto& w : cb.wards) ranks.push_back(w.rank);
  EXPECT_EQ(ranks, (std::vector<std::size_t>{1, 2, 2, 4}));
  EXPECT_EQ(cb.wards[2].area, world_->area(tw::kMarketB));
  EXPECT_EQ(cb.wards[3].area, world_->area(tw::kMarketA));
  // Every ward's latest count adds up to the area's.
  for (const auto& t : a.themes) {
    std::int64_t sum = 0;
    for (const auto& w : t.wards) sum += w.counts.back();
    EXPECT_EQ(sum, t.latest()) << t.selection.id;
  }
}

TEST_F(ReportAnalysis, NoTrendWithFewerYearsThanTheRule) {
  Analysis a = run(tw::kAlphaton);
  for (const auto& t : a.themes) EXPECT_FALSE(t.trend) << t.selection.id;
}

TEST_F(ReportAnalysis, ErrorsForAWardTooFewYearsAndNoData) {
  try {
    run(tw::kCastle);
    FAIL() << "a ward is not a district";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("Castle (E05000001) is a ward"), std::string::npos) << e.what();
  }
  // YE June 2024 (Jul 2023 - Jun 2024) is half loaded: one complete year only.
  try {
    run(tw::kAlphaton, Month(2025, 6));
    FAIL() << "one complete year cannot be compared";
  } catch (const InputError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("fewer than two complete years ending June"), std::string::npos) << m;
    EXPECT_NE(m.find("choose another year_ending"), std::string::npos) << m;
  }
  // No data at all for the years asked.
  EXPECT_THROW(run(tw::kAlphaton, Month(2019, 12)), InputError);
  EXPECT_THROW(run(tw::kAlphaton, Month(2026, 12)), InputError);
  // A month missing from the loaded months makes its year incomplete.
  auto months = world_->placed->months_loaded;
  months.erase(Month(2024, 3));
  EXPECT_THROW(analyse(*world_->cube, tax(), world_->area(tw::kAlphaton), Month(2025, 12), 2, months, 3), InputError);
}

}  // namespace
}  // namespace csa::report
