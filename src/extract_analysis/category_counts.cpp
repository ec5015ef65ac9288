#include "extract_analysis/category_counts.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "extract_analysis/pyramid.hpp"
#include "measure/change.hpp"
#include "table/secondary_suppression.hpp"

namespace csa::extract_analysis {

std::string age_band_label(std::int16_t age) {
  if (age < 0) return "Unknown";
  for (const auto& b : pyramid_bands())
    if (age >= b.from && age <= b.to) return b.label;
  return "Unknown";
}

table::Table category_table(const CategoryTableSpec& spec, const extract::ExtractSet& set, const Scope& scope,
                            const std::vector<period::Window>& windows) {
  std::vector<std::string> labels = spec.order;
  std::map<std::string, std::vector<std::int64_t>> counts;
  for (const auto& l : labels) counts[l].assign(windows.size(), 0);
  std::vector<Selection> selections;
  std::vector<std::int64_t> totals(windows.size(), 0);
  for (std::size_t k = 0; k < windows.size(); ++k) {
    selections.push_back(select(set, scope, windows[k]));
    for (std::size_t r : selections.back().rows) {
      std::string c = spec.categorise(set.records[r]);
      auto [it, fresh] = counts.try_emplace(c, std::vector<std::int64_t>(windows.size(), 0));
      if (fresh) labels.push_back(c);
      ++it->second[k];
      ++totals[k];
    }
  }
  table::Table t;
  t.title = fmt::format("{}, {}", spec.title, scope.geography->area(scope.area).name);
  t.columns.push_back({"category", spec.row_heading, table::Align::left});
  for (const auto& w : windows) t.columns.push_back({"count_" + w.label(), w.label()});
  if (windows.size() >= 2) t.columns.push_back({"change_1y", "Change"});
  auto add = [&](const std::string& label, const std::vector<std::int64_t>& c, table::RowKind kind) {
    table::Row row;
    row.kind = kind;
    row.cells.push_back({label, std::nullopt});
    for (auto n : c) row.cells.push_back(count_cell(n, scope));
    if (windows.size() >= 2) {
      const auto a = c[c.size() - 2], b = c.back();
      if (hidden(a, scope) || hidden(b, scope)) {
        row.cells.push_back({"-", std::nullopt});
      } else {
        auto ch = measure::compute_change(a, b);
        row.cells.push_back({measure::format_percent_and_volume(ch), ch.percent ? std::optional<double>(ch.percent->to_double()) : std::nullopt});
      }
    }
    t.rows.push_back(std::move(row));
  };
  for (const auto& l : labels) add(l, counts[l], table::RowKind::body);
  add("Total", totals, table::RowKind::total);
  if (windows.size() >= 2) {
    t.notes.push_back(fmt::format("Change: {} against {}, whole percent and volume; (+N) alone when the earlier count is 0.",
                                  windows.back().label(), windows[windows.size() - 2].label()));
  }
  if (scope.suppress) table::apply_secondary_suppression(t);
  add_standard_notes(t, set, scope, windows, selections);
  return t;
}

}  // namespace csa::extract_analysis
