// Secondary suppression: when a column of area counts hides exactly one count (<5) and prints the
// total, the hidden count is the total minus the others. The smallest other non-zero count of the
// column is then hidden too, shown as [c] (ONS: confidential), with the figures derived from it
// (its changes, rate, interval and significance for that period). The report's self-check verifies
// that no column is left with a single hidden count beside a printed total.
#pragma once

#include "table/table.hpp"

namespace csa::table {

// Applies the rule to every count column ("count_…") of a table whose rows are areas and whose total
// row sums them (a ward table). Returns how many cells it hid; adds a note when it hid any.
int apply_secondary_suppression(Table& t);

// Hides one count (row, column index of a "count_…" column) as [c] with the figures derived from it,
// and notes why once. For suppression planned across linked tables (the same ward's counts in
// several tables), where one table alone cannot see what another prints.
void hide_count(Table& t, std::size_t row, std::size_t count_column);

inline constexpr const char* kSecondarySuppressed = "[c]";

}  // namespace csa::table
