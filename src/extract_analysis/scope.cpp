#include "extract_analysis/scope.hpp"

#include <chrono>
#include <set>

#include <fmt/format.h>

#include "core/thousands.hpp"
#include "measure/share.hpp"

namespace csa::extract_analysis {

DateBasis date_basis(extract::DatasetKind kind) {
  return kind == extract::DatasetKind::crime ? DateBasis::recorded : DateBasis::start;
}

Scope scope_for(const dataset::Geography& geography, int area) {
  Scope s;
  s.geography = &geography;
  s.area = area;
  const auto level = geography.area(area).level;
  s.suppress = level == dataset::Level::ward || level == dataset::Level::lsoa;
  return s;
}

period::Month month_of_day(std::int32_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return period::Month(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())));
}

int ward_of(const extract::Record& r, const dataset::Geography& g) {
  if (r.ward_code.empty() && r.lsoa_code.empty()) return -1;
  if (!r.ward_code.empty()) {
    int w = g.find_code(r.ward_code);
    if (w >= 0 && g.area(w).level == dataset::Level::ward) return w;
  }
  if (!r.lsoa_code.empty()) {
    int l = g.find_code(r.lsoa_code);
    if (l >= 0) {
      int w = g.ancestor(l, dataset::Level::ward);
      if (w >= 0) return w;
    }
  }
  return -2;
}

Selection select(const extract::ExtractSet& set, const Scope& scope, const period::Window& window) {
  return select(set, scope, window, date_basis(set.kind));
}

Selection select(const extract::ExtractSet& set, const Scope& scope, const period::Window& window, DateBasis basis) {
  Selection s;
  const auto& g = *scope.geography;
  const auto level = g.area(scope.area).level;
  for (std::size_t i = 0; i < set.records.size(); ++i) {
    const auto& r = set.records[i];
    const std::int32_t day = basis == DateBasis::recorded ? r.recorded_day : r.start_day;
    if (day == extract::kNoDay) {
      ++s.without_date;
      continue;
    }
    if (!window.contains(month_of_day(day))) continue;
    ++s.in_period;
    const int w = ward_of(r, g);
    if (w == -1) {
      ++s.location_unknown;
    } else if (w == -2) {
      ++s.location_not_in_lookup;
    } else if (g.ancestor(w, level) != scope.area) {
      ++s.outside_area;
    } else {
      s.rows.push_back(i);
    }
  }
  return s;
}

bool hidden(std::int64_t count, const Scope& scope) { return scope.suppress && measure::is_suppressed(count, scope.suppression); }

table::Cell count_cell(std::int64_t count, const Scope& scope) {
  if (hidden(count, scope)) return {measure::format_count(count, scope.suppression), std::nullopt};
  return {std::to_string(count), static_cast<double>(count)};
}

table::Cell share_cell(std::int64_t part, std::int64_t parent, const Scope& scope) {
  if (hidden(part, scope) || hidden(parent, scope)) return {measure::format_count(1, scope.suppression), std::nullopt};
  auto p = measure::share_percent(part, parent);
  if (!p) return {std::string(measure::kNoShareText), std::nullopt};
  return {measure::format_share(part, parent), p->to_double()};
}

void add_standard_notes(table::Table& t, const extract::ExtractSet& set, const Scope& scope,
                        const std::vector<period::Window>& windows, const std::vector<Selection>& selections) {
  if (set.any_synthetic() && (t.notes.empty() || t.notes.front() != kSyntheticNote)) {
    t.notes.insert(t.notes.begin(), kSyntheticNote);
  }
  std::set<std::string> sources;
  for (const auto& b : set.batches) sources.insert(b.source.empty() ? b.file_name : b.source);
  std::string src;
  for (const auto& s : sources) src += (src.empty() ? "" : "; ") + s;
  if (!src.empty()) t.notes.push_back("Source: " + src + ".");
  const bool recorded = date_basis(set.kind) == DateBasis::recorded;
  t.notes.push_back(recorded ? "Crimes are counted by the date they were recorded (police recorded crime convention)."
                             : "Incidents are counted by the date they started.");
  const auto& g = *scope.geography;
  t.notes.push_back(fmt::format("Area: {} ({}); a record is placed by its ward, or by the best-fit ward of its LSOA ({}).",
                                g.area(scope.area).name, g.area(scope.area).code,
                                g.lookup_label().empty() ? "the loaded lookup" : g.lookup_label()));
  for (std::size_t k = 0; k < selections.size() && k < windows.size(); ++k) {
    const auto& s = selections[k];
    if (s.location_unknown + s.location_not_in_lookup == 0) continue;
    t.notes.push_back(fmt::format("{}: {} records have no ward or LSOA and {} have codes the loaded geography lacks; "
                                  "they are not in this table (location unknown).",
                                  windows[k].label(), with_commas(s.location_unknown), with_commas(s.location_not_in_lookup)));
  }
  if (!selections.empty() && selections.front().without_date > 0) {
    t.notes.push_back(fmt::format("{} records have no {} date and are in no period.", with_commas(selections.front().without_date),
                                  recorded ? "recorded" : "start"));
  }
  if (scope.suppress) {
    t.notes.push_back(fmt::format("Counts from 1 to {} are shown as {} (small-number suppression below district level).",
                                  scope.suppression.threshold - 1, measure::format_count(1, scope.suppression)));
  }
}

}  // namespace csa::extract_analysis
