// Numbers the coded texts of one file's records (offence code, description, sub-type, LSOA, ward) on
// the parsing thread: each distinct text gets the next number, from 0, the first time a stored record
// carries it. The store then finds a text's id by that number (an index into what it resolved
// before) instead of hashing the text again on the writing thread, which is the slower of the two.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/text_pool.hpp"
#include "extract/record.hpp"

namespace csa::extract {

class TextNumbering {
 public:
  // Sets r.text_keys from r's coded texts (kNoTextKey for an empty one).
  void number(Record& r);

 private:
  std::uint32_t key(std::string_view text);
  TextMap<std::uint32_t> keys_;
  TextPool texts_;
  std::uint32_t next_ = 0;
};

}  // namespace csa::extract
