#include "table/secondary_suppression.hpp"

#include "table/lookup.hpp"

#include <algorithm>
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

namespace {
constexpr std::string_view kNote =
    " hidden so that a count shown as <N cannot be worked out from a total (secondary suppression), with the "
    "figures derived from it.";

void add_note(Table& t) {
  std::string note = std::string(kSecondarySuppressed) + std::string(kNote);
  if (std::find(t.notes.begin(), t.notes.end(), note) == t.notes.end()) t.notes.push_back(note);
}

// Hides the count and what is derived from it, without the note.
void hide(Table& t, std::size_t row, std::size_t col, int k, int n) {
  Row& r = t.rows[row];
  r.cells[col] = {kSecondarySuppressed, std::nullopt};
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    // Text-only cells count too: an interval like 0.2–1.4 on a known population gives the count away.
    if (derived_from(t.columns[i].key, k, n) && reveals(r.cells[i])) r.cells[i] = {kSecondarySuppressed, std::nullopt};
  }
}
}  // namespace

void hide_count(Table& t, std::size_t row, std::size_t count_column) {
  auto counts = count_columns(t);
  auto it = std::find(counts.begin(), counts.end(), count_column);
  if (it == counts.end() || row >= t.rows.size()) return;
  hide(t, row, count_column, static_cast<int>(it - counts.begin()), static_cast<int>(counts.size()));
  add_note(t);
}

int apply_secondary_suppression(Table& t) {
  const std::vector<std::size_t> counts = count_columns(t);
  int hidden_cells = 0;
  const int n = static_cast<int>(counts.size());
  for (int k = 0; k < n; ++k) {
    const std::size_t col = counts[static_cast<std::size_t>(k)];
    int hidden = 0;
    bool total_printed = false;
    std::optional<std::size_t> smallest;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const Cell& c = t.rows[r].cells[col];
      if (t.rows[r].kind == RowKind::total) {
        total_printed = total_printed || c.value.has_value();
        continue;
      }
      if (!c.value && (starts_with(c.text, "<") || c.text == kSecondarySuppressed)) ++hidden;
      if (c.value && *c.value > 0 && (!smallest || *c.value < *t.rows[*smallest].cells[col].value)) smallest = r;
    }
    if (hidden != 1 || !total_printed || !smallest) continue;
    hide(t, *smallest, col, k, n);
    ++hidden_cells;
  }
  if (hidden_cells > 0) add_note(t);
  return hidden_cells;
}

}  // namespace csa::table
