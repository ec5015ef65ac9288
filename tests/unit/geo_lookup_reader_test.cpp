// The ONS lookup and population readers on hand-made fixtures (tests/fixtures/geo/README.md):
// column detection by pattern, BOM and CRLF, the read = kept + rejected accounting, and the
// messages for a file that cannot be used at all.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "geo/area_level.hpp"
#include "geo/gss_code.hpp"
#include "geo/lookup_reader.hpp"
#include "geo/population_reader.hpp"

namespace csa::geo {
namespace {

std::string fixture(const std::string& name) { return std::string(CSA_FIXTURES_DIR) + "/geo/" + name; }

// The message of the InputError fn throws; fails the test when it throws nothing.
template <typename Fn>
std::string input_error_of(Fn fn) {
  try {
    fn();
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an InputError";
  return {};
}

TEST(GeoGssCode, AcceptsLetterAndEightDigitsOnly) {
  EXPECT_TRUE(is_gss_code("E01011951"));
  EXPECT_TRUE(is_gss_code("W05000980"));
  EXPECT_TRUE(is_gss_code("S12000036"));
  EXPECT_TRUE(is_gss_code("N20000001"));
  EXPECT_FALSE(is_gss_code("E0101195"));    // 7 digits
  EXPECT_FALSE(is_gss_code("E010119511"));  // 9 digits
  EXPECT_FALSE(is_gss_code("e01011951"));   // lower case
  EXPECT_FALSE(is_gss_code("95AA01S1"));    // Northern Ireland super output area, not GSS
  EXPECT_FALSE(is_gss_code(" E01011951"));
  EXPECT_FALSE(is_gss_code(""));
  EXPECT_EQ(gss_entity("E05013050"), "E05");
  EXPECT_EQ(gss_entity("nonsense"), "");
}

TEST(GeoAreaLevel, FromFieldPrefixAndGssEntity) {
  EXPECT_EQ(level_from_field_prefix("WD"), AreaLevel::ward);
  EXPECT_EQ(level_from_field_prefix("lsoa"), AreaLevel::lsoa);
  EXPECT_EQ(level_from_field_prefix("LAD"), AreaLevel::lad);
  EXPECT_EQ(level_from_field_prefix("LTLA"), AreaLevel::lad);
  EXPECT_EQ(level_from_field_prefix("MSOA"), AreaLevel::other);
  EXPECT_EQ(level_from_gss_code("E05013050"), AreaLevel::ward);
  EXPECT_EQ(level_from_gss_code("W05000980"), AreaLevel::ward);
  EXPECT_EQ(level_from_gss_code("E01017943"), AreaLevel::lsoa);
  for (const char* lad : {"E06000001", "E07000008", "E08000001", "E09000001", "W06000001"}) {
    EXPECT_EQ(level_from_gss_code(lad), AreaLevel::lad) << lad;
  }
  EXPECT_EQ(level_from_gss_code("E10000003"), AreaLevel::other);  // county
  EXPECT_EQ(to_string(AreaLevel::ward), "ward");
}

TEST(GeoLookupReader, ReadsBomCrlfFileAndRejectsBadRows) {
  const LsoaWardLadLookup lookup = read_lsoa_ward_lad_lookup(fixture("lookup-lsoa-ward-lad.csv"));
  EXPECT_EQ(lookup.vintage, "LSOA21 → WD24 → LAD24");
  EXPECT_EQ(lookup.ward_column, "WD24CD");
  EXPECT_TRUE(lookup.report.had_bom);
  EXPECT_EQ(lookup.report.rows_read, 9u);  // the blank line is not a row
  EXPECT_EQ(lookup.report.rows_kept, 5u);
  EXPECT_EQ(lookup.report.rows_rejected(), 4u);
  EXPECT_TRUE(lookup.report.balanced());
  ASSERT_EQ(lookup.rows.size(), 5u);

  EXPECT_EQ(lookup.rows[0].lsoa_code, "E01000001");  // BOM stripped from the first header
  EXPECT_EQ(lookup.rows[1].lsoa_name, "Alpha 001B, East");
  EXPECT_EQ(lookup.rows[3].ward_code, "W05000003");
  EXPECT_EQ(lookup.rows[3].lad_name, "Sir Prawf");
  EXPECT_EQ(lookup.rows[4].lsoa_code, "E01000009");
  EXPECT_EQ(lookup.rows[4].lad_name, "Testshire");  // no stray \r from CRLF

  const auto& rej = lookup.report.rejected;
  EXPECT_EQ(rej[0].line, 6u);
  EXPECT_NE(rej[0].reason.find("LSOA21CD is not a GSS code"), std::string::npos) << rej[0].reason;
  EXPECT_NE(rej[0].reason.find("'E0100005'"), std::string::npos);
  EXPECT_EQ(rej[0].raw, "E0100005,Bad LSOA code,,E05000002,South,,E07000001,Testshire,,5");
  EXPECT_EQ(describe(lookup.report, rej[0]).rfind(fixture("lookup-lsoa-ward-lad.csv") + ":6: LSOA21CD is not", 0), 0u)
      << describe(lookup.report, rej[0]);
  EXPECT_EQ(rej[1].line, 7u);
  EXPECT_NE(rej[1].reason.find("WD24CD"), std::string::npos);
  EXPECT_EQ(rej[2].line, 8u);
  EXPECT_NE(rej[2].reason.find("duplicate LSOA21CD"), std::string::npos);
  EXPECT_NE(rej[2].reason.find("first on line 2"), std::string::npos) << rej[2].reason;
  EXPECT_EQ(rej[3].line, 9u);
  EXPECT_NE(rej[3].reason.find("has 4 fields, the header has 10"), std::string::npos) << rej[3].reason;
}

TEST(GeoLookupReader, FindsColumnsByPatternInAnyOrderAndCase) {
  const LsoaWardLadLookup lookup = read_lsoa_ward_lad_lookup(fixture("lookup-reordered.csv"));
  EXPECT_EQ(lookup.vintage, "LSOA21 → WD25 → LAD25");
  ASSERT_EQ(lookup.rows.size(), 1u);
  EXPECT_EQ(lookup.rows[0].lsoa_code, "E01000001");
  EXPECT_EQ(lookup.rows[0].lsoa_name, "");  // optional column absent
  EXPECT_EQ(lookup.rows[0].ward_code, "E05000001");
  EXPECT_EQ(lookup.rows[0].ward_name, "North");
  EXPECT_EQ(lookup.rows[0].lad_code, "E07000001");
  EXPECT_EQ(lookup.rows[0].lad_name, "Testshire");
}

TEST(GeoLookupReader, MissingColumnFailsTheFileNamingFoundAndExpected) {
  const std::string msg =
      input_error_of([] { read_lsoa_ward_lad_lookup(fixture("lookup-missing-ward.csv")); });
  EXPECT_NE(msg.find("lookup-missing-ward.csv:1: missing required columns WDyyCD, WDyyNM"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("columns found: LSOA21CD, LSOA21NM, LAD23CD, LAD23NM"), std::string::npos) << msg;
  EXPECT_NE(msg.find("LSOAyyCD, LSOAyyNM (optional), WDyyCD, WDyyNM, LADyyCD, LADyyNM"), std::string::npos)
      << msg;
}

TEST(GeoLookupReader, TwoVintagesOfOneLevelAreAmbiguous) {
  const std::string msg =
      input_error_of([] { read_lsoa_ward_lad_lookup(fixture("lookup-two-vintages.csv")); });
  EXPECT_NE(msg.find("several columns match LSOAyyCD; seen: LSOA11CD, LSOA21CD"), std::string::npos) << msg;
}

TEST(GeoLookupReader, MissingFileIsAnIoError) {
  EXPECT_THROW(read_lsoa_ward_lad_lookup(fixture("no-such-file.csv")), IoError);
}

TEST(GeoLadCountyReader, ReadsDistrictToCounty) {
  const LadCountyLookup lookup = read_lad_county_lookup(fixture("lad-county.csv"));
  EXPECT_EQ(lookup.vintage, "LAD23 → CTY23");
  EXPECT_EQ(lookup.report.rows_read, 4u);
  EXPECT_EQ(lookup.report.rows_kept, 2u);
  ASSERT_EQ(lookup.report.rows_rejected(), 2u);
  EXPECT_NE(lookup.report.rejected[0].reason.find("CTY23CD is not a GSS code"), std::string::npos);
  EXPECT_NE(lookup.report.rejected[1].reason.find("duplicate LAD23CD"), std::string::npos);
  ASSERT_EQ(lookup.rows.size(), 2u);
  EXPECT_EQ(lookup.rows[0].county_code, "E10000001");
  EXPECT_EQ(lookup.rows[1].county_name, "Unitown");
}

TEST(GeoPopulationReader, RejectsNonIntegerNegativeAndDuplicate) {
  const LsoaPopulation pop = read_lsoa_population(fixture("lsoa-population.csv"));
  EXPECT_EQ(pop.code_column, "lsoacd");
  EXPECT_EQ(pop.lsoa_vintage, "");
  EXPECT_EQ(pop.report.rows_read, 9u);
  EXPECT_EQ(pop.report.rows_kept, 3u);
  EXPECT_EQ(pop.report.rows_rejected(), 6u);
  EXPECT_TRUE(pop.report.balanced());
  ASSERT_EQ(pop.rows.size(), 3u);
  EXPECT_EQ(pop.rows[0].population, 1500);
  EXPECT_EQ(pop.rows[1].population, 0);
  EXPECT_EQ(pop.rows[2].lsoa_code, "E01000009");
  EXPECT_EQ(pop.rows[2].population, 1400);  // surrounding spaces trimmed

  const auto& rej = pop.report.rejected;
  ASSERT_EQ(rej.size(), 6u);
  EXPECT_NE(rej[0].reason.find("seen: '-5'"), std::string::npos) << rej[0].reason;
  EXPECT_NE(rej[1].reason.find("seen: '12.5'"), std::string::npos);
  EXPECT_NE(rej[2].reason.find("seen: '1,866'"), std::string::npos);
  EXPECT_NE(rej[3].reason.find("lsoacd is not a GSS code"), std::string::npos);
  EXPECT_NE(rej[4].reason.find("duplicate lsoacd; seen: 'E01000001', first on line 2"), std::string::npos)
      << rej[4].reason;
  EXPECT_NE(rej[5].reason.find("seen: ''"), std::string::npos);
  EXPECT_EQ(rej[5].line, 9u);
}

}  // namespace
}  // namespace csa::geo
