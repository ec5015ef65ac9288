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

// Migration 4: local extracts (csa ingest extract, src/extract/). Batches keyed by (kind, source, file
// name) with a content hash, as police.uk batches are by (kind, force, month). Records of one batch get
// consecutive ids [first_record_id, last_record_id], as incidents do. IF NOT EXISTS: a database whose
// version was set back (tests of the earlier migrations) may hold these already. Repeated text (offence codes,
// descriptions, sub-types, LSOA and ward codes) is kept once in extract_text.
constexpr std::string_view kMigration4 = R"sql(
CREATE TABLE IF NOT EXISTS extract_batch(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                   -- crime | asb | da-incident | fire | ed-attendance | ambulance | series
  source TEXT NOT NULL,                 -- the mapping's [source] name
  file_name TEXT NOT NULL,              -- base name of the loaded file
  synthetic INTEGER NOT NULL,           -- 1: made by csa synth extract (the mapping says so)
  source_path TEXT NOT NULL,
  content_hash TEXT NOT NULL,           -- XXH3-64 of the file bytes
  file_bytes INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_stored INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  first_record_id INTEGER,
  last_record_id INTEGER,
  loaded_at TEXT NOT NULL,
  UNIQUE(kind, source, file_name),
  CHECK(rows_read = rows_stored + rows_quarantined)
);
CREATE TABLE IF NOT EXISTS extract_text(id INTEGER PRIMARY KEY, text TEXT NOT NULL);  -- unique, kept so by the store
CREATE TABLE IF NOT EXISTS extract_record(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  line INTEGER NOT NULL,                -- physical line in the source file
  reference TEXT,
  code_id INTEGER,                      -- extract_text.id; NULL when empty (likewise the other *_id)
  description_id INTEGER,
  subtype_id INTEGER,
  start_day INTEGER, start_minute INTEGER,        -- days since 1970-01-01, minutes after midnight
  recorded_day INTEGER, recorded_minute INTEGER,
  markers INTEGER NOT NULL,             -- extract::Marker bits
  hate_strands INTEGER NOT NULL,        -- extract::HateStrand bits
  risk INTEGER NOT NULL,                -- extract::Risk
  crimed INTEGER,                       -- 1, 0, NULL when not said
  easting REAL, northing REAL,          -- British National Grid metres
  lsoa_id INTEGER, ward_id INTEGER,
  victim_age INTEGER, victim_sex INTEGER NOT NULL,  -- extract::Sex
  offender_age INTEGER, offender_sex INTEGER NOT NULL,
  victim_id TEXT, offender_id TEXT, free_text TEXT
);
CREATE TABLE IF NOT EXISTS extract_quarantine(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  source_path TEXT NOT NULL,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS extract_quarantine_batch ON extract_quarantine(batch_id);
CREATE TABLE IF NOT EXISTS series_value(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  series TEXT NOT NULL,
  category TEXT NOT NULL,
  period TEXT NOT NULL,
  value REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS series_value_batch ON series_value(batch_id);
-- For analysts who query the file directly: extract records with their text and dates decoded.
CREATE VIEW IF NOT EXISTS extract_record_v AS
SELECT r.id, b.kind, b.source, b.file_name, b.synthetic, r.line, r.reference, c.text AS code,
       d.text AS description, s.text AS subtype,
       date(r.start_day * 86400, 'unixepoch') AS start_date, r.start_minute,
       date(r.recorded_day * 86400, 'unixepoch') AS recorded_date, r.recorded_minute,
       r.markers, r.hate_strands, r.risk, r.crimed, r.easting, r.northing, l.text AS lsoa_code, w.text AS ward_code,
       r.victim_age, r.victim_sex, r.offender_age, r.offender_sex, r.victim_id, r.offender_id, r.free_text
FROM extract_record r
JOIN extract_batch b ON b.id = r.batch_id
LEFT JOIN extract_text c ON c.id = r.code_id
LEFT JOIN extract_text d ON d.id = r.description_id
LEFT JOIN extract_text s ON s.id = r.subtype_id
LEFT JOIN extract_text l ON l.id = r.lsoa_id
LEFT JOIN extract_text w ON w.id = r.ward_id;
)sql";

// Migration 5: extract records in a narrower row (store/extract_record_layout.hpp says why and which
// bits): the small coded fields in one `attributes` integer, each date and time as one count of
// minutes. Records loaded before are copied across by pack_extract_records() below; the view keeps the
// columns it had, so analysts' queries of extract_record_v read as before.
constexpr std::string_view kMigration5 = R"sql(
DROP VIEW IF EXISTS extract_record_v;
CREATE TABLE IF NOT EXISTS extract_record_packed(
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  line INTEGER NOT NULL,                -- physical line in the source file
  reference TEXT,
  code_id INTEGER,                      -- extract_text.id; NULL when empty (likewise the other *_id)
  description_id INTEGER,
  subtype_id INTEGER,
  start_at INTEGER,                     -- minutes since 1970-01-01 00:00; NULL when no date
  recorded_at INTEGER,
  attributes INTEGER NOT NULL,          -- ages, sexes, risk, crimed, markers, strands: extract_record_layout.hpp
  easting REAL, northing REAL,          -- British National Grid metres
  lsoa_id INTEGER, ward_id INTEGER,
  victim_id TEXT, offender_id TEXT, free_text TEXT
);
)sql";

// Copies records of the migration-4 layout into the packed table (bits as extract_record_layout.hpp;
// store_extract_layout_test.cpp checks a copied record reads back unchanged).
constexpr std::string_view kCopyUnpackedRecords = R"sql(
INSERT INTO extract_record_packed
SELECT id, batch_id, line, reference, code_id, description_id, subtype_id,
       start_day * 1440 + coalesce(start_minute, 0), recorded_day * 1440 + coalesce(recorded_minute, 0),
       (coalesce(victim_age, -1) + 1) | ((coalesce(offender_age, -1) + 1) << 8) | (victim_sex << 16) |
       (offender_sex << 18) | (risk << 20) | ((coalesce(crimed, -1) + 1) << 23) |
       ((start_day IS NOT NULL AND start_minute IS NULL) << 25) |
       ((recorded_day IS NOT NULL AND recorded_minute IS NULL) << 26) | (markers << 27) | (hate_strands << 36),
       easting, northing, lsoa_id, ward_id, victim_id, offender_id, free_text
FROM extract_record;
)sql";

// For analysts who query the file directly: extract records with their text, dates and coded fields
// decoded, under the column names of migration 4.
constexpr std::string_view kExtractRecordView = R"sql(
CREATE VIEW extract_record_v AS
SELECT r.id, b.kind, b.source, b.file_name, b.synthetic, r.line, r.reference, c.text AS code,
       d.text AS description, s.text AS subtype,
       date((r.start_at - ((r.start_at % 1440) + 1440) % 1440) * 60, 'unixepoch') AS start_date,
       CASE WHEN r.start_at IS NULL OR (r.attributes >> 25) & 1 THEN NULL
            ELSE ((r.start_at % 1440) + 1440) % 1440 END AS start_minute,
       date((r.recorded_at - ((r.recorded_at % 1440) + 1440) % 1440) * 60, 'unixepoch') AS recorded_date,
       CASE WHEN r.recorded_at IS NULL OR (r.attributes >> 26) & 1 THEN NULL
            ELSE ((r.recorded_at % 1440) + 1440) % 1440 END AS recorded_minute,
       (r.attributes >> 27) & 511 AS markers, (r.attributes >> 36) & 31 AS hate_strands,
       (r.attributes >> 20) & 7 AS risk, nullif((r.attributes >> 23) & 3, 0) - 1 AS crimed,
       r.easting, r.northing, l.text AS lsoa_code, w.text AS ward_code,
       nullif(r.attributes & 255, 0) - 1 AS victim_age, (r.attributes >> 16) & 3 AS victim_sex,
       nullif((r.attributes >> 8) & 255, 0) - 1 AS offender_age, (r.attributes >> 18) & 3 AS offender_sex,
       r.victim_id, r.offender_id, r.free_text
FROM extract_record r
JOIN extract_batch b ON b.id = r.batch_id
LEFT JOIN extract_text c ON c.id = r.code_id
LEFT JOIN extract_text d ON d.id = r.description_id
LEFT JOIN extract_text s ON s.id = r.subtype_id
LEFT JOIN extract_text l ON l.id = r.lsoa_id
LEFT JOIN extract_text w ON w.id = r.ward_id;
)sql";

constexpr std::array<std::string_view, 5> kMigrations = {kMigration1, kMigration2, kMigration3, kMigration4,
                                                         kMigration5};

bool has_column(SqliteDb& db, std::string_view table, std::string_view column) {
  SqliteStmt st(db, fmt::format("SELECT 1 FROM pragma_table_info('{}') WHERE name = ?", table));
  st.bind(1, column);
  return st.step();
}

// Migration 5's copy. A database whose version was set back (tests of earlier migrations) already has
// the packed table under the final name: then there is nothing to copy.
void pack_extract_records(SqliteDb& db) {
  if (has_column(db, "extract_record", "start_day")) {
    db.exec(std::string(kCopyUnpackedRecords));
    db.exec("DROP TABLE extract_record");
    db.exec("ALTER TABLE extract_record_packed RENAME TO extract_record");
  } else {
    db.exec("DROP TABLE extract_record_packed");
  }
  db.exec(std::string(kExtractRecordView));
}

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
    if (v + 1 == 5) pack_extract_records(db);
  }
  db.exec(fmt::format("PRAGMA user_version = {}", latest_schema_version()));
  tx.commit();
  return latest_schema_version();
}

}  // namespace csa::store
