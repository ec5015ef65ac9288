// The PostgreSQL backend over libpq (Debian libpq-dev): one connection, parameters sent as text
// (PQexecParams), `?` placeholders numbered $1, $2, … outside quoted strings.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>

#include "core/error.hpp"
#include "workspace/backend.hpp"

namespace csa::workspace {
namespace {

// postgresql://user:secret@host/db -> postgresql://user:***@host/db, for messages.
std::string without_password(const std::string& uri) {
  auto scheme = uri.find("://");
  auto at = uri.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return uri;
  auto colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += fmt::format("${}", ++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresBackend final : public Backend {
 public:
  explicit PostgresBackend(const std::string& uri) : where_(without_password(uri)), conn_(PQconnectdb(uri.c_str()), PQfinish) {
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
      std::string msg = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
      throw IoError(fmt::format("{}: cannot connect to PostgreSQL: {}", where_, trim(msg)));
    }
    exec_script("SET client_min_messages = warning");
  }
  Dialect dialect() const override { return Dialect::postgresql; }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              values[i] = nullptr;
            } else {
              if constexpr (std::is_same_v<T, std::string>) {
                texts[i] = v;
              } else if constexpr (std::is_same_v<T, double>) {
                texts[i] = fmt::format("{}", v);
              } else {
                texts[i] = std::to_string(v);
              }
              values[i] = texts[i].c_str();
            }
          },
          params[i]);
    }
    std::string text = numbered_placeholders(sql);
    Result res(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                            nullptr, nullptr, 0),
               PQclear);
    auto status = PQresultStatus(res.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(res.get(), sql);
    std::vector<Row> rows;
    const int nr = PQntuples(res.get());
    const int nc = PQnfields(res.get());
    rows.reserve(static_cast<std::size_t>(nr));
    for (int r = 0; r < nr; ++r) {
      Row row;
      row.cols.reserve(static_cast<std::size_t>(nc));
      for (int c = 0; c < nc; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          row.cols.emplace_back(std::nullopt);
        } else {
          row.cols.emplace_back(std::string(PQgetvalue(res.get(), r, c), static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void exec_script(std::string_view sql) override {
    Result res(PQexec(conn_.get(), std::string(sql).c_str()), PQclear);
    auto status = PQresultStatus(res.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(res.get(), sql);
  }
  void begin() override { exec_script("BEGIN ISOLATION LEVEL READ COMMITTED"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() override { exec_script("ROLLBACK"); }
  std::string describe() const override { return where_; }

 private:
  using Result = std::unique_ptr<PGresult, void (*)(PGresult*)>;
  static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }
  [[noreturn]] void fail(const PGresult* res, std::string_view sql) const {
    std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_.get());
    throw IoError(fmt::format("{}: {} (while running: {})", where_, trim(msg), sql.substr(0, 120)));
  }
  std::string where_;
  std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
};

}  // namespace

std::unique_ptr<Backend> open_postgres_backend(const std::string& uri) { return std::make_unique<PostgresBackend>(uri); }

}  // namespace csa::workspace
