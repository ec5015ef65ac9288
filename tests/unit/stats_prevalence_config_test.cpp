// csa prevalence's configuration path: the shipped worked example reproduces seed 000's 7,056
// (lines 764-778) exactly as the seed computed it, and the age-band population from the real ONS file
// is checked against sums done by hand from its Cambridge row:
//   Cambridge,145683,6348,6712,6643,11528,20305,16277,13552,10506,9140,8006,7794,6926,5339,4554,4142,3121,2366,2424
// 16-59 = 4/5 x 11,528 + 20,305 + 16,277 + 13,552 + 10,506 + 9,140 + 8,006 + 7,794 + 6,926
//       = 9,222.4 + 92,506 = 101,728.4
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <string>

#include "core/error.hpp"
#include "stats/prevalence.hpp"
#include "stats/prevalence_config.hpp"
#include "support/temp_dir.hpp"

namespace csa::stats {
namespace {

const std::string kExamples = std::string(CSA_FIXTURES_DIR) + "/../../examples/cambridge/";
const std::string kAgeBands = std::string(CSA_SHARED_DIR) + "/data/population/lad-population-by-age-band.csv";

std::string write(const csa::testing::TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name) << text;
  return dir / name;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no InputError";
}

TEST(StatsPrevalenceConfig, ShippedExampleReproducesTheSeeds7056) {
  auto c = load_prevalence_config(kExamples + "prevalence-domestic-abuse.toml");
  EXPECT_TRUE(c.round_groups);
  ASSERT_EQ(c.police_count, 1716);
  auto prepared = prepare_groups(c);
  ASSERT_EQ(prepared.groups.size(), 2U);
  EXPECT_EQ(prepared.groups[0].label, "Women 16-59");
  EXPECT_EQ(prepared.groups[0].population, 53300);
  EXPECT_EQ(prepared.groups[1].population, 56100);
  auto e = estimate_victims(prepared.groups, c.confidence);
  const auto women = std::llround(e.groups[0].victims);  // 4,530.5, halves up as the seed did
  const auto men = std::llround(e.groups[1].victims);    // 2,524.5
  EXPECT_EQ(women, 4531);
  EXPECT_EQ(men, 2525);
  EXPECT_EQ(women + men, 7056);
  EXPECT_EQ(std::llround(100.0 * 1716.0 / 7056.0), 24);  // "as little as 24%"
  EXPECT_FALSE(e.interval);                               // the seed gives no standard errors
  // The output says the seed applied a 16-59 prevalence to a 16+ population.
  bool warned = false;
  for (const auto& n : prepared.population_notes) warned |= n.find("beyond the ages it was measured on") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(StatsPrevalenceConfig, AgeBandsFromTheOnsFile) {
  auto a = population_in_ages(kAgeBands, "Cambridge", parse_age_range("16-59", "test"));
  EXPECT_NEAR(a.population, 101728.4, 1e-9);
  EXPECT_TRUE(a.apportioned);
  ASSERT_EQ(a.bands.size(), 9U);
  EXPECT_EQ(a.bands.front(), "15 to 19 (4 of 5 years)");
  // 16+: everyone but 0-14 and 1/5 of 15-19, the open 85+ band whole.
  auto over16 = population_in_ages(kAgeBands, "Cambridge", parse_age_range("16+", "test"));
  EXPECT_NEAR(over16.population, 145683 - 6348 - 6712 - 6643 - 11528 / 5.0, 1e-9);
  // Whole bands only: nothing apportioned.
  auto whole = population_in_ages(kAgeBands, "Cambridge", parse_age_range("20 to 24", "test"));
  EXPECT_EQ(whole.population, 20305);
  EXPECT_FALSE(whole.apportioned);
  // A range ending inside the open band cannot be split.
  EXPECT_NE(error_of([] { population_in_ages(kAgeBands, "Cambridge", parse_age_range("16-89", "t")); })
                .find("open band"),
            std::string::npos);
  EXPECT_NE(error_of([] { population_in_ages(kAgeBands, "Cambrige", parse_age_range("16-59", "t")); })
                .find("no district named 'Cambrige'"),
            std::string::npos);
}

TEST(StatsPrevalenceConfig, SecondExampleAppliesTheSurveysOwnAges) {
  auto c = load_prevalence_config(kExamples + "prevalence-domestic-abuse-2021.toml");
  auto prepared = prepare_groups(c, kAgeBands);
  // 101,728.4 x 0.5 = 50,864.2, rounded to 50,864 people for each sex.
  EXPECT_EQ(prepared.groups[0].population, 50864);
  EXPECT_EQ(prepared.groups[1].population, 50864);
  auto e = estimate_victims(prepared.groups, c.confidence);
  EXPECT_NEAR(e.victims, 0.085 * 50864 + 0.045 * 50864, 1e-9);  // 6,612.32
}

TEST(StatsPrevalenceConfig, StandardErrorsAndIntervalsAndSexAll) {
  csa::testing::TempDir dir("prev");
  auto path = write(dir, "p.toml", R"(name = "t"
area = "Cambridge"
[survey]
name = "s"
source = "src"
ages = "16-74"
[[survey.group]]
sex = "female"
prevalence = 0.07
standard_error = 0.004
[[survey.group]]
sex = "male"
ages = "16-24"
prevalence = 0.03
interval = [0.02, 0.04]
[[survey.group]]
sex = "all"
ages = "60-64"
prevalence = 0.01
standard_error = 0.001
[population]
file = ")" + kAgeBands + R"("
female_share = 0.6
female_share_source = "assumed"
)");
  auto c = load_prevalence_config(path);
  auto p = prepare_groups(c);
  // Women 16-74: 101,728.4 + 5,339 + 4,554 + 4,142 = 115,763.4, x 0.6 = 69,458.04 -> 69,458.
  EXPECT_EQ(p.groups[0].population, 69458);
  // Men 16-24: (9,222.4 + 20,305) x 0.4 = 11,810.96 -> 11,811.
  EXPECT_EQ(p.groups[1].population, 11811);
  // Everyone 60-64: 5,339, no share applied.
  EXPECT_EQ(p.groups[2].population, 5339);
  auto e = estimate_victims(p.groups, c.confidence);
  ASSERT_TRUE(e.interval);
  const double z = 1.959963984540054;
  const double se1 = (0.04 - 0.02) / (2 * z);
  const double half = z * std::sqrt(std::pow(69458 * 0.004, 2) + std::pow(11811 * se1, 2) + std::pow(5339 * 0.001, 2));
  EXPECT_NEAR(e.interval->upper - e.victims, half, 1e-9);
}

TEST(StatsPrevalenceConfig, MistakesNameFileLineValueAndFix) {
  csa::testing::TempDir dir("prev");
  const std::string head = "name = \"t\"\narea = \"Cambridge\"\n[survey]\nname = \"s\"\nsource = \"src\"\nages = \"16-59\"\n";
  // Line 9: a percentage written as a whole number.
  auto percent = write(dir, "a.toml", head + "[[survey.group]]\nsex = \"female\"\nprevalence = 8.5\n[population]\nfemale = 1\nmale = 1\nsource = \"x\"\n");
  auto msg = error_of([&] { load_prevalence_config(percent); });
  EXPECT_NE(msg.find("a.toml:9"), std::string::npos) << msg;
  EXPECT_NE(msg.find("prevalence = 0.085"), std::string::npos) << msg;
  // The age-band file without a split by sex.
  auto no_share = write(dir, "b.toml", head + "[[survey.group]]\nsex = \"female\"\nprevalence = 0.085\n[population]\nfile = \"x.csv\"\n");
  msg = error_of([&] { load_prevalence_config(no_share); });
  EXPECT_NE(msg.find("female_share"), std::string::npos) << msg;
  EXPECT_NE(msg.find("no split by sex"), std::string::npos) << msg;
  // Ages that are not a range, sex that is not known, both SE and interval.
  auto bad_ages = write(dir, "c.toml", "name = \"t\"\narea = \"C\"\n[survey]\nname = \"s\"\nsource = \"s\"\nages = \"adults\"\n");
  msg = error_of([&] { load_prevalence_config(bad_ages); });
  EXPECT_NE(msg.find("c.toml:6"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\"16-59\""), std::string::npos) << msg;
  auto bad_sex = write(dir, "d.toml", head + "[[survey.group]]\nsex = \"woman\"\nprevalence = 0.1\n");
  msg = error_of([&] { load_prevalence_config(bad_sex); });
  EXPECT_NE(msg.find("d.toml:7"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\"female\", \"male\" or \"all\""), std::string::npos) << msg;
  auto both = write(dir, "e.toml", head + "[[survey.group]]\nsex = \"male\"\nprevalence = 0.1\nstandard_error = 0.01\ninterval = [0.08, 0.12]\n");
  msg = error_of([&] { load_prevalence_config(both); });
  EXPECT_NE(msg.find("not both"), std::string::npos) << msg;
  // A police count without its source.
  auto police = write(dir, "f.toml", head + "[[survey.group]]\nsex = \"male\"\nprevalence = 0.1\n[population]\nfemale = 1\nmale = 1\nsource = \"x\"\n[police]\ncount = 5\nperiod = \"2025\"\n");
  msg = error_of([&] { load_prevalence_config(police); });
  EXPECT_NE(msg.find("police.source is missing"), std::string::npos) << msg;
}

}  // namespace
}  // namespace csa::stats
