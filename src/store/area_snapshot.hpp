// The areas and their populations kept as one BLOB (table area_snapshot), so building the
// geography costs one read and a parse instead of stepping through 43,000 area rows and 35,000
// population rows and sorting them (about 40 ms, most of a district table's time). The snapshot is
// derived data: rewritten in the same transaction as any change to area or population, and made by
// migration 3 for older databases.
// Format (little-endian): uint32 count; then per area: uint8 level length + level, uint16 code
// length + code, uint16 name length + name, int32 parent row, int64 population (-1 = none).
#pragma once

#include <string>
#include <string_view>

#include "store/sqlite_handle.hpp"
#include "store/store.hpp"

namespace csa::store {

std::string encode_area_table(const AreaTable& t);
// Throws IoError when the BLOB is truncated or inconsistent (a damaged database).
AreaTable decode_area_table(std::string_view blob);

// The table from the area and population tables, areas ordered by level then code.
AreaTable read_area_table(const SqliteDb& db);
// Rewrites the snapshot from the tables; call inside the transaction that changed them.
void refresh_area_snapshot(SqliteDb& db);

}  // namespace csa::store
