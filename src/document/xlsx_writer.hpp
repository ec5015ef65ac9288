// tables.xlsx: every table of a report as an Excel workbook, for analysts who reuse the figures.
// Layout follows the GSS guidance on releasing statistics in spreadsheets: a "Contents" sheet first
// (one row per table, its title a link to its sheet, the licence), then one sheet per table named by
// its label ("Table 3") with the title in A1, the header row frozen, notes and source under the table.
//
// Cells carry numbers only where the printed text is exactly a plain rendering of the cell's value
// ("1234", "1,234", "12.3", "32%"): the sheet then holds the printed figure as a number with a format
// that shows it exactly as printed, so sums and charts work and the workbook agrees digit for digit
// with the HTML/PDF/DOCX report. Everything else ("<5", "No Calc", "+32% (+677)", "-", "n/a",
// "1234†") is written as the printed text. The exact unrounded values stay in the JSON output.
//
// Percent cells: src/table stores a share or change in percent units ("32%" has value 32.4, see
// table/area_tables.cpp share_cell, table/harm_table.cpp), and the sheet holds 0.32 formatted "0%".
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "table/table.hpp"

namespace csa::document {

struct XlsxSheet {
  std::string label;    // "Table 3": the sheet name (made valid and unique) and the title's prefix
  table::Table table;   // its notes print under it, one per row
  std::string source;   // printed after the notes as "Source: …" unless a note says the same; may be empty
  CellStyles styles = {};  // by (row, column) of table.rows: fill, font colour, bold, indent
};

struct XlsxWorkbookInfo {
  std::string title;    // contents sheet heading and the file's Title property
  std::string author;
  std::string subject;
  std::time_t created = 0;  // the file's creation time; 0 = now (set it for byte-identical reruns)
};

// Writes the workbook to `path` (through a temporary file beside it, renamed at the end, so a failed
// write never leaves a half-written workbook under the final name). Throws IoError naming the path
// and libxlsxwriter's reason when the file cannot be written.
void write_xlsx(const std::vector<XlsxSheet>& sheets, const XlsxWorkbookInfo& info, const std::string& path);

// The document's tables, in document order, labelled "Table N" from TableBlock::number as set by
// Document::number(); blocks still numbered 0 are numbered by their position among the tables.
std::vector<XlsxSheet> xlsx_sheets(const Document& doc);

// write_xlsx(xlsx_sheets(doc), {title, author, subtitle as subject}, path).
void write_xlsx(const Document& doc, const std::string& path);

// --- Exposed for tests --------------------------------------------------------------------------

// How a cell goes into the sheet when it goes in as a number: the number and its Excel format.
struct XlsxNumber {
  double number = 0;        // the printed figure; percentages as fractions (32% -> 0.32)
  std::string num_format;   // "0", "#,##0", "0.0", "0%", …: shows `number` exactly as the text printed it
};

// The number for a cell whose text is a plain rendering of its value (optional '-', digits with or
// without correct thousands commas, optional decimals, optional '%'), rounding to the printed
// decimals included; nullopt otherwise, and always when the cell has no value (labels, suppressed).
std::optional<XlsxNumber> xlsx_number(const table::Cell& cell);

// A valid Excel sheet name for a label: the characters []:*?/\ and apostrophes become spaces,
// at most 31 characters, "Table" when nothing is left.
std::string xlsx_sheet_name(std::string_view label);

}  // namespace csa::document
