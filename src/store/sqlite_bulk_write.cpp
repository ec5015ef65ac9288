#include "store/sqlite_bulk_write.hpp"

#include <fmt/format.h>

#include <string>

namespace csa::store {

namespace {

// Runs a PRAGMA and returns its first value as text; empty when it fails or returns nothing (a
// refused journal-mode switch reports "database is locked" here, which is an answer, not an error).
std::string pragma(SqliteDb& db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, 0);
    if (text) value = reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(st);
  return value;
}

std::int64_t integer_pragma(SqliteDb& db, const std::string& sql) {
  const std::string value = pragma(db, sql);
  if (value.empty()) db.fail(sql);
  return std::stoll(value);
}

// A page cache of 4 MiB (256 pages of 16 KiB) while the transaction runs: once it is full, SQLite
// writes the least recently used pages out (appended leaves no insert will touch again).
constexpr int kBulkCacheKiB = 4096;

}  // namespace

SqliteBulkWrite::SqliteBulkWrite(SqliteDb& db, std::int64_t source_bytes) : db_(db) {
  cache_size_ = integer_pragma(db_, "PRAGMA cache_size");
  synchronous_ = integer_pragma(db_, "PRAGMA synchronous");
  pragma(db_, fmt::format("PRAGMA cache_size=-{}", kBulkCacheKiB));
  // Only a database in log mode is switched (an in-memory one has neither), and only when the switch
  // is granted: SQLite refuses it while any other connection has the database open. Asked without
  // the busy timeout, or a reader part-way through a query would hold the load up for all of it.
  if (wants_rollback_journal(source_bytes) && pragma(db_, "PRAGMA journal_mode") == "wal") {
    sqlite3_busy_timeout(db_.get(), 0);
    rollback_journal_ = pragma(db_, "PRAGMA journal_mode=DELETE") == "delete";
    sqlite3_busy_timeout(db_.get(), SqliteDb::kBusyTimeoutMs);
    if (rollback_journal_) pragma(db_, "PRAGMA synchronous=FULL");
  }
}

SqliteBulkWrite::~SqliteBulkWrite() {
  if (rollback_journal_) {
    // Waits (busy timeout) for any reader that opened the database meanwhile. Should it still fail,
    // the next connection to open the database switches it back (the store's constructor asks for the
    // log every time), so nothing is lost but the log mode of this connection.
    pragma(db_, "PRAGMA journal_mode=WAL");
    pragma(db_, fmt::format("PRAGMA synchronous={}", synchronous_));
  }
  pragma(db_, fmt::format("PRAGMA cache_size={}", cache_size_));
}

}  // namespace csa::store
