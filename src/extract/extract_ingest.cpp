#include "extract/extract_ingest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/hashing_source.hpp"
#include "extract/range_stream.hpp"
#include "extract/row_collector.hpp"
#include "extract/row_mapper.hpp"

namespace csa::extract {
namespace {

constexpr std::uint64_t kProgressRows = 1u << 16;
constexpr std::size_t kChunksQueued = 8;

// Parses a file on its own thread while the store writes the chunks already parsed (one transaction).
// The parser hashes what it reads; finish() gives that hash to a file never loaded before. A file
// loaded before is hashed by the caller first, while the first chunks are parsed; an unchanged one
// stops the parser at its next hand-over, after at most kChunksQueued chunks. Files of several
// ranges on machines of more than two cores go through RangeStream instead (range_stream.hpp).
class ParsingStream final : public store::ExtractStream {
 public:
  ParsingStream(const std::string& path, const Mapping& m, const offence::OffenceCodeList* codes, const ProgressFn& progress)
      : path_(path), m_(m), codes_(codes), progress_(progress) {}
  ~ParsingStream() override { stop(); }
  ParsingStream(const ParsingStream&) = delete;
  ParsingStream& operator=(const ParsingStream&) = delete;

  bool next(std::vector<Record>& chunk) override {
    if (!thread_.joinable() && !done_) start();
    std::unique_lock<std::mutex> lock(mutex_);
    // The chunk the writer has finished with goes back to the parser, to be overwritten.
    if (!chunk.empty() && recycled_.size() < kChunksQueued) recycled_.push_back(std::move(chunk));
    chunk.clear();
    ready_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    chunk = std::move(queue_.front());
    queue_.pop_front();
    space_.notify_one();
    return true;
  }

  void finish(store::ExtractBatchInfo& info, std::vector<store::QuarantineRecord>& quarantine) override {
    stop();
    if (error_) std::rethrow_exception(error_);
    info.rows_read = parsed_.result.rows_read;
    info.rows_stored = parsed_.result.rows_stored;
    info.rows_quarantined = parsed_.result.rows_quarantined;
    if (info.content_hash.empty()) {  // a file never loaded before: the hash taken while parsing
      info.content_hash = parsed_.batch.content_hash;
      info.file_bytes = parsed_.batch.file_bytes;
    }
    quarantine = std::move(parsed_.quarantine);
  }

  ExtractFileResult& result() { return parsed_.result; }

  // Another file's parser, to start once this one has read all of its file: the next file is then
  // parsed while this one's last chunks and its commit are written, instead of after them. Exactly one
  // side starts it: this parser's thread if it finishes after this call, else this call.
  void start_when_done(ParsingStream* next) {
    bool finished = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      next_ = next;
      finished = done_ && !stopping_ && !error_;
    }
    if (finished) next->start();
  }

  // Starts the parsing thread, unless it has been started already (by the previous file's parser).
  void start() {
    if (thread_.joinable() || done_) return;
    thread_ = std::thread([this] {
      try {
        parsed_ = parse_extract_file(path_, m_, codes_, progress_, [this](std::vector<Record>& chunk) {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!chunk.empty()) {
            space_.wait(lock, [&] { return queue_.size() < kChunksQueued || stopping_; });
            if (stopping_) throw Stopped{};
            queue_.push_back(std::move(chunk));
            ready_.notify_one();
          }
          chunk.clear();
          if (!recycled_.empty()) {
            chunk = std::move(recycled_.front());
            recycled_.pop_front();
          }
        });
      } catch (const Stopped&) {
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        error_ = std::current_exception();
      }
      ParsingStream* next = nullptr;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!stopping_ && !error_) next = next_;
        done_ = true;
        ready_.notify_one();
      }
      // The writer calls the next stream's start() only once this thread has been joined (this
      // stream is destroyed first), so the two calls never race.
      if (next) next->start();
    });
  }

 private:
  // Waits for the parsing thread. When the writer gave up before the end (an error), the parser is
  // told to stop at its next hand-over.
  void stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!done_) {
        stopping_ = true;
        queue_.clear();
      }
    }
    space_.notify_all();
    thread_.join();
  }

  struct Stopped {};
  std::string path_;
  const Mapping& m_;
  const offence::OffenceCodeList* codes_;
  ProgressFn progress_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<Record>> queue_;
  std::deque<std::vector<Record>> recycled_;  // chunks the writer is done with, their Records reusable
  bool done_ = false, stopping_ = false;
  std::exception_ptr error_;
  ParsedExtract parsed_;
  ParsingStream* next_ = nullptr;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A series cell: a number, thousands separators allowed ("1,238").
std::optional<double> cell_value(std::string_view text) {
  std::string digits;
  for (char c : trim(text)) {
    if (c != ',') digits += c;
  }
  double v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::string number_text(double v) { return fmt::format("{}", v); }

// A file's size in bytes; 0 when it cannot be had (the parser then reports why it cannot be read).
std::int64_t file_size_or_zero(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<std::int64_t>(bytes);
}

// What identifies a loaded file: kind, source and base name (the content hash is added by the caller),
// and its size.
store::ExtractBatchInfo batch_identity(const std::string& path, const Mapping& m) {
  store::ExtractBatchInfo b;
  b.kind = m.kind_name();
  b.source = m.source_name;
  b.file_name = std::filesystem::path(path).filename().string();
  b.synthetic = m.synthetic;
  b.source_path = std::filesystem::absolute(path).lexically_normal().string();
  // The size now, so the store can choose how to write the file (SqliteBulkWrite); the parser's count
  // of the bytes it hashed replaces it.
  b.file_bytes = file_size_or_zero(path);
  return b;
}

// The file's content hash and size, by a read of the whole file (XXH3 reads GB/s from the page cache).
void hash_file(const std::string& path, store::ExtractBatchInfo& b) {
  ingest::HashingSource source(path);
  std::vector<char> buffer(1 << 20);
  while (source.read(buffer.data(), buffer.size()) > 0) {
  }
  b.content_hash = source.hex();
  b.file_bytes = source.bytes();
}

}  // namespace

BoundColumns read_header(ingest::CsvReader& reader, const Mapping& m, const std::string& path) {
  ingest::CsvRecord record;
  std::uint64_t records_seen = 0;
  while (true) {
    auto status = reader.next(record);
    if (status == ingest::CsvReader::Status::end) break;
    if (record.raw.empty() && status == ingest::CsvReader::Status::ok) continue;  // an empty line is not a row
    if (++records_seen < static_cast<std::uint64_t>(m.header_line)) continue;  // the preamble before the header
    if (status != ingest::CsvReader::Status::ok) {
      throw InputError(fmt::format("{}:{}: the header line cannot be read: {}", path, record.line, reader.error()));
    }
    return bind_columns(m, record.fields, path);
  }
  throw InputError(fmt::format("{}: no header: the file has {} non-empty line(s) and the mapping {} puts the header "
                               "on line {} ([format] header_row)",
                               path, records_seen, m.path, m.header_line));
}

ParsedExtract parse_extract_file(const std::string& path, const Mapping& m, const offence::OffenceCodeList* codes,
                                 const ProgressFn& progress, const RecordSink& on_records) {
  ParsedExtract parsed;
  parsed.result.path = path;
  auto source = std::make_unique<ingest::HashingSource>(path);
  ingest::HashingSource* hashing = source.get();
  ingest::CsvReader reader(std::move(source), ingest::CsvReader::kDefaultChunkBytes,
                           ingest::CsvReader::kDefaultMaxRecordBytes, m.delimiter);
  ingest::CsvRecord record;
  const std::optional<BoundColumns> columns = read_header(reader, m, path);  // optional: the series code's columns->
  std::unique_ptr<RowMapper> mapper;
  std::optional<RowCollector> collector;  // record kinds
  TextNumbering numbering;
  if (!m.is_series) {
    mapper = std::make_unique<RowMapper>(m, *columns, codes);
    collector.emplace(*mapper, kChunkRecords, on_records, &numbering);
  }
  // Series: the total row's values and the sums of the stored categories, per period.
  std::optional<std::pair<std::int64_t, std::vector<double>>> total_row;
  std::vector<double> sums(m.series.periods.size(), 0.0);

  auto quarantine = [&](const ingest::CsvRecord& rec, const std::string& kind, const std::string& reason) {
    parsed.quarantine.push_back({static_cast<std::int64_t>(rec.line), reason, std::string(rec.raw)});
    ++parsed.result.quarantine_reasons[kind];
  };

  while (true) {
    auto status = reader.next(record);
    if (status == ingest::CsvReader::Status::end) break;
    if (record.raw.empty() && status == ingest::CsvReader::Status::ok) continue;  // an empty line is not a row
    if (collector) {
      collector->add(record, status, reader.error(), 0);
      if (progress && collector->rows().rows_read % kProgressRows == 0) {
        progress({"ingest extract (rows)", path, static_cast<std::uint64_t>(collector->rows().rows_read), 0});
      }
      continue;
    }
    if (status == ingest::CsvReader::Status::malformed) {
      ++parsed.result.rows_read;
      quarantine(record, "the row is not well-formed CSV", reader.error());
      continue;
    }
    if (m.is_series) {
      std::string_view category = trim(record.fields.size() == columns->header_fields
                                           ? record.fields[columns->at(Field::category)]
                                           : std::string_view());
      if (!m.series.total_row.empty() && category == m.series.total_row) {
        if (total_row) {
          throw InputError(fmt::format("{}:{}: a second total row '{}' (the first is on line {})", path, record.line,
                                       category, total_row->first));
        }
        std::vector<double> totals;
        for (std::size_t p = 0; p < columns->period.size(); ++p) {
          auto v = cell_value(record.fields[columns->period[p]]);
          if (!v) {
            throw InputError(fmt::format("{}:{}: total row '{}', column {}: '{}' is not a number", path, record.line,
                                         category, m.series.periods[p].first, record.fields[columns->period[p]]));
          }
          totals.push_back(*v);
        }
        // A row read like any other, so read = stored + quarantined holds: stored (the tables show
        // the file's own total) after it is checked below to equal the sum of the categories.
        ++parsed.result.rows_read;
        for (std::size_t p = 0; p < totals.size(); ++p)
          parsed.values.push_back({m.series.name, std::string(category), m.series.periods[p].second, totals[p]});
        total_row.emplace(static_cast<std::int64_t>(record.line), std::move(totals));
        continue;
      }
      ++parsed.result.rows_read;
      if (record.fields.size() != columns->header_fields) {
        quarantine(record, "the row does not have as many fields as the header",
                   fmt::format("expected {} fields as in the header, found {}", columns->header_fields,
                               record.fields.size()));
        continue;
      }
      if (category.empty()) {
        quarantine(record, "the category is empty", fmt::format("the category (column '{}') is empty", m.column(Field::category)));
        continue;
      }
      std::vector<double> values;
      std::optional<std::string> bad;
      for (std::size_t p = 0; p < columns->period.size() && !bad; ++p) {
        auto v = cell_value(record.fields[columns->period[p]]);
        if (!v) {
          bad = fmt::format("'{}' for {} in column {} is not a number", record.fields[columns->period[p]], category,
                            m.series.periods[p].first);
        } else {
          values.push_back(*v);
        }
      }
      if (bad) {
        quarantine(record, "a value is not a number", *bad);
        continue;
      }
      for (std::size_t p = 0; p < values.size(); ++p) {
        parsed.values.push_back({m.series.name, std::string(category), m.series.periods[p].second, values[p]});
        sums[p] += values[p];
      }
      continue;
    }
  }
  if (m.is_series && !m.series.total_row.empty()) {
    if (!total_row) {
      throw InputError(fmt::format("{}: no total row '{}' (the mapping {} says [series] total_row = \"{}\"); remove "
                                   "the key if the file has none",
                                   path, m.series.total_row, m.path, m.series.total_row));
    }
    for (std::size_t p = 0; p < sums.size(); ++p) {
      // Values are whole numbers or short decimals: a difference above rounding noise is a real one.
      if (std::fabs(sums[p] - total_row->second[p]) > 1e-9 * std::max(1.0, std::fabs(sums[p]))) {
        throw InputError(fmt::format(
            "{}:{}: total row '{}', column {}: {} but the {} stored categories sum to {}{}; nothing of the file is "
            "stored",
            path, total_row->first, m.series.total_row, m.series.periods[p].first, number_text(total_row->second[p]),
            parsed.result.rows_read - 1 - static_cast<std::int64_t>(parsed.quarantine.size()), number_text(sums[p]),
            parsed.quarantine.empty() ? "" : fmt::format(" ({} row(s) quarantined)", parsed.quarantine.size())));
      }
    }
    parsed.result.total_check = fmt::format("total row '{}' (line {}) equals the sum of the categories in all {} period(s)",
                                            m.series.total_row, total_row->first, sums.size());
  }
  if (collector) {
    collector->finish();
    CollectedRows& rows = collector->rows();
    parsed.result.rows_read = rows.rows_read;
    parsed.result.rows_without_location = rows.rows_without_location;
    parsed.result.quarantine_reasons = std::move(rows.quarantine_reasons);
    parsed.quarantine = std::move(rows.quarantine);
    parsed.records = std::move(collector->records());
  }
  parsed.result.rows_quarantined = static_cast<std::int64_t>(parsed.quarantine.size());
  parsed.result.rows_stored = parsed.result.rows_read - parsed.result.rows_quarantined;

  store::ExtractBatchInfo& b = parsed.batch;
  b = batch_identity(path, m);
  b.content_hash = hashing->hex();
  b.file_bytes = hashing->bytes();
  b.rows_read = parsed.result.rows_read;
  b.rows_stored = parsed.result.rows_stored;
  b.rows_quarantined = parsed.result.rows_quarantined;
  return parsed;
}

unsigned ParseOptions::default_parse_threads() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 2 ? cores - 1 : 1;
}

ExtractIngestSummary ingest_extracts(store::Store& store, const std::vector<std::string>& files, const Mapping& m,
                                     const offence::OffenceCodeList* codes, const ProgressFn& progress,
                                     const ParseOptions& options) {
  ExtractIngestSummary summary;
  std::vector<store::ExtractBatchInfo> known = store.extract_batches();
  // Whether a file of this size is parsed by byte ranges on several threads (RangeStream) rather than
  // by one ParsingStream.
  auto by_ranges = [&](std::int64_t file_bytes) {
    const auto bytes = static_cast<std::uint64_t>(file_bytes);
    return options.threads > 1 && options.range_bytes > 0 && bytes / 2 >= options.range_bytes;
  };
  // The parser of files[i] when the previous file's parser was told to start it as it finished
  // (ParsingStream::start_when_done). Held out here so that it outlives that parser's thread.
  std::unique_ptr<ParsingStream> ahead;
  for (std::size_t i = 0; i < files.size(); ++i) {
    ExtractFileResult result;
    try {
      if (m.is_series) {  // a few rows: read whole, then written
        ParsedExtract parsed = parse_extract_file(files[i], m, codes, progress);
        result = std::move(parsed.result);
        result.write = store.write_series_batch(std::move(parsed.batch), parsed.values, parsed.quarantine);
      } else {
        // A file loaded before is hashed first, so an unchanged one is known before anything is
        // written; parsing starts meanwhile, and is stopped at its next hand-over when the file turns
        // out unchanged. A file never loaded before needs no such answer: its hash is taken by the
        // parser as it reads (one pass, not two, and none before the writer starts), unless its
        // ranges are read by several threads, which see no whole file to hash.
        store::ExtractBatchInfo info = batch_identity(files[i], m);
        const bool loaded_before = std::any_of(known.begin(), known.end(), [&](const store::ExtractBatchInfo& b) {
          return b.kind == info.kind && b.source == info.source && b.file_name == info.file_name;
        });
        auto write_from = [&](auto& stream, bool stream_hashes) {
          stream.start();
          if (loaded_before || !stream_hashes) hash_file(files[i], info);
          auto write = store.write_extract_stream(info, stream);
          if (write.action == store::BatchWriteResult::Action::unchanged) {
            result.path = files[i];
            result.rows_read = write.previous->rows_read;
            result.rows_stored = write.previous->rows_stored;
            result.rows_quarantined = write.previous->rows_quarantined;
          } else {
            result = std::move(stream.result());
          }
          result.write = std::move(write);
          known.push_back(std::move(info));  // the same name again later in the list is a reload
        };
        if (by_ranges(info.file_bytes)) {
          RangeStream stream(files[i], m, codes, progress, options.range_bytes, options.threads);
          write_from(stream, false);
        } else {
          std::unique_ptr<ParsingStream> stream =
              ahead ? std::move(ahead) : std::make_unique<ParsingStream>(files[i], m, codes, progress);
          if (i + 1 < files.size() && !by_ranges(file_size_or_zero(files[i + 1]))) {
            ahead = std::make_unique<ParsingStream>(files[i + 1], m, codes, progress);
            stream->start_when_done(ahead.get());
          }
          write_from(*stream, true);
        }
      }
      summary.rows_read += result.rows_read;
      summary.rows_stored += result.rows_stored;
      summary.rows_quarantined += result.rows_quarantined;
    } catch (const Error& e) {
      // The whole file failed (its header does not fit the mapping, it cannot be read, a total does not
      // add up, or the database refused the write): nothing of it is stored, and the summary says so.
      result = ExtractFileResult{};
      result.path = files[i];
      result.error = e.what();
      ++summary.files_failed;
    }
    summary.files.push_back(std::move(result));
    if (progress) progress({"ingest extract", files[i], i + 1, files.size()});
  }
  return summary;
}

}  // namespace csa::extract
