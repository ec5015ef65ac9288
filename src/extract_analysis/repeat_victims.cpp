#include "extract_analysis/repeat_victims.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "core/thousands.hpp"

namespace csa::extract_analysis {

table::Table repeat_victims_table(const extract::ExtractSet& set, const Scope& scope, const std::vector<period::Window>& windows) {
  table::Table t;
  t.title = fmt::format("Repeat victims ({}), {}", extract::dataset_kind_name(set.kind), scope.geography->area(scope.area).name);
  t.columns = {{"period", "Period", table::Align::left}, {"count_victims", "Victims"},
               {"count_repeat", "Repeat victims (2+)"},   {"share_repeat", "% of victims"},
               {"count_records", "Records with a victim"}, {"count_repeat_records", "Records against repeat victims"},
               {"share_repeat_records", "% of records"}};
  std::vector<Selection> selections;
  for (const auto& w : windows) {
    selections.push_back(select(set, scope, w));
    std::unordered_map<std::string, std::int64_t> per;
    std::int64_t with_id = 0, without = 0;
    for (std::size_t r : selections.back().rows) {
      const auto& id = set.records[r].victim_id;
      if (id.empty()) {
        ++without;
        continue;
      }
      ++per[id];
      ++with_id;
    }
    std::int64_t repeat = 0, repeat_records = 0;
    for (const auto& [id, n] : per) {
      if (n >= 2) {
        ++repeat;
        repeat_records += n;
      }
    }
    const auto victims = static_cast<std::int64_t>(per.size());
    t.rows.push_back({{{w.label(), std::nullopt}, count_cell(victims, scope), count_cell(repeat, scope),
                       share_cell(repeat, victims, scope), count_cell(with_id, scope), count_cell(repeat_records, scope),
                       share_cell(repeat_records, with_id, scope)}});
    if (without > 0) {
      t.notes.push_back(fmt::format("{}: {} records have no victim id and are not counted.", w.label(), with_commas(without)));
    }
  }
  t.notes.push_back("A repeat victim has two or more records in the same period, in this area, by victim id.");
  add_standard_notes(t, set, scope, windows, selections);
  return t;
}

}  // namespace csa::extract_analysis
