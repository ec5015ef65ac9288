// The offence hierarchy (data/taxonomy/offence-hierarchy.toml over the Home Office code list in
// ../shared/data/taxonomy): the checks made at load, and the sums of the golden tables under the
// tree's labels. Expected code counts per group were computed with python3 from the code list:
//   python3 -c "import csv,collections; print(collections.Counter(r['offence_group'] for r in
//   csv.DictReader(open('home-office-offence-codes-2024-25.csv'))))"
// giving 147 codes: Theft 41, VAP 33, Misc 24, Sexual 24, CD&A 7, Weapons 5, Public order 4,
// Drugs 4, Fraud 3, Robbery 2; victim-based 107, other crimes against society 37.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "core/error.hpp"
#include "extract_analysis_golden.hpp"
#include "offence/hierarchy.hpp"
#include "support/temp_dir.hpp"

namespace csa::offence {
namespace {

const std::string kCodes = std::string(CSA_SHARED_DIR) + "/data/taxonomy/home-office-offence-codes-2024-25.csv";

const Hierarchy& shipped() {
  static const Hierarchy h = load_hierarchy(default_hierarchy_path(), read_offence_codes(kCodes));
  return h;
}

std::size_t codes_in(const char* id) { return shipped().codes_under(shipped().find(id)).size(); }

TEST(OffenceHierarchy, EveryCodeOfTheListIsInExactlyOneLeaf) {
  const Hierarchy& h = shipped();
  ASSERT_EQ(h.codes().size(), 147u);
  std::vector<int> times(h.codes().size(), 0);
  for (const Node& n : h.nodes())
    for (std::size_t c : n.codes) ++times[c];
  for (std::size_t c = 0; c < times.size(); ++c) EXPECT_EQ(times[c], 1) << h.codes().codes()[c].code;
  for (const Node& n : h.nodes()) {
    if (n.leaf()) {
      EXPECT_FALSE(n.codes.empty()) << n.id;
    }
  }
}

TEST(OffenceHierarchy, GroupsHoldTheCodesPythonCounted) {
  EXPECT_EQ(codes_in("all_crime"), 144u);  // 147 less the three national fraud bodies
  EXPECT_EQ(codes_in("victim_based"), 107u);
  EXPECT_EQ(codes_in("other_against_society"), 37u);
  EXPECT_EQ(codes_in("vap"), 33u);
  EXPECT_EQ(codes_in("theft"), 41u);
  EXPECT_EQ(codes_in("sexual_offences"), 24u);
  EXPECT_EQ(codes_in("fraud"), 3u);
  EXPECT_EQ(codes_in("burglary_residential"), 20u);  // 15 Residential + 5 Domestic (outcome only)
  EXPECT_EQ(codes_in("burglary_business"), 6u);      // 3 Non-residential + 3 Non-domestic
  EXPECT_EQ(codes_in("vehicle_offences"), 4u);
  EXPECT_EQ(shipped().node(shipped().leaf_of_code("37.2")).id, "aggravated_vehicle_taking");
  EXPECT_EQ(shipped().node(shipped().leaf_of_code("28A")).id, "burglary_residential");
  EXPECT_EQ(shipped().leaf_of_code("99Z"), -1);
  EXPECT_EQ(shipped().leaf_of_code(" 08n"), shipped().leaf_of_code("8N"));  // as ingest compares codes
  EXPECT_FALSE(shipped().is_within(shipped().find("fraud"), shipped().all_crime()));
  EXPECT_EQ(shipped().markers().size(), 9u);
}

// Golden tables of seed 002 (golden/README.md sections 1-4) fed in under the tree's labels: the
// printed parents equal the sums of the printed children wherever the tree has them.
TEST(OffenceHierarchy, GoldenTablesAddUpUnderTheTree) {
  const Hierarchy& h = shipped();
  testing::GoldenCsv vap("sa2024-vap-subgroups.csv"), acq("sa2024-acquisitive-subgroups.csv"),
      groups("sa2024-acquisitive-groups.csv"), types("sa2024-crime-types-ye-sep.csv");
  for (const char* year : {"ye_sep_2021", "ye_sep_2022", "ye_sep_2023", "ye_sep_2024"}) {
    NodeCounts c(h.nodes().size());
    auto set = [&](const char* id, std::int64_t v) { c[static_cast<std::size_t>(h.find(id))] = v; };
    set("homicide", vap.count("Homicide", year));
    set("stalking_harassment", vap.count("Stalking And Harassment", year));
    set("violence_with_injury", vap.count("Violence With Injury", year));
    set("violence_without_injury", vap.count("Violence Without Injury", year));
    set("unlawful_driving", 0);  // not printed in Table 5, whose Total is the four rows
    set("vap", vap.count("Total", year));
    set("burglary_residential", acq.count("Burglary - Residential", year));
    set("burglary_business", acq.count("Burglary - Business And Community", year));
    set("burglary", groups.count("Burglary", year));
    set("robbery_business", acq.count("Robbery Of Business Property", year));
    set("robbery_personal", acq.count("Robbery Of Personal Property", year));
    set("robbery", groups.count("Robbery", year));
    set("aggravated_vehicle_taking", acq.count("Aggravated Vehicle Taking", year));
    set("interfering_with_vehicle", acq.count("Interfering With A Motor Vehicle", year));
    set("theft_from_or_of_vehicle", acq.count("Theft From or Of a Vehicle", year));
    set("vehicle_offences", groups.count("Vehicle Offences", year));
    set("theft_from_person", acq.count("Theft From The Person", year));
    set("bicycle_theft", acq.count("Bicycle Theft", year));
    set("shoplifting", acq.count("Shoplifting", year));
    set("other_theft", acq.count("Other Theft", year));
    EXPECT_TRUE(sum_failures(h, c).empty()) << year << ": " << describe(h, sum_failures(h, c));
    // Table 3's "Theft" is the four theft leaves; the tree's Theft offences add burglary and vehicles.
    NodeCounts r = roll_up(h, c);
    EXPECT_EQ(*r[static_cast<std::size_t>(h.find("theft"))],
              groups.count("Burglary", year) + groups.count("Theft", year) + groups.count("Vehicle Offences", year));
  }
  // Table 2: its eleven crime types are nodes of the tree (Theft as the four theft leaves); rolled up,
  // All crime is the printed Total and VAP is Table 5's Total.
  for (const char* year : {"ye_sep_2023", "ye_sep_2024"}) {
    NodeCounts c(h.nodes().size());
    auto set = [&](const char* id, std::int64_t v) { c[static_cast<std::size_t>(h.find(id))] = v; };
    set("criminal_damage_arson", types.count("Arson And Criminal Damage", year));
    set("drugs", types.count("Drug Offences", year));
    set("misc_against_society", types.count("Miscellaneous Crimes Against Society", year));
    set("possession_of_weapons", types.count("Possession Of Weapons", year));
    set("public_order", types.count("Public Order Offences", year));
    set("robbery", types.count("Robbery", year));
    set("sexual_offences", types.count("Sexual Offences", year));
    set("vap", types.count("Violence Against The Person", year));
    set("theft", types.count("Burglary", year) + types.count("Theft", year) + types.count("Vehicle Offences", year));
    NodeCounts r = roll_up(h, c);
    EXPECT_EQ(*r[static_cast<std::size_t>(h.all_crime())], types.count("Total", year)) << year;
    EXPECT_EQ(types.count("Violence Against The Person", year), vap.count("Total", year));
  }
}

TEST(OffenceHierarchy, SumFailuresNameTheParentThatDoesNotAddUp) {
  const Hierarchy& h = shipped();
  NodeCounts c(h.nodes().size());
  c[static_cast<std::size_t>(h.find("robbery_business"))] = 13;
  c[static_cast<std::size_t>(h.find("robbery_personal"))] = 179;
  c[static_cast<std::size_t>(h.find("robbery"))] = 193;  // printed 192: one too many
  auto f = sum_failures(h, c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(h.node(f[0].node).id, "robbery");
  EXPECT_EQ(f[0].count, 193);
  EXPECT_EQ(f[0].children_sum, 192);
  EXPECT_EQ(describe(h, f), "Robbery: 193 but its children sum to 192");
  // A parent with an unknown child is not judged.
  c[static_cast<std::size_t>(h.find("robbery_personal"))].reset();
  EXPECT_TRUE(sum_failures(h, c).empty());
}

// Small hand-made lists and trees for the load checks.
class OffenceHierarchyErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_ / "codes.csv") << "offence_code,offence_description,offence_group,offence_subgroup\n"
                                         "1,Murder,Violence against the person,Homicide\n"
                                         "8N,Assault with injury,Violence against the person,Violence with injury\n"
                                         "AF,Action Fraud,Fraud offences,Fraud: Action Fraud\n";
  }
  std::string load_error(const std::string& toml) {
    std::ofstream(dir_ / "h.toml") << toml;
    try {
      load_hierarchy(dir_ / "h.toml", read_offence_codes(dir_ / "codes.csv"));
    } catch (const InputError& e) {
      return e.what();
    }
    return "loaded";
  }
  testing::TempDir dir_;
};

constexpr const char* kGood = R"(
[[node]]
id = "all_crime"
label = "All crime"
[[node]]
id = "vap"
label = "VAP"
parent = "all_crime"
ho_group = "Violence against the person"
[[node]]
id = "homicide"
label = "Homicide"
parent = "vap"
subgroups = ["Homicide"]
[[node]]
id = "vwi"
label = "Violence with injury"
parent = "vap"
codes = ["8N"]
[[node]]
id = "fraud"
label = "Fraud"
subgroups = ["Fraud: Action Fraud"]
)";

TEST_F(OffenceHierarchyErrors, AGoodTreeLoads) { EXPECT_EQ(load_error(kGood), "loaded"); }

TEST_F(OffenceHierarchyErrors, ACodeInNoLeafIsNamed) {
  std::string t = kGood;
  t = t.substr(0, t.find("[[node]]\nid = \"fraud\""));
  EXPECT_NE(load_error(t).find("offence code 'AF'"), std::string::npos) << load_error(t);
  EXPECT_NE(load_error(t).find("is in no leaf"), std::string::npos);
}

TEST_F(OffenceHierarchyErrors, ACodeInTwoLeavesIsNamed) {
  std::string t = std::string(kGood) + "[[node]]\nid = \"again\"\nlabel = \"Again\"\nparent = \"vap\"\ncodes = [\"1\"]\n";
  EXPECT_NE(load_error(t).find("offence code '1' (Homicide) is in two leaves, 'homicide' and 'again'"), std::string::npos)
      << load_error(t);
}

TEST_F(OffenceHierarchyErrors, UnknownSubgroupCodeParentAndGroupAreNamed) {
  std::string t = kGood;
  EXPECT_NE(load_error(std::string(t).replace(t.find("[\"Homicide\"]"), 12, "[\"Homicde\"]")).find("subgroup 'Homicde' is not in"),
            std::string::npos);
  EXPECT_NE(load_error(std::string(t).replace(t.find("[\"8N\"]"), 6, "[\"8Q\"]")).find("offence code '8Q' is not in"),
            std::string::npos);
  EXPECT_NE(load_error(std::string(t).replace(t.find("parent = \"vap\""), 14, "parent = \"vapp\"")).find("names parent 'vapp'"),
            std::string::npos);
  EXPECT_NE(load_error(std::string(t).replace(t.find("parent = \"vap\"\ncodes"), 14, "parent = \"all_crime\"")).find("names Home Office group"),
            std::string::npos);
  EXPECT_NE(load_error("[[node]]\nid = \"x\"\nlabel = \"X\"\ncodes = [\"1\", \"8N\", \"AF\"]\n").find("\"all_crime\""),
            std::string::npos);
  EXPECT_NE(load_error(std::string(kGood) + "[[marker]]\nmarker = \"domestic\"\nlabel = \"DA\"\n").find("marker 'domestic' is not known"),
            std::string::npos);
}

TEST_F(OffenceHierarchyErrors, TheCodeListRejectsRepeatsWithTheirLines) {
  std::ofstream(dir_ / "codes.csv", std::ios::app) << "8N,Assault again,Violence against the person,Violence with injury\n";
  try {
    read_offence_codes(dir_ / "codes.csv");
    FAIL() << "a repeated code was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("codes.csv:5: offence code '8N' repeats line 3"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace csa::offence
