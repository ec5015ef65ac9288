#include "workspace/backend.hpp"

#include <cstdlib>

namespace csa::workspace {

std::int64_t Row::int64(std::size_t i) const {
  const auto& c = cols.at(i);
  return c ? std::strtoll(c->c_str(), nullptr, 10) : 0;
}

std::optional<double> Row::real(std::size_t i) const {
  const auto& c = cols.at(i);
  if (!c) return std::nullopt;
  return std::strtod(c->c_str(), nullptr);
}

std::unique_ptr<Backend> open_backend(const std::string& location) {
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return open_postgres_backend(location);
  }
  return open_sqlite_backend(location);
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.rollback();
    } catch (...) {
      // A failed rollback leaves the connection to close the transaction; nothing more to do here.
    }
  }
}

void Transaction::commit() {
  db_.commit();
  done_ = true;
}

}  // namespace csa::workspace
