#include "store/area_snapshot.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "core/error.hpp"

namespace csa::store {
namespace {

template <typename T>
void put(std::string& out, T v) {
  using U = std::make_unsigned_t<T>;
  auto u = static_cast<U>(v);
  for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((u >> (8 * i)) & 0xff));
}

template <typename Len>
void put_text(std::string& out, const std::string& s, const char* what) {
  if (s.size() > std::numeric_limits<Len>::max()) {
    throw InternalError(fmt::format("area snapshot: {} '{}…' is too long to store", what, s.substr(0, 20)));
  }
  put(out, static_cast<Len>(s.size()));
  out += s;
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    std::make_unsigned_t<T> u = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      u |= static_cast<std::make_unsigned_t<T>>(static_cast<unsigned char>(b_[pos_ + i])) << (8 * i);
    }
    pos_ += sizeof(T);
    return static_cast<T>(u);
  }
  template <typename Len>
  std::string text() {
    auto n = get<Len>();
    need(n);
    std::string s(b_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  void need(std::size_t n) const {
    if (b_.size() - pos_ < n) {
      throw IoError("the stored area snapshot is truncated; the database is damaged: load the geography again "
                    "(`csa geography load …`)");
    }
  }
  std::string_view b_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string encode_area_table(const AreaTable& t) {
  std::string out;
  out.reserve(t.size() * 40);
  put(out, static_cast<std::uint32_t>(t.size()));
  for (std::size_t i = 0; i < t.size(); ++i) {
    put_text<std::uint8_t>(out, t.level[i], "level");
    put_text<std::uint16_t>(out, t.code[i], "code");
    put_text<std::uint16_t>(out, t.name[i], "name");
    put(out, t.parent[i]);
    put(out, t.population[i]);
  }
  return out;
}

AreaTable decode_area_table(std::string_view blob) {
  Reader r(blob);
  auto n = r.get<std::uint32_t>();
  AreaTable t;
  t.code.reserve(n);
  t.name.reserve(n);
  t.level.reserve(n);
  t.parent.reserve(n);
  t.population.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    t.level.push_back(r.text<std::uint8_t>());
    t.code.push_back(r.text<std::uint16_t>());
    t.name.push_back(r.text<std::uint16_t>());
    auto parent = r.get<std::int32_t>();
    if (parent < -1 || parent >= static_cast<std::int64_t>(n)) {
      throw IoError(fmt::format("the stored area snapshot is inconsistent (area {} has parent row {} of {}); load "
                                "the geography again (`csa geography load …`)",
                                t.code.back(), parent, n));
    }
    t.parent.push_back(parent);
    t.population.push_back(r.get<std::int64_t>());
  }
  if (!r.done()) throw IoError("the stored area snapshot has trailing bytes; load the geography again");
  return t;
}

AreaTable read_area_table(const SqliteDb& db) {
  AreaTable t;
  std::vector<std::string> parent_code;
  SqliteStmt st(db, "SELECT a.code, a.name, a.level, coalesce(a.parent_code, ''), coalesce(p.population, -1) "
                    "FROM area a LEFT JOIN population p ON p.area_code = a.code ORDER BY a.level, a.code");
  while (st.step()) {
    t.code.push_back(st.text(0));
    t.name.push_back(st.text(1));
    t.level.push_back(st.text(2));
    parent_code.push_back(st.text(3));
    t.population.push_back(st.int64(4));
  }
  std::unordered_map<std::string_view, std::int32_t> row_of;
  for (std::size_t i = 0; i < t.size(); ++i) row_of.emplace(t.code[i], static_cast<std::int32_t>(i));
  for (const auto& p : parent_code) {
    auto it = p.empty() ? row_of.end() : row_of.find(p);
    t.parent.push_back(it == row_of.end() ? -1 : it->second);
  }
  return t;
}

void refresh_area_snapshot(SqliteDb& db) {
  std::string blob = encode_area_table(read_area_table(db));
  SqliteStmt st(db, "INSERT OR REPLACE INTO area_snapshot(id, areas) VALUES (1, ?)");
  st.bind_blob(1, blob.data(), static_cast<int>(blob.size())).run();
}

}  // namespace csa::store
