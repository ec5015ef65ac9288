// Thin RAII over the SQLite C API: a connection, prepared statements, and a transaction guard that
// rolls back unless committed (so an exception or a kill leaves the database as before).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace csa::store {

class SqliteDb {
 public:
  // How long a statement waits for another connection's lock before failing with "database is
  // locked": long enough for a large file's load to finish (SqliteBulkWrite).
  static constexpr int kBusyTimeoutMs = 10000;

  explicit SqliteDb(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }
  void exec(const std::string& sql);
  [[noreturn]] void fail(std::string_view what) const;  // throws IoError with SQLite's message

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class SqliteStmt {
 public:
  SqliteStmt(const SqliteDb& db, std::string_view sql);
  ~SqliteStmt();
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  // Bind by 1-based position.
  SqliteStmt& bind(int i, std::int64_t v);
  SqliteStmt& bind(int i, double v);
  SqliteStmt& bind(int i, std::string_view v);  // binds NULL for an empty view only via bind_text_or_null
  SqliteStmt& bind_text_or_null(int i, std::string_view v);
  SqliteStmt& bind_blob(int i, const void* data, int size);
  SqliteStmt& bind_null(int i);
  SqliteStmt& bind_optional(int i, std::optional<double> v);

  bool step();  // true while a row is available
  void run();   // step to completion, then reset
  void reset();

  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const;
  std::string_view blob(int col) const;

 private:
  const SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb& db);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  void commit();

 private:
  SqliteDb& db_;
  bool done_ = false;
};

}  // namespace csa::store
