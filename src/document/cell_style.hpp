// The look of one table cell beyond its text, for every writer of the document model (HTML, PDF,
// DOCX, XLSX): a fill and text colour for status cells, bold, and an indent for hierarchy labels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace csa::document {

// How one table cell looks beyond its text: the fill and text colour of a status cell (the board
// pack's RAG), bold, and the indent of a row label in a hierarchy (the CADET table's sub-groups).
// Colours are "#rrggbb". The model holds colours, not meanings (no workspace RAG type here): the
// caller picks them, and the cell's text must still say what the colour says (RED, AMBER), so no
// meaning rests on colour alone. Every writer honours every field.
struct CellStyle {
  std::string fill;  // background, "#f4c7c3"; empty: none
  std::string text;  // text colour; empty: the document's
  bool bold = false;
  int indent = 0;    // levels of indent, 0 = none (a level is about two characters wide)
  bool operator==(const CellStyle&) const = default;
};

// (row, column) of table.rows and table.columns -> its style; cells not listed are plain.
using CellStyles = std::map<std::pair<std::size_t, std::size_t>, CellStyle>;

// The style of a cell, or nullptr when it has none.
const CellStyle* style_of(const CellStyles& styles, std::size_t row, std::size_t column);

// "#f4c7c3" -> 0xf4c7c3; nullopt unless '#' and six hex digits.
std::optional<std::uint32_t> rgb_of(std::string_view colour);

// The colour as 0xRRGGBB (what libxlsxwriter takes). Throws InternalError naming the colour when it
// is not "#rrggbb" (colours come from code, not input).
std::uint32_t rgb_value(std::string_view colour);

// The colour as six upper-case hex digits without '#' ("F4C7C3"), as Word and Excel write it.
// Throws InternalError naming the colour when it is not "#rrggbb" (colours come from code, not input).
std::string hex_digits(std::string_view colour);

}  // namespace csa::document
