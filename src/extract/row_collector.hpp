// The data rows of a record extract (every kind but series) as they are mapped, for one file or for
// one byte range of it (range_stream.hpp parses ranges on several threads): Records gathered into
// chunks and handed on as each fills, quarantined rows with their line, reason and raw text, and the
// counts the summary prints (read = stored + quarantined).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extract/record.hpp"
#include "extract/row_mapper.hpp"
#include "extract/text_numbering.hpp"
#include "ingest/csv_reader.hpp"
#include "store/store.hpp"

namespace csa::extract {

// Records per chunk handed from a parsing thread to the writing one: large enough that the hand-over
// costs nothing per row, small enough that the writer starts at once and that few Records are
// allocated before the writer's first chunks come back to be overwritten.
inline constexpr std::size_t kChunkRecords = 1024;

// Takes chunk's Records and leaves in it a vector to fill next: empty, or Records handed back by the
// writer, to be overwritten (their strings keep their capacity, so the rows cost no allocation).
using ChunkSink = std::function<void(std::vector<Record>& chunk)>;

struct CollectedRows {
  std::int64_t rows_read = 0, rows_stored = 0, rows_without_location = 0;
  std::vector<store::QuarantineRecord> quarantine;          // in line order
  std::map<std::string, std::int64_t> quarantine_reasons;  // reason kind -> rows
};

class RowCollector {
 public:
  // chunk_records: Records per chunk handed to sink; without a sink every Record stays in records().
  // numbering: numbers the stored records' coded texts (one per file; nullptr when the file's rows are
  // collected in ranges on several threads, whose numbers would not agree: the store then hashes).
  RowCollector(RowMapper& mapper, std::size_t chunk_records, ChunkSink sink, TextNumbering* numbering);

  // One data row as the reader gave it (not the header, not an empty line). line_offset is added to
  // the reader's line numbers, for a reader that started mid-file.
  void add(const ingest::CsvRecord& record, ingest::CsvReader::Status status, const std::string& reader_error,
           std::int64_t line_offset);
  // Hands on the last chunk (when there is a sink) or trims records() to the rows.
  void finish();

  CollectedRows& rows() { return rows_; }
  std::vector<Record>& records() { return records_; }  // without a sink, after finish()

 private:
  RowMapper& mapper_;
  std::size_t chunk_records_;
  ChunkSink sink_;
  TextNumbering* numbering_;
  std::vector<Record> records_;  // [0, used_) are rows; slots after are reused
  std::size_t used_ = 0;
  CollectedRows rows_;
};

}  // namespace csa::extract
