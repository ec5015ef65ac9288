#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.hpp"

namespace csa::ingest {

FileSource::FileSource(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    throw IoError(path + ": cannot open: " + std::strerror(errno));
  }
}

FileSource::FileSource(const std::string& path, std::uint64_t offset, std::uint64_t length) : FileSource(path) {
  if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) {
    throw IoError(path + ": cannot seek: " + std::strerror(errno));
  }
  left_ = length;
}

FileSource::~FileSource() {
  if (file_ != nullptr) std::fclose(file_);
}

std::size_t FileSource::read(char* dst, std::size_t n) {
  if (left_ < n) n = static_cast<std::size_t>(left_);
  if (n == 0) return 0;
  std::size_t got = std::fread(dst, 1, n, file_);
  if (left_ != UINT64_MAX) left_ -= got;
  if (got == 0 && std::ferror(file_)) {
    throw IoError(path_ + ": read error: " + std::strerror(errno));
  }
  return got;
}

std::size_t MemorySource::read(char* dst, std::size_t n) {
  std::size_t take = std::min({n, max_read_, data_.size() - pos_});
  std::memcpy(dst, data_.data() + pos_, take);
  pos_ += take;
  return take;
}

CsvReader::CsvReader(std::unique_ptr<ByteSource> source, std::size_t chunk_bytes,
                     std::size_t max_record_bytes, char delimiter)
    : source_(std::move(source)),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)),
      max_record_bytes_(std::max<std::size_t>(max_record_bytes, 16)),
      delimiter_(delimiter) {
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    throw InternalError("a CSV delimiter cannot be a quote or a line end");
  }
}

bool CsvReader::fill() {
  if (eof_) return false;
  // Keep the unread tail, then append one chunk after it.
  std::size_t tail = end_ - begin_;
  if (begin_ > 0 && tail > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, tail);
  begin_ = 0;
  end_ = tail;
  if (buffer_.size() < end_ + chunk_bytes_) buffer_.resize(end_ + chunk_bytes_);
  std::size_t got = source_->read(buffer_.data() + end_, chunk_bytes_);
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += got;
  return true;
}

namespace {

std::uint64_t count_newlines(std::string_view s) {
  return static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
}

// The first position in [pos, end) holding the delimiter, '\n' or '\r' (the bytes that can end an
// unquoted field; a '\r' ends it only before '\n' or at the end of input, the caller decides), or end.
// Sixteen bytes at a time where SSE2 is available (every x86-64), a byte at a time elsewhere and for
// the last few bytes.
std::size_t find_field_stop(const char* buf, std::size_t pos, std::size_t end, char delimiter) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(delimiter);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  while (pos + 16 <= end) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + pos));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  while (pos < end && buf[pos] != delimiter && buf[pos] != '\n' && buf[pos] != '\r') ++pos;
  return pos;
}

}  // namespace

CsvReader::Status CsvReader::parse_at(CsvRecord& record, bool& need_more) {
  need_more = false;
  const char* buf = buffer_.data();
  std::size_t pos = begin_;
  spans_.clear();
  scratch_.clear();
  bool malformed = false;
  bool quoted = false;  // a quoted field may hold line breaks: count them when the record is done
  const char* problem = "";

  while (true) {
    if (pos < end_ && buf[pos] == '"') {
      quoted = true;
      ++pos;
      std::size_t s0 = scratch_.size();
      bool closed = false;
      while (!closed) {
        const void* hit = pos < end_ ? std::memchr(buf + pos, '"', end_ - pos) : nullptr;
        if (hit == nullptr) {
          if (!eof_) { need_more = true; return Status::ok; }
          // Unterminated quote at end of input: the rest of the input is one bad record.
          scratch_.append(buf + pos, end_ - pos);
          pos = end_;
          malformed = true;
          problem = "a quoted field is not closed before the end of the file";
          ended_inside_quotes_ = true;
          break;
        }
        std::size_t q = static_cast<std::size_t>(static_cast<const char*>(hit) - buf);
        scratch_.append(buf + pos, q - pos);
        if (q + 1 >= end_ && !eof_) { need_more = true; return Status::ok; }
        if (q + 1 < end_ && buf[q + 1] == '"') {
          scratch_.push_back('"');
          pos = q + 2;
        } else {
          pos = q + 1;
          closed = true;
        }
      }
      spans_.push_back({s0, scratch_.size() - s0, true});
      if (malformed) break;
      // After a closing quote: the delimiter, a line end (LF, CRLF, or CR at the end of input) or the end.
      // A lone CR is data in an unquoted field, so here it is text after the quote, not a line end.
      if (pos < end_ && buf[pos] == '\r' && pos + 1 >= end_ && !eof_) { need_more = true; return Status::ok; }
      bool line_end = pos < end_ && (buf[pos] == '\n' ||
                                     (buf[pos] == '\r' && (pos + 1 < end_ ? buf[pos + 1] == '\n' : eof_)));
      if (pos < end_ && buf[pos] != delimiter_ && !line_end) {
        malformed = true;
        problem = "unexpected character after a closing quote (a quote inside a quoted field must be doubled)";
        // Skip to the end of the physical line.
        const void* nl = std::memchr(buf + pos, '\n', end_ - pos);
        if (nl == nullptr) {
          if (!eof_) { need_more = true; return Status::ok; }
          pos = end_;
        } else {
          pos = static_cast<std::size_t>(static_cast<const char*>(nl) - buf);
        }
      }
    } else {
      std::size_t s = pos;
      while (true) {
        pos = find_field_stop(buf, pos, end_, delimiter_);
        if (pos >= end_) {
          if (!eof_) { need_more = true; return Status::ok; }
          break;
        }
        if (buf[pos] != '\r') break;  // the delimiter or '\n'
        // '\r' ends the field before '\n' or at the end of input; elsewhere it is data.
        if (pos + 1 < end_) {
          if (buf[pos + 1] == '\n') break;
          ++pos;
          continue;
        }
        if (eof_) break;
        need_more = true;
        return Status::ok;
      }
      spans_.push_back({s, pos - s, false});
    }
    if (malformed) break;
    if (pos < end_ && buf[pos] == delimiter_) { ++pos; continue; }
    break;  // end of line or end of input
  }

  // pos is at '\r', '\n' or end_. Consume the line end.
  std::size_t raw_end = pos;
  bool newline = false;
  if (pos < end_ && buf[pos] == '\r') {
    if (pos + 1 >= end_ && !eof_) { need_more = true; return Status::ok; }
    ++pos;
  }
  if (pos < end_ && buf[pos] == '\n') {
    ++pos;
    newline = true;
  }
  if (raw_end > begin_ && buf[raw_end - 1] == '\r') --raw_end;

  record.raw = std::string_view(buf + begin_, raw_end - begin_);
  record.line = line_;
  record.fields.resize(spans_.size());
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    const Span& sp = spans_[i];
    record.fields[i] = std::string_view((sp.in_scratch ? scratch_.data() : buf) + sp.offset, sp.size);
  }
  // Unquoted fields hold no '\n', so only a record with a quoted field needs its bytes counted.
  line_ += quoted ? count_newlines(std::string_view(buf + begin_, pos - begin_)) : (newline ? 1 : 0);
  consumed_total_ += pos - begin_;
  begin_ = pos;
  if (malformed) {
    error_ = problem;
    return Status::malformed;
  }
  return Status::ok;
}

CsvReader::Status CsvReader::next(CsvRecord& record) {
  if (!started_) {
    started_ = true;
    while (end_ - begin_ < 3 && fill()) {
    }
    if (end_ - begin_ >= 3 && std::memcmp(buffer_.data() + begin_, "\xEF\xBB\xBF", 3) == 0) {
      had_bom_ = true;
      begin_ += 3;
      consumed_total_ += 3;
    }
  }
  while (true) {
    if (begin_ >= end_ && !fill()) return Status::end;
    bool need_more = false;
    Status status = parse_at(record, need_more);
    if (!need_more) return status;
    if (end_ - begin_ >= max_record_bytes_) {
      // A record this long is not a police or partner row: report it and skip to the next line end.
      record.line = line_;
      record.fields.clear();
      error_ = "record longer than " + std::to_string(max_record_bytes_) +
               " bytes (an unclosed quote, or not a CSV file)";
      std::string_view head(buffer_.data() + begin_, std::min<std::size_t>(200, end_ - begin_));
      scratch_.assign(head);
      record.raw = scratch_;
      while (true) {
        const void* nl = std::memchr(buffer_.data() + begin_, '\n', end_ - begin_);
        if (nl != nullptr) {
          std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1;
          consumed_total_ += stop - begin_;
          line_ += 1;
          begin_ = stop;
          break;
        }
        consumed_total_ += end_ - begin_;
        begin_ = end_;
        if (!fill()) break;
      }
      return Status::malformed;
    }
    if (!fill()) {
      // End of input reached: parse again knowing nothing more will come.
      continue;
    }
  }
}

}  // namespace csa::ingest
