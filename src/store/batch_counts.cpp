#include "store/batch_counts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "core/error.hpp"

namespace csa::store {
namespace {
constexpr std::int32_t kLocatedFlag = 65536;
constexpr std::size_t kRecordBytes = 4 * sizeof(std::int32_t);

std::int32_t narrow(std::int64_t v, const char* what) {
  if (v < 0 || v > std::numeric_limits<std::int32_t>::max()) {
    throw InternalError(fmt::format("batch counts: {} {} does not fit the stored format", what, v));
  }
  return static_cast<std::int32_t>(v);
}

void put(std::string& out, std::int32_t v) {
  auto u = static_cast<std::uint32_t>(v);
  const char bytes[4] = {static_cast<char>(u & 0xff), static_cast<char>((u >> 8) & 0xff),
                         static_cast<char>((u >> 16) & 0xff), static_cast<char>((u >> 24) & 0xff)};
  out.append(bytes, 4);
}

std::int32_t get(const unsigned char* p) {
  std::uint32_t u = static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
                    (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
  return static_cast<std::int32_t>(u);
}
}  // namespace

std::size_t BatchCountAccumulator::KeyHash::operator()(const Key& k) const {
  std::uint64_t h = static_cast<std::uint32_t>(k.lsoa);
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint32_t>(k.month);
  h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint32_t>(k.type);
  return static_cast<std::size_t>(h ^ (h >> 29));
}

void BatchCountAccumulator::add(std::int64_t lsoa_id, int month, std::int64_t crime_type_id, bool located) {
  if (crime_type_id >= kLocatedFlag) throw InternalError("batch counts: more than 65535 crime types");
  Key k{narrow(lsoa_id, "LSOA id"), narrow(month, "month"),
        narrow(crime_type_id, "crime type id") + (located ? kLocatedFlag : 0)};
  ++counts_[k];
  ++total_;
}

std::string BatchCountAccumulator::encode() const {
  std::vector<std::array<std::int32_t, 4>> rows;
  rows.reserve(counts_.size());
  for (const auto& [k, n] : counts_) rows.push_back({k.lsoa, k.month, k.type, n});
  std::sort(rows.begin(), rows.end());
  std::string out;
  out.reserve(rows.size() * kRecordBytes);
  for (const auto& r : rows) {
    for (std::int32_t v : r) put(out, v);
  }
  return out;
}

std::vector<BatchCount> decode_batch_counts(std::string_view blob, std::int64_t batch_id) {
  if (blob.size() % kRecordBytes != 0) {
    throw IoError(fmt::format("batch {}: its stored counts are {} bytes, not a whole number of {}-byte records; "
                              "the database is damaged: load the batch's file again into a new --db",
                              batch_id, blob.size(), kRecordBytes));
  }
  std::vector<BatchCount> out;
  out.reserve(blob.size() / kRecordBytes);
  const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
  for (std::size_t i = 0; i < blob.size(); i += kRecordBytes, p += kRecordBytes) {
    std::int32_t type = get(p + 8);
    out.push_back({get(p), get(p + 4), type & (kLocatedFlag - 1), (type & kLocatedFlag) != 0, get(p + 12)});
  }
  return out;
}

void backfill_batch_counts(SqliteDb& db) {
  std::vector<std::array<std::int64_t, 3>> batches;  // id, first incident id, last incident id
  {
    SqliteStmt st(db, "SELECT id, coalesce(first_incident_id, 0), coalesce(last_incident_id, -1) FROM batch");
    while (st.step()) batches.push_back({st.int64(0), st.int64(1), st.int64(2)});
  }
  SqliteStmt rows(db, "SELECT coalesce(lsoa_id, 0), month, crime_type_id, lon IS NOT NULL AND lat IS NOT NULL "
                      "FROM incident WHERE id BETWEEN ?1 AND ?2");
  SqliteStmt ins(db, "INSERT OR REPLACE INTO batch_count(batch_id, counts) VALUES (?, ?)");
  for (const auto& [id, first, last] : batches) {
    BatchCountAccumulator acc;
    rows.bind(1, first).bind(2, last);
    while (rows.step()) acc.add(rows.int64(0), static_cast<int>(rows.int64(1)), rows.int64(2), rows.int64(3) != 0);
    rows.reset();
    std::string blob = acc.encode();
    ins.bind(1, id).bind_blob(2, blob.data(), static_cast<int>(blob.size())).run();
  }
}

}  // namespace csa::store
