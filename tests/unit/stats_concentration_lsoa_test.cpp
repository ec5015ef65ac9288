// Concentration from the store: dataset::count_by_lsoa on the synthetic world
// (tests/fixtures/tables/synthetic_world.hpp), then the top share and Gini, all worked by hand.
// Alphaton's burglary in 2025: Castle's 66 alternate between its two LSOAs month by month (6 a month
// in Jan-Jun, 5 in Jul-Dec; the first, third and fifth of each month go to E01000001), so
// E01000001 = 6 x 3 + 6 x 3 = 36 and E01000002 = 6 x 3 + 6 x 2 = 30; Abbey's E01000003 = 45;
// Market's E01000004 = 5; E01000005 has none. The unplaced burglaries (no location, a Welsh LSOA)
// belong to no LSOA.
#include <gtest/gtest.h>

#include <map>

#include "dataset/geography.hpp"
#include "dataset/lsoa_counts.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "period/window.hpp"
#include "stats/concentration.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::stats {
namespace {
namespace tw = csa::testworld;

taxonomy::CrimeTypeSet types_of(std::initializer_list<const char*> names) {
  taxonomy::CrimeTypeSet s;
  for (const char* n : names) s.insert(taxonomy::crime_type_code(n));
  return s;
}

std::map<std::string, std::int64_t> by_code(const dataset::Geography& g, const dataset::LsoaCounts& c) {
  std::map<std::string, std::int64_t> out;
  for (std::size_t i = 0; i < c.lsoa.size(); ++i) out[g.area(c.lsoa[i]).code] = c.count[i];
  return out;
}

TEST(StatsConcentrationLsoa, AlphatonBurglaryByLsoaWithTheEmptyLsoa) {
  tw::World world;
  auto g = dataset::Geography::from_store(*world.store);
  auto c = dataset::count_by_lsoa(*world.store, g, g.find_code(tw::kAlphaton), types_of({"Burglary"}),
                                  period::year_ending(period::Month(2025, 12)));
  const std::map<std::string, std::int64_t> want = {
      {tw::kL1, 36}, {tw::kL2, 30}, {tw::kL3, 45}, {tw::kL4, 5}, {tw::kL5, 0}};
  EXPECT_EQ(by_code(g, c), want);
  EXPECT_EQ(c.total, 116);
  EXPECT_EQ(c.lsoas_without_incidents, 1);

  // Top 5% of 5 LSOAs: ceil(0.25) = 1 area, 45 of 116.
  auto top = top_share(c.count);
  ASSERT_TRUE(top);
  EXPECT_EQ(top->areas, 1U);
  EXPECT_NEAR(top->share, 45.0 / 116.0, 1e-15);
  // Sorted 0, 5, 30, 36, 45: sum i x(i) = 10 + 90 + 144 + 225 = 469; G = 2 x 469 / (5 x 116) - 6/5.
  EXPECT_NEAR(*gini(c.count), 938.0 / 580.0 - 1.2, 1e-15);
  // Leaving the empty LSOA out would understate it: 5, 30, 36, 45 gives 2 x 353 / (4 x 116) - 5/4.
  const std::vector<std::int64_t> without_zero = {36, 30, 45, 5};
  EXPECT_NEAR(*gini(without_zero), 706.0 / 464.0 - 1.25, 1e-15);
  EXPECT_LT(*gini(without_zero), *gini(c.count));
}

TEST(StatsConcentrationLsoa, WindowAndTypesAndCounty) {
  tw::World world;
  auto g = dataset::Geography::from_store(*world.store);
  // 2024, robbery and drugs: Castle's 8 robberies are one a month in Jan-Aug, each the month's first
  // and so in E01000001; Abbey robbery 8; Market robbery 0; Castle drugs 0.
  auto c = dataset::count_by_lsoa(*world.store, g, g.find_code(tw::kAlphaton), types_of({"Robbery", "Drugs"}),
                                  period::year_ending(period::Month(2024, 12)));
  const std::map<std::string, std::int64_t> want = {
      {tw::kL1, 8}, {tw::kL2, 0}, {tw::kL3, 8}, {tw::kL4, 0}, {tw::kL5, 0}};
  EXPECT_EQ(by_code(g, c), want);
  EXPECT_EQ(c.lsoas_without_incidents, 3);
  // The county: Betaby's one LSOA joins (violence 30 in 2025); LSOAs of both districts.
  auto county = dataset::count_by_lsoa(*world.store, g, g.find_code(tw::kCounty),
                                       types_of({"Violence and sexual offences"}),
                                       period::year_ending(period::Month(2025, 12)));
  EXPECT_EQ(county.lsoa.size(), 6U);
  EXPECT_EQ(county.total, 120 + 50 + 10 + 30);
  // A period with no data: every LSOA is a zero, and there is no share to give.
  auto none = dataset::count_by_lsoa(*world.store, g, g.find_code(tw::kAlphaton), types_of({"Burglary"}),
                                     period::year_ending(period::Month(2019, 12)));
  EXPECT_EQ(none.total, 0);
  EXPECT_EQ(none.lsoas_without_incidents, 5);
  EXPECT_FALSE(top_share(none.count));
  EXPECT_FALSE(gini(none.count));
}

}  // namespace
}  // namespace csa::stats
