// A figure quoted in the report's text, with the table cell that must show the same value. The
// narrative computes its figures from report::Analysis; the tables are built by the table stage;
// the self-check (report/self_checks.hpp) looks every claim up in its table and fails the report
// when the two calculations disagree or the cell is missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace csa::report {

struct Claim {
  std::string printed;     // as the text prints it, for the failure message: "+32% (+677)"
  std::string table_id;    // TableBlock::id
  std::string row;         // the row's first cell (a theme, group or ward name)
  std::string column;      // table::Column::key, e.g. "count_2025", "change_1y", "rate_per_1000"
  double value = 0;        // the figure; the cell's value must equal it (rates to 0.05, as printed)
  double tolerance = 1e-9;
};

class Claims {
 public:
  // Records the claim and returns `printed`, so a sentence can quote and register in one go.
  const std::string& add(Claim c);
  const std::vector<Claim>& all() const { return claims_; }

 private:
  std::vector<Claim> claims_;
};

}  // namespace csa::report
