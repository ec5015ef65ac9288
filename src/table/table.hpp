// A finished table: what every output (terminal, CSV, Markdown, JSON; later HTML, DOCX, XLSX) renders.
// Cells hold the printed text (already rounded and suppressed) and, where there is one, the exact
// value behind it, so machine outputs can carry numbers while people read the seeds' formatting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csa::table {

enum class Align { left, right };

struct Column {
  std::string key;    // machine name for CSV/JSON, e.g. "count_2025"
  std::string title;  // printed heading, e.g. "2025"
  Align align = Align::right;
};

struct Cell {
  std::string text;
  std::optional<double> value;  // absent for labels and for suppressed figures
};

enum class RowKind { body, total };

struct Row {
  std::vector<Cell> cells;
  RowKind kind = RowKind::body;
};

struct Table {
  std::string title;
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> notes;  // source, population, method, suppression, coverage, unplaced
};

enum class Format { text, csv, markdown, json };
Format parse_format(std::string_view name);  // throws InputError listing the formats

std::string render(const Table& t, Format format);
std::string render_text(const Table& t);
std::string render_csv(const Table& t);
std::string render_markdown(const Table& t);
std::string render_json(const Table& t);

}  // namespace csa::table
