// A large record extract parsed on several threads: its data rows cut into byte ranges
// (split_points.hpp), each range read and mapped by a worker, and the Records handed to the store's
// writer in file order with their file line numbers, so what is stored (and the quarantine, with
// file:line) is what one thread reading the file from the start would give. (One exception: around
// a record longer than CsvReader's 1 MiB limit, where even one reader's result depends on how its
// reads fall.) The police.uk ingest gets its parallelism from many files; an extract is often one
// large file.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/progress.hpp"
#include "extract/extract_ingest.hpp"
#include "extract/mapping.hpp"
#include "extract/row_collector.hpp"
#include "extract/row_mapper.hpp"
#include "offence/offence_codes.hpp"
#include "store/store.hpp"

namespace csa::extract {

class RangeStream final : public store::ExtractStream {
 public:
  // range_bytes: the size ranges are cut to; threads: workers parsing ranges at the same time.
  RangeStream(std::string path, const Mapping& m, const offence::OffenceCodeList* codes, ProgressFn progress,
              std::uint64_t range_bytes, unsigned threads);
  ~RangeStream() override;
  RangeStream(const RangeStream&) = delete;
  RangeStream& operator=(const RangeStream&) = delete;

  void start();  // reads the header, cuts the ranges and starts the workers (next() starts it if not yet)
  bool next(std::vector<Record>& chunk) override;
  void finish(store::ExtractBatchInfo& info, std::vector<store::QuarantineRecord>& quarantine) override;
  ExtractFileResult& result() { return result_; }
  std::size_t ranges_parsed() const { return ranges_parsed_; }  // for tests: how many ranges the rows came from

 private:
  struct Range;
  struct Cancelled {};
  void coordinate();
  void work();
  void parse(Range& range, RowMapper& mapper);
  void fall_back(std::unique_lock<std::mutex>& lock, std::size_t bad);
  void stop();

  std::string path_;
  const Mapping& m_;
  const offence::OffenceCodeList* codes_;
  ProgressFn progress_;
  std::uint64_t range_bytes_;
  unsigned threads_;

  std::mutex mutex_;
  std::condition_variable ready_;  // the writer waits: a chunk, a range done, an error
  std::condition_variable work_;   // workers wait: a range to claim, room to push, stopping
  std::thread coordinator_;
  std::vector<std::thread> workers_;
  bool started_ = false, cut_ = false, stopping_ = false;
  std::exception_ptr error_;
  std::optional<BoundColumns> columns_;
  std::int64_t header_lines_ = 0;   // line ends up to the first data byte
  std::vector<std::unique_ptr<Range>> ranges_;
  std::size_t next_claim_ = 0;      // the next range a worker takes
  std::size_t current_ = 0;         // the range the writer is taking chunks from
  std::int64_t line_offset_ = 0;    // added to the current range's line numbers
  std::deque<std::vector<Record>> recycled_;
  std::uint64_t rows_handed_ = 0;
  std::size_t ranges_parsed_ = 0;
  ExtractFileResult result_;
  std::vector<store::QuarantineRecord> quarantine_;
};

}  // namespace csa::extract
