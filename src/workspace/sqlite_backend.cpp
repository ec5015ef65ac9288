// The SQLite backend: the store's own RAII handles (store/sqlite_handle.hpp) under the workspace's
// Backend interface. Foreign keys are switched on per connection (SQLite's default is off).
#include <fmt/format.h>

#include <memory>

#include "core/error.hpp"
#include "store/sqlite_handle.hpp"
#include "workspace/backend.hpp"

namespace csa::workspace {
namespace {

class SqliteBackend final : public Backend {
 public:
  explicit SqliteBackend(const std::string& path) : db_(path) {
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA journal_mode = WAL");  // readers (the web pages) do not wait for a writer
  }
  Dialect dialect() const override { return Dialect::sqlite; }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
      db_.fail(fmt::format("cannot prepare [{}]", sql.substr(0, 120)));
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
    for (std::size_t i = 0; i < params.size(); ++i) {
      int pos = static_cast<int>(i) + 1;
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              sqlite3_bind_null(raw, pos);
            } else if constexpr (std::is_same_v<T, std::string>) {
              sqlite3_bind_text(raw, pos, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
            } else if constexpr (std::is_same_v<T, double>) {
              sqlite3_bind_double(raw, pos, v);
            } else {
              sqlite3_bind_int64(raw, pos, v);
            }
          },
          params[i]);
    }
    std::vector<Row> rows;
    const int n = sqlite3_column_count(raw);
    for (;;) {
      int rc = sqlite3_step(raw);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) db_.fail(fmt::format("query failed [{}]", sql.substr(0, 120)));
      Row r;
      r.cols.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        if (sqlite3_column_type(raw, c) == SQLITE_NULL) {
          r.cols.emplace_back(std::nullopt);
        } else {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
          r.cols.emplace_back(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(raw, c))));
        }
      }
      rows.push_back(std::move(r));
    }
    return rows;
  }

  void exec_script(std::string_view sql) override { db_.exec(std::string(sql)); }
  void begin() override { db_.exec("BEGIN IMMEDIATE"); }
  void commit() override { db_.exec("COMMIT"); }
  void rollback() override { db_.exec("ROLLBACK"); }
  std::string describe() const override { return db_.path(); }

 private:
  store::SqliteDb db_;
};

}  // namespace

std::unique_ptr<Backend> open_sqlite_backend(const std::string& path) {
  return std::make_unique<SqliteBackend>(path);
}

}  // namespace csa::workspace
