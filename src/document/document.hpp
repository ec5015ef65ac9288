// A publishable document (the strategic assessment, a board pack) as data: headings, paragraphs,
// lists, numbered tables and figures, with cross-references by id. The report stage builds one;
// writers turn it into HTML, PDF, DOCX and XLSX, so every format says the same thing, and the
// self-checks read the same blocks the writers print.
//
// Numbering is done once, by number() below: tables and figures are numbered in document order
// ("Table 3", "Figure 7"); a reference `{ref:ID}` inside any text is replaced by the label of the
// table, figure or section with that id ("Table 3"). An unknown or duplicate id is an error, so a
// cross-reference can never print wrong. Sections are not numbered (as GOV.UK and ONS publications do
// not): a reference to a heading prints its text in quotation marks, “Crime overview”.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "document/cell_style.hpp"
#include "table/table.hpp"

namespace csa::document {

// Inline text is plain text; `**bold**` marks emphasis (the only markup), `{ref:ID}` a cross-reference.
struct Heading {
  int level = 1;    // 1 = chapter, 2 = section, 3 = sub-section
  std::string text;
  std::string id;   // anchor for the contents and cross-references; unique
  bool in_contents = true;
};

struct Paragraph {
  std::string text;
  enum class Style { body, lead, note, warning } style = Style::body;  // lead: summary box; warning: a section that cannot be written says why
};

struct BulletList {
  std::vector<std::string> items;
  bool numbered = false;
};

struct TableBlock {
  std::string id;            // unique; referenced as {ref:id}
  table::Table table;        // its title is the caption; its notes print under it (source, suppression, …)
  int number = 0;            // set by number()
  CellStyles styles = {};    // styled cells (RAG fills, hierarchy indents)
};

// A hierarchy table whose labels in `column` are indented with leading spaces for the terminal
// ("  Violence with injury"), made ready for a document: the spaces are taken off the text and
// become the cell's indent level, `spaces_per_level` spaces a level.
void indent_from_leading_spaces(TableBlock& block, std::size_t column, int spaces_per_level = 2);

struct FigureBlock {
  std::string id;            // unique; referenced as {ref:id}
  std::string caption;       // "Shoplifting by month, Cambridge, January 2024 to December 2025"
  std::string alt_text;      // what the figure shows, for screen readers and Word's alt text
  std::string svg;           // the figure, self-contained SVG markup (fonts by family name only)
  std::string file_stem;     // figures/<file_stem>.svg and .png
  std::string source;        // source line printed under the figure
  int number = 0;            // set by number()
};

struct PageBreak {};

// The contents placeholder: where the table of contents goes (HTML, DOCX).
struct Contents {};

using Block = std::variant<Heading, Paragraph, BulletList, TableBlock, FigureBlock, PageBreak, Contents>;

struct Metadata {
  std::string title;         // "Cambridge Community Safety Partnership: Strategic Assessment 2025"
  std::string subtitle;      // "Year ending December 2025"
  std::string author;        // the partnership or research team
  std::string date;          // publication date, e.g. "21 November 2026"
  std::string version;       // "csa 0.1.0, report version 1"
  std::string language = "en-GB";
};

struct Document {
  Metadata meta;
  std::vector<Block> blocks;

  // Numbers tables and figures, checks ids are unique and every {ref:ID} resolves, and replaces the
  // references with their labels. Throws InternalError naming the id on a clash or a dangling
  // reference. Writers call it on a copy; calling it twice is harmless.
  // References are resolved in paragraphs, list items, table titles, column titles, cells and notes,
  // figure captions, alt texts and sources; a heading's own text may not hold one. A heading, table or
  // figure without an id gets one ("auto-heading-3", "auto-table-1"), so every writer has anchors.
  void number();
};

// "Table 3: Crime by ward" and "Figure 2: Shoplifting by month": the captions every writer prints.
// Call after number().
std::string caption(const TableBlock& t);
std::string caption(const FigureBlock& f);

// Inline text cut at its `**bold**` marks: "a **b** c" -> {"a ", plain}, {"b", bold}, {" c", plain}.
// A `**` without its closing pair is kept as text. Writers escape each run for their format.
struct TextRun {
  std::string text;
  bool bold = false;
};
std::vector<TextRun> split_inline(std::string_view text);

}  // namespace csa::document
