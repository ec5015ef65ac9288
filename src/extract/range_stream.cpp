#include "extract/range_stream.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "core/error.hpp"
#include "extract/split_points.hpp"
#include "ingest/csv_reader.hpp"

namespace csa::extract {
namespace {

constexpr std::uint64_t kProgressRows = 1u << 16;

}  // namespace

struct RangeStream::Range {
  std::uint64_t begin = 0, end = 0;           // file offsets; begin is where a record starts
  std::deque<std::vector<Record>> chunks;     // parsed, not yet taken by the writer
  CollectedRows rows;                         // line numbers relative to the range (1 = its first line)
  std::uint64_t line_ends = 0;                // line ends read: the next range starts that many lines on
  bool busy = false, done = false, cancelled = false;
  bool open_quote_at_end = false;             // the cut at `end` was inside a quoted field
  std::uint64_t last_begin = 0;               // file offset of the range's last record
  std::int64_t last_line = 0;                 // its line, relative
};

RangeStream::RangeStream(std::string path, const Mapping& m, const offence::OffenceCodeList* codes,
                         ProgressFn progress, std::uint64_t range_bytes, unsigned threads)
    : path_(std::move(path)), m_(m), codes_(codes), progress_(std::move(progress)), range_bytes_(range_bytes),
      threads_(threads == 0 ? 1 : threads) {
  result_.path = path_;
}

RangeStream::~RangeStream() { stop(); }

void RangeStream::start() {
  if (started_) return;
  started_ = true;
  coordinator_ = std::thread([this] { coordinate(); });
  for (unsigned t = 1; t < threads_; ++t) workers_.emplace_back([this] { work(); });
}

// Reads the header, cuts the data rows into ranges, then works on ranges like the other workers.
void RangeStream::coordinate() {
  try {
    ingest::CsvReader reader(std::make_unique<ingest::FileSource>(path_), ingest::CsvReader::kDefaultChunkBytes,
                             ingest::CsvReader::kDefaultMaxRecordBytes, m_.delimiter);
    BoundColumns columns = read_header(reader, m_, path_);
    const std::uint64_t data_begin = reader.bytes_consumed();
    const std::uint64_t size = std::filesystem::file_size(path_);
    std::vector<std::uint64_t> cuts = split_points(path_, data_begin, range_bytes_);
    std::lock_guard<std::mutex> lock(mutex_);
    columns_ = std::move(columns);
    header_lines_ = static_cast<std::int64_t>(reader.line()) - 1;
    line_offset_ = header_lines_;
    std::uint64_t begin = data_begin;
    cuts.push_back(size);
    for (std::uint64_t end : cuts) {
      auto range = std::make_unique<Range>();
      range->begin = begin;
      range->end = end;
      ranges_.push_back(std::move(range));
      begin = end;
    }
    cut_ = true;
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
    cut_ = true;
  }
  ready_.notify_all();
  work_.notify_all();
  work();
}

void RangeStream::work() {
  // One mapper per worker for all its ranges: a lon/lat mapping's projector is costly to set up.
  std::unique_ptr<RowMapper> mapper;
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    // Claims ranges at most threads_ ahead of the writer's, which bounds the Records held.
    work_.wait(lock, [&] {
      return stopping_ || error_ || (cut_ && next_claim_ < ranges_.size() && next_claim_ <= current_ + threads_);
    });
    if (stopping_ || error_) return;
    Range& range = *ranges_[next_claim_++];
    range.busy = true;
    lock.unlock();
    std::exception_ptr failed;
    try {
      if (!mapper) mapper = std::make_unique<RowMapper>(m_, *columns_, codes_);
      parse(range, *mapper);
    } catch (const Cancelled&) {
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    range.busy = false;
    if (failed && !error_) error_ = failed;
    ready_.notify_all();
    work_.notify_all();
  }
}

void RangeStream::parse(Range& range, RowMapper& mapper) {
  ingest::CsvReader reader(std::make_unique<ingest::FileSource>(path_, range.begin, range.end - range.begin),
                           ingest::CsvReader::kDefaultChunkBytes, ingest::CsvReader::kDefaultMaxRecordBytes,
                           m_.delimiter);
  reader.starts_mid_file();  // EF BB BF at a line start inside the file is data, as for one reader
  RowCollector rows(mapper, kChunkRecords, [&](std::vector<Record>& chunk) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (range.cancelled || stopping_) throw Cancelled{};
    if (!chunk.empty()) {
      range.chunks.push_back(std::move(chunk));
      ready_.notify_all();
    }
    chunk.clear();
    if (!recycled_.empty()) {
      chunk = std::move(recycled_.front());
      recycled_.pop_front();
    }
  }, nullptr);  // ranges on several threads: no numbering of texts that all would agree on
  ingest::CsvRecord record;
  std::uint64_t last_begin = range.begin;
  std::int64_t last_line = 0;
  while (true) {
    const std::uint64_t at = reader.bytes_consumed();
    auto status = reader.next(record);
    if (status == ingest::CsvReader::Status::end) break;
    if (record.raw.empty() && status == ingest::CsvReader::Status::ok) continue;  // an empty line is not a row
    last_begin = range.begin + at;
    last_line = static_cast<std::int64_t>(record.line);
    rows.add(record, status, reader.error(), 0);
  }
  rows.finish();
  std::lock_guard<std::mutex> lock(mutex_);
  if (range.cancelled) return;
  range.rows = std::move(rows.rows());
  range.line_ends = reader.line() - 1;
  range.open_quote_at_end = reader.ended_inside_quotes();
  range.last_begin = last_begin;
  range.last_line = last_line;
  range.done = true;
}

bool RangeStream::next(std::vector<Record>& chunk) {
  start();
  std::unique_lock<std::mutex> lock(mutex_);
  // The chunk the writer has finished with goes back to the workers, to be overwritten.
  if (!chunk.empty() && recycled_.size() < 2 * static_cast<std::size_t>(threads_) + 2) {
    recycled_.push_back(std::move(chunk));
  }
  chunk.clear();
  while (true) {
    if (error_) {
      std::exception_ptr e = error_;
      lock.unlock();
      std::rethrow_exception(e);
    }
    if (!cut_) {
      ready_.wait(lock);
      continue;
    }
    if (current_ >= ranges_.size()) return false;
    Range& range = *ranges_[current_];
    if (!range.chunks.empty()) {
      chunk = std::move(range.chunks.front());
      range.chunks.pop_front();
      for (Record& r : chunk) r.line += line_offset_;
      std::uint64_t before = rows_handed_;
      rows_handed_ += chunk.size();
      lock.unlock();
      if (progress_ && before / kProgressRows != rows_handed_ / kProgressRows) {
        progress_({"ingest extract (rows)", path_, rows_handed_, 0});
      }
      return true;
    }
    if (range.done) {
      if (range.open_quote_at_end && current_ + 1 < ranges_.size()) fall_back(lock, current_);
      line_offset_ += static_cast<std::int64_t>(range.line_ends);
      ++current_;
      ++ranges_parsed_;
      work_.notify_all();
      continue;
    }
    ready_.wait(lock);
  }
}

// The range `bad` ended inside a quoted field, so the cut after it was not between records (a quote
// inside an unquoted field misled split_points): its last record goes on into the next range. The
// ranges after it are dropped, and the rest of the file, from that record on, becomes one range.
void RangeStream::fall_back(std::unique_lock<std::mutex>& lock, std::size_t bad) {
  const std::uint64_t size = ranges_.back()->end;
  for (std::size_t i = bad + 1; i < ranges_.size(); ++i) ranges_[i]->cancelled = true;
  work_.notify_all();
  ready_.wait(lock, [&] {
    for (std::size_t i = bad + 1; i < ranges_.size(); ++i) {
      if (ranges_[i]->busy) return false;
    }
    return true;
  });
  ranges_.erase(ranges_.begin() + static_cast<std::ptrdiff_t>(bad) + 1, ranges_.end());
  Range& range = *ranges_[bad];
  CollectedRows& rows = range.rows;
  if (rows.quarantine.empty() || rows.quarantine.back().line != range.last_line) {
    throw InternalError(fmt::format("{}: a range ended inside quotes but its last record was not quarantined", path_));
  }
  rows.quarantine.pop_back();
  --rows.rows_read;
  auto kind = rows.quarantine_reasons.find("the row is not well-formed CSV");
  if (kind != rows.quarantine_reasons.end() && --kind->second == 0) rows.quarantine_reasons.erase(kind);
  range.line_ends = static_cast<std::uint64_t>(range.last_line - 1);
  auto rest = std::make_unique<Range>();
  rest->begin = range.last_begin;
  rest->end = size;
  ranges_.push_back(std::move(rest));
  next_claim_ = bad + 1;
  work_.notify_all();
}

void RangeStream::finish(store::ExtractBatchInfo& info, std::vector<store::QuarantineRecord>& quarantine) {
  stop();
  if (error_) std::rethrow_exception(error_);
  std::int64_t offset = header_lines_;
  for (const auto& range : ranges_) {
    CollectedRows& rows = range->rows;
    for (auto& q : rows.quarantine) {
      q.line += offset;
      quarantine_.push_back(std::move(q));
    }
    for (const auto& [kind, n] : rows.quarantine_reasons) result_.quarantine_reasons[kind] += n;
    result_.rows_read += rows.rows_read;
    result_.rows_without_location += rows.rows_without_location;
    offset += static_cast<std::int64_t>(range->line_ends);
  }
  result_.rows_quarantined = static_cast<std::int64_t>(quarantine_.size());
  result_.rows_stored = result_.rows_read - result_.rows_quarantined;
  info.rows_read = result_.rows_read;
  info.rows_stored = result_.rows_stored;
  info.rows_quarantined = result_.rows_quarantined;
  quarantine = std::move(quarantine_);
}

// Stops the workers (at their next hand-over when the writer gave up early) and waits for them.
void RangeStream::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  ready_.notify_all();
  if (coordinator_.joinable()) coordinator_.join();
  for (auto& w : workers_) {
    if (w.joinable()) w.join();
  }
}

}  // namespace csa::extract
