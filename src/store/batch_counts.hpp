// Each stored batch's incidents counted by LSOA × month × crime type × whether located, kept as one
// packed BLOB per batch (table batch_count), written in the batch's own transaction.
// Why: tables placed by the ONS best-fit LSOA lookup (the default) need only these counts, not the
// incidents. Reading ~60,000 count records out of 24 BLOBs takes about a millisecond; stepping
// through 168,000 incident rows took 60 ms, most of a district table's time.
// Format (little-endian): records of four int32s: lsoa_ref.id (0 when the row has no LSOA), month
// YYYYMM, crime_type.id + 65536 when the row has coordinates, count. Sorted, so equal data gives
// equal bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sqlite_handle.hpp"

namespace csa::store {

struct BatchCount {
  std::int64_t lsoa_id = 0;  // 0: no LSOA
  int month = 0;             // YYYYMM
  std::int64_t crime_type_id = 0;
  bool located = false;
  std::int64_t count = 0;
};

class BatchCountAccumulator {
 public:
  void add(std::int64_t lsoa_id, int month, std::int64_t crime_type_id, bool located);
  std::string encode() const;
  std::int64_t total() const { return total_; }

 private:
  struct Key {
    std::int32_t lsoa, month, type;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  std::unordered_map<Key, std::int32_t, KeyHash> counts_;
  std::int64_t total_ = 0;
};

// Throws IoError when the BLOB is not a whole number of records (a damaged or foreign database).
std::vector<BatchCount> decode_batch_counts(std::string_view blob, std::int64_t batch_id);

// Writes batch_count for every batch from its incident rows: migration 2, for databases loaded
// before the table existed.
void backfill_batch_counts(SqliteDb& db);

}  // namespace csa::store
