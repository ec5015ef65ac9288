#include "extract/row_collector.hpp"

namespace csa::extract {

RowCollector::RowCollector(RowMapper& mapper, std::size_t chunk_records, ChunkSink sink, TextNumbering* numbering)
    : mapper_(mapper), chunk_records_(chunk_records), sink_(std::move(sink)), numbering_(numbering) {
  if (sink_) sink_(records_);  // a recycled chunk to fill, when there is one
}

void RowCollector::add(const ingest::CsvRecord& record, ingest::CsvReader::Status status,
                       const std::string& reader_error, std::int64_t line_offset) {
  ++rows_.rows_read;
  const std::int64_t line = static_cast<std::int64_t>(record.line) + line_offset;
  auto quarantine = [&](const std::string& kind, const std::string& reason) {
    rows_.quarantine.push_back({line, reason, std::string(record.raw)});
    ++rows_.quarantine_reasons[kind];
  };
  if (status == ingest::CsvReader::Status::malformed) {
    quarantine("the row is not well-formed CSV", reader_error);
    return;
  }
  // Rows are mapped into the chunk's slots in place: a slot handed back by the writer keeps its
  // strings' capacity, so a row costs no allocation here and no free on the writer's thread.
  if (used_ == records_.size()) records_.emplace_back();
  Record& row = records_[used_];
  if (auto rejected = mapper_.map(record.fields, row)) {
    quarantine(rejected->kind, rejected->reason);
    return;
  }
  row.line = line;
  if (numbering_) numbering_->number(row);
  else row.text_keys.fill(kNoTextKey);  // a recycled Record may carry another file's numbers
  ++rows_.rows_stored;
  if (!row.located() && row.lsoa_code.empty() && row.ward_code.empty()) ++rows_.rows_without_location;
  if (++used_ == chunk_records_ && sink_) {
    records_.resize(used_);
    sink_(records_);
    used_ = 0;
  }
}

void RowCollector::finish() {
  records_.resize(used_);
  if (sink_) {
    if (!records_.empty()) sink_(records_);
    records_ = {};
    used_ = 0;
  }
}

}  // namespace csa::extract
