// Taxonomy files written by users: each broken invariant is reported with file, line, the value seen
// and the fix. Fixtures: tests/fixtures/taxonomy/*.toml (the first line of each says what is wrong).
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "taxonomy/closest_name.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::taxonomy {
namespace {

std::string fixture(const std::string& name) { return std::string(CSA_FIXTURES_DIR) + "/taxonomy/" + name; }

// The message of the InputError that loading the fixture throws.
std::string load_error(const std::string& name) {
  try {
    load_taxonomy(fixture(name));
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an InputError loading " << name;
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(TaxonomyFile, ValidFixtureLoads) {
  const Taxonomy t = load_taxonomy(fixture("valid_two_themes.toml"));
  EXPECT_EQ(t.name(), "Two themes");
  ASSERT_EQ(t.themes().size(), 2U);
  EXPECT_EQ(t.themes()[0].crime_types.size(), 13);
  EXPECT_EQ(t.themes()[0].description, "Every police.uk crime type but ASB.");
  EXPECT_EQ(t.theme_of("Drugs"), 0);
  EXPECT_EQ(t.theme_of("Anti-social behaviour"), 1);
  ASSERT_EQ(t.groups().size(), 1U);
  EXPECT_EQ(t.resolve("everything").crime_types.size(), 14);
}

TEST(TaxonomyFile, CrimeTypeInTwoThemes) {
  const std::string m = load_error("duplicate_crime_type.toml");
  EXPECT_TRUE(contains(m, fixture("duplicate_crime_type.toml") + ":21:")) << m;
  EXPECT_TRUE(contains(m, "crime type \"Drugs\" is already in theme \"crime\" (line 8)")) << m;
  EXPECT_TRUE(contains(m, "Remove one of the two")) << m;
}

TEST(TaxonomyFile, CrimeTypesInNoTheme) {
  const std::string m = load_error("unmapped_crime_type.toml");
  EXPECT_TRUE(contains(m, fixture("unmapped_crime_type.toml") + ":")) << m;
  EXPECT_TRUE(contains(m, "2 police.uk crime types are in no theme: \"Drugs\", \"Robbery\"")) << m;
  EXPECT_TRUE(contains(m, "add each to the crime_types of a theme")) << m;
}

TEST(TaxonomyFile, MisspeltCrimeTypeSuggestsClosest) {
  const std::string m = load_error("misspelt_crime_type.toml");
  EXPECT_TRUE(contains(m, fixture("misspelt_crime_type.toml") + ":9:")) << m;
  EXPECT_TRUE(contains(m, "\"Shop lifting\" is not a police.uk crime type. Did you mean \"Shoplifting\"?"))
      << m;
  EXPECT_TRUE(contains(m, "\"Violence and sexual offences\"")) << m;  // the full list of spellings
}

TEST(TaxonomyFile, DuplicateThemeId) {
  const std::string m = load_error("duplicate_theme_id.toml");
  EXPECT_TRUE(contains(m, fixture("duplicate_theme_id.toml") + ":14:")) << m;
  EXPECT_TRUE(contains(m, "id \"crime\" is already used by the theme at line 4")) << m;
}

TEST(TaxonomyFile, GroupIdClashesWithThemeId) {
  const std::string m = load_error("duplicate_group_id.toml");
  EXPECT_TRUE(contains(m, fixture("duplicate_group_id.toml") + ":24:")) << m;
  EXPECT_TRUE(contains(m, "id \"asb\" is already used by the theme at line 14")) << m;
}

TEST(TaxonomyFile, GroupNamesUnknownTheme) {
  const std::string m = load_error("group_unknown_theme.toml");
  EXPECT_TRUE(contains(m, fixture("group_unknown_theme.toml") + ":26:")) << m;
  EXPECT_TRUE(contains(m, "group \"acquisitive\" names \"shop_lifting\", which is not a theme id.")) << m;
  EXPECT_TRUE(contains(m, "The theme ids are \"crime\", \"asb\"")) << m;
}

TEST(TaxonomyFile, EmptyTheme) {
  const std::string m = load_error("empty_theme.toml");
  EXPECT_TRUE(contains(m, fixture("empty_theme.toml") + ":21:")) << m;
  EXPECT_TRUE(contains(m, "theme \"fraud\" is empty")) << m;
  EXPECT_TRUE(contains(m, "or delete the theme")) << m;
}

TEST(TaxonomyFile, UnknownKeySuggestsTheKnownOne) {
  const std::string m = load_error("unknown_key.toml");
  EXPECT_TRUE(contains(m, fixture("unknown_key.toml") + ":17:")) << m;
  EXPECT_TRUE(contains(m, "unknown key \"crime_type\" in a [[theme]]. Did you mean \"crime_types\"?")) << m;
}

TEST(TaxonomyFile, IdNotSnakeCase) {
  const std::string m = load_error("bad_id.toml");
  EXPECT_TRUE(contains(m, fixture("bad_id.toml") + ":14:")) << m;
  EXPECT_TRUE(contains(m, "id \"Anti-Social\" is not snake_case")) << m;
  EXPECT_TRUE(contains(m, "\"anti_social\"")) << m;
}

TEST(TaxonomyFile, LabelsMustDifferIgnoringCase) {
  const std::string m = load_error("duplicate_label.toml");
  EXPECT_TRUE(contains(m, fixture("duplicate_label.toml") + ":15:")) << m;
  EXPECT_TRUE(contains(m, "label \"crime\" is already used by the theme at line 5")) << m;
}

TEST(TaxonomyFile, TomlSyntaxErrorHasLine) {
  const std::string m = load_error("syntax_error.toml");
  EXPECT_TRUE(contains(m, fixture("syntax_error.toml") + ":3:")) << m;
  EXPECT_TRUE(contains(m, "TOML syntax error")) << m;
}

TEST(TaxonomyFile, ThemeMustBeAListOfTables) {
  const std::string m = load_error("theme_not_array.toml");
  EXPECT_TRUE(contains(m, fixture("theme_not_array.toml") + ":2:")) << m;
  EXPECT_TRUE(contains(m, "start each theme with [[theme]]")) << m;
}

TEST(TaxonomyFile, MissingFileIsAnIoError) {
  EXPECT_THROW(load_taxonomy(fixture("no_such_file.toml")), IoError);
}

TEST(TaxonomyFile, GroupCannotListAGroup) {
  const std::string text =
      "[[theme]]\nid = \"all\"\nlabel = \"All\"\n"
      "crime_types = [\"Anti-social behaviour\", \"Bicycle theft\", \"Burglary\", "
      "\"Criminal damage and arson\", \"Drugs\", \"Other crime\", \"Other theft\", "
      "\"Possession of weapons\", \"Public order\", \"Robbery\", \"Shoplifting\", "
      "\"Theft from the person\", \"Vehicle crime\", \"Violence and sexual offences\"]\n"
      "[[group]]\nid = \"g1\"\nlabel = \"G1\"\nthemes = [\"all\"]\n"
      "[[group]]\nid = \"g2\"\nlabel = \"G2\"\nthemes = [\"g1\"]\n";
  try {
    parse_taxonomy(text, "inline.toml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(),
                         "inline.toml:12:11: group \"g2\" names \"g1\", which is not a theme id (it "
                         "is a group; a group lists themes, so list that group's themes)"))
        << e.what();
  }
  EXPECT_EQ(
      parse_taxonomy(text.substr(0, text.find("[[group]]\nid = \"g2\"")), "inline.toml").groups().size(), 1U);
}

TEST(TaxonomyClosestName, SuggestsOnlyPlausibleNames) {
  const auto& names = police_uk_crime_types();
  EXPECT_EQ(closest_name("shoplifting", names), "Shoplifting");
  EXPECT_EQ(closest_name("Shop lifting", names), "Shoplifting");
  EXPECT_EQ(closest_name("Anti social behaviour", names), "Anti-social behaviour");
  EXPECT_EQ(closest_name("Violence", names), "Violence and sexual offences");
  EXPECT_EQ(closest_name("Fraud", names), std::nullopt);
  EXPECT_EQ(closest_name("", names), std::nullopt);
  EXPECT_EQ(closest_name("o", names), std::nullopt);
}

TEST(TaxonomyFile, InMemoryTextNamesTheGivenSource) {
  try {
    parse_taxonomy("[[theme]]\nid = \"x\"\nlabel = \"X\"\ncrime_types = [\"Drugs\"]\n", "inline.toml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "inline.toml:1: 13 police.uk crime types are in no theme")) << e.what();
  }
  try {
    parse_taxonomy("colour = 1\n", "inline.toml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "inline.toml:1:1: unknown key \"colour\" at the top of the file"))
        << e.what();
  }
  try {
    parse_taxonomy("name = \"empty\"\n", "inline.toml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "inline.toml: the file has no [[theme]] entries")) << e.what();
  }
}

}  // namespace
}  // namespace csa::taxonomy
