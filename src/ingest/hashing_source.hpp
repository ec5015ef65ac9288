// A file ByteSource that hashes every byte passing through (XXH3-64), so a loader learns the file's
// content hash, its unit of idempotence, without reading the file twice.
#pragma once

#include <fmt/format.h>
#include <xxhash.h>

#include <cstdint>
#include <string>

#include "ingest/csv_reader.hpp"

namespace csa::ingest {

class HashingSource final : public ByteSource {
 public:
  explicit HashingSource(const std::string& path) : inner_(path), state_(XXH3_createState()) {
    XXH3_64bits_reset(state_);
  }
  ~HashingSource() override { XXH3_freeState(state_); }
  HashingSource(const HashingSource&) = delete;
  HashingSource& operator=(const HashingSource&) = delete;
  std::size_t read(char* dst, std::size_t n) override {
    std::size_t got = inner_.read(dst, n);
    XXH3_64bits_update(state_, dst, got);
    bytes_ += static_cast<std::int64_t>(got);
    return got;
  }
  std::string hex() const { return fmt::format("{:016x}", XXH3_64bits_digest(state_)); }
  std::int64_t bytes() const { return bytes_; }

 private:
  FileSource inner_;
  XXH3_state_t* state_;
  std::int64_t bytes_ = 0;
};

}  // namespace csa::ingest
