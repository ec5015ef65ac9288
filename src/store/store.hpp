// The store: where ingested batches, incidents, quarantined rows and geography live.
// An interface, so a PostgreSQL backend can sit beside the embedded SQLite one (sqlite_store.hpp);
// the engine above this line never sees SQL. Every write of one source file is one transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/record.hpp"

namespace csa::store {

// One police.uk street file (or any source file) as loaded: the unit of idempotence and replacement.
struct BatchKey {
  std::string kind;   // "police-uk-street"
  std::string force;  // force slug from the file name, e.g. "cambridgeshire"
  int month = 0;      // YYYYMM
  bool operator==(const BatchKey&) const = default;
};

struct BatchInfo {
  std::int64_t id = 0;
  BatchKey key;
  std::string source_path;
  std::string content_hash;  // XXH3-64 of the file's bytes, hex
  std::int64_t file_bytes = 0;
  std::int64_t rows_read = 0;
  std::int64_t rows_stored = 0;
  std::int64_t rows_quarantined = 0;
  std::string loaded_at;  // UTC, ISO 8601
};

// One incident ready to store. Text fields are views into memory the caller keeps alive until
// write_batch returns (the parser's per-file string pool), so a row costs no allocation; the store
// keeps each distinct text once, in dictionary tables.
struct IncidentRecord {
  std::int64_t line = 0;            // physical line in the source file
  std::string_view crime_id;        // police.uk 64-hex id; empty for ASB and some forces (BTP)
  int month = 0;                    // YYYYMM
  std::string_view reported_by;
  std::string_view falls_within;
  std::optional<double> lon;        // WGS84 degrees; absent when police.uk gives no location
  std::optional<double> lat;
  std::string_view location;
  std::string_view lsoa_code;       // empty when none
  std::string_view lsoa_name;
  std::string_view crime_type;      // police.uk crime type, validated against the taxonomy at ingest
  std::string_view outcome;         // "Last outcome category", may be empty
  std::string_view context;
};

struct QuarantineRecord {
  std::int64_t line = 0;
  std::string reason;
  std::string raw;
};

// What writing a batch did, for the ingest summary.
struct BatchWriteResult {
  enum class Action { loaded, unchanged, replaced };
  Action action = Action::loaded;
  std::int64_t batch_id = 0;
  std::optional<BatchInfo> previous;   // the release this one replaced, or the identical one kept
  std::int64_t outcomes_updated = 0;   // crimes whose last outcome changed (matched by Crime ID)
  std::int64_t crimes_added = 0;       // Crime IDs new in this release
  std::int64_t crimes_removed = 0;     // Crime IDs of the old release absent from this one
};

// Geography, as loaded from ONS lookups, population files and boundaries.
struct AreaRecord {
  std::string code;
  std::string name;
  std::string level;        // "lsoa", "ward", "lad", "county"
  std::string parent_code;  // the next level up in the loaded lookup; empty at the top
};

// Every loaded area with its parent (as a row index) and, for LSOAs, its population: what
// dataset::Geography is built from by every command. The SQLite store keeps it ready-made as one
// BLOB (store/area_snapshot.hpp), rewritten whenever areas or population are replaced.
struct AreaTable {
  std::vector<std::string> code, name, level;  // level: "lsoa", "ward", "lad", "county"
  std::vector<std::int32_t> parent;            // row of the parent area, -1 at the top or when unknown
  std::vector<std::int64_t> population;        // residents, -1 when no population row was loaded
  std::size_t size() const { return code.size(); }
};

struct PopulationRecord {
  std::string area_code;  // LSOA code
  std::int64_t population = 0;
};

struct BoundaryRecord {
  std::string level;  // "ward", "lsoa", "lad", ...
  std::string code;
  std::string name;
  std::string wkb;    // WGS84 longitude/latitude
};

struct GeographySource {
  std::string kind;    // "lookup", "counties", "population", "boundaries:ward", ...
  std::string path;
  std::string label;   // e.g. the population's source and year, shown beside every rate
  std::int64_t rows_read = 0;
  std::int64_t rows_kept = 0;
  std::int64_t rows_rejected = 0;
  std::string loaded_at;
};

// Columns the dataset stage reads: one call per row, already decoded from the dictionaries.
struct IncidentView {
  std::int64_t batch_id;
  int month;                  // YYYYMM
  const std::string* crime_type;
  const std::string* lsoa_code;  // empty when none
  const std::string* outcome;
  std::optional<double> lon, lat;
};

// Incidents counted by batch × month × LSOA × crime type × whether located: all an LSOA best-fit
// table needs, far cheaper to read than every incident (store/batch_counts.hpp).
struct IncidentCountView {
  std::int64_t batch_id;
  int month;                     // YYYYMM
  const std::string* crime_type;
  const std::string* lsoa_code;  // empty when none
  bool located;                  // the incidents have coordinates
  std::int64_t count;
};

struct QuarantineSummary {
  std::string file;
  std::string reason;
  std::int64_t rows;
};

// One local extract file as loaded (csa ingest extract): the unit of idempotence and replacement is
// (kind, source, file name): the same file name from the same source is a newer release of it.
struct ExtractBatchInfo {
  std::int64_t id = 0;
  std::string kind;        // extract::dataset_kind_name, or "series"
  std::string source;      // the mapping's [source] name
  std::string file_name;   // base name of the file
  bool synthetic = false;
  std::string source_path;
  std::string content_hash;  // XXH3-64 of the file's bytes, hex
  std::int64_t file_bytes = 0;
  std::int64_t rows_read = 0, rows_stored = 0, rows_quarantined = 0;
  std::string loaded_at;
};

struct ExtractWriteResult {
  BatchWriteResult::Action action = BatchWriteResult::Action::loaded;
  std::int64_t batch_id = 0;
  std::optional<ExtractBatchInfo> previous;  // the release replaced, or the identical one kept
};

// Records handed to the store in chunks while they are still being read, so parsing and writing
// overlap (extract::ingest_extracts). next() is called until it returns false; then finish() gives the
// batch's counts and quarantined rows. Neither is called when the file is unchanged.
class ExtractStream {
 public:
  virtual ~ExtractStream() = default;
  virtual bool next(std::vector<extract::Record>& chunk) = 0;  // chunk is cleared and refilled
  virtual void finish(ExtractBatchInfo& info, std::vector<QuarantineRecord>& quarantine) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual int schema_version() const = 0;
  virtual std::string describe() const = 0;  // e.g. "SQLite file cambs.db"

  // Batches -----------------------------------------------------------------
  virtual std::optional<BatchInfo> find_batch(const BatchKey& key) const = 0;
  virtual std::vector<BatchInfo> batches() const = 0;
  // Writes a batch atomically: a new key is loaded; an identical hash changes nothing; a different
  // hash replaces the older release (incidents and quarantine) in the same transaction.
  virtual BatchWriteResult write_batch(BatchInfo info, const std::vector<IncidentRecord>& incidents,
                                       const std::vector<QuarantineRecord>& quarantine) = 0;
  virtual std::vector<QuarantineSummary> quarantine_summary() const = 0;
  virtual std::vector<QuarantineRecord> quarantine_rows(const std::string& file, std::int64_t limit) const = 0;

  // Incidents, streamed to the dataset stage (months inclusive, YYYYMM; 0 = unbounded).
  virtual void scan_incidents(int first_month, int last_month,
                              const std::function<void(const IncidentView&)>& sink) const = 0;
  virtual void scan_incident_counts(const std::function<void(const IncidentCountView&)>& sink) const = 0;
  virtual std::int64_t incident_count() const = 0;

  // Geography ------------------------------------------------------------------
  // Each replaces what was loaded before at the same levels/kind, in one transaction.
  virtual void replace_areas(const std::vector<std::string>& levels, const std::vector<AreaRecord>& areas,
                             const GeographySource& source) = 0;
  virtual void replace_population(const std::vector<PopulationRecord>& rows, const GeographySource& source) = 0;
  virtual void replace_boundaries(const std::string& level, const std::vector<BoundaryRecord>& rows,
                                  const GeographySource& source) = 0;
  virtual std::vector<AreaRecord> areas() const = 0;
  virtual AreaTable area_table() const = 0;
  virtual std::vector<PopulationRecord> population() const = 0;
  virtual std::vector<BoundaryRecord> boundaries(const std::string& level) const = 0;
  virtual std::vector<GeographySource> geography_sources() const = 0;

  // Local extracts (src/extract/) ------------------------------------------------
  // As write_batch: same hash -> unchanged; different hash -> the older release replaced, one
  // transaction. Records of a series batch are its values (info.kind == "series").
  virtual ExtractWriteResult write_extract_batch(ExtractBatchInfo info, const std::vector<extract::Record>& records,
                                                 const std::vector<QuarantineRecord>& quarantine) = 0;
  // The same, with the records streamed: its counts come from finish(), and so does the content hash
  // when info has none (a file not loaded before, hashed as it is read).
  virtual ExtractWriteResult write_extract_stream(ExtractBatchInfo info, ExtractStream& stream) = 0;
  virtual ExtractWriteResult write_series_batch(ExtractBatchInfo info, const std::vector<extract::SeriesValue>& values,
                                                const std::vector<QuarantineRecord>& quarantine) = 0;
  virtual std::vector<ExtractBatchInfo> extract_batches() const = 0;  // by kind, source, file name
  // Every record of the batches of one kind, in batch id then line order; batch_id says which.
  virtual void scan_extract_records(std::string_view kind,
                                    const std::function<void(std::int64_t batch_id, extract::Record&&)>& sink) const = 0;
  virtual std::vector<extract::SeriesValue> series_values(std::string_view series) const = 0;  // load order
  virtual std::vector<std::string> series_names() const = 0;
};

// Opens (creating if needed) and migrates an embedded SQLite store.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace csa::store
