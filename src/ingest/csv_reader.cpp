#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace csa::ingest {

FileSource::FileSource(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    throw IoError(path + ": cannot open: " + std::strerror(errno));
  }
}

FileSource::~FileSource() {
  if (file_ != nullptr) std::fclose(file_);
}

std::size_t FileSource::read(char* dst, std::size_t n) {
  std::size_t got = std::fread(dst, 1, n, file_);
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
                     std::size_t max_record_bytes)
    : source_(std::move(source)),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)),
      max_record_bytes_(std::max<std::size_t>(max_record_bytes, 16)) {}

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
}  // namespace

CsvReader::Status CsvReader::parse_at(CsvRecord& record, bool& need_more) {
  need_more = false;
  const char* buf = buffer_.data();
  std::size_t pos = begin_;
  spans_.clear();
  in_scratch_.clear();
  scratch_.clear();
  bool malformed = false;
  std::string problem;

  while (true) {
    if (pos < end_ && buf[pos] == '"') {
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
      spans_.emplace_back(s0, scratch_.size() - s0);
      in_scratch_.push_back(true);
      if (malformed) break;
      if (pos < end_ && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
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
      while (pos < end_) {
        char c = buf[pos];
        if (c == ',' || c == '\n') break;
        if (c == '\r' && (pos + 1 < end_ ? buf[pos + 1] == '\n' : eof_)) break;
        if (c == '\r' && pos + 1 >= end_ && !eof_) { need_more = true; return Status::ok; }
        ++pos;
      }
      if (pos >= end_ && !eof_) { need_more = true; return Status::ok; }
      spans_.emplace_back(s, pos - s);
      in_scratch_.push_back(false);
    }
    if (malformed) break;
    if (pos < end_ && buf[pos] == ',') { ++pos; continue; }
    break;  // end of line or end of input
  }

  // pos is at '\r', '\n' or end_. Consume the line end.
  std::size_t raw_end = pos;
  if (pos < end_ && buf[pos] == '\r') {
    if (pos + 1 >= end_ && !eof_) { need_more = true; return Status::ok; }
    ++pos;
  }
  if (pos < end_ && buf[pos] == '\n') ++pos;
  if (raw_end > begin_ && buf[raw_end - 1] == '\r') --raw_end;

  record.raw = std::string_view(buf + begin_, raw_end - begin_);
  record.line = line_;
  record.fields.clear();
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    const char* base = in_scratch_[i] ? scratch_.data() : buf;
    record.fields.emplace_back(base + spans_[i].first, spans_[i].second);
  }
  std::string_view consumed(buf + begin_, pos - begin_);
  line_ += count_newlines(consumed);
  consumed_total_ += consumed.size();
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
