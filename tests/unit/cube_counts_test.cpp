// cube::Cube on the synthetic world (tests/fixtures/tables/synthetic_world.hpp): counts by area,
// crime types and window; monthly series; the forces behind an area; unplaced incidents by reason.
// Every expected number is worked out by hand from the world's table of counts (each year's count N
// spread as N/12 a month plus one in each of the first N%12 months).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "cube/cube.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cube {
namespace {
namespace tw = csa::testworld;
using dataset::Unplaced;
using period::Month;
using period::Window;

taxonomy::CrimeTypeSet types(std::initializer_list<const char*> names) {
  taxonomy::CrimeTypeSet s;
  for (const char* n : names) s.insert(taxonomy::crime_type_code(n));
  return s;
}
taxonomy::CrimeTypeSet all_types() { return taxonomy::CrimeTypeSet::from_bits((1U << taxonomy::kCrimeTypeCount) - 1); }

const Window k2024 = period::calendar_year(2024);
const Window k2025 = period::calendar_year(2025);

class CubeCounts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new tw::World;
    geo_ = new dataset::Geography(dataset::Geography::from_store(*world_->store));
    incidents_ =
        new dataset::Incidents(dataset::load_incidents(*world_->store, *geo_, dataset::Assignment::lsoa_best_fit));
    // The cube reads the store's per-batch counts; the per-incident scan above is the independent check.
    cube_ = new Cube(Cube::build(dataset::place_incidents(*world_->store, *geo_, dataset::Assignment::lsoa_best_fit), *geo_));
  }
  static void TearDownTestSuite() {
    delete cube_;
    delete incidents_;
    delete geo_;
    delete world_;
  }
  static int at(const char* code) { return geo_->find_code(code); }
  static int force(const std::string& name) {
    auto it = std::find(incidents_->forces.begin(), incidents_->forces.end(), name);
    EXPECT_NE(it, incidents_->forces.end()) << name;
    return static_cast<int>(it - incidents_->forces.begin());
  }
  static const Cube& c() { return *cube_; }

  static inline tw::World* world_ = nullptr;
  static inline dataset::Geography* geo_ = nullptr;
  static inline dataset::Incidents* incidents_ = nullptr;
  static inline Cube* cube_ = nullptr;
};

TEST_F(CubeCounts, TheWorldLoadedAsDesigned) {
  // Placed: burglary 319, robbery 34, violence 390, shoplifting 60, drugs 1, ASB 70 = 874;
  // unplaced: testforce 13, farforce 4.
  EXPECT_EQ(incidents_->size(), 891u);
  EXPECT_EQ(world_->store->incident_count(), 891);
  EXPECT_EQ(incidents_->months_loaded.size(), 24u);
  EXPECT_EQ(*incidents_->months_loaded.begin(), Month(2024, 1));
  EXPECT_EQ(*incidents_->months_loaded.rbegin(), Month(2025, 12));
  EXPECT_EQ(c().first_month(), Month(2024, 1));
  EXPECT_EQ(c().months(), 24);
  auto n = [&](Unplaced u) { return std::count(incidents_->unplaced.begin(), incidents_->unplaced.end(), u); };
  EXPECT_EQ(n(Unplaced::placed), 874);
  EXPECT_EQ(n(Unplaced::no_location), 12);
  EXPECT_EQ(n(Unplaced::lsoa_not_in_lookup), 5);
}

TEST_F(CubeCounts, WardCountsPerYear) {
  auto burglary = types({"Burglary"});
  EXPECT_EQ(c().count(at(tw::kCastle), burglary, k2024), 50);
  EXPECT_EQ(c().count(at(tw::kCastle), burglary, k2025), 66);
  EXPECT_EQ(c().count(at(tw::kAbbey), burglary, k2025), 45);
  EXPECT_EQ(c().count(at(tw::kMarketA), burglary, k2024), 3);
  EXPECT_EQ(c().count(at(tw::kMarketB), burglary, k2025), 45);
  EXPECT_EQ(c().count(at(tw::kMarketA), types({"Robbery"}), k2024), 0);
  EXPECT_EQ(c().count(at(tw::kMarketA), types({"Robbery"}), k2025), 2);
  EXPECT_EQ(c().count(at(tw::kCastle), types({"Drugs"}), k2025), 1);
  EXPECT_EQ(c().count(at(tw::kMarketB), types({"Shoplifting"}), k2025), 0);
}

TEST_F(CubeCounts, HigherAreasAreSumsOfTheirWards) {
  auto burglary = types({"Burglary"});
  EXPECT_EQ(c().count(at(tw::kAlphaton), burglary, k2024), 113);  // 50 + 60 + 3
  EXPECT_EQ(c().count(at(tw::kAlphaton), burglary, k2025), 116);  // 66 + 45 + 5
  EXPECT_EQ(c().count(at(tw::kBetaby), burglary, k2025), 45);
  EXPECT_EQ(c().count(at(tw::kCounty), burglary, k2024), 158);
  EXPECT_EQ(c().count(at(tw::kCounty), burglary, k2025), 161);
  // Several types at once: Alphaton 2025 burglary 116 + robbery 18 + shoplifting 36.
  EXPECT_EQ(c().count(at(tw::kAlphaton), types({"Burglary", "Robbery", "Shoplifting"}), k2025), 170);
  // Everything in the county in 2025: Alphaton 391 (351 crimes + 40 ASB) + Betaby 75.
  EXPECT_EQ(c().count(at(tw::kCounty), all_types(), k2025), 466);
  EXPECT_EQ(c().count(at(tw::kCounty), all_types(), period::Window(Month(2024, 1), Month(2025, 12))), 874);
  // And by construction for every type and month: county = sum of the four wards.
  for (int t = 0; t < taxonomy::kCrimeTypeCount; ++t) {
    auto one = taxonomy::CrimeTypeSet::from_bits(static_cast<std::uint16_t>(1U << t));
    for (Month m = Month(2024, 1); m <= Month(2025, 12); ++m) {
      Window w(m, m);
      std::int64_t wards = 0;
      for (const char* wcode : {tw::kCastle, tw::kAbbey, tw::kMarketA, tw::kMarketB})
        wards += c().count(at(wcode), one, w);
      EXPECT_EQ(c().count(at(tw::kCounty), one, w), wards) << t << " " << m.to_string();
    }
  }
}

TEST_F(CubeCounts, EmptyTypeSetCountsNothing) {
  EXPECT_EQ(c().count(at(tw::kCounty), taxonomy::CrimeTypeSet{}, k2025), 0);
}

TEST_F(CubeCounts, WindowsPartlyOrWhollyOutsideTheData) {
  auto burglary = types({"Burglary"});
  // Jul 2023 – Jun 2024: only Jan–Jun 2024 held. Castle 2024 = 50: Jan, Feb 5, the rest 4 -> 26.
  EXPECT_EQ(c().count(at(tw::kCastle), burglary, period::year_ending(Month(2024, 6))), 26);
  // Jul 2025 – Jun 2026: Castle 2025 = 66: Jan–Jun 6, Jul–Dec 5 -> 30.
  EXPECT_EQ(c().count(at(tw::kCastle), burglary, period::year_ending(Month(2026, 6))), 30);
  EXPECT_EQ(c().count(at(tw::kCastle), burglary, period::calendar_year(2023)), 0);
  EXPECT_EQ(c().count(at(tw::kCastle), burglary, period::calendar_year(2026)), 0);
  // Jul 2024 – Jun 2025 for Alphaton: Castle 24 + 36, Abbey 30 + 24, Market 0 + 5.
  EXPECT_EQ(c().count(at(tw::kAlphaton), burglary, period::year_ending(Month(2025, 6))), 119);
}

TEST_F(CubeCounts, MonthlySeries) {
  auto burglary = types({"Burglary"});
  // Alphaton 2025: Castle 6×6 then 5×6; Abbey 4×9 then 3×3; Market 1×5.
  EXPECT_EQ(c().monthly(at(tw::kAlphaton), burglary, k2025),
            (std::vector<std::int64_t>{11, 11, 11, 11, 11, 10, 9, 9, 9, 8, 8, 8}));
  // Past the data: zeros.
  EXPECT_EQ(c().monthly(at(tw::kAlphaton), burglary, Window(Month(2025, 10), Month(2026, 3))),
            (std::vector<std::int64_t>{8, 8, 8, 0, 0, 0}));
  // Before the data: Castle 2024 Jan and Feb have 5.
  EXPECT_EQ(c().monthly(at(tw::kCastle), burglary, Window(Month(2023, 11), Month(2024, 2))),
            (std::vector<std::int64_t>{0, 0, 5, 5}));
  // Robbery in Market (Alphaton) 2025 = 2: January and February.
  auto m = c().monthly(at(tw::kMarketA), types({"Robbery"}), k2025);
  EXPECT_EQ(m, (std::vector<std::int64_t>{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
}

TEST_F(CubeCounts, ForcesInAnAreaAreThoseThatPlacedIncidentsThere) {
  const std::vector<int> testforce = {force("testforce")};
  EXPECT_EQ(c().forces_in(at(tw::kAlphaton)), testforce);
  EXPECT_EQ(c().forces_in(at(tw::kMarketB)), testforce);
  EXPECT_EQ(c().forces_in(at(tw::kCounty)), testforce);
}

TEST_F(CubeCounts, UnplacedByForceReasonTypeAndWindow) {
  const std::vector<int> testforce = {force("testforce")};
  const std::vector<int> farforce = {force("farforce")};
  const std::vector<int> both = {force("testforce"), force("farforce")};
  auto burglary = types({"Burglary"});
  EXPECT_EQ(c().unplaced(testforce, Unplaced::no_location, burglary, k2025), 4);  // Mar 1 + Nov 3
  EXPECT_EQ(c().unplaced(testforce, Unplaced::no_location, burglary, k2024), 2);
  EXPECT_EQ(c().unplaced(testforce, Unplaced::lsoa_not_in_lookup, burglary, k2025), 3);
  EXPECT_EQ(c().unplaced(testforce, Unplaced::lsoa_not_in_lookup, burglary, k2024), 1);
  EXPECT_EQ(c().unplaced(testforce, Unplaced::no_location, types({"Robbery"}), k2025), 1);
  EXPECT_EQ(c().unplaced(testforce, Unplaced::no_location, all_types(), k2025), 7);  // 4 + 1 + 2 ASB
  EXPECT_EQ(c().unplaced(farforce, Unplaced::no_location, burglary, k2025), 3);
  EXPECT_EQ(c().unplaced(farforce, Unplaced::lsoa_not_in_lookup, burglary, k2025), 1);
  EXPECT_EQ(c().unplaced(both, Unplaced::no_location, burglary, k2025), 7);
  EXPECT_EQ(c().unplaced(testforce, Unplaced::outside_boundaries, all_types(), k2025), 0);
  EXPECT_EQ(c().unplaced({}, Unplaced::no_location, all_types(), k2025), 0);
  // A window around a single month, and one outside the data.
  EXPECT_EQ(c().unplaced(testforce, Unplaced::no_location, burglary, Window(Month(2025, 11), Month(2025, 11))), 3);
  EXPECT_EQ(c().unplaced(both, Unplaced::no_location, all_types(), period::calendar_year(2026)), 0);
}

TEST_F(CubeCounts, LsoaLevelCountsAreRefused) {
  EXPECT_THROW(c().count(at(tw::kL1), types({"Burglary"}), k2025), InputError);
  EXPECT_THROW(c().monthly(at(tw::kL1), types({"Burglary"}), k2025), InputError);
  EXPECT_THROW(c().forces_in(at(tw::kL1)), InputError);
}

TEST(CubePointInPolygon, SameWardCountsAndTheUnplacedMoveToOutsideBoundaries) {
  tw::World world;
  auto geo = dataset::Geography::from_store(*world.store);
  auto inc = dataset::place_incidents(*world.store, geo, dataset::Assignment::point_in_polygon);
  Cube cube = Cube::build(inc, geo);
  auto burglary = types({"Burglary"});
  // Every placed incident sits at its ward's centre: the same counts as best fit.
  EXPECT_EQ(cube.count(geo.find_code(tw::kCastle), burglary, k2025), 66);
  EXPECT_EQ(cube.count(geo.find_code(tw::kCounty), all_types(), k2025), 466);
  int tf = static_cast<int>(std::find(inc.forces.begin(), inc.forces.end(), "testforce") - inc.forces.begin());
  // The lookup-less LSOAs sit at lon 10: outside every polygon.
  EXPECT_EQ(cube.unplaced({tf}, Unplaced::outside_boundaries, burglary, k2025), 3);
  EXPECT_EQ(cube.unplaced({tf}, Unplaced::lsoa_not_in_lookup, burglary, k2025), 0);
  EXPECT_EQ(cube.unplaced({tf}, Unplaced::no_location, burglary, k2025), 4);
}

TEST(CubeEmpty, NoIncidentsCountZero) {
  tw::TempDir dir;
  auto s = store::open_sqlite_store(dir / "empty.db");
  tw::load_geography(*s);
  auto geo = dataset::Geography::from_store(*s);
  auto inc = dataset::place_incidents(*s, geo, dataset::Assignment::lsoa_best_fit);
  Cube cube = Cube::build(inc, geo);
  EXPECT_EQ(cube.months(), 0);
  EXPECT_EQ(cube.count(geo.find_code(tw::kCounty), all_types(), k2025), 0);
  EXPECT_EQ(cube.monthly(geo.find_code(tw::kCastle), all_types(), Window(Month(2025, 1), Month(2025, 3))),
            (std::vector<std::int64_t>{0, 0, 0}));
  EXPECT_TRUE(cube.forces_in(geo.find_code(tw::kCounty)).empty());
  EXPECT_EQ(&cube.geography(), &geo);
}

}  // namespace
}  // namespace csa::cube
