// The packed extract_record row (store/extract_record_layout.hpp, migration 5): every field of a
// Record comes back unchanged through the store, the analysts' view extract_record_v decodes the same
// values in SQL (an independent decoding of the bits), and records stored in migration 4's wider row
// are copied across unchanged when an older database is opened.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/load.hpp"
#include "extract/text_numbering.hpp"
#include "store/extract_record_layout.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace csa::store {
namespace {

using csa::testing::TempDir;
using extract::Record;

// Records that between them set every field to its extremes and leave each out once.
std::vector<Record> edge_records() {
  std::vector<Record> out;
  Record full;
  full.line = 2;
  full.reference = "CR/1";
  full.code = "8N";
  full.description = "Assault with injury";
  full.subtype = "Street";
  full.start_day = -3653;  // 1960-01-01: before 1970, a negative count of minutes
  full.start_minute = 1439;
  full.recorded_day = 19723;  // 2024-01-01
  full.recorded_minute = 0;
  full.markers = 0x1FF;        // all nine markers
  full.hate_strands = 0x1F;    // all five strands
  full.risk = extract::Risk::high;
  full.crimed = 1;
  full.easting = 545123.5;
  full.northing = 258456.25;
  full.lsoa_code = "E01017943";
  full.ward_code = "E05013050";
  full.victim_age = 120;
  full.victim_sex = extract::Sex::other;
  full.offender_age = 0;
  full.offender_sex = extract::Sex::male;
  full.victim_id = "V1";
  full.offender_id = "O1";
  full.free_text = "Text, with \"quotes\"";
  out.push_back(full);

  Record empty;  // nothing but a line: every optional field absent
  empty.line = 3;
  out.push_back(empty);

  Record dates_only;  // dates without times; crimed said as "incident only"
  dates_only.line = 4;
  dates_only.start_day = 0;
  dates_only.recorded_day = 20000;
  dates_only.crimed = 0;
  dates_only.victim_age = 0;
  dates_only.victim_sex = extract::Sex::female;
  dates_only.risk = extract::Risk::none;
  out.push_back(dates_only);
  return out;
}

void expect_same(const Record& want, const Record& got) {
  EXPECT_EQ(got.line, want.line);
  EXPECT_EQ(got.reference, want.reference);
  EXPECT_EQ(got.code, want.code);
  EXPECT_EQ(got.description, want.description);
  EXPECT_EQ(got.subtype, want.subtype);
  EXPECT_EQ(got.start_day, want.start_day);
  EXPECT_EQ(got.start_minute, want.start_minute);
  EXPECT_EQ(got.recorded_day, want.recorded_day);
  EXPECT_EQ(got.recorded_minute, want.recorded_minute);
  EXPECT_EQ(got.markers, want.markers);
  EXPECT_EQ(got.hate_strands, want.hate_strands);
  EXPECT_EQ(got.risk, want.risk);
  EXPECT_EQ(got.crimed, want.crimed);
  EXPECT_EQ(got.located(), want.located());
  if (want.located()) {
    EXPECT_EQ(got.easting, want.easting);
    EXPECT_EQ(got.northing, want.northing);
  }
  EXPECT_EQ(got.lsoa_code, want.lsoa_code);
  EXPECT_EQ(got.ward_code, want.ward_code);
  EXPECT_EQ(got.victim_age, want.victim_age);
  EXPECT_EQ(got.victim_sex, want.victim_sex);
  EXPECT_EQ(got.offender_age, want.offender_age);
  EXPECT_EQ(got.offender_sex, want.offender_sex);
  EXPECT_EQ(got.victim_id, want.victim_id);
  EXPECT_EQ(got.offender_id, want.offender_id);
  EXPECT_EQ(got.free_text, want.free_text);
}

ExtractBatchInfo batch_info(std::int64_t rows) {
  ExtractBatchInfo info;
  info.kind = "crime";
  info.source = "layout test";
  info.file_name = "edges.csv";
  info.source_path = "/tmp/edges.csv";
  info.content_hash = "0";
  info.rows_read = rows;
  info.rows_stored = rows;
  return info;
}

// The view's columns for each record, as text ("" for NULL), read with SQLite's own C API.
std::vector<std::vector<std::string>> view_rows(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "SELECT line, code, start_date, start_minute, recorded_date, recorded_minute, markers, "
                               "hate_strands, risk, crimed, victim_age, victim_sex, offender_age, offender_sex, "
                               "lsoa_code, free_text FROM extract_record_v ORDER BY id",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::vector<std::vector<std::string>> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* t = sqlite3_column_text(st, c);
      row.push_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

TEST(StoreExtractLayout, EveryFieldComesBackThroughTheStore) {
  TempDir dir("csa-layout");
  const std::vector<Record> records = edge_records();
  {
    auto store = open_sqlite_store(dir.file("x.db"));
    store->write_extract_batch(batch_info(static_cast<std::int64_t>(records.size())), records, {});
    extract::ExtractSet set = extract::load_extract_set(*store, extract::DatasetKind::crime);
    ASSERT_EQ(set.records.size(), records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      SCOPED_TRACE(records[i].line);
      expect_same(records[i], set.records[i]);
    }
  }
  // The view, decoded by SQL: dates by SQLite's date(), worked by hand for each record.
  auto rows = view_rows(dir.file("x.db"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"2", "8N", "1960-01-01", "1439", "2024-01-01", "0", "511", "31", "4",
                                                "1", "120", "3", "0", "2", "E01017943", "Text, with \"quotes\""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"3", "", "", "", "", "", "0", "0", "0", "", "", "0", "", "0", "", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"4", "", "1970-01-01", "", "2024-10-04", "", "0", "0", "1", "0", "0",
                                                "1", "", "0", "", ""}));
}

TEST(StoreExtractLayout, AValueOutsideItsBitsIsRefusedNotCut) {
  Record r;
  r.victim_age = 300;  // the row mapper never lets one through (ages are 0-120)
  EXPECT_THROW(extract_layout::pack_attributes(r), InternalError);
  Record ok;
  ok.victim_age = 120;
  ok.markers = 0x1FF;
  Record back;
  extract_layout::unpack(std::nullopt, std::nullopt, extract_layout::pack_attributes(ok), back);
  EXPECT_EQ(back.victim_age, 120);
  EXPECT_EQ(back.markers, 0x1FF);
  EXPECT_EQ(back.offender_age, extract::kNoAge);
}

// Texts numbered by the parser (extract/text_numbering.hpp) are stored as their text, the same as texts
// the store hashes itself; a number that comes before its predecessors is an error, not a wrong text.
TEST(StoreExtractLayout, NumberedTextsAreStoredAsTheirText) {
  TempDir dir("csa-layout");
  auto store = open_sqlite_store(dir.file("x.db"));
  std::vector<Record> records(3);
  const char* codes[] = {"8N", "105A", "8N"};
  extract::TextNumbering numbering;
  for (std::size_t i = 0; i < records.size(); ++i) {
    records[i].line = static_cast<std::int64_t>(i) + 2;
    records[i].code = codes[i];
    records[i].lsoa_code = "E01017943";
    numbering.number(records[i]);
  }
  EXPECT_EQ(records[2].text_keys[extract::text_code], records[0].text_keys[extract::text_code]);
  EXPECT_EQ(records[1].text_keys[extract::text_subtype], extract::kNoTextKey);  // empty: not numbered
  Record unnumbered;  // a record built without numbering beside them: looked up by its text
  unnumbered.line = 5;
  unnumbered.code = "105A";
  records.push_back(unnumbered);
  store->write_extract_batch(batch_info(4), records, {});
  extract::ExtractSet set = extract::load_extract_set(*store, extract::DatasetKind::crime);
  ASSERT_EQ(set.records.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(set.records[i].code, records[i].code);
    EXPECT_EQ(set.records[i].lsoa_code, records[i].lsoa_code);
  }

  std::vector<Record> wrong_order = {records[1], records[0]};  // number 1 before number 0
  ExtractBatchInfo info = batch_info(2);
  info.file_name = "other.csv";
  EXPECT_THROW(store->write_extract_batch(info, wrong_order, {}), InternalError);
  EXPECT_EQ(store->extract_batches().size(), 1u);  // nothing of the failed batch is kept
}

// migration 4's row, as released: a database loaded by an older csa.
constexpr const char* kMigration4Record = R"sql(
DROP VIEW extract_record_v;
DROP TABLE extract_record;
CREATE TABLE extract_record(
  id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, line INTEGER NOT NULL, reference TEXT,
  code_id INTEGER, description_id INTEGER, subtype_id INTEGER,
  start_day INTEGER, start_minute INTEGER, recorded_day INTEGER, recorded_minute INTEGER,
  markers INTEGER NOT NULL, hate_strands INTEGER NOT NULL, risk INTEGER NOT NULL, crimed INTEGER,
  easting REAL, northing REAL, lsoa_id INTEGER, ward_id INTEGER,
  victim_age INTEGER, victim_sex INTEGER NOT NULL, offender_age INTEGER, offender_sex INTEGER NOT NULL,
  victim_id TEXT, offender_id TEXT, free_text TEXT);
)sql";

TEST(StoreExtractLayout, RecordsOfAnOlderDatabaseAreCopiedIntoTheNarrowRow) {
  TempDir dir("csa-layout");
  const std::string path = dir.file("old.db");
  const std::vector<Record> records = edge_records();
  {  // a batch with its texts, so extract_batch and extract_text are as an older csa left them
    auto store = open_sqlite_store(path);
    store->write_extract_batch(batch_info(static_cast<std::int64_t>(records.size())), records, {});
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, kMigration4Record, nullptr, nullptr, nullptr), SQLITE_OK);
  // The same three records in the old row, values written out by hand; text ids looked up by text.
  const std::string sql =
      "INSERT INTO extract_record SELECT 1, (SELECT id FROM extract_batch), 2, 'CR/1', "
      "(SELECT id FROM extract_text WHERE text = '8N'), (SELECT id FROM extract_text WHERE text = 'Assault with injury'), "
      "(SELECT id FROM extract_text WHERE text = 'Street'), -3653, 1439, 19723, 0, 511, 31, 4, 1, 545123.5, 258456.25, "
      "(SELECT id FROM extract_text WHERE text = 'E01017943'), (SELECT id FROM extract_text WHERE text = 'E05013050'), "
      "120, 3, 0, 2, 'V1', 'O1', 'Text, with \"quotes\"';"
      "INSERT INTO extract_record VALUES (2, (SELECT id FROM extract_batch), 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
      "NULL, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, NULL);"
      "INSERT INTO extract_record VALUES (3, (SELECT id FROM extract_batch), 4, NULL, NULL, NULL, NULL, 0, NULL, 20000, "
      "NULL, 0, 0, 1, 0, NULL, NULL, NULL, NULL, 0, 1, NULL, 0, NULL, NULL, NULL);"
      "PRAGMA user_version = 4;";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);

  auto store = open_sqlite_store(path);  // runs migration 5
  extract::ExtractSet set = extract::load_extract_set(*store, extract::DatasetKind::crime);
  ASSERT_EQ(set.records.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    SCOPED_TRACE(records[i].line);
    expect_same(records[i], set.records[i]);
  }
}

}  // namespace
}  // namespace csa::store
