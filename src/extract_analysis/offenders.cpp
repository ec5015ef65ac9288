#include "extract_analysis/offenders.hpp"

#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/thousands.hpp"

namespace csa::extract_analysis {

table::Table offenders_table(const extract::ExtractSet& crimes, const Scope& scope, const OffenderRequest& request) {
  if (request.persistent_from < 2) throw InputError(fmt::format("--persistent-from {} must be 2 or more", request.persistent_from));
  auto sel = select(crimes, scope, request.window);
  std::unordered_map<std::string, std::int64_t> per;
  std::int64_t without = 0, linked = 0;
  for (std::size_t r : sel.rows) {
    const auto& id = crimes.records[r].offender_id;
    if (id.empty()) {
      ++without;
      continue;
    }
    ++per[id];
    ++linked;
  }
  struct Band {
    const char* label;
    std::int64_t from, to;
  };
  static const std::array<Band, 6> kBands = {{{"1 crime", 1, 1},
                                              {"2 crimes", 2, 2},
                                              {"3 crimes", 3, 3},
                                              {"4-5 crimes", 4, 5},
                                              {"6-9 crimes", 6, 9},
                                              {"10 or more crimes", 10, INT64_MAX}}};
  std::array<std::int64_t, 6> off{}, cr{};
  std::int64_t persistent = 0, persistent_crimes = 0;
  for (const auto& [id, n] : per) {
    for (std::size_t b = 0; b < kBands.size(); ++b) {
      if (n >= kBands[b].from && n <= kBands[b].to) {
        ++off[b];
        cr[b] += n;
      }
    }
    if (n >= request.persistent_from) {
      ++persistent;
      persistent_crimes += n;
    }
  }
  const auto offenders = static_cast<std::int64_t>(per.size());
  table::Table t;
  t.title = fmt::format("Crimes per offender, {}, {}", scope.geography->area(scope.area).name, request.window.label());
  t.columns = {{"band", "Crimes linked in the period", table::Align::left},
               {"count_offenders", "Offenders"},
               {"share_offenders", "% of offenders"},
               {"count_crimes", "Crimes"},
               {"share_crimes", "% of crimes"}};
  auto add = [&](const std::string& label, std::int64_t o, std::int64_t c, table::RowKind kind = table::RowKind::body) {
    t.rows.push_back({{{label, std::nullopt}, count_cell(o, scope), share_cell(o, offenders, scope), count_cell(c, scope),
                       share_cell(c, linked, scope)},
                      kind});
  };
  for (std::size_t b = 0; b < kBands.size(); ++b) add(kBands[b].label, off[b], cr[b]);
  add("All offenders", offenders, linked, table::RowKind::total);
  add(fmt::format("Persistent ({} or more crimes)", request.persistent_from), persistent, persistent_crimes);
  t.notes.push_back("An offender is an offender id of the extract; a crime counts for its main offender only. Shares of crimes are "
                    "of crimes with an offender id.");
  t.notes.push_back(fmt::format("Persistent offender: {} or more crimes in the period (seed 000: six or more offences in a "
                                "twelve month period; --persistent-from).",
                                request.persistent_from));
  t.notes.push_back(fmt::format("{} of the {} crimes have no offender id and are not in this table.", with_commas(without),
                                with_commas(static_cast<std::int64_t>(sel.rows.size()))));
  add_standard_notes(t, crimes, scope, {request.window}, {sel});
  return t;
}

}  // namespace csa::extract_analysis
