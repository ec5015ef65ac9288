#include "extract_analysis/cadet.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "table/secondary_suppression.hpp"

#include <map>

namespace csa::extract_analysis {

HierarchyCounts count_hierarchy(const offence::Hierarchy& h, const extract::ExtractSet& set,
                                const std::vector<std::size_t>& rows) {
  const std::size_t n = h.nodes().size();
  std::vector<std::int64_t> leaf(n, 0), by_group(n, 0);
  HierarchyCounts out;
  out.markers.assign(h.markers().size(), 0);
  // Nodes that say which Home Office group they are, by group name.
  std::vector<std::pair<std::string, int>> group_nodes;
  for (int i = 0; i < static_cast<int>(n); ++i)
    if (!h.node(i).ho_group.empty()) group_nodes.emplace_back(h.node(i).ho_group, i);
  for (std::size_t r : rows) {
    const auto& rec = set.records[r];
    auto c = h.codes().find(rec.code);
    if (!c) {
      ++out.code_not_in_list;
      continue;
    }
    const int l = h.leaf_of_code_index(*c);
    ++leaf[static_cast<std::size_t>(l)];
    for (const auto& [group, node] : group_nodes)
      if (h.codes().codes()[*c].group == group) ++by_group[static_cast<std::size_t>(node)];
    if (h.is_within(l, h.all_crime())) {
      for (std::size_t m = 0; m < h.markers().size(); ++m)
        if (rec.has_marker(h.markers()[m].marker)) ++out.markers[m];
    }
  }
  out.nodes.assign(n, std::nullopt);
  for (std::size_t i = 0; i < n; ++i) {
    if (h.node(static_cast<int>(i)).leaf()) out.nodes[i] = leaf[i];
    else if (!h.node(static_cast<int>(i)).ho_group.empty()) out.nodes[i] = by_group[i];
  }
  out.nodes = offence::roll_up(h, std::move(out.nodes));
  if (auto f = offence::sum_failures(h, out.nodes); !f.empty()) {
    throw InternalError("the offence hierarchy's counts do not add up: " + offence::describe(h, f));
  }
  return out;
}

namespace {

struct Line {
  std::string id;
  std::string label;
  std::int64_t earlier = 0;
  std::int64_t later = 0;
  table::RowKind kind = table::RowKind::body;
};

// Secondary suppression over the tree: a parent printed beside exactly one hidden child would give
// that child away (parent minus the others), so the smallest other non-zero child is hidden too, as
// [c] with its changes; repeated until no parent of either period has a single hidden child.
void hide_recoverable(const offence::Hierarchy& h, table::Table& t) {
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < t.rows.size(); ++r) row_of.emplace(t.rows[r].cells[0].text, r);
  auto is_hidden = [](const table::Cell& c) { return !c.value; };
  bool changed = true;
  bool any = false;
  while (changed) {
    changed = false;
    for (const auto& n : h.nodes()) {
      if (n.leaf() || !row_of.count(n.id)) continue;
      for (std::size_t col : {std::size_t{2}, std::size_t{3}}) {
        if (is_hidden(t.rows[row_of[n.id]].cells[col])) continue;
        int hidden = 0;
        std::optional<std::size_t> smallest;
        for (int c : n.children) {
          const std::size_t r = row_of.at(h.node(c).id);
          const auto& cell = t.rows[r].cells[col];
          if (is_hidden(cell)) ++hidden;
          else if (*cell.value > 0 && (!smallest || *cell.value < *t.rows[*smallest].cells[col].value)) smallest = r;
        }
        if (hidden != 1 || !smallest) continue;
        auto& row = t.rows[*smallest];
        row.cells[col] = {table::kSecondarySuppressed, std::nullopt};
        for (std::size_t k = 4; k < row.cells.size(); ++k) row.cells[k] = {"-", std::nullopt};
        changed = any = true;
      }
    }
  }
  if (any) {
    t.notes.push_back(std::string(table::kSecondarySuppressed) +
                      " hidden so that a count shown as <N cannot be worked out from its parent minus the other rows "
                      "(secondary suppression), with the changes derived from it.");
  }
}

}  // namespace

table::Table cadet_table_from_counts(const offence::Hierarchy& h, const HierarchyCounts& earlier,
                                     const HierarchyCounts& later, const CadetRequest& request, const Scope& scope) {
  std::vector<Line> lines;
  auto count = [](const HierarchyCounts& c, int i) { return c.nodes.at(static_cast<std::size_t>(i)).value_or(0); };
  auto add_tree = [&](int root) {
    // Depth first in printed order (children are in file order).
    std::vector<int> stack{root};
    while (!stack.empty()) {
      int i = stack.back();
      stack.pop_back();
      const auto& node = h.node(i);
      lines.push_back({node.id, std::string(static_cast<std::size_t>(2 * node.depth), ' ') + node.label, count(earlier, i),
                       count(later, i), table::RowKind::body});
      for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) stack.push_back(*it);
    }
  };
  add_tree(h.all_crime());
  if (request.markers) {
    for (std::size_t m = 0; m < h.markers().size(); ++m) {
      lines.push_back({"marker_" + h.markers()[m].key, h.markers()[m].label, earlier.markers.at(m), later.markers.at(m)});
    }
  }
  if (request.fraud) {
    for (int i = 0; i < static_cast<int>(h.nodes().size()); ++i)
      if (h.node(i).parent < 0 && i != h.all_crime()) add_tree(i);
  }

  table::Table t;
  t.title = fmt::format("Police recorded crime by offence category: {} compared with {}", request.later.label(),
                        request.earlier.label());
  t.columns = {{"node", "Id", table::Align::left},
               {"category", "Category", table::Align::left},
               {"count_earlier", request.earlier.label()},
               {"count_later", request.later.label()}};
  if (request.style == CadetRequest::ChangeStyle::cadet) {
    t.columns.push_back({"change_volume", "Numeric change"});
    t.columns.push_back({"change_percent", "Apparent change"});
  } else {
    t.columns.push_back({"change", "Percentage and volume change"});
  }
  for (const auto& l : lines) {
    table::Row row;
    row.kind = l.kind;
    row.cells = {{l.id, std::nullopt}, {l.label, std::nullopt}, count_cell(l.earlier, scope), count_cell(l.later, scope)};
    const bool hide = hidden(l.earlier, scope) || hidden(l.later, scope);
    const auto change = measure::compute_change(l.earlier, l.later);
    const std::optional<double> pct = change.percent ? std::optional<double>(change.percent->to_double()) : std::nullopt;
    if (request.style == CadetRequest::ChangeStyle::cadet) {
      if (hide) {
        row.cells.push_back({"-", std::nullopt});
        row.cells.push_back({"-", std::nullopt});
      } else {
        row.cells.push_back({measure::format_plain_change(change), static_cast<double>(change.diff)});
        row.cells.push_back({measure::format_cadet_percent(change), pct});
      }
    } else {
      row.cells.push_back(hide ? table::Cell{"-", std::nullopt}
                               : table::Cell{measure::format_percent_and_volume(change, request.seeds_style), pct});
    }
    t.rows.push_back(std::move(row));
  }
  if (scope.suppress) hide_recoverable(h, t);
  t.notes.push_back(fmt::format("Offence hierarchy: {} over the Home Office code list {} ({} codes).", h.source(),
                                h.codes().source(), h.codes().size()));
  t.notes.push_back("Fraud recorded by Action Fraud, CIFAS and UK Finance is not in All crime (police recorded crime "
                    "tables for a CSP exclude it); it is shown on its own after the markers.");
  if (request.markers) t.notes.push_back("Marker rows count crimes in All crime that carry the force's marker; a crime can carry several.");
  if (request.style == CadetRequest::ChangeStyle::cadet) {
    t.notes.push_back("Apparent change: percent of the earlier count to one decimal, half away from zero; No Calc when the "
                      "earlier count is 0.");
  }
  for (const HierarchyCounts* c : {&earlier, &later}) {
    if (c->code_not_in_list > 0) {
      t.notes.push_back(fmt::format("{} {} crimes have an offence code the list lacks and are in no row.",
                                    c == &earlier ? request.earlier.label() : request.later.label(),
                                    with_commas(c->code_not_in_list)));
    }
  }
  return t;
}

table::Table cadet_table(const offence::Hierarchy& h, const extract::ExtractSet& crimes, const Scope& scope,
                         const CadetRequest& request) {
  if (crimes.kind != extract::DatasetKind::crime) throw InputError("the CADET table needs a crime extract");
  auto a = select(crimes, scope, request.earlier);
  auto b = select(crimes, scope, request.later);
  auto t = cadet_table_from_counts(h, count_hierarchy(h, crimes, a.rows), count_hierarchy(h, crimes, b.rows), request, scope);
  t.title += " in " + scope.geography->area(scope.area).name;
  add_standard_notes(t, crimes, scope, {request.earlier, request.later}, {a, b});
  return t;
}

}  // namespace csa::extract_analysis
