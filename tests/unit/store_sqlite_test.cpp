// The SQLite store through the Store interface: batches (loaded, unchanged, replaced), the counts
// check, reopening, schema versions, and the geography tables' round trips.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.hpp"
#include "store/sqlite_migrations.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace csa::store {
namespace {
namespace fs = std::filesystem;

using csa::testing::TempDir;

const std::string kHexA(64, 'a');
const std::string kHexB = std::string(63, 'b') + "1";
const std::string kHexC = std::string(32, 'c') + std::string(32, 'D');  // mixed case is still hex
const std::string kTextId = "BTP-2024-000123";                           // not 64-hex: kept as text

IncidentRecord incident(std::int64_t line, std::string_view crime_id, int month, std::string_view type,
                        std::string_view outcome, std::string_view lsoa = "E01017540",
                        std::optional<double> lon = 0.12, std::optional<double> lat = 52.2) {
  IncidentRecord r;
  r.line = line;
  r.crime_id = crime_id;
  r.month = month;
  r.reported_by = "Test Police";
  r.falls_within = "Test Police";
  r.lon = lon;
  r.lat = lat;
  r.location = lon ? "On or near High Street" : "No Location";
  r.lsoa_code = lsoa;
  r.lsoa_name = lsoa.empty() ? "" : "Cambridge 007A";
  r.crime_type = type;
  r.outcome = outcome;
  return r;
}

BatchInfo batch(const std::string& force, int month, const std::string& hash, std::int64_t stored,
                std::int64_t quarantined, const std::string& path = "/data/x-street.csv") {
  BatchInfo b;
  b.key = {"police-uk-street", force, month};
  b.source_path = path;
  b.content_hash = hash;
  b.file_bytes = 1234;
  b.rows_read = stored + quarantined;
  b.rows_stored = stored;
  b.rows_quarantined = quarantined;
  return b;
}

using Row = std::tuple<std::int64_t, int, std::string, std::string, std::string, std::optional<double>,
                       std::optional<double>>;
std::vector<Row> scan(const Store& s, int first = 0, int last = 0) {
  std::vector<Row> out;
  s.scan_incidents(first, last, [&](const IncidentView& v) {
    out.emplace_back(v.batch_id, v.month, *v.crime_type, *v.lsoa_code, *v.outcome, v.lon, v.lat);
  });
  std::sort(out.begin(), out.end());
  return out;
}

class StoreSqlite : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open_sqlite_store(path()); }
  std::string path() const { return dir_ / "store.db"; }
  void reopen() {
    store_.reset();
    store_ = open_sqlite_store(path());
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreSqlite, NewStoreIsEmptyAtTheLatestSchema) {
  EXPECT_GE(latest_schema_version(), 1);
  EXPECT_EQ(store_->schema_version(), latest_schema_version());
  EXPECT_NE(store_->describe().find("store.db"), std::string::npos) << store_->describe();
  EXPECT_EQ(store_->incident_count(), 0);
  EXPECT_TRUE(store_->batches().empty());
  EXPECT_TRUE(store_->areas().empty());
  EXPECT_TRUE(store_->population().empty());
  EXPECT_TRUE(store_->geography_sources().empty());
  EXPECT_TRUE(store_->quarantine_rows("", 10).empty());
  EXPECT_TRUE(scan(*store_).empty());
  reopen();
  EXPECT_EQ(store_->schema_version(), latest_schema_version());
}

TEST_F(StoreSqlite, WriteBatchLoadsThenKeepsAnIdenticalReleaseThenReplacesANewerOne) {
  std::vector<IncidentRecord> v1 = {
      incident(2, kHexA, 202401, "Burglary", "Under investigation"),
      incident(3, "", 202401, "Anti-social behaviour", ""),
      incident(4, kHexB, 202401, "Drugs", "Local resolution", "", std::nullopt, std::nullopt),
      incident(5, kTextId, 202401, "Robbery", ""),
  };
  std::vector<QuarantineRecord> q1 = {{6, "Crime type 'Arson' is not one of the 14", "raw,line,6"}};
  auto r1 = store_->write_batch(batch("testforce", 202401, "00000000000000a1", 4, 1), v1, q1);
  EXPECT_EQ(r1.action, BatchWriteResult::Action::loaded);
  EXPECT_FALSE(r1.previous.has_value());
  EXPECT_EQ(r1.outcomes_updated + r1.crimes_added + r1.crimes_removed, 0);
  EXPECT_EQ(store_->incident_count(), 4);

  auto found = store_->find_batch({"police-uk-street", "testforce", 202401});
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, r1.batch_id);
  EXPECT_EQ(found->content_hash, "00000000000000a1");
  EXPECT_EQ(found->source_path, "/data/x-street.csv");
  EXPECT_EQ(found->file_bytes, 1234);
  EXPECT_EQ(found->rows_read, 5);
  EXPECT_EQ(found->rows_stored, 4);
  EXPECT_EQ(found->rows_quarantined, 1);
  EXPECT_FALSE(found->loaded_at.empty());
  EXPECT_FALSE(store_->find_batch({"police-uk-street", "testforce", 202402}).has_value());
  EXPECT_FALSE(store_->find_batch({"police-uk-street", "otherforce", 202401}).has_value());

  EXPECT_EQ(scan(*store_), (std::vector<Row>{
                               {r1.batch_id, 202401, "Anti-social behaviour", "E01017540", "", 0.12, 52.2},
                               {r1.batch_id, 202401, "Burglary", "E01017540", "Under investigation", 0.12, 52.2},
                               {r1.batch_id, 202401, "Drugs", "", "Local resolution", std::nullopt, std::nullopt},
                               {r1.batch_id, 202401, "Robbery", "E01017540", "", 0.12, 52.2},
                           }));
  auto q = store_->quarantine_rows("/data/x-street.csv", 10);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].line, 6);
  EXPECT_EQ(q[0].reason, q1[0].reason);
  EXPECT_EQ(q[0].raw, "raw,line,6");
  EXPECT_TRUE(store_->quarantine_rows("/data/other.csv", 10).empty());

  // Same hash: nothing changes, whatever rows come with it.
  auto r2 = store_->write_batch(batch("testforce", 202401, "00000000000000a1", 1, 0, "/elsewhere.csv"),
                                {incident(2, kHexC, 202401, "Shoplifting", "")}, {});
  EXPECT_EQ(r2.action, BatchWriteResult::Action::unchanged);
  EXPECT_EQ(r2.batch_id, r1.batch_id);
  ASSERT_TRUE(r2.previous.has_value());
  EXPECT_EQ(r2.previous->id, r1.batch_id);
  EXPECT_EQ(store_->incident_count(), 4);
  EXPECT_EQ(store_->find_batch({"police-uk-street", "testforce", 202401})->source_path, "/data/x-street.csv");

  // Another hash: A's outcome changes, B is gone, the text id keeps its (empty) outcome and gains
  // none, C is new; ASB rows have no id and do not count.
  std::vector<IncidentRecord> v3 = {
      incident(2, kHexA, 202401, "Burglary", "Offender given a caution"),
      incident(3, "", 202401, "Anti-social behaviour", ""),
      incident(4, kTextId, 202401, "Robbery", ""),
      incident(5, kHexC, 202401, "Shoplifting", "Under investigation"),
      incident(6, "", 202401, "Anti-social behaviour", ""),
  };
  auto r3 = store_->write_batch(batch("testforce", 202401, "00000000000000b2", 5, 0, "/data/new/x-street.csv"), v3, {});
  EXPECT_EQ(r3.action, BatchWriteResult::Action::replaced);
  ASSERT_TRUE(r3.previous.has_value());
  EXPECT_EQ(r3.previous->id, r1.batch_id);
  EXPECT_EQ(r3.previous->content_hash, "00000000000000a1");
  EXPECT_EQ(r3.outcomes_updated, 1);
  EXPECT_EQ(r3.crimes_added, 1);
  EXPECT_EQ(r3.crimes_removed, 1);
  EXPECT_EQ(store_->incident_count(), 5);
  EXPECT_EQ(store_->batches().size(), 1u);
  EXPECT_TRUE(store_->quarantine_rows("", 10).empty());  // the old release's quarantine is gone
  auto rows = scan(*store_);
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& r : rows) EXPECT_EQ(std::get<0>(r), r3.batch_id);
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const Row& r) { return std::get<2>(r) == "Drugs"; }), 0);
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(),
                          [](const Row& r) { return std::get<4>(r) == "Offender given a caution"; }),
            1);

  // An outcome appearing where there was none counts as updated, too.
  std::vector<IncidentRecord> v4 = v3;
  v4[1 + 1].outcome = "Unable to prosecute suspect";  // the text-id robbery
  auto r4 = store_->write_batch(batch("testforce", 202401, "00000000000000c3", 5, 0), v4, {});
  EXPECT_EQ(r4.action, BatchWriteResult::Action::replaced);
  EXPECT_EQ(r4.outcomes_updated, 1);
  EXPECT_EQ(r4.crimes_added, 0);
  EXPECT_EQ(r4.crimes_removed, 0);
  EXPECT_EQ(store_->incident_count(), 5);
}

TEST_F(StoreSqlite, BatchesOfSeveralMonthsAndScanBounds) {
  for (int m : {202311, 202312, 202401, 202402}) {
    std::vector<IncidentRecord> rows(static_cast<std::size_t>(m % 100), incident(2, "", m, "Bicycle theft", ""));
    auto r = store_->write_batch(batch("testforce", m, "hash" + std::to_string(m), static_cast<std::int64_t>(rows.size()), 0),
                                 rows, {});
    EXPECT_EQ(r.action, BatchWriteResult::Action::loaded);
  }
  EXPECT_EQ(store_->incident_count(), 11 + 12 + 1 + 2);
  EXPECT_EQ(scan(*store_, 202312, 202401).size(), 13u);
  EXPECT_EQ(scan(*store_, 202401, 0).size(), 3u);
  EXPECT_EQ(scan(*store_, 0, 202311).size(), 11u);
  EXPECT_EQ(scan(*store_, 202403, 0).size(), 0u);
  auto all = store_->batches();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all.front().key.month, 202311);  // ordered by force, month
  EXPECT_EQ(all.back().key.month, 202402);

  // Replacing the middle batch (not the one with the highest incident ids) keeps the others whole.
  std::vector<IncidentRecord> fewer(3, incident(2, "", 202312, "Other theft", ""));
  auto r = store_->write_batch(batch("testforce", 202312, "other", 3, 0), fewer, {});
  EXPECT_EQ(r.action, BatchWriteResult::Action::replaced);
  EXPECT_EQ(store_->incident_count(), 11 + 3 + 1 + 2);
  auto dec = scan(*store_, 202312, 202312);
  ASSERT_EQ(dec.size(), 3u);
  for (const auto& row : dec) EXPECT_EQ(std::get<2>(row), "Other theft");
  EXPECT_EQ(scan(*store_, 202311, 202311).size(), 11u);
  EXPECT_EQ(scan(*store_, 202402, 202402).size(), 2u);

  // A batch with only quarantined rows, later replaced by one with rows.
  auto empty = store_->write_batch(batch("emptyforce", 202401, "e1", 0, 1), {}, {{2, "bad", "x"}});
  EXPECT_EQ(empty.action, BatchWriteResult::Action::loaded);
  std::vector<IncidentRecord> one = {incident(2, kHexA, 202401, "Burglary", "")};
  auto filled = store_->write_batch(batch("emptyforce", 202401, "e2", 1, 0), one, {});
  EXPECT_EQ(filled.action, BatchWriteResult::Action::replaced);
  EXPECT_EQ(filled.crimes_added, 1);
  EXPECT_EQ(store_->incident_count(), 11 + 3 + 1 + 2 + 1);
}

// The store remembers text by address within a batch; a caller reusing a buffer for other text in a
// later batch must still get that text stored.
TEST_F(StoreSqlite, ReusedTextBufferAcrossBatchesIsNotConfused) {
  std::string type = "Shoplifting";
  std::string outcome = "Under investigation";
  std::vector<IncidentRecord> a = {incident(2, "", 202401, type, outcome)};
  store_->write_batch(batch("f", 202401, "h1", 1, 0), a, {});
  type.replace(0, type.size(), "Other theft");  // same length, same buffer
  outcome.replace(0, outcome.size(), "Awaiting court resu");
  std::vector<IncidentRecord> b = {incident(2, "", 202402, type, outcome)};
  store_->write_batch(batch("f", 202402, "h2", 1, 0), b, {});
  auto rows = scan(*store_);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::get<2>(rows[0]), "Shoplifting");
  EXPECT_EQ(std::get<2>(rows[1]), "Other theft");
  EXPECT_EQ(std::get<4>(rows[1]), "Awaiting court resu");
}

TEST_F(StoreSqlite, WriteBatchWithCountsThatDoNotAddUpThrowsAndWritesNothing) {
  std::vector<IncidentRecord> rows = {incident(2, kHexA, 202401, "Burglary", "")};
  BatchInfo wrong_sum = batch("testforce", 202401, "h", 1, 0);
  wrong_sum.rows_read = 3;  // 3 != 1 + 0
  EXPECT_THROW(store_->write_batch(wrong_sum, rows, {}), InternalError);
  BatchInfo wrong_stored = batch("testforce", 202401, "h", 2, 0);  // says 2 stored, gives 1
  EXPECT_THROW(store_->write_batch(wrong_stored, rows, {}), InternalError);
  BatchInfo wrong_quarantined = batch("testforce", 202401, "h", 1, 1);  // says 1 quarantined, gives 0
  EXPECT_THROW(store_->write_batch(wrong_quarantined, rows, {}), InternalError);
  EXPECT_EQ(store_->incident_count(), 0);
  EXPECT_TRUE(store_->batches().empty());
  // The store is still usable.
  auto ok = store_->write_batch(batch("testforce", 202401, "h", 1, 0), rows, {});
  EXPECT_EQ(ok.action, BatchWriteResult::Action::loaded);
  EXPECT_EQ(store_->incident_count(), 1);
}

TEST_F(StoreSqlite, ReopeningKeepsEverything) {
  std::vector<IncidentRecord> rows = {
      incident(2, kHexA, 202401, "Burglary", "Under investigation"),
      incident(3, "", 202401, "Anti-social behaviour", "", "E01017541", -1.85, 50.72),
      incident(4, kTextId, 202401, "Drugs", "Local resolution", "", std::nullopt, std::nullopt),
  };
  std::vector<QuarantineRecord> quarantined = {{5, "only one coordinate given", "a,b,c"}, {9, "bad month", "d,e"}};
  auto written = store_->write_batch(batch("testforce", 202401, "abc", 3, 2), rows, quarantined);
  store_->replace_areas({"lsoa", "ward"},
                        {{"E01017540", "Cambridge 007A", "lsoa", "E05013050"},
                         {"E05013050", "Market", "ward", ""}},
                        {"lookup", "/geo/lookup.csv", "ONS LSOA21-WD24", 2, 2, 0, ""});
  store_->replace_population({{"E01017540", 1612}}, {"population", "/geo/pop.csv", "ONS mid-2022", 1, 1, 0, ""});
  store_->replace_boundaries("ward", {{"ward", "E05013050", "Market", std::string("\x01\x00\xff", 3)}},
                             {"boundaries:ward", "/geo/wards.geojson", "ONS wards 2024", 1, 1, 0, ""});
  auto rows_before = scan(*store_);
  auto batches_before = store_->batches();
  auto quarantine_before = store_->quarantine_rows("", 10);
  auto sources_before = store_->geography_sources();

  reopen();
  EXPECT_EQ(store_->schema_version(), latest_schema_version());
  EXPECT_EQ(store_->incident_count(), 3);
  EXPECT_EQ(scan(*store_), rows_before);
  auto batches_after = store_->batches();
  ASSERT_EQ(batches_after.size(), 1u);
  EXPECT_EQ(batches_after[0].id, written.batch_id);
  EXPECT_EQ(batches_after[0].key, batches_before[0].key);
  EXPECT_EQ(batches_after[0].content_hash, "abc");
  EXPECT_EQ(batches_after[0].loaded_at, batches_before[0].loaded_at);
  EXPECT_EQ(batches_after[0].rows_quarantined, 2);
  auto q = store_->quarantine_rows("", 10);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].line, 5);
  EXPECT_EQ(q[0].reason, "only one coordinate given");
  EXPECT_EQ(q[0].raw, "a,b,c");
  EXPECT_EQ(q[1].line, 9);
  auto summary = store_->quarantine_summary();
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[0].file, "/data/x-street.csv");
  EXPECT_EQ(summary[0].rows, 1);
  ASSERT_EQ(store_->areas().size(), 2u);
  EXPECT_EQ(store_->population().size(), 1u);
  ASSERT_EQ(store_->boundaries("ward").size(), 1u);
  EXPECT_EQ(store_->boundaries("ward")[0].wkb, std::string("\x01\x00\xff", 3));
  auto sources_after = store_->geography_sources();
  ASSERT_EQ(sources_after.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(sources_after[i].kind, sources_before[i].kind);
    EXPECT_EQ(sources_after[i].label, sources_before[i].label);
    EXPECT_EQ(sources_after[i].loaded_at, sources_before[i].loaded_at);
  }

  // The dictionaries come back from the file: a new batch reusing and adding values scans right.
  std::vector<IncidentRecord> more = {incident(2, "", 202402, "Burglary", "Under investigation"),
                                      incident(3, "", 202402, "Public order", "Awaiting court outcome")};
  store_->write_batch(batch("testforce", 202402, "def", 2, 0), more, {});
  auto feb = scan(*store_, 202402, 202402);
  ASSERT_EQ(feb.size(), 2u);
  EXPECT_EQ(std::get<2>(feb[0]), "Burglary");
  EXPECT_EQ(std::get<4>(feb[0]), "Under investigation");
  EXPECT_EQ(std::get<2>(feb[1]), "Public order");
  EXPECT_EQ(std::get<4>(feb[1]), "Awaiting court outcome");
  // And a reload of the January release is still recognised after the reopen.
  auto again = store_->write_batch(batch("testforce", 202401, "abc", 3, 2), rows, quarantined);
  EXPECT_EQ(again.action, BatchWriteResult::Action::unchanged);
}

void set_user_version(const std::string& path, int version) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string sql = "PRAGMA user_version = " + std::to_string(version);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

TEST_F(StoreSqlite, DatabaseFromANewerCsaIsRefused) {
  store_.reset();
  const int newer = latest_schema_version() + 1;
  set_user_version(path(), newer);
  try {
    open_sqlite_store(path());
    ADD_FAILURE() << "expected an IoError";
  } catch (const IoError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("store.db"), std::string::npos) << msg;
    EXPECT_NE(msg.find(std::to_string(newer)), std::string::npos) << msg;
  }
  // A database some other program made, with a far higher version, is refused too.
  std::string foreign = dir_ / "foreign.db";
  set_user_version(foreign, 99);
  EXPECT_THROW(open_sqlite_store(foreign), IoError);
}

TEST_F(StoreSqlite, ReplaceAreasRoundTripsAndReplacesOnlyTheGivenLevels) {
  std::vector<AreaRecord> first = {
      {"E01017540", "Cambridge 007A", "lsoa", "E05013050"},
      {"E01017541", "Cambridge 008B", "lsoa", "E05013051"},
      {"E05013050", "Market", "ward", "E07000008"},
      {"E05013051", "Petersfield", "ward", "E07000008"},
      {"E07000008", "Cambridge", "lad", ""},
  };
  store_->replace_areas({"lsoa", "ward", "lad"}, first, {"lookup", "/geo/lookup-2023.csv", "ONS 2023", 2, 2, 0, ""});
  auto got = store_->areas();
  ASSERT_EQ(got.size(), 5u);
  // Ordered by level then code; an empty parent comes back empty.
  EXPECT_EQ(got[0].code, "E07000008");
  EXPECT_EQ(got[0].level, "lad");
  EXPECT_EQ(got[0].parent_code, "");
  EXPECT_EQ(got[1].code, "E01017540");
  EXPECT_EQ(got[1].name, "Cambridge 007A");
  EXPECT_EQ(got[1].parent_code, "E05013050");
  EXPECT_EQ(got[4].code, "E05013051");
  EXPECT_EQ(got[4].name, "Petersfield");

  // New wards: the old ones go, LSOAs and LADs stay.
  store_->replace_areas({"ward"}, {{"E05020001", "Market and Castle", "ward", "E07000008"}},
                        {"lookup", "/geo/lookup-2024.csv", "ONS 2024", 1, 1, 0, ""});
  got = store_->areas();
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(std::count_if(got.begin(), got.end(), [](const AreaRecord& a) { return a.level == "ward"; }), 1);
  EXPECT_EQ(got[3].code, "E05020001");
  EXPECT_EQ(got[3].name, "Market and Castle");
  auto sources = store_->geography_sources();
  ASSERT_EQ(sources.size(), 1u);  // one per kind, the latest
  EXPECT_EQ(sources[0].kind, "lookup");
  EXPECT_EQ(sources[0].path, "/geo/lookup-2024.csv");
  EXPECT_EQ(sources[0].label, "ONS 2024");
  EXPECT_EQ(sources[0].rows_read, 1);
  EXPECT_FALSE(sources[0].loaded_at.empty());
}

TEST_F(StoreSqlite, ReplacePopulationRoundTrips) {
  store_->replace_population({{"E01017541", 2000}, {"E01017540", 1612}, {"E01017542", 0}},
                             {"population", "/geo/pop-2021.csv", "ONS mid-2021", 3, 3, 0, ""});
  auto got = store_->population();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].area_code, "E01017540");
  EXPECT_EQ(got[0].population, 1612);
  EXPECT_EQ(got[1].population, 2000);
  EXPECT_EQ(got[2].population, 0);
  store_->replace_population({{"E01017540", 1700}}, {"population", "/geo/pop-2022.csv", "ONS mid-2022", 5, 1, 4, ""});
  got = store_->population();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].area_code, "E01017540");
  EXPECT_EQ(got[0].population, 1700);
  auto sources = store_->geography_sources();
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].label, "ONS mid-2022");
  EXPECT_EQ(sources[0].rows_read, 5);
  EXPECT_EQ(sources[0].rows_kept, 1);
  EXPECT_EQ(sources[0].rows_rejected, 4);
}

TEST_F(StoreSqlite, ReplaceBoundariesRoundTripsBinaryGeometryPerLevel) {
  std::string wkb_a("\x01\x03\x00\x00\x00\xff\xfe", 7);
  std::string wkb_b(300, '\0');
  for (std::size_t i = 0; i < wkb_b.size(); ++i) wkb_b[i] = static_cast<char>(i * 7);
  store_->replace_boundaries("ward", {{"ward", "E05013051", "Petersfield", wkb_b}, {"ward", "E05013050", "Market", wkb_a}},
                             {"boundaries:ward", "/geo/wards.geojson", "wards", 2, 2, 0, ""});
  store_->replace_boundaries("lsoa", {{"lsoa", "E01017540", "Cambridge 007A", wkb_a}},
                             {"boundaries:lsoa", "/geo/lsoa.geojson", "lsoas", 1, 1, 0, ""});
  auto wards = store_->boundaries("ward");
  ASSERT_EQ(wards.size(), 2u);
  EXPECT_EQ(wards[0].code, "E05013050");
  EXPECT_EQ(wards[0].level, "ward");
  EXPECT_EQ(wards[0].name, "Market");
  EXPECT_EQ(wards[0].wkb, wkb_a);
  EXPECT_EQ(wards[1].wkb, wkb_b);
  ASSERT_EQ(store_->boundaries("lsoa").size(), 1u);
  EXPECT_TRUE(store_->boundaries("lad").empty());

  store_->replace_boundaries("ward", {{"ward", "E05020001", "Market and Castle", wkb_b}},
                             {"boundaries:ward", "/geo/wards-2024.geojson", "wards 2024", 1, 1, 0, ""});
  wards = store_->boundaries("ward");
  ASSERT_EQ(wards.size(), 1u);
  EXPECT_EQ(wards[0].code, "E05020001");
  EXPECT_EQ(wards[0].wkb, wkb_b);
  EXPECT_EQ(store_->boundaries("lsoa").size(), 1u);  // other levels untouched
  EXPECT_EQ(store_->geography_sources().size(), 2u);
}

}  // namespace
}  // namespace csa::store
