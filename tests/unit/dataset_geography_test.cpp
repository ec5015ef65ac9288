// dataset::Geography on the synthetic world (tests/fixtures/tables/synthetic_world.hpp): the tree,
// LSOA populations summed up it, resolving areas by code and by name, ancestors and children.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "dataset/geography.hpp"
#include "fixtures/tables/synthetic_world.hpp"

namespace csa::dataset {
namespace {
namespace tw = csa::testworld;

class DatasetGeography : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new tw::TempDir;
    auto s = store::open_sqlite_store(*dir_ / "geo.db");
    tw::load_geography(*s, false);
    geo_ = new Geography(Geography::from_store(*s));
  }
  static void TearDownTestSuite() {
    delete geo_;
    delete dir_;
  }
  static const Geography& g() { return *geo_; }
  static int at(const char* code) {
    int i = geo_->find_code(code);
    EXPECT_GE(i, 0) << code;
    return i;
  }
  static std::vector<std::string> codes(const std::vector<int>& idx) {
    std::vector<std::string> out;
    for (int i : idx) out.push_back(geo_->area(i).code);
    return out;
  }
  static inline tw::TempDir* dir_ = nullptr;
  static inline Geography* geo_ = nullptr;
};

TEST_F(DatasetGeography, AreasLevelsAndParentsComeFromTheStore) {
  EXPECT_EQ(g().areas().size(), 13u);
  EXPECT_FALSE(g().empty());
  const Area& castle = g().area(at(tw::kCastle));
  EXPECT_EQ(castle.name, "Castle");
  EXPECT_EQ(castle.level, Level::ward);
  EXPECT_EQ(castle.parent, at(tw::kAlphaton));
  EXPECT_EQ(g().area(at(tw::kAlphaton)).parent, at(tw::kCounty));
  EXPECT_EQ(g().area(at(tw::kCounty)).parent, -1);
  EXPECT_EQ(g().area(at(tw::kCounty)).level, Level::county);
  EXPECT_EQ(g().area(at(tw::kL5)).level, Level::lsoa);
  EXPECT_EQ(g().find_code("E05999999"), -1);
  EXPECT_EQ(g().find_code(tw::kWelshLsoa), -1);
}

TEST_F(DatasetGeography, PopulationSumsUpTheTree) {
  ASSERT_TRUE(g().has_population());
  EXPECT_EQ(g().population_label(), tw::kPopulationLabel);
  EXPECT_EQ(g().lookup_label(), "synthetic lookup");
  // LSOAs as loaded.
  EXPECT_EQ(g().area(at(tw::kL1)).population, 1000);
  EXPECT_EQ(g().area(at(tw::kL5)).population, 0);
  // Wards: Castle 1,000 + 1,500; Abbey 2,000; Market (Alphaton) 800 + none; Market (Betaby) 3,000.
  EXPECT_EQ(g().area(at(tw::kCastle)).population, 2500);
  EXPECT_EQ(g().area(at(tw::kAbbey)).population, 2000);
  EXPECT_EQ(g().area(at(tw::kMarketA)).population, 800);
  EXPECT_EQ(g().area(at(tw::kMarketB)).population, 3000);
  // Districts and the county; W01000001's 999 is not in any loaded area.
  EXPECT_EQ(g().area(at(tw::kAlphaton)).population, 5300);
  EXPECT_EQ(g().area(at(tw::kBetaby)).population, 3000);
  EXPECT_EQ(g().area(at(tw::kCounty)).population, 8300);
}

TEST_F(DatasetGeography, LsoaCountsWithAndWithoutPopulation) {
  const Area& market = g().area(at(tw::kMarketA));
  EXPECT_EQ(market.lsoas, 2);
  EXPECT_EQ(market.lsoas_with_population, 1);
  EXPECT_EQ(g().area(at(tw::kCastle)).lsoas, 2);
  EXPECT_EQ(g().area(at(tw::kCastle)).lsoas_with_population, 2);
  EXPECT_EQ(g().area(at(tw::kAlphaton)).lsoas, 5);
  EXPECT_EQ(g().area(at(tw::kAlphaton)).lsoas_with_population, 4);
  EXPECT_EQ(g().area(at(tw::kCounty)).lsoas, 6);
  EXPECT_EQ(g().area(at(tw::kCounty)).lsoas_with_population, 5);
  EXPECT_EQ(g().area(at(tw::kL1)).lsoas, 1);
}

TEST_F(DatasetGeography, ResolveByCode) {
  EXPECT_EQ(g().resolve("E07000901"), at(tw::kAlphaton));
  EXPECT_EQ(g().resolve("E10000099"), at(tw::kCounty));
  EXPECT_EQ(g().resolve("E05000004"), at(tw::kMarketB));
  EXPECT_EQ(g().resolve("E01000003"), at(tw::kL3));
}

TEST_F(DatasetGeography, ResolveByNameIgnoresCase) {
  EXPECT_EQ(g().resolve("Alphaton"), at(tw::kAlphaton));
  EXPECT_EQ(g().resolve("alphaton"), at(tw::kAlphaton));
  EXPECT_EQ(g().resolve("ALPHATON"), at(tw::kAlphaton));
  EXPECT_EQ(g().resolve("bEtAbY"), at(tw::kBetaby));
  EXPECT_EQ(g().resolve("testshire"), at(tw::kCounty));
  EXPECT_EQ(g().resolve("CASTLE"), at(tw::kCastle));
  EXPECT_EQ(g().resolve("abbey"), at(tw::kAbbey));
}

TEST_F(DatasetGeography, AmbiguousWardNameThrowsListingBoth) {
  try {
    g().resolve("market");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("'market' is ambiguous"), std::string::npos) << msg;
    EXPECT_NE(msg.find("2 wards"), std::string::npos) << msg;
    EXPECT_NE(msg.find("E05000003 (Market in Alphaton)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("E05000004 (Market in Betaby)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("GSS code"), std::string::npos) << msg;
  }
  // Either one by its code.
  EXPECT_EQ(g().resolve("E05000003"), at(tw::kMarketA));
}

TEST_F(DatasetGeography, UnknownNameThrowsWithSimilarNames) {
  try {
    g().resolve("Alphatown");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("'Alphatown'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("similar: Alphaton (E07000901)"), std::string::npos) << msg;
  }
  try {
    g().resolve("Nowhere");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("'Nowhere' is neither a GSS code nor the name"), std::string::npos) << msg;
    EXPECT_NE(msg.find("csa geography areas"), std::string::npos) << msg;
  }
  // An unknown code is an unknown name too; LSOA names are not resolved.
  EXPECT_THROW(g().resolve("E07999999"), InputError);
  EXPECT_THROW(g().resolve("Alphaton 001A"), InputError);
}

TEST_F(DatasetGeography, Ancestors) {
  EXPECT_EQ(g().ancestor(at(tw::kL2), Level::ward), at(tw::kCastle));
  EXPECT_EQ(g().ancestor(at(tw::kL2), Level::lad), at(tw::kAlphaton));
  EXPECT_EQ(g().ancestor(at(tw::kL6), Level::county), at(tw::kCounty));
  EXPECT_EQ(g().ancestor(at(tw::kAlphaton), Level::lad), at(tw::kAlphaton));  // itself
  EXPECT_EQ(g().ancestor(at(tw::kCastle), Level::lsoa), -1);                  // nothing below counts
  EXPECT_EQ(g().ancestor(at(tw::kCounty), Level::lad), -1);
}

TEST_F(DatasetGeography, ChildrenInNameOrder) {
  EXPECT_EQ(codes(g().children(at(tw::kAlphaton), Level::ward)),
            (std::vector<std::string>{tw::kAbbey, tw::kCastle, tw::kMarketA}));
  EXPECT_EQ(codes(g().children(at(tw::kBetaby), Level::ward)), (std::vector<std::string>{tw::kMarketB}));
  EXPECT_EQ(codes(g().children(at(tw::kCounty), Level::lad)), (std::vector<std::string>{tw::kAlphaton, tw::kBetaby}));
  EXPECT_EQ(codes(g().children(at(tw::kCastle), Level::lsoa)), (std::vector<std::string>{tw::kL1, tw::kL2}));
  EXPECT_EQ(g().children(at(tw::kCounty), Level::ward).size(), 4u);
  EXPECT_EQ(g().children(at(tw::kCounty), Level::lsoa).size(), 6u);
  EXPECT_TRUE(g().children(at(tw::kCastle), Level::lad).empty());
}

TEST(DatasetGeographyLevels, NamesAndLabels) {
  EXPECT_EQ(level_name(Level::lsoa), "lsoa");
  EXPECT_EQ(level_name(Level::lad), "lad");
  EXPECT_EQ(level_label(Level::lsoa), "LSOA");
  EXPECT_EQ(level_label(Level::ward), "ward");
  EXPECT_EQ(level_label(Level::lad), "district");
  EXPECT_EQ(level_label(Level::county), "county");
}

TEST(DatasetGeographyEmpty, ResolveOnAnEmptyStoreSaysHowToLoad) {
  tw::TempDir dir;
  auto s = store::open_sqlite_store(dir / "empty.db");
  Geography g = Geography::from_store(*s);
  EXPECT_TRUE(g.empty());
  EXPECT_FALSE(g.has_population());
  try {
    g.resolve("Alphaton");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("csa geography load"), std::string::npos) << e.what();
  }
}

TEST(DatasetGeographyNames, DistrictNameWinsOverAWardOfTheSameName) {
  tw::TempDir dir;
  auto s = store::open_sqlite_store(dir / "names.db");
  s->replace_areas({"lsoa", "ward", "lad", "county"},
                   {{"E07000001", "Riverton", "lad", ""},
                    {"E05000101", "Riverton", "ward", "E07000001"},
                    {"E05000102", "Quay", "ward", "E07000001"},
                    {"E01000101", "Riverton 001A", "lsoa", "E05000101"}},
                   {"lookup", "x", "", 4, 4, 0, ""});
  Geography g = Geography::from_store(*s);
  EXPECT_FALSE(g.has_population());
  EXPECT_EQ(g.area(g.resolve("riverton")).code, "E07000001");
  EXPECT_EQ(g.area(g.resolve("E05000101")).code, "E05000101");
  EXPECT_EQ(g.area(g.resolve("quay")).code, "E05000102");
  EXPECT_EQ(g.area(g.find_code("E07000001")).population, 0);
  EXPECT_EQ(g.area(g.find_code("E07000001")).lsoas, 1);
}

}  // namespace
}  // namespace csa::dataset
