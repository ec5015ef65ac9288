#include "extract/text_numbering.hpp"

namespace csa::extract {

std::uint32_t TextNumbering::key(std::string_view text) {
  if (text.empty()) return kNoTextKey;
  bool inserted = false;
  auto& slot = keys_.find_or_claim(text, TextMap<std::uint32_t>::hash_of(text), inserted);
  if (inserted) {
    std::string_view kept = texts_.copy(text);
    slot.data = kept.data();
    slot.size = kept.size();
    slot.value = next_++;
  }
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
