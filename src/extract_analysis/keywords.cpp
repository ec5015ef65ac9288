#include "extract_analysis/keywords.hpp"

#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "config/toml_file.hpp"
#include "core/error.hpp"
#include "core/thousands.hpp"

namespace csa::extract_analysis {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty() || word.size() > text.size()) return false;
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (i > 0 && word_char(text[i - 1])) continue;
    std::size_t k = 0;
    while (k < word.size() && lower(text[i + k]) == word[k]) ++k;
    if (k < word.size()) continue;
    if (i + k < text.size() && word_char(text[i + k])) continue;
    return true;
  }
  return false;
}

bool caught(std::string_view text, const WordList& list) {
  for (const auto& w : list.words)
    if (contains_word(text, w)) return true;
  return false;
}

std::vector<WordList> read_word_lists(const std::string& path) {
  toml::table doc = config::read_toml_file(path, "examples/keywords.toml");
  std::vector<WordList> out;
  std::set<std::string> ids;
  const toml::array* arr = doc["list"].as_array();
  if (!arr || arr->empty()) throw InputError(fmt::format("{}: no [[list]] entries; see examples/keywords.toml", path));
  for (const auto& e : *arr) {
    const toml::table* t = e.as_table();
    const auto line = e.source().begin.line;
    if (!t) throw InputError(fmt::format("{}:{}: each list must be a [[list]] table", path, line));
    WordList l;
    auto need = [&](std::string_view key) {
      auto v = (*t)[key].value<std::string>();
      if (!v || v->empty()) throw InputError(fmt::format("{}:{}: this list needs {} = \"…\"", path, line, key));
      return *v;
    };
    l.id = need("id");
    l.label = need("label");
    l.dataset = extract::parse_dataset_kind(need("dataset"));
    l.source = (*t)["source"].value_or(std::string());
    if (!ids.insert(l.id).second) throw InputError(fmt::format("{}:{}: list id '{}' is used twice", path, line, l.id));
    const toml::array* words = (*t)["words"].as_array();
    if (!words || words->empty()) {
      throw InputError(fmt::format("{}:{}: list '{}' needs words = [\"…\", …] with at least one word", path, line, l.id));
    }
    for (const auto& w : *words) {
      auto s = w.value<std::string>();
      if (!s || s->find_first_not_of(" \t") == std::string::npos) {
        throw InputError(fmt::format("{}:{}: list '{}' has an empty or non-text word; every word must be text in quotes", path,
                                     w.source().begin.line, l.id));
      }
      std::string low;
      for (char c : *s) low += lower(c);
      l.words.push_back(low);
    }
    out.push_back(std::move(l));
  }
  return out;
}

table::Table keyword_table(const std::vector<WordList>& lists, const extract::ExtractSet& set, const Scope& scope,
                           const std::vector<period::Window>& windows) {
  table::Table t;
  t.title = fmt::format("Keyword searches of {} free text, {}", extract::dataset_kind_name(set.kind),
                        scope.geography->area(scope.area).name);
  t.columns.push_back({"list", "Word list", table::Align::left});
  for (const auto& w : windows) {
    t.columns.push_back({"records_" + w.label(), w.label() + " records"});
    t.columns.push_back({"count_" + w.label(), w.label() + " caught"});
    t.columns.push_back({"share_" + w.label(), w.label() + " share"});
  }
  std::vector<Selection> selections;
  for (const auto& w : windows) selections.push_back(select(set, scope, w));
  for (const auto& l : lists) {
    if (l.dataset != set.kind) continue;
    table::Row row;
    row.cells.push_back({l.label, std::nullopt});
    for (const auto& s : selections) {
      std::int64_t hit = 0;
      for (std::size_t r : s.rows)
        if (caught(set.records[r].free_text, l)) ++hit;
      const auto n = static_cast<std::int64_t>(s.rows.size());
      row.cells.push_back(count_cell(n, scope));
      row.cells.push_back(count_cell(hit, scope));
      row.cells.push_back(share_cell(hit, n, scope));
    }
    t.rows.push_back(std::move(row));
    std::string words;
    for (const auto& w : l.words) words += (words.empty() ? "" : ", ") + w;
    t.notes.push_back(fmt::format("{}: any of {}{}.", l.label, words, l.source.empty() ? "" : " (" + l.source + ")"));
  }
  for (std::size_t k = 0; k < selections.size(); ++k) {
    std::int64_t empty = 0;
    for (std::size_t r : selections[k].rows)
      if (set.records[r].free_text.empty()) ++empty;
    if (empty > 0) {
      t.notes.push_back(fmt::format("{}: {} of the {} records have no free text; they count in the share's base.", windows[k].label(),
                                    with_commas(empty), with_commas(static_cast<std::int64_t>(selections[k].rows.size()))));
    }
  }
  t.notes.push_back("A record is caught when its free text holds a word or phrase of the list as a whole word, ignoring case.");
  add_standard_notes(t, set, scope, windows, selections);
  return t;
}

}  // namespace csa::extract_analysis
