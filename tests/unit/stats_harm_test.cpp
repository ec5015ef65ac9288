// Harm weights: the mapping from Home Office subgroups to police.uk crime types recomputed by hand
// from ../shared/data/harm/cchi-weights-by-subgroup.csv, and harm shares on hand-worked counts.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "stats/harm.hpp"
#include "stats/harm_weights.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::stats {
namespace {

const std::string kFixtures = std::string(CSA_FIXTURES_DIR) + "/stats/";
const std::string kSharedWeights = std::string(CSA_SHARED_DIR) + "/data/harm/cchi-weights-by-subgroup.csv";

std::size_t code(const char* name) { return static_cast<std::size_t>(taxonomy::crime_type_code(name)); }

TEST(StatsHarmWeights, SharedFileMapsToPoliceUkTypes) {
  if (!std::filesystem::exists(kSharedWeights)) GTEST_SKIP() << "shared data absent: " << kSharedWeights;
  const std::vector<CchiSubgroup> subgroups = read_cchi_subgroups(kSharedWeights);
  ASSERT_EQ(subgroups.size(), 23U);
  EXPECT_EQ(subgroups[0].crime_type, "Violence and sexual offences");
  EXPECT_EQ(subgroups[0].subgroup, "Homicide");
  EXPECT_EQ(subgroups[0].days, 5475.0);
  EXPECT_EQ(subgroups[0].national_count, 524);

  const CrimeTypeWeights w = derive_crime_type_weights(subgroups);
  // By hand, Violence and sexual offences (days x national count, summed over its 7 subgroups):
  //   5475 x 524 + 365 x 516757 + 10 x 804983 + 10 x 598830 + 365 x 2244 + 2555 x 71509
  //   + 182.25 x 135333 = 413,712,329.25 over 2,130,180 offences = 194.2147 days.
  ASSERT_TRUE(w[code("Violence and sexual offences")]);
  EXPECT_NEAR(*w[code("Violence and sexual offences")], 413712329.25 / 2130180.0, 1e-9);
  // Burglary: (273.5 x 166316 + 183.5 x 78332) / 244648 = 244.6836.
  EXPECT_NEAR(*w[code("Burglary")], 59861348.0 / 244648.0, 1e-9);
  // Drugs: (3 x 135651 + 5 x 66504) / 202155 = 3.65795.
  EXPECT_NEAR(*w[code("Drugs")], 739473.0 / 202155.0, 1e-12);
  // One subgroup, or subgroups of equal weight: the weight itself.
  EXPECT_EQ(*w[code("Robbery")], 365.0);
  EXPECT_EQ(*w[code("Shoplifting")], 1.0);
  EXPECT_EQ(*w[code("Possession of weapons")], 273.75);
  // Anti-social behaviour is not a crime: no weight.
  EXPECT_FALSE(w[code("Anti-social behaviour")]);
  int weighted = 0;
  for (const auto& x : w) weighted += x.has_value();
  EXPECT_EQ(weighted, 13);  // every police.uk crime type except ASB
}

TEST(StatsHarmWeights, ColumnsByNameWithBomAndCrlf) {
  const std::vector<CchiSubgroup> s = read_cchi_subgroups(kFixtures + "cchi-reordered.csv");
  ASSERT_EQ(s.size(), 5U);
  EXPECT_EQ(s[0].crime_type, "Burglary");
  EXPECT_EQ(s[0].national_count, 100);
  const CrimeTypeWeights w = derive_crime_type_weights(s);
  EXPECT_NEAR(*w[code("Burglary")], (273.5 * 100 + 183.5 * 300) / 400.0, 1e-12);  // 206
  EXPECT_NEAR(*w[code("Drugs")], 4.0, 1e-12);  // national counts all 0: plain mean of 5 and 3
  EXPECT_FALSE(w[code("Robbery")]);            // not in this file
}

TEST(StatsHarmWeights, ErrorsNameTheProblem) {
  const auto message = [](const std::string& file) -> std::string {
    try {
      read_cchi_subgroups(kFixtures + file);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_NE(message("cchi-unknown-category.csv").find("'Violence' is not a police.uk crime type"),
            std::string::npos)
      << message("cchi-unknown-category.csv");
  EXPECT_NE(message("cchi-missing-column.csv").find("cchi_days"), std::string::npos);
  EXPECT_NE(message("cchi-bad-count.csv").find("'166,316'"), std::string::npos) << message("cchi-bad-count.csv");
  EXPECT_NE(message("cchi-asb.csv").find("Anti-social behaviour"), std::string::npos);
  EXPECT_THROW(read_cchi_subgroups(kFixtures + "no-such-file.csv"), IoError);
}

TEST(StatsHarm, ShareOfHarmBesideShareOfVolume) {
  // 2,000 shoplifting at 1 day, 100 robberies at 365 days, 400 burglaries at 206 days.
  const std::vector<HarmItem> items = {
      {"Shoplifting", 2000, 2000.0},
      {"Robbery", 100, 36500.0},
      {"Burglary", 400, 82400.0},
  };
  const HarmTable t = harm_table(items, 146995);
  EXPECT_EQ(t.total_count, 2500);
  EXPECT_DOUBLE_EQ(t.total_harm, 120900.0);
  EXPECT_DOUBLE_EQ(t.rows[0].share_of_volume, 0.8);
  EXPECT_DOUBLE_EQ(t.rows[0].share_of_harm, 2000.0 / 120900.0);
  EXPECT_DOUBLE_EQ(t.rows[1].share_of_volume, 0.04);
  EXPECT_DOUBLE_EQ(t.rows[1].share_of_harm, 36500.0 / 120900.0);
  EXPECT_DOUBLE_EQ(*t.rows[2].harm_per_1000, 82400.0 * 1000.0 / 146995.0);
  EXPECT_DOUBLE_EQ(*t.harm_per_1000, 120900.0 * 1000.0 / 146995.0);
}

TEST(StatsHarm, ThemeItemSkipsAntiSocialBehaviour) {
  CrimeTypeWeights w;
  w[code("Burglary")] = 206.0;
  w[code("Robbery")] = 365.0;
  std::array<std::int64_t, taxonomy::kCrimeTypeCount> counts{};
  counts[code("Anti-social behaviour")] = 5000;
  counts[code("Burglary")] = 40;
  counts[code("Robbery")] = 10;
  taxonomy::CrimeTypeSet theme;
  theme.insert(taxonomy::crime_type_code("Anti-social behaviour"));
  theme.insert(taxonomy::crime_type_code("Burglary"));
  theme.insert(taxonomy::crime_type_code("Robbery"));
  const HarmItem item = harm_item("Acquisitive and ASB", w, counts, theme);
  EXPECT_EQ(item.count, 50);  // ASB has no weight: in neither the count nor the harm
  EXPECT_DOUBLE_EQ(item.harm_days, 40 * 206.0 + 10 * 365.0);
}

TEST(StatsHarm, EmptyAndZeroTotals) {
  const std::vector<HarmItem> zeros = {{"A", 0, 0.0}, {"B", 0, 0.0}};
  const HarmTable t = harm_table(zeros);
  EXPECT_EQ(t.rows[0].share_of_harm, 0.0);
  EXPECT_EQ(t.rows[0].share_of_volume, 0.0);
  EXPECT_FALSE(t.harm_per_1000);
  EXPECT_TRUE(harm_table({}).rows.empty());
}

TEST(StatsHarm, RejectsBadInput) {
  const std::vector<HarmItem> negative = {{"A", -1, 0.0}};
  EXPECT_THROW(harm_table(negative), InputError);
  const std::vector<HarmItem> bad_harm = {{"A", 1, -5.0}};
  EXPECT_THROW(harm_table(bad_harm), InputError);
  const std::vector<HarmItem> ok = {{"A", 1, 5.0}};
  EXPECT_THROW(harm_table(ok, 0), InputError);
}

}  // namespace
}  // namespace csa::stats
