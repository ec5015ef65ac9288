#include "extract_analysis/time_of_day.hpp"

#include <chrono>

#include <fmt/format.h>

#include "core/thousands.hpp"

namespace csa::extract_analysis {

int weekday_of_day(std::int32_t day) {
  const std::chrono::weekday wd{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(wd.iso_encoding()) - 1;
}

DayHourMatrix day_hour_matrix(const extract::ExtractSet& set, const std::vector<std::size_t>& rows) {
  DayHourMatrix m;
  for (std::size_t r : rows) {
    const auto& rec = set.records[r];
    ++m.records;
    if (rec.start_day == extract::kNoDay || rec.start_minute < 0 || rec.start_minute >= 24 * 60) {
      ++m.without_time;
      continue;
    }
    ++m.counts[static_cast<std::size_t>(weekday_of_day(rec.start_day))][static_cast<std::size_t>(rec.start_minute / 60)];
  }
  return m;
}

table::Table time_of_day_table(const extract::ExtractSet& set, const Scope& scope, const period::Window& window) {
  static const char* kDays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  auto sel = select(set, scope, window);
  auto m = day_hour_matrix(set, sel.rows);
  table::Table t;
  t.title = fmt::format("{} by day of week and hour of start, {}, {}",
                        set.kind == extract::DatasetKind::crime ? "Crimes" : "Incidents", scope.geography->area(scope.area).name,
                        window.label());
  t.columns.push_back({"day", "Day", table::Align::left});
  for (int h = 0; h < 24; ++h) t.columns.push_back({fmt::format("count_h{:02}", h), fmt::format("{:02}", h)});
  t.columns.push_back({"count_total", "Total"});
  std::array<std::int64_t, 24> by_hour{};
  std::int64_t all = 0;
  for (int d = 0; d < 7; ++d) {
    table::Row row;
    row.cells.push_back({kDays[d], std::nullopt});
    std::int64_t day_total = 0;
    for (int h = 0; h < 24; ++h) {
      const auto n = m.counts[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)];
      row.cells.push_back(count_cell(n, scope));
      day_total += n;
      by_hour[static_cast<std::size_t>(h)] += n;
    }
    row.cells.push_back(count_cell(day_total, scope));
    all += day_total;
    t.rows.push_back(std::move(row));
  }
  table::Row total;
  total.kind = table::RowKind::total;
  total.cells.push_back({"All days", std::nullopt});
  for (auto n : by_hour) total.cells.push_back(count_cell(n, scope));
  total.cells.push_back(count_cell(all, scope));
  t.rows.push_back(std::move(total));
  t.notes.push_back("Day and hour are those of the offence or incident start (hour 00 is 00:00-00:59).");
  t.notes.push_back(fmt::format("{} of the {} records have no start time and are not in the matrix.", with_commas(m.without_time),
                                with_commas(m.records)));
  add_standard_notes(t, set, scope, {window}, {sel});
  return t;
}

}  // namespace csa::extract_analysis
