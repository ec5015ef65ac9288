// Document::number(): one pass to number tables and figures and collect every id with its label, a
// second to replace each {ref:ID} with the label. Two passes, so a reference may point forwards.
#include "document/document.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::document {
namespace {

constexpr std::string_view kRefOpen = "{ref:";

std::string table_label(int number) { return fmt::format("Table {}", number); }
std::string figure_label(int number) { return fmt::format("Figure {}", number); }

// Heading text without its bold marks, in quotation marks: what a reference to a section prints.
std::string heading_label(const std::string& text) {
  std::string plain;
  for (const auto& run : split_inline(text)) plain += run.text;
  return "\u201C" + plain + "\u201D";
}

struct Target {
  std::string kind;   // "heading", "table", "figure": for the duplicate-id message
  std::string label;  // what a reference to it prints
};

class Numberer {
 public:
  // Registers an id; an empty one is first given an automatic id from `kind` and `ordinal`.
  void add(std::string& id, const std::string& kind, int ordinal, std::string label) {
    if (id.empty()) id = fmt::format("auto-{}-{}", kind, ordinal);
    auto [it, inserted] = targets_.try_emplace(id, Target{kind, std::move(label)});
    if (!inserted) {
      throw InternalError(fmt::format("document: the id '{}' is used twice (by a {} and by a {}); ids of headings, "
                                      "tables and figures must be unique",
                                      id, it->second.kind, kind));
    }
  }

  // Replaces every {ref:ID} in `text`; `where` says which text it is, for the error message.
  void resolve(std::string& text, const std::string& where) const {
    if (text.find(kRefOpen) == std::string::npos) return;
    std::string out;
    std::size_t pos = 0;
    while (true) {
      std::size_t open = text.find(kRefOpen, pos);
      if (open == std::string::npos) break;
      std::size_t close = text.find('}', open);
      if (close == std::string::npos) {
        throw InternalError(fmt::format("document: {} has an unterminated cross-reference: '{}'", where,
                                        text.substr(open)));
      }
      std::string id = text.substr(open + kRefOpen.size(), close - open - kRefOpen.size());
      auto it = targets_.find(id);
      if (it == targets_.end()) {
        throw InternalError(fmt::format("document: {} refers to '{}', but no heading, table or figure has that id",
                                        where, id));
      }
      out.append(text, pos, open - pos);
      out += it->second.label;
      pos = close + 1;
    }
    out.append(text, pos);
    text = std::move(out);
  }

 private:
  std::map<std::string, Target> targets_;
};

}  // namespace

void Document::number() {
  Numberer numberer;
  int headings = 0;
  int tables = 0;
  int figures = 0;
  for (auto& block : blocks) {
    if (auto* h = std::get_if<Heading>(&block)) {
      ++headings;
      // A heading's label is its own text, so a reference inside it could point back at itself.
      if (h->text.find(kRefOpen) != std::string::npos) {
        throw InternalError(fmt::format("document: the heading '{}' holds a cross-reference; headings may not",
                                        h->text));
      }
      numberer.add(h->id, "heading", headings, heading_label(h->text));
    } else if (auto* t = std::get_if<TableBlock>(&block)) {
      t->number = ++tables;
      numberer.add(t->id, "table", tables, table_label(t->number));
    } else if (auto* f = std::get_if<FigureBlock>(&block)) {
      f->number = ++figures;
      numberer.add(f->id, "figure", figures, figure_label(f->number));
    }
  }

  int paragraphs = 0;
  int lists = 0;
  for (auto& block : blocks) {
    if (auto* p = std::get_if<Paragraph>(&block)) {
      numberer.resolve(p->text, fmt::format("paragraph {}", ++paragraphs));
    } else if (auto* l = std::get_if<BulletList>(&block)) {
      ++lists;
      for (std::size_t i = 0; i < l->items.size(); ++i) {
        numberer.resolve(l->items[i], fmt::format("item {} of list {}", i + 1, lists));
      }
    } else if (auto* t = std::get_if<TableBlock>(&block)) {
      std::string where = fmt::format("table '{}'", t->id);
      numberer.resolve(t->table.title, where + " (title)");
      for (auto& c : t->table.columns) numberer.resolve(c.title, where + " (column title)");
      for (auto& r : t->table.rows) {
        for (auto& c : r.cells) numberer.resolve(c.text, where + " (cell)");
      }
      for (auto& n : t->table.notes) numberer.resolve(n, where + " (note)");
    } else if (auto* f = std::get_if<FigureBlock>(&block)) {
      std::string where = fmt::format("figure '{}'", f->id);
      numberer.resolve(f->caption, where + " (caption)");
      numberer.resolve(f->alt_text, where + " (alt text)");
      numberer.resolve(f->source, where + " (source)");
    }
  }
}

std::string caption(const TableBlock& t) { return fmt::format("{}: {}", table_label(t.number), t.table.title); }
std::string caption(const FigureBlock& f) { return fmt::format("{}: {}", figure_label(f.number), f.caption); }

std::vector<TextRun> split_inline(std::string_view text) {
  std::vector<TextRun> runs;
  auto add = [&](std::string_view s, bool bold) {
    if (s.empty()) return;
    if (!runs.empty() && runs.back().bold == bold) {
      runs.back().text += s;
    } else {
      runs.push_back({std::string(s), bold});
    }
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find("**", pos);
    std::size_t close = open == std::string_view::npos ? open : text.find("**", open + 2);
    if (close == std::string_view::npos) break;  // no (complete) pair left: the rest is plain text
    add(text.substr(pos, open - pos), false);
    add(text.substr(open + 2, close - open - 2), true);
    pos = close + 2;
  }
  add(text.substr(pos), false);
  return runs;
}

}  // namespace csa::document

namespace csa::document {

void indent_from_leading_spaces(TableBlock& block, std::size_t column, int spaces_per_level) {
  if (spaces_per_level <= 0) return;
  for (std::size_t r = 0; r < block.table.rows.size(); ++r) {
    auto& cells = block.table.rows[r].cells;
    if (column >= cells.size()) continue;
    std::string& text = cells[column].text;
    const std::size_t spaces = text.find_first_not_of(' ');
    if (spaces == 0 || spaces == std::string::npos) continue;
    text.erase(0, spaces);
    block.styles[{r, column}].indent += static_cast<int>(spaces) / spaces_per_level;
  }
}

}  // namespace csa::document
