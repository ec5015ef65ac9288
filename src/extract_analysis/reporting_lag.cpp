#include "extract_analysis/reporting_lag.hpp"

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "core/thousands.hpp"

namespace csa::extract_analysis {

int whole_years_between(std::int32_t start_day, std::int32_t recorded_day) {
  using namespace std::chrono;
  if (recorded_day < start_day) return -1;
  const year_month_day a{sys_days{days{start_day}}}, b{sys_days{days{recorded_day}}};
  int years = static_cast<int>(b.year()) - static_cast<int>(a.year());
  // Not yet the anniversary in the recorded year.
  if (b.month() < a.month() || (b.month() == a.month() && b.day() < a.day())) --years;
  return years;
}

table::Table reporting_lag_table(const offence::Hierarchy& h, int node, const extract::ExtractSet& crimes, const Scope& scope,
                                 const std::vector<period::Window>& windows) {
  static const std::array<const char*, 4> kBands = {"Under 1 year", "1-4 years", "5-9 years", "10 years or more"};
  table::Table t;
  t.title = fmt::format("Years between offence start and recorded date{}, {}", node >= 0 ? ": " + h.node(node).label : std::string(),
                        scope.geography->area(scope.area).name);
  t.columns.push_back({"lag", "Reporting lag", table::Align::left});
  for (const auto& w : windows) {
    t.columns.push_back({"count_" + w.label(), w.label()});
    t.columns.push_back({"share_" + w.label(), w.label() + " share"});
  }
  std::vector<std::array<std::int64_t, 4>> bands(windows.size(), {0, 0, 0, 0});
  std::vector<std::int64_t> base(windows.size(), 0), no_start(windows.size(), 0), negative(windows.size(), 0);
  std::vector<Selection> selections;
  for (std::size_t k = 0; k < windows.size(); ++k) {
    selections.push_back(select(crimes, scope, windows[k]));
    for (std::size_t r : selections.back().rows) {
      const auto& rec = crimes.records[r];
      if (node >= 0) {
        int leaf = h.leaf_of_code(rec.code);
        if (leaf < 0 || !h.is_within(leaf, node)) continue;
      }
      if (rec.start_day == extract::kNoDay) {
        ++no_start[k];
        continue;
      }
      const int y = whole_years_between(rec.start_day, rec.recorded_day);
      if (y < 0) {
        ++negative[k];
        continue;
      }
      ++base[k];
      ++bands[k][y < 1 ? 0 : y < 5 ? 1 : y < 10 ? 2 : 3];
    }
  }
  for (std::size_t b = 0; b <= kBands.size(); ++b) {
    table::Row row;
    row.cells.push_back({b < kBands.size() ? kBands[b] : "At least 12 months", std::nullopt});
    for (std::size_t k = 0; k < windows.size(); ++k) {
      const std::int64_t n = b < kBands.size() ? bands[k][b] : base[k] - bands[k][0];
      row.cells.push_back(count_cell(n, scope));
      row.cells.push_back(share_cell(n, base[k], scope));
    }
    t.rows.push_back(std::move(row));
  }
  table::Row total;
  total.kind = table::RowKind::total;
  total.cells.push_back({"Crimes with a start date", std::nullopt});
  for (std::size_t k = 0; k < windows.size(); ++k) {
    total.cells.push_back(count_cell(base[k], scope));
    total.cells.push_back(share_cell(base[k], base[k], scope));
  }
  t.rows.push_back(std::move(total));
  t.notes.push_back("Lag: whole years from the offence start date (not its end date) to the recorded date; 'At least 12 months' "
                    "is every band but the first. Shares are of crimes with a start date.");
  for (std::size_t k = 0; k < windows.size(); ++k) {
    if (no_start[k] + negative[k] > 0) {
      t.notes.push_back(fmt::format("{}: {} crimes have no start date and {} a start date after the recorded date; not in the bands.",
                                    windows[k].label(), with_commas(no_start[k]), with_commas(negative[k])));
    }
  }
  add_standard_notes(t, crimes, scope, windows, selections);
  return t;
}

}  // namespace csa::extract_analysis
