// Finding things in a finished Table by the names its builders give them: a column by key, a row by
// its first cell, the count columns ("count_…", oldest first). Shared by whatever reads tables back
// (the report's text, its self-checks, secondary suppression), so they all look up the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "table/table.hpp"

namespace csa::table {

std::optional<std::size_t> column_index(const Table& t, std::string_view key);
const Row* find_row(const Table& t, std::string_view first_cell);
std::vector<std::size_t> count_columns(const Table& t);
// The cell in that row and column, or nullptr when either is missing.
const Cell* find_cell(const Table& t, std::string_view first_cell, std::string_view key);

}  // namespace csa::table
