#include "extract/text_numbering.hpp"

namespace csa::extract {

std::uint32_t TextNumbering::key(std::string_view text) {
  if (text.empty()) return kNoTextKey;
  bool inserted = false;
  auto& slot = texts_.find_or_keep(keys_, text, inserted);
  if (inserted) slot.value = next_++;
  return slot.value;
}

void TextNumbering::number(Record& r) {
  r.text_keys[text_code] = key(r.code);
  r.text_keys[text_description] = key(r.description);
  r.text_keys[text_subtype] = key(r.subtype);
  r.text_keys[text_lsoa] = key(r.lsoa_code);
  r.text_keys[text_ward] = key(r.ward_code);
}

}  // namespace csa::extract
