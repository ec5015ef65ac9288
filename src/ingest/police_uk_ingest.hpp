// police.uk street-level ingest: parse files in parallel, write each one to the store in its own
// transaction, in file order. Every row read is either stored or quarantined with its reason.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "core/text_pool.hpp"
#include "store/store.hpp"

namespace csa::ingest {

struct FileIngestResult {
  std::string path;
  store::BatchKey key;
  std::int64_t rows_read = 0;
  std::int64_t rows_stored = 0;
  std::int64_t rows_quarantined = 0;
  std::int64_t rows_without_location = 0;  // stored, but cannot be placed on a map or in an area
  std::int64_t rows_without_lsoa = 0;
  std::int64_t rows_sharing_crime_id = 0;  // stored rows whose Crime ID an earlier row of the file has
  std::map<std::string, std::int64_t> quarantine_reasons;  // reason kind -> rows
  std::optional<store::BatchWriteResult> write;            // absent when the whole file failed
  std::string error;                                       // why the whole file failed, if it did
};

struct IngestOptions {
  int parser_threads = 0;  // 0 = one fewer than the cores, at least one
};

struct IngestSummary {
  std::vector<FileIngestResult> files;
  std::int64_t rows_read = 0, rows_stored = 0, rows_quarantined = 0;
  int files_failed = 0;
};

// Parses one file completely (no store access): safe to run on many threads at once.
struct ParsedFile {
  FileIngestResult result;
  store::BatchInfo batch;
  TextPool texts;  // owns the text the incidents' views point to (each repeated value kept once)
  std::vector<store::IncidentRecord> incidents;
  std::vector<store::QuarantineRecord> quarantine;
};
ParsedFile parse_police_uk_file(const std::string& path);

// Batch key from a police.uk file name "2025-03-cambridgeshire-street.csv" (month 202503, force
// "cambridgeshire"); nullopt when the name does not follow that pattern.
std::optional<store::BatchKey> batch_key_from_file_name(const std::string& path);

IngestSummary ingest_police_uk(store::Store& store, const std::vector<std::string>& files,
                               const IngestOptions& options, const ProgressFn& progress);

}  // namespace csa::ingest
