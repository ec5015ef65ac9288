#include "table/lookup.hpp"

namespace csa::table {

std::optional<std::size_t> column_index(const Table& t, std::string_view key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  return std::nullopt;
}

const Row* find_row(const Table& t, std::string_view first_cell) {
  for (const auto& r : t.rows) {
    if (!r.cells.empty() && r.cells[0].text == first_cell) return &r;
  }
  return nullptr;
}

std::vector<std::size_t> count_columns(const Table& t) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key.rfind("count_", 0) == 0) out.push_back(i);
  }
  return out;
}

const Cell* find_cell(const Table& t, std::string_view first_cell, std::string_view key) {
  auto col = column_index(t, key);
  const Row* row = find_row(t, first_cell);
  if (!col || row == nullptr || *col >= row->cells.size()) return nullptr;
  return &row->cells[*col];
}

}  // namespace csa::table
