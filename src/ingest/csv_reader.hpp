// Streaming RFC 4180 CSV reader: the one place csa turns bytes into records.
// Handles a UTF-8 byte-order mark, CRLF and LF line ends, quoted fields with "" escapes, delimiters and
// line breaks inside quotes. The delimiter is ',' unless told otherwise (';', tab and '|' for extracts
// saved by European-locale spreadsheets and database tools). Reads in fixed chunks, so memory stays bounded whatever the file size;
// a record longer than max_record_bytes is reported malformed rather than buffered without limit.
// Depends on the standard library only (it is also built into the libFuzzer target).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace csa::ingest {

// Where the bytes come from: a file or a memory buffer (tests, fuzzing).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into dst; returns 0 only at end of input.
  virtual std::size_t read(char* dst, std::size_t n) = 0;
};

class FileSource final : public ByteSource {
 public:
  explicit FileSource(const std::string& path);  // throws IoError when the file cannot be opened
  // Bytes [offset, offset + length) of the file only (a range parsed on its own thread).
  FileSource(const std::string& path, std::uint64_t offset, std::uint64_t length);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  std::size_t read(char* dst, std::size_t n) override;

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  std::uint64_t left_ = UINT64_MAX;  // bytes still to read
};

class MemorySource final : public ByteSource {
 public:
  // max_read limits each read, so tests and the fuzzer exercise records split across chunks.
  explicit MemorySource(std::string_view data, std::size_t max_read = SIZE_MAX)
      : data_(data), max_read_(max_read) {}
  std::size_t read(char* dst, std::size_t n) override;

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t max_read_;
};

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::string_view raw;                  // the record's bytes without its line end
  std::uint64_t line = 0;                // 1-based physical line where the record starts
};

class CsvReader {
 public:
  enum class Status { ok, end, malformed };

  static constexpr std::size_t kDefaultChunkBytes = 1 << 20;
  static constexpr std::size_t kDefaultMaxRecordBytes = 1 << 20;

  // delimiter: any byte but '"', '\r' and '\n' (InternalError otherwise: the caller checks user input).
  explicit CsvReader(std::unique_ptr<ByteSource> source, std::size_t chunk_bytes = kDefaultChunkBytes,
                     std::size_t max_record_bytes = kDefaultMaxRecordBytes, char delimiter = ',');

  // Reads the next record. On `malformed`, record.raw and record.line describe the bad record,
  // error() says what is wrong, and reading continues after it on the next call.
  Status next(CsvRecord& record);
  const std::string& error() const { return error_; }
  std::uint64_t bytes_consumed() const { return consumed_total_; }
  bool had_bom() const { return had_bom_; }
  // The physical line the next record starts on (1 + the line ends read so far).
  std::uint64_t line() const { return line_; }
  // The input ended inside a quoted field (the last record was malformed for it). For a reader of a
  // range cut from a file, this says the cut was not between records.
  bool ended_inside_quotes() const { return ended_inside_quotes_; }
  // The source starts at a record boundary inside a file, where three bytes EF BB BF are data, not
  // a byte-order mark. Call before the first next().
  void starts_mid_file() { started_ = true; }

 private:
  bool fill();  // moves unread bytes to the front and reads more; false at end of input
  Status parse_at(CsvRecord& record, bool& need_more);

  std::unique_ptr<ByteSource> source_;
  std::size_t chunk_bytes_;
  std::size_t max_record_bytes_;
  char delimiter_;
  std::string buffer_;
  std::size_t begin_ = 0;  // first unread byte in buffer_
  std::size_t end_ = 0;    // one past the last valid byte in buffer_
  bool eof_ = false;
  bool started_ = false;
  bool had_bom_ = false;
  bool ended_inside_quotes_ = false;
  std::uint64_t line_ = 1;
  std::uint64_t consumed_total_ = 0;
  struct Span {
    std::size_t offset, size;
    bool in_scratch;  // offset is into scratch_ (an unescaped quoted field), else into buffer_
  };
  std::string scratch_;      // unescaped quoted fields
  std::vector<Span> spans_;  // field spans before views are made (buffer_ may move while reading)
  std::string error_;
};

}  // namespace csa::ingest
