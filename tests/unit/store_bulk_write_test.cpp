// SqliteBulkWrite (store/sqlite_bulk_write.hpp): a large transaction goes through the rollback journal
// only when the database is a file in log mode that no other connection has open, and everything the
// connection had before (log mode, cache size, synchronous) is back afterwards. Through the store: an
// extract batch written either way, or refused half-way, leaves exactly what it should.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/load.hpp"
#include "store/sqlite_bulk_write.hpp"
#include "store/sqlite_handle.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace csa::store {
namespace {

using csa::testing::TempDir;

constexpr std::int64_t kLarge = SqliteBulkWrite::kRollbackJournalMinBytes;

std::string pragma(SqliteDb& db, const std::string& name) {
  SqliteStmt st(db, "PRAGMA " + name);
  return st.step() ? st.text(0) : std::string();
}

// A file database set up as the store sets up its connection.
void as_the_store(SqliteDb& db) {
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  db.exec("PRAGMA cache_size=-32768");
  db.exec("CREATE TABLE IF NOT EXISTS t(x)");
}

TEST(SqliteBulkWrite, ALargeWriteAloneGoesThroughTheRollbackJournalAndBack) {
  TempDir dir("csa-bulk");
  SqliteDb db(dir.file("x.db"));
  as_the_store(db);
  {
    SqliteBulkWrite bulk(db, kLarge);
    EXPECT_TRUE(bulk.rollback_journal());
    EXPECT_EQ(pragma(db, "journal_mode"), "delete");
    EXPECT_EQ(pragma(db, "synchronous"), "2");  // FULL
    EXPECT_EQ(pragma(db, "cache_size"), "-4096");
    db.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT");
  }
  EXPECT_EQ(pragma(db, "journal_mode"), "wal");
  EXPECT_EQ(pragma(db, "synchronous"), "1");
  EXPECT_EQ(pragma(db, "cache_size"), "-32768");
}

TEST(SqliteBulkWrite, ASmallWriteKeepsTheLogButSpillsEarly) {
  TempDir dir("csa-bulk");
  SqliteDb db(dir.file("x.db"));
  as_the_store(db);
  {
    SqliteBulkWrite bulk(db, kLarge - 1);
    EXPECT_FALSE(bulk.rollback_journal());
    EXPECT_EQ(pragma(db, "journal_mode"), "wal");
    EXPECT_EQ(pragma(db, "cache_size"), "-4096");
    EXPECT_EQ(pragma(db, "synchronous"), "1");
  }
  EXPECT_EQ(pragma(db, "journal_mode"), "wal");
  EXPECT_EQ(pragma(db, "cache_size"), "-32768");
}

TEST(SqliteBulkWrite, AnotherConnectionKeepsTheLog) {
  TempDir dir("csa-bulk");
  SqliteDb db(dir.file("x.db"));
  as_the_store(db);
  db.exec("INSERT INTO t VALUES (0), (0)");
  SqliteDb reader(dir.file("x.db"));  // another process's connection, say csa serve's, part-way through a query
  SqliteStmt read(reader, "SELECT x FROM t");
  ASSERT_TRUE(read.step());
  {
    SqliteBulkWrite bulk(db, kLarge);
    EXPECT_FALSE(bulk.rollback_journal());
    EXPECT_EQ(pragma(db, "journal_mode"), "wal");
    db.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT");
  }
  EXPECT_EQ(pragma(db, "journal_mode"), "wal");
  read.reset();
  SqliteStmt again(reader, "SELECT count(*) FROM t");
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.int64(0), 3);
}

TEST(SqliteBulkWrite, AnInMemoryDatabaseHasNoJournalToSwitch) {
  SqliteDb db(":memory:");
  db.exec("CREATE TABLE t(x)");
  SqliteBulkWrite bulk(db, kLarge);
  EXPECT_FALSE(bulk.rollback_journal());
  EXPECT_EQ(pragma(db, "journal_mode"), "memory");
}

// Enough rows, each with free text, to fill the 4 MiB cache several times over, so that pages are
// written out before the commit (and, in the rollback journal, into the database file).
std::vector<extract::Record> many_records(int n) {
  std::vector<extract::Record> out;
  for (int i = 0; i < n; ++i) {
    extract::Record r;
    r.line = i + 2;
    r.reference = "BULK/" + std::to_string(i);
    r.code = "8N";
    r.recorded_day = 19723 + i % 365;
    r.free_text = "Row " + std::to_string(i) + ": " + std::string(150, 'x');
    out.push_back(std::move(r));
  }
  return out;
}

ExtractBatchInfo batch(const std::string& file, std::int64_t rows, std::int64_t bytes) {
  ExtractBatchInfo info;
  info.kind = "crime";
  info.source = "bulk test";
  info.file_name = file;
  info.source_path = "/tmp/" + file;
  info.content_hash = file;
  info.file_bytes = bytes;
  info.rows_read = rows;
  info.rows_stored = rows;
  return info;
}

std::string journal_mode_of(const std::string& path) {
  SqliteDb db(path);
  return pragma(db, "journal_mode");
}

TEST(SqliteBulkWrite, TheStoreWritesALargeBatchEitherWayAndARefusedOneLeavesNothing) {
  TempDir dir("csa-bulk");
  const std::string path = dir.file("x.db");
  const auto records = many_records(60000);
  {
    auto store = open_sqlite_store(path);
    // Alone: the rollback journal.
    store->write_extract_batch(batch("a.csv", 60000, kLarge), records, {});
    // With another connection part-way through a query: the log, and no wait for the busy timeout
    // (10 s) first. The bound is half the timeout, far above any real time.
    {
      SqliteDb other(path);
      SqliteStmt st(other, "SELECT count(*) FROM extract_record");
      ASSERT_TRUE(st.step());
      EXPECT_EQ(st.int64(0), 60000);
      const auto start = std::chrono::steady_clock::now();
      store->write_extract_batch(batch("b.csv", 60000, kLarge), records, {});
      EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(SqliteDb::kBusyTimeoutMs / 2));
    }
    // Refused after its rows are written (the counts do not add up): rolled back in the journal.
    EXPECT_THROW(store->write_extract_batch(batch("c.csv", 60001, kLarge), records, {}), InternalError);
    extract::ExtractSet set = extract::load_extract_set(*store, extract::DatasetKind::crime);
    ASSERT_EQ(set.records.size(), 120000u);
    for (std::size_t i : {std::size_t{0}, std::size_t{59999}, std::size_t{60000}, std::size_t{119999}}) {
      EXPECT_EQ(set.records[i].reference, records[i % 60000].reference);
      EXPECT_EQ(set.records[i].free_text, records[i % 60000].free_text);
    }
    ASSERT_EQ(store->extract_batches().size(), 2u);
  }
  EXPECT_EQ(journal_mode_of(path), "wal");
  SqliteDb db(path);
  EXPECT_EQ(pragma(db, "integrity_check"), "ok");
}

}  // namespace
}  // namespace csa::store
