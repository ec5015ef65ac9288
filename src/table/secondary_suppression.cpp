#include "table/secondary_suppression.hpp"

#include <optional>
#include <string>
#include <vector>

namespace csa::table {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// The columns whose figures are derived from count column `k` of `n` (oldest first).
bool derived_from(const std::string& key, int k, int n) {
  bool latest = k == n - 1, previous = k == n - 2, first = k == 0;
  if (key == "change_1y" || key == "change_1y_significant") return latest || previous;
  if (starts_with(key, "change_") && key.back() == 'y') return latest || first;
  if (key == "rate_per_1000" || key == "rate_ci_95" || key == "vs_area_rate") return latest;
  return false;
}

// Whether a cell prints something derived from its count: not already hidden or not applicable.
bool reveals(const Cell& c) {
  if (c.value) return true;
  return !(c.text.empty() || c.text == "n/a" || c.text == "-" || c.text == kSecondarySuppressed || starts_with(c.text, "<"));
}

}  // namespace

int apply_secondary_suppression(Table& t) {
  std::vector<int> counts;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (starts_with(t.columns[i].key, "count_")) counts.push_back(static_cast<int>(i));
  }
  int hidden_cells = 0;
  const int n = static_cast<int>(counts.size());
  for (int k = 0; k < n; ++k) {
    const auto col = static_cast<std::size_t>(counts[static_cast<std::size_t>(k)]);
    int hidden = 0;
    bool total_printed = false;
    std::optional<std::size_t> smallest;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const Cell& c = t.rows[r].cells[col];
      if (t.rows[r].kind == RowKind::total) {
        total_printed = total_printed || c.value.has_value();
        continue;
      }
      if (!c.value && starts_with(c.text, "<")) ++hidden;
      if (c.value && *c.value > 0 && (!smallest || *c.value < *t.rows[*smallest].cells[col].value)) smallest = r;
    }
    if (hidden != 1 || !total_printed || !smallest) continue;
    Row& row = t.rows[*smallest];
    row.cells[col] = {kSecondarySuppressed, std::nullopt};
    ++hidden_cells;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      // Text-only cells count too: an interval like 0.2–1.4 on a known population gives the count away.
      if (derived_from(t.columns[i].key, k, n) && reveals(row.cells[i])) row.cells[i] = {kSecondarySuppressed, std::nullopt};
    }
  }
  if (hidden_cells > 0) {
    t.notes.push_back(std::string(kSecondarySuppressed) +
                      " hidden so that a count shown as <N cannot be worked out from the total (secondary "
                      "suppression), with the figures derived from it.");
  }
  return hidden_cells;
}

}  // namespace csa::table
