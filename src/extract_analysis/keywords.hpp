// Keyword classifiers over free text (MO, incident summary): a record is caught by a word list when
// its text contains any of the list's words or phrases as whole words, case-insensitively. The seeds
// do this by hand: street ASB (seed 000 line 2606: homeless, abusive language, drunk, begging,
// alcohol), e-scooters in ASB comments (seed 002 line 1750), familial domestic abuse (seed 000 line
// 1189: sibling, brother, sister, mother, father, aunt, uncle). The lists are a TOML file
// (examples/keywords.toml) so an analyst can change them without a build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

struct WordList {
  std::string id;     // "street_asb"
  std::string label;  // "Street ASB"
  extract::DatasetKind dataset = extract::DatasetKind::asb;  // which records it reads
  std::vector<std::string> words;  // lower case; a phrase may hold spaces or hyphens
  std::string source;              // where the list comes from, printed in a note
};

// Reads [[list]] entries (id, label, dataset, words, source). Throws InputError with the line on a
// bad entry (no words, an empty word, an unknown dataset, a repeated id).
std::vector<WordList> read_word_lists(const std::string& path);

// Whether `text` holds `word` (already lower case) as a whole word: the characters either side of a
// match are not letters or digits. ASCII case folding; other bytes compare exactly.
bool contains_word(std::string_view text, std::string_view word);
bool caught(std::string_view text, const WordList& list);

// One row per list whose dataset is the set's kind: records of the area per window, records caught
// and the share caught (of all the area's records in the window, with or without text).
table::Table keyword_table(const std::vector<WordList>& lists, const extract::ExtractSet& set, const Scope& scope,
                           const std::vector<period::Window>& windows);

}  // namespace csa::extract_analysis
