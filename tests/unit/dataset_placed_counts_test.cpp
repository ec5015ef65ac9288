// dataset::place_incidents under LSOA best-fit reads the store's per-batch counts
// (store/batch_counts.hpp), not the incidents. Checked against the independent path: every incident
// read one by one (load_incidents) and grouped here. Also after a newer release replaces a month,
// and for a database written before the counts existed (migration 2 fills them in).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <tuple>

#include "core/error.hpp"
#include "dataset/incidents.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "store/batch_counts.hpp"
#include "store/sqlite_migrations.hpp"

namespace csa::dataset {
namespace {
namespace tw = csa::testworld;

using Key = std::tuple<int, int, int, int, std::string>;  // month, crime type, ward, reason, force

std::map<Key, std::int64_t> grouped(const Incidents& inc) {
  std::map<Key, std::int64_t> out;
  for (std::size_t i = 0; i < inc.size(); ++i) {
    out[{inc.month[i], inc.crime_type[i], inc.ward[i], static_cast<int>(inc.unplaced[i]),
         inc.forces[static_cast<std::size_t>(inc.force[i])]}] += 1;
  }
  return out;
}

std::map<Key, std::int64_t> grouped(const PlacedCounts& p) {
  std::map<Key, std::int64_t> out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    EXPECT_GE(p.count[i], 1);
    out[{p.month[i], p.crime_type[i], p.ward[i], static_cast<int>(p.unplaced[i]),
         p.forces[static_cast<std::size_t>(p.force[i])]}] += p.count[i];
  }
  return out;
}

void expect_same_as_incidents(const store::Store& s) {
  Geography g = Geography::from_store(s);
  Incidents inc = load_incidents(s, g, Assignment::lsoa_best_fit);
  PlacedCounts placed = place_incidents(s, g, Assignment::lsoa_best_fit);
  ASSERT_GT(inc.size(), 0u);
  EXPECT_LT(placed.size(), inc.size());  // grouped: fewer records than incidents
  EXPECT_EQ(grouped(placed), grouped(inc));
  EXPECT_EQ(placed.months_loaded, inc.months_loaded);
  EXPECT_EQ(placed.assignment, Assignment::lsoa_best_fit);
}

TEST(DatasetPlacedCounts, BestFitCountsEqualTheIncidentsGrouped) {
  tw::World world;
  expect_same_as_incidents(*world.store);
}

TEST(DatasetPlacedCounts, PointInPolygonIsOneRecordPerIncident) {
  tw::World world;
  Geography g = Geography::from_store(*world.store);
  Incidents inc = load_incidents(*world.store, g, Assignment::point_in_polygon);
  PlacedCounts placed = place_incidents(*world.store, g, Assignment::point_in_polygon);
  EXPECT_EQ(placed.size(), inc.size());
  EXPECT_EQ(grouped(placed), grouped(inc));
}

TEST(DatasetPlacedCounts, ANewerReleaseReplacesTheMonthsCounts) {
  tw::World world;
  // Replace one month with a release of three incidents (another content hash).
  store::BatchInfo b;
  b.key = {"police-uk-street", "testforce", 202503};
  b.source_path = "/synthetic/2025-03-testforce-street.csv";
  b.content_hash = "a newer release";
  std::vector<store::IncidentRecord> rows = {tw::incident(202503, "Burglary", tw::kL1, tw::Point{0.5, 52.5}),
                                             tw::incident(202503, "Burglary", tw::kL1, tw::Point{0.5, 52.5}),
                                             tw::incident(202503, "Shoplifting", "", std::nullopt)};
  b.rows_read = b.rows_stored = 3;
  ASSERT_EQ(world.store->write_batch(b, rows, {}).action, store::BatchWriteResult::Action::replaced);
  expect_same_as_incidents(*world.store);
  Geography g = Geography::from_store(*world.store);
  PlacedCounts placed = place_incidents(*world.store, g, Assignment::lsoa_best_fit);
  std::int64_t march = 0;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (placed.month[i] == period::Month(2025, 3).index() && placed.forces[static_cast<std::size_t>(placed.force[i])] == "testforce") {
      march += placed.count[i];
    }
  }
  EXPECT_EQ(march, 3);
}

TEST(DatasetPlacedCounts, MigrationFillsInCountsForAnOlderDatabase) {
  tw::TempDir dir;
  std::string path = dir / "old.db";
  {
    auto s = store::open_sqlite_store(path);
    tw::load_geography(*s);
    tw::load_incidents(*s);
  }
  // Make it look like a database from before migrations 2 and 3 (counts and area snapshot).
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE batch_count; DROP TABLE area_snapshot; PRAGMA user_version = 1;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto s = store::open_sqlite_store(path);
  EXPECT_EQ(s->schema_version(), store::latest_schema_version());
  expect_same_as_incidents(*s);
}

TEST(StoreBatchCounts, EncodeDecodeRoundTripAndDamage) {
  store::BatchCountAccumulator acc;
  acc.add(7, 202501, 3, true);
  acc.add(7, 202501, 3, true);
  acc.add(0, 202501, 3, false);
  acc.add(9, 202412, 65535, false);
  EXPECT_EQ(acc.total(), 4);
  std::string blob = acc.encode();
  ASSERT_EQ(blob.size(), 3u * 16u);
  auto rows = store::decode_batch_counts(blob, 1);
  ASSERT_EQ(rows.size(), 3u);
  // Sorted by LSOA id, then month, then type.
  EXPECT_EQ(rows[0].lsoa_id, 0);
  EXPECT_FALSE(rows[0].located);
  EXPECT_EQ(rows[0].count, 1);
  EXPECT_EQ(rows[1].lsoa_id, 7);
  EXPECT_EQ(rows[1].month, 202501);
  EXPECT_EQ(rows[1].crime_type_id, 3);
  EXPECT_TRUE(rows[1].located);
  EXPECT_EQ(rows[1].count, 2);
  EXPECT_EQ(rows[2].crime_type_id, 65535);
  EXPECT_THROW(store::decode_batch_counts(blob.substr(0, 20), 5), IoError);
  EXPECT_THROW(acc.add(1, 202501, 65536, false), InternalError);
}

}  // namespace
}  // namespace csa::dataset
