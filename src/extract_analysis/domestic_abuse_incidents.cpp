#include "extract_analysis/domestic_abuse_incidents.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::extract_analysis {

table::Table da_incidents_table_from_counts(const std::vector<period::Window>& windows, const std::vector<DaYearCounts>& counts,
                                            const Scope& scope) {
  if (windows.size() != counts.size()) throw InternalError("da_incidents_table: one count per window");
  table::Table t;
  t.title = "Domestic abuse incidents and crimes recorded";
  t.columns.push_back({"category", "Incident category", table::Align::left});
  for (const auto& w : windows) t.columns.push_back({"count_" + w.label(), w.label()});
  bool any_not_stated = false;
  for (const auto& c : counts) any_not_stated = any_not_stated || c.not_stated > 0;
  auto add = [&](const char* label, auto value_of, table::RowKind kind = table::RowKind::body) {
    table::Row r;
    r.kind = kind;
    r.cells.push_back({label, std::nullopt});
    for (const auto& c : counts) r.cells.push_back(value_of(c));
    t.rows.push_back(std::move(r));
  };
  auto incidents = [](const DaYearCounts& c) { return c.crimed + c.incident_only + c.not_stated; };
  auto total = [](const DaYearCounts& c) { return c.crimes + c.incident_only; };
  add("Total police recorded DA (incidents & crimes)", [&](const DaYearCounts& c) { return count_cell(total(c), scope); });
  add("Total DA marked crimes", [&](const DaYearCounts& c) { return count_cell(c.crimes, scope); });
  add("Total DA incidents", [&](const DaYearCounts& c) { return count_cell(incidents(c), scope); });
  add("Incidents that result in a crime being recorded", [&](const DaYearCounts& c) { return count_cell(c.crimed, scope); });
  add("Incidents that remain as incident only", [&](const DaYearCounts& c) { return count_cell(c.incident_only, scope); });
  if (any_not_stated) add("Incidents whose outcome (crimed or not) is not recorded", [&](const DaYearCounts& c) { return count_cell(c.not_stated, scope); });
  add("Proportion of incidents that were 'crimed'", [&](const DaYearCounts& c) { return share_cell(c.crimed, incidents(c), scope); });
  add("Proportion of total recorded DA that were crimes", [&](const DaYearCounts& c) { return share_cell(c.crimes, total(c), scope); });
  t.notes.push_back("Total police recorded DA = DA-marked crimes + incidents that remain incident only (a crimed incident is "
                    "already one of the crimes).");
  t.notes.push_back("Proportion of total recorded DA that were crimes = DA-marked crimes / total police recorded DA. Seed 002 "
                    "Table 6 printed crimes / (crimes + crimed incidents) under this label (61% where 1776/2706 = 66%), "
                    "which counts crimed incidents twice; see golden/README.md section 5.");
  if (any_not_stated) {
    t.notes.push_back("Incidents whose crimed flag is not recorded are in Total DA incidents but in neither sub-row, and not in "
                      "Total police recorded DA.");
  }
  return t;
}

table::Table da_incidents_table(const extract::ExtractSet& crimes, const extract::ExtractSet& incidents, const Scope& scope,
                                const std::vector<period::Window>& windows) {
  if (crimes.kind != extract::DatasetKind::crime || incidents.kind != extract::DatasetKind::da_incident) {
    throw InternalError("da_incidents_table: needs a crime set and a DA incident set");
  }
  std::vector<DaYearCounts> counts;
  std::vector<Selection> crime_sel, incident_sel;
  for (const auto& w : windows) {
    DaYearCounts c;
    auto a = select(crimes, scope, w);
    for (std::size_t r : a.rows)
      if (crimes.records[r].has_marker(extract::marker_domestic_abuse)) ++c.crimes;
    auto b = select(incidents, scope, w);
    for (std::size_t r : b.rows) {
      const auto crimed = incidents.records[r].crimed;
      if (crimed == 1) ++c.crimed;
      else if (crimed == 0) ++c.incident_only;
      else ++c.not_stated;
    }
    counts.push_back(c);
    crime_sel.push_back(a);
    incident_sel.push_back(b);
  }
  auto t = da_incidents_table_from_counts(windows, counts, scope);
  t.title += " in " + scope.geography->area(scope.area).name;
  t.notes.push_back("Crimes:");
  add_standard_notes(t, crimes, scope, windows, crime_sel);
  t.notes.push_back("Incidents:");
  add_standard_notes(t, incidents, scope, windows, incident_sel);
  return t;
}

}  // namespace csa::extract_analysis
