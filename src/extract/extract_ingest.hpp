// csa ingest extract: local extract files through a mapping into the store. As the police.uk ingest:
// every row read is stored or quarantined with file, line and reason; each file is one transaction;
// the same file again changes nothing; a changed file replaces its older release.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "extract/mapping.hpp"
#include "offence/offence_codes.hpp"
#include "extract/record.hpp"
#include "extract/row_collector.hpp"
#include "ingest/csv_reader.hpp"
#include "store/store.hpp"

namespace csa::extract {

struct ExtractFileResult {
  std::string path;
  std::int64_t rows_read = 0, rows_stored = 0, rows_quarantined = 0;
  std::int64_t rows_without_location = 0;  // stored with no coordinates, LSOA or ward
  std::map<std::string, std::int64_t> quarantine_reasons;  // reason kind -> rows
  std::string total_check;  // series: what the total row check found; empty when there is none
  std::optional<store::ExtractWriteResult> write;  // absent when the whole file failed
  std::string error;                               // why the whole file failed
};

struct ExtractIngestSummary {
  std::vector<ExtractFileResult> files;
  std::int64_t rows_read = 0, rows_stored = 0, rows_quarantined = 0;
  int files_failed = 0;
};

// One file parsed completely, before any store access.
struct ParsedExtract {
  ExtractFileResult result;
  store::ExtractBatchInfo batch;
  std::vector<Record> records;        // record kinds
  std::vector<SeriesValue> values;    // series
  std::vector<store::QuarantineRecord> quarantine;
};

// Reads a file's records up to and including its header (empty lines and the mapping's preamble
// skipped) and binds the mapping's columns to it. InputError when there is no header or it lacks a column.
BoundColumns read_header(ingest::CsvReader& reader, const Mapping& m, const std::string& path);

// codes: the Home Office list, required when the mapping is a crime mapping. With on_records, the
// records are handed over in chunks as they are read (and the result's records stay empty): the sink
// takes chunk's records and leaves in it a vector to fill next (empty, or Records to be overwritten).
using RecordSink = ChunkSink;
ParsedExtract parse_extract_file(const std::string& path, const Mapping& mapping, const offence::OffenceCodeList* codes,
                                 const ProgressFn& progress = {}, const RecordSink& on_records = {});

// How a record file is parsed: a file of at least two ranges of range_bytes is cut into ranges
// parsed by `threads` workers at the same time (range_stream.hpp) when threads > 1; any other by one
// parsing thread. Either way the store gets the same rows, lines and quarantine. The default leaves
// one core to the store's writer, which is the slower side (docs/BENCHMARKS.md §10): on two cores,
// two parsers beside the writer were no faster than one.
struct ParseOptions {
  std::uint64_t range_bytes = std::uint64_t{8} << 20;
  unsigned threads = default_parse_threads();
  static unsigned default_parse_threads();  // the cores less one, at least 1
};

ExtractIngestSummary ingest_extracts(store::Store& store, const std::vector<std::string>& files,
                                     const Mapping& mapping, const offence::OffenceCodeList* codes,
                                     const ProgressFn& progress, const ParseOptions& options = {});

}  // namespace csa::extract
