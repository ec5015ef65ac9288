#include "store/sqlite_migrations.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "core/error.hpp"
#include "store/area_snapshot.hpp"
#include "store/batch_counts.hpp"

namespace csa::store {
namespace {

// Migration 1: batches, incidents with their dictionaries, quarantine, geography.
// Incidents of one batch get consecutive ids [first_incident_id, last_incident_id], so replacing a
// release deletes a primary-key range and the hot insert path needs no secondary index.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE batch(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  force TEXT NOT NULL,
  month INTEGER NOT NULL,               -- YYYYMM
  source_path TEXT NOT NULL,
  content_hash TEXT NOT NULL,           -- XXH3-64 of the file bytes
  file_bytes INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_stored INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  first_incident_id INTEGER,
  last_incident_id INTEGER,
  loaded_at TEXT NOT NULL,
  UNIQUE(kind, force, month),
  CHECK(rows_read = rows_stored + rows_quarantined)
);
CREATE TABLE ingest_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  source_path TEXT NOT NULL,
  action TEXT NOT NULL,                 -- loaded | unchanged | replaced
  batch_id INTEGER,
  rows_read INTEGER, rows_stored INTEGER, rows_quarantined INTEGER,
  note TEXT
);
CREATE TABLE force_name(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE crime_type(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE outcome(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
-- Location names are unique too, but kept so by the store (it resolves names in memory, under the
-- write lock, re-reading the table when another connection has written): no index, so the tens of
-- thousands of new names in a national month cost an append each, not a B-tree insert.
CREATE TABLE location(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE lsoa_ref(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE incident(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  line INTEGER NOT NULL,                -- physical line in the source file
  crime_id BLOB,                        -- 32 bytes for a 64-hex police.uk id, text otherwise, NULL if none
  month INTEGER NOT NULL,               -- YYYYMM
  reported_by INTEGER NOT NULL,         -- force_name.id
  falls_within INTEGER NOT NULL,        -- force_name.id
  lon REAL, lat REAL,                   -- WGS84; NULL when the row has no location
  location_id INTEGER,
  lsoa_id INTEGER,                      -- lsoa_ref.id; NULL when the row has no LSOA
  crime_type_id INTEGER NOT NULL,
  outcome_id INTEGER,
  context TEXT
);
CREATE TABLE quarantine(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  source_path TEXT NOT NULL,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX quarantine_batch ON quarantine(batch_id);
CREATE TABLE area(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,                  -- lsoa | ward | lad | county
  parent_code TEXT
);
CREATE INDEX area_level ON area(level);
CREATE TABLE population(
  area_code TEXT PRIMARY KEY,
  population INTEGER NOT NULL CHECK(population >= 0)
);
CREATE TABLE boundary(
  level TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  wkb BLOB NOT NULL,                    -- WGS84 longitude/latitude
  PRIMARY KEY(level, code)
);
CREATE TABLE geography_source(
  kind TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  label TEXT NOT NULL,
  rows_read INTEGER NOT NULL, rows_kept INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
  loaded_at TEXT NOT NULL
);
-- For analysts who query the file directly: incidents with their dictionaries decoded.
CREATE VIEW incident_v AS
SELECT i.id, b.source_path, i.line, lower(hex(i.crime_id)) AS crime_id,
       printf('%04d-%02d', i.month / 100, i.month % 100) AS month,
       rf.name AS reported_by, fw.name AS falls_within, i.lon, i.lat, l.name AS location,
       r.code AS lsoa_code, r.name AS lsoa_name, ct.name AS crime_type, o.name AS outcome, i.context
FROM incident i
JOIN batch b ON b.id = i.batch_id
JOIN force_name rf ON rf.id = i.reported_by
JOIN force_name fw ON fw.id = i.falls_within
JOIN crime_type ct ON ct.id = i.crime_type_id
LEFT JOIN location l ON l.id = i.location_id
LEFT JOIN lsoa_ref r ON r.id = i.lsoa_id
LEFT JOIN outcome o ON o.id = i.outcome_id;
)sql";

// Migration 2: each batch's incidents counted by LSOA × month × crime type (store/batch_counts.hpp),
// filled in from the incident rows of databases loaded before it.
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE batch_count(
  batch_id INTEGER PRIMARY KEY,         -- batch.id; written and deleted with its batch
  counts BLOB NOT NULL                  -- int32 records: lsoa_ref.id, YYYYMM, crime_type.id (+65536 if located), count
);
)sql";

// Migration 3: the areas and their populations as one ready-made BLOB (store/area_snapshot.hpp).
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE area_snapshot(
  id INTEGER PRIMARY KEY CHECK(id = 1),
  areas BLOB NOT NULL                   -- derived from area and population; rewritten with them
);
)sql";

constexpr std::array<std::string_view, 3> kMigrations = {kMigration1, kMigration2, kMigration3};

int read_version(SqliteDb& db) {
  SqliteStmt st(db, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.int64(0));
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

int migrate(SqliteDb& db) {
  int version = read_version(db);
  if (version > latest_schema_version()) {
    throw IoError(fmt::format(
        "{}: database schema version {} is newer than this csa understands ({}); upgrade csa or use a new --db",
        db.path(), version, latest_schema_version()));
  }
  if (version == latest_schema_version()) return version;
  SqliteTransaction tx(db);
  for (int v = version; v < latest_schema_version(); ++v) {
    db.exec(std::string(kMigrations[static_cast<std::size_t>(v)]));
    // Derived tables are filled in from what is already loaded.
    if (v + 1 == 2) backfill_batch_counts(db);
    if (v + 1 == 3) refresh_area_snapshot(db);
  }
  db.exec(fmt::format("PRAGMA user_version = {}", latest_schema_version()));
  tx.commit();
  return latest_schema_version();
}

}  // namespace csa::store
