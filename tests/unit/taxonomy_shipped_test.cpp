// The shipped default taxonomy (data/taxonomy/police-uk-themes.toml) and the lookups on it.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::taxonomy {
namespace {

std::vector<std::string> theme_ids(const Taxonomy& t, const std::vector<std::size_t>& indices) {
  std::vector<std::string> out;
  for (std::size_t i : indices) out.push_back(t.themes()[i].id);
  return out;
}

CrimeTypeSet set_of(std::initializer_list<const char*> names) {
  CrimeTypeSet set;
  for (const char* name : names) set.insert(crime_type_code(name));
  return set;
}

TEST(TaxonomyCrimeType, FourteenCanonicalNamesInFixedOrder) {
  const auto& names = police_uk_crime_types();
  ASSERT_EQ(names.size(), 14U);
  EXPECT_EQ(names.front(), "Anti-social behaviour");
  EXPECT_EQ(names.back(), "Violence and sexual offences");
  for (int code = 0; code < kCrimeTypeCount; ++code) {
    EXPECT_EQ(crime_type_code(names[static_cast<std::size_t>(code)]), code);
    EXPECT_EQ(crime_type_name(code), names[static_cast<std::size_t>(code)]);
  }
  EXPECT_EQ(crime_type_code("Shoplifting"), 10);
  EXPECT_EQ(crime_type_code("shoplifting"), -1);  // the CSV spelling is exact
  EXPECT_EQ(crime_type_code("Fraud"), -1);
  EXPECT_EQ(crime_type_code(""), -1);
  EXPECT_THROW(crime_type_name(14), InternalError);
}

TEST(TaxonomyCrimeType, SetOperations) {
  CrimeTypeSet a = set_of({"Burglary", "Robbery"});
  EXPECT_EQ(a.size(), 2);
  EXPECT_TRUE(a.contains(crime_type_code("Burglary")));
  EXPECT_FALSE(a.contains(crime_type_code("Drugs")));
  EXPECT_FALSE(a.contains(-1));
  EXPECT_FALSE(a.contains(99));
  a |= set_of({"Drugs"});
  EXPECT_EQ(a.codes(), (std::vector<int>{2, 4, 9}));
  EXPECT_EQ((a & set_of({"Drugs", "Shoplifting"})), set_of({"Drugs"}));
  EXPECT_THROW(a.insert(-1), InternalError);
}

TEST(TaxonomyShipped, LoadsAndMapsEveryCrimeTypeOnce) {
  const Taxonomy& t = default_taxonomy();
  EXPECT_EQ(t.source(), std::string(CSA_DATA_DIR) + "/taxonomy/police-uk-themes.toml");
  ASSERT_EQ(t.themes().size(), 14U);
  CrimeTypeSet all;
  for (const Theme& theme : t.themes()) {
    EXPECT_EQ(theme.crime_types.size(), 1) << theme.id;
    EXPECT_FALSE(theme.description.empty()) << theme.id;
    EXPECT_TRUE((all & theme.crime_types).empty()) << theme.id;
    all |= theme.crime_types;
  }
  EXPECT_EQ(all.size(), 14);
  for (const std::string& name : police_uk_crime_types()) {
    const int theme = t.theme_of(name);
    ASSERT_GE(theme, 0) << name;
    EXPECT_TRUE(t.themes()[static_cast<std::size_t>(theme)].crime_types.contains(crime_type_code(name)));
  }
  EXPECT_EQ(t.theme_of("Fraud"), -1);
  EXPECT_EQ(t.theme_of_code(-1), -1);
  EXPECT_EQ(t.theme_of_code(14), -1);
}

TEST(TaxonomyShipped, ThemesInFileOrderWithSnakeCaseIds) {
  const Taxonomy& t = default_taxonomy();
  EXPECT_EQ(t.themes().front().id, "violence_and_sexual_offences");
  EXPECT_EQ(t.themes().back().id, "asb");
  EXPECT_EQ(t.themes()[static_cast<std::size_t>(t.theme_of("Shoplifting"))].id, "shoplifting");
  EXPECT_EQ(t.themes()[static_cast<std::size_t>(t.theme_of("Anti-social behaviour"))].label,
            "Anti-social behaviour");
}

TEST(TaxonomyShipped, AllCrimeExcludesAsbAndAllIncidentsAddsIt) {
  const Taxonomy& t = default_taxonomy();
  const int asb = crime_type_code("Anti-social behaviour");
  const Selection crime = t.resolve("all_crime");
  EXPECT_EQ(crime.kind, Selection::Kind::group);
  EXPECT_EQ(crime.crime_types.size(), 13);
  EXPECT_FALSE(crime.crime_types.contains(asb));
  const Selection incidents = t.resolve("all_incidents");
  EXPECT_EQ(incidents.crime_types.size(), 14);
  EXPECT_TRUE(incidents.crime_types.contains(asb));
}

TEST(TaxonomyShipped, AcquisitiveTheftAndCommunityImpactGroups) {
  const Taxonomy& t = default_taxonomy();
  EXPECT_EQ(t.resolve("acquisitive").crime_types,
            set_of({"Burglary", "Robbery", "Vehicle crime", "Theft from the person", "Bicycle theft",
                    "Shoplifting", "Other theft"}));
  EXPECT_EQ(t.resolve("theft").crime_types,
            set_of({"Shoplifting", "Bicycle theft", "Theft from the person", "Other theft"}));
  const Selection community = t.resolve("community_impact");
  EXPECT_EQ(community.label, "Crimes that impact the community");
  EXPECT_EQ(community.crime_types,
            set_of({"Anti-social behaviour", "Public order", "Criminal damage and arson"}));
  EXPECT_EQ(theme_ids(t, community.themes),
            (std::vector<std::string>{"asb", "public_order", "criminal_damage_and_arson"}));
  // The Home Office split adds up to all crime, with no overlap.
  const CrimeTypeSet victim = t.resolve("victim_based").crime_types;
  const CrimeTypeSet society = t.resolve("crimes_against_society").crime_types;
  EXPECT_TRUE((victim & society).empty());
  EXPECT_EQ(victim | society, t.resolve("all_crime").crime_types);
}

TEST(TaxonomyShipped, ResolveByIdOrLabelIgnoringCase) {
  const Taxonomy& t = default_taxonomy();
  const Selection s = t.resolve("shoplifting");
  EXPECT_EQ(s.kind, Selection::Kind::theme);
  EXPECT_EQ(s.id, "shoplifting");
  EXPECT_EQ(s.crime_types, set_of({"Shoplifting"}));
  EXPECT_EQ(s.themes, (std::vector<std::size_t>{s.index}));
  EXPECT_EQ(t.resolve("Acquisitive crime").id, "acquisitive");
  EXPECT_EQ(t.resolve("ACQUISITIVE CRIME").id, "acquisitive");
  EXPECT_EQ(t.resolve("anti-social behaviour").id, "asb");
  EXPECT_EQ(t.resolve("ASB").id, "asb");
  EXPECT_FALSE(t.find("fraud").has_value());
}

TEST(TaxonomyShipped, ResolveUnknownListsIdsAndSuggests) {
  const Taxonomy& t = default_taxonomy();
  try {
    t.resolve("shop_lifting");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("\"shop_lifting\""), std::string::npos) << m;
    EXPECT_NE(m.find("Did you mean \"shoplifting\"?"), std::string::npos) << m;
    EXPECT_NE(m.find("Themes: violence_and_sexual_offences, robbery"), std::string::npos) << m;
    EXPECT_NE(m.find("Groups: all_crime, acquisitive"), std::string::npos) << m;
  }
}

TEST(TaxonomyShipped, LoadDefaultEqualsSharedDefault) {
  const Taxonomy fresh = load_default_taxonomy();
  EXPECT_EQ(fresh.themes().size(), default_taxonomy().themes().size());
  EXPECT_EQ(fresh.groups().size(), default_taxonomy().groups().size());
  EXPECT_FALSE(fresh.name().empty());
}

}  // namespace
}  // namespace csa::taxonomy
