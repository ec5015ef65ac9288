// The workspace's storage behind one small interface, so the same service code and the same SQL run
// on SQLite (the embedded default: a file beside the analyst's data) and on PostgreSQL (a team
// server). SQL is written once with `?` placeholders; the PostgreSQL backend numbers them ($1, $2, …).
// Results come back as text (what libpq returns anyway), with NULL kept apart from "".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace csa::workspace {

enum class Dialect { sqlite, postgresql };

// A bound parameter: NULL, an integer, a real or a text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Row {
  std::vector<std::optional<std::string>> cols;
  bool is_null(std::size_t i) const { return !cols.at(i).has_value(); }
  std::string text(std::size_t i) const { return cols.at(i).value_or(""); }
  std::int64_t int64(std::size_t i) const;        // 0 for NULL
  std::optional<double> real(std::size_t i) const;  // none for NULL
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Dialect dialect() const = 0;
  // One statement with `?` placeholders; returns its rows (none for statements without results).
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Several statements without parameters (the schema).
  virtual void exec_script(std::string_view sql) = 0;
  // A write transaction. SQLite takes the write lock at once (BEGIN IMMEDIATE), so two writers queue
  // on the busy timeout instead of failing half-way; PostgreSQL uses READ COMMITTED, where the
  // version-checked UPDATE of optimistic concurrency is atomic.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // Where the workspace is, for messages; never includes a password.
  virtual std::string describe() const = 0;
};

// `location` is a file path (SQLite; created when missing) or a libpq URI `postgresql://…` /
// `postgres://…` (PostgreSQL). Throws IoError naming the location when it cannot be opened.
std::unique_ptr<Backend> open_backend(const std::string& location);

std::unique_ptr<Backend> open_sqlite_backend(const std::string& path);
std::unique_ptr<Backend> open_postgres_backend(const std::string& uri);

// A transaction that rolls back unless committed (an exception leaves the workspace as before).
class Transaction {
 public:
  explicit Transaction(Backend& db) : db_(db) { db_.begin(); }
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Backend& db_;
  bool done_ = false;
};

}  // namespace csa::workspace
