// The SQLite schema as an ordered list of migrations. PRAGMA user_version records how many have run;
// opening a store applies the missing ones in one transaction. Never edit a released migration:
// append a new one. A database newer than this csa is refused with a clear message.
#pragma once

#include "store/sqlite_handle.hpp"

namespace csa::store {

int latest_schema_version();
// Returns the version after migrating.
int migrate(SqliteDb& db);

}  // namespace csa::store
