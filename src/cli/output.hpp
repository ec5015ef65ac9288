// What every table-printing subcommand shares: the --suppress-under option's meaning, and printing a
// table (with CSV's notes on stderr, so the CSV itself stays a clean table).
#pragma once

#include "measure/suppression.hpp"
#include "table/table.hpp"

namespace csa::cli {

struct Suppression {
  bool on = true;
  measure::SuppressionRule rule;
};

// --suppress-under N: counts 1..N-1 print as <N; 0 or 1 hides nothing. Negative is an InputError.
Suppression suppression_from(int suppress_under);

void print_table(const table::Table& t, table::Format format);

}  // namespace csa::cli
