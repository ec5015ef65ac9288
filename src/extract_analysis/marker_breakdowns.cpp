#include "extract_analysis/marker_breakdowns.hpp"

#include <fmt/format.h>

#include "extract_analysis/cadet.hpp"

namespace csa::extract_analysis {

table::Table marker_by_offence_table(const offence::Hierarchy& h, extract::Marker marker, const extract::ExtractSet& crimes,
                                     const Scope& scope, const period::Window& window, int max_depth) {
  auto sel = select(crimes, scope, window);
  std::vector<std::size_t> marked;
  for (std::size_t r : sel.rows)
    if (crimes.records[r].has_marker(marker)) marked.push_back(r);
  const auto all = count_hierarchy(h, crimes, sel.rows);
  const auto with = count_hierarchy(h, crimes, marked);
  std::string label;
  for (const auto& m : h.markers())
    if (m.marker == marker) label = m.label;
  if (label.empty()) label = std::string(extract::marker_name(marker));
  table::Table t;
  t.title = fmt::format("{} crimes by offence group, {}, {}", label, scope.geography->area(scope.area).name, window.label());
  t.columns = {{"node", "Id", table::Align::left},
               {"category", "Offence group", table::Align::left},
               {"count_marked", label},
               {"count_all", "All crimes"},
               {"share_of_group", fmt::format("{} share of group", label)},
               {"share_of_marked", fmt::format("% of {} crimes", label)}};
  const std::int64_t marked_total = with.nodes[static_cast<std::size_t>(h.all_crime())].value_or(0);
  std::vector<int> stack{h.all_crime()};
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    const auto& n = h.node(i);
    const auto a = with.nodes[static_cast<std::size_t>(i)].value_or(0), b = all.nodes[static_cast<std::size_t>(i)].value_or(0);
    t.rows.push_back({{{n.id, std::nullopt},
                       {std::string(static_cast<std::size_t>(2 * n.depth), ' ') + n.label, std::nullopt},
                       count_cell(a, scope),
                       count_cell(b, scope),
                       share_cell(a, b, scope),
                       share_cell(a, marked_total, scope)},
                      table::RowKind::body});
    if (n.depth < max_depth)
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
  }
  t.notes.push_back(fmt::format("{} share of group: crimes in the group carrying the marker, of all crimes in the group "
                                "(the Violence against the person row is the DA share of VAP for the domestic abuse marker).",
                                label));
  add_standard_notes(t, crimes, scope, {window}, {sel});
  return t;
}

table::Table hate_strand_table(const extract::ExtractSet& crimes, const Scope& scope, const period::Window& window) {
  auto sel = select(crimes, scope, window);
  std::array<std::int64_t, extract::kHateStrands> per{};
  std::int64_t hate = 0, no_strand = 0, several = 0;
  for (std::size_t r : sel.rows) {
    const auto& rec = crimes.records[r];
    if (!rec.has_marker(extract::marker_hate) && rec.hate_strands == 0) continue;
    ++hate;
    int strands = 0;
    for (int b = 0; b < extract::kHateStrands; ++b) {
      if (rec.hate_strands & (1u << b)) {
        ++per[static_cast<std::size_t>(b)];
        ++strands;
      }
    }
    if (strands == 0) ++no_strand;
    if (strands > 1) ++several;
  }
  table::Table t;
  t.title = fmt::format("Hate crimes by strand, {}, {}", scope.geography->area(scope.area).name, window.label());
  t.columns = {{"strand", "Strand", table::Align::left}, {"count", "Hate crimes"}, {"share", "% of hate crimes"}};
  for (int b = 0; b < extract::kHateStrands; ++b) {
    std::string name(extract::hate_strand_name(static_cast<extract::HateStrand>(1u << b)));
    for (auto& c : name)
      if (c == '_') c = ' ';
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    t.rows.push_back({{{name, std::nullopt}, count_cell(per[static_cast<std::size_t>(b)], scope),
                       share_cell(per[static_cast<std::size_t>(b)], hate, scope)}});
  }
  t.rows.push_back({{{"Strand not recorded", std::nullopt}, count_cell(no_strand, scope), share_cell(no_strand, hate, scope)}});
  t.rows.push_back({{{"All hate crimes", std::nullopt}, count_cell(hate, scope), share_cell(hate, hate, scope)}, table::RowKind::total});
  t.notes.push_back(fmt::format("A crime can be motivated by several strands and then counts in each ({} crimes have more than one), "
                                "so the strands can sum to more than all hate crimes.",
                                several));
  t.notes.push_back("A hate crime is a crime with the hate marker or any strand.");
  add_standard_notes(t, crimes, scope, {window}, {sel});
  return t;
}

}  // namespace csa::extract_analysis
