#include "report/self_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "measure/change.hpp"
#include "measure/share.hpp"
#include "table/lookup.hpp"

namespace csa::report {
namespace {

using document::FigureBlock;
using document::TableBlock;

std::vector<const TableBlock*> tables_of(const document::Document& doc) {
  std::vector<const TableBlock*> out;
  for (const auto& b : doc.blocks) {
    if (const auto* t = std::get_if<TableBlock>(&b)) out.push_back(t);
  }
  return out;
}

// A column position as an int (-1: absent), as the checks below index cells with them.
int column_of(const table::Table& t, std::string_view key) {
  auto c = table::column_index(t, key);
  return c ? static_cast<int>(*c) : -1;
}

using table::find_row;

// Tables of small-area counts with a total row: a district's wards ("…-wards") and a ward's themes
// ("tbl-profile-…"); the suppression rules apply to both.
bool is_ward_table(const TableBlock& t) {
  return (t.id.size() > 6 && t.id.substr(t.id.size() - 6) == "-wards") || t.id.rfind("tbl-profile-", 0) == 0;
}

class Checker {
 public:
  Checker(const document::Document& doc, const Claims& claims, const taxonomy::Taxonomy& taxonomy, std::int64_t suppress_under)
      : doc_(doc), claims_(claims), taxonomy_(taxonomy), threshold_(suppress_under) {
    for (const auto* t : tables_of(doc)) tables_[t->id] = t;
  }

  SelfCheckReport run() {
    claims();
    groups_add_up();
    changes_recompute();
    numbering();
    suppression();
    linked_suppression();
    hotspot_tables();
    return std::move(report_);
  }

 private:
  void fail(const std::string& check, std::string detail) { report_.failures.push_back({check, std::move(detail)}); }

  void claims() {
    std::size_t before = report_.failures.size();
    for (const auto& c : claims_.all()) {
      auto it = tables_.find(c.table_id);
      if (it == tables_.end()) {
        fail("text equals tables", fmt::format("'{}' cites table '{}', which is not in the document", c.printed, c.table_id));
        continue;
      }
      const table::Table& t = it->second->table;
      const table::Row* row = find_row(t, c.row);
      int col = column_of(t, c.column);
      if (row == nullptr || col < 0 || static_cast<std::size_t>(col) >= row->cells.size()) {
        fail("text equals tables", fmt::format("'{}' cites row '{}', column '{}' of table {}, which it lacks", c.printed,
                                               c.row, c.column, it->second->number));
        continue;
      }
      const auto& cell = row->cells[static_cast<std::size_t>(col)];
      if (!cell.value || std::abs(*cell.value - c.value) > c.tolerance * std::max(1.0, std::abs(c.value))) {
        fail("text equals tables", fmt::format("the text says '{}' ({}) for {} / {}, but table {} shows '{}'", c.printed,
                                               c.value, c.row, c.column, it->second->number, cell.text));
      }
    }
    if (report_.failures.size() == before) {
      report_.passed.push_back(fmt::format("text equals tables: {} figures quoted in the text match their table cells",
                                           claims_.all().size()));
    }
  }

  void groups_add_up() {
    auto it = tables_.find("tbl-overview");
    if (it == tables_.end()) return;
    const table::Table& t = it->second->table;
    std::size_t before = report_.failures.size(), checked = 0;
    for (const auto& grp : taxonomy_.groups()) {
      const table::Row* total = find_row(t, grp.label);
      if (total == nullptr) continue;
      for (std::size_t col : table::count_columns(t)) {
        const auto& cell = total->cells[static_cast<std::size_t>(col)];
        if (!cell.value) continue;
        double sum = 0;
        bool complete = true;
        for (std::size_t th : grp.themes) {
          const table::Row* r = find_row(t, taxonomy_.themes()[th].label);
          if (r == nullptr || !r->cells[static_cast<std::size_t>(col)].value) {
            complete = false;
            break;
          }
          sum += *r->cells[static_cast<std::size_t>(col)].value;
        }
        if (!complete) continue;  // a suppressed part: the sum cannot be checked from the printed table
        ++checked;
        if (sum != *cell.value) {
          fail("groups add up", fmt::format("{} in {} is {}, but its themes add up to {}", grp.label,
                                            t.columns[static_cast<std::size_t>(col)].title, *cell.value, sum));
        }
      }
    }
    if (report_.failures.size() == before) {
      report_.passed.push_back(fmt::format("groups add up: {} group totals equal the sum of their themes", checked));
    }
  }

  // Every change cell (change_1y, change_Ny) recomputes from the row's first and last count columns it
  // names, and every share of all crime from the row's count and the all-crime row.
  void changes_recompute() {
    std::size_t before = report_.failures.size(), checked = 0;
    for (const auto& [id, block] : tables_) {
      const table::Table& t = block->table;
      auto counts = table::count_columns(t);
      if (counts.size() < 2) continue;
      int c1 = column_of(t, "change_1y");
      int cn = column_of(t, fmt::format("change_{}y", counts.size() - 1));
      int share = column_of(t, "share_of_all_crime");
      const table::Row* all = find_row(t, "All crime");
      for (const auto& r : t.rows) {
        auto value = [&](int col) { return r.cells[static_cast<std::size_t>(col)].value; };
        auto check_change = [&](int col, int from, int to) {
          if (col < 0 || !value(col) || !value(from) || !value(to) || *value(from) == 0) return;
          ++checked;
          auto c = measure::compute_change(static_cast<std::int64_t>(*value(from)), static_cast<std::int64_t>(*value(to)));
          if (std::abs(c.percent->to_double() - *value(col)) > 1e-9) {
            fail("changes recompute", fmt::format("table {}, {}: change '{}' but {} → {} is {:.3f}%", block->number,
                                                  r.cells[0].text, r.cells[static_cast<std::size_t>(col)].text, *value(from),
                                                  *value(to), c.percent->to_double()));
          }
        };
        check_change(c1, counts[counts.size() - 2], counts.back());
        if (counts.size() >= 3) check_change(cn, counts.front(), counts.back());
        if (share >= 0 && all != nullptr && value(share) && value(counts.back()) &&
            all->cells[static_cast<std::size_t>(counts.back())].value) {
          ++checked;
          auto expect = measure::share_percent(static_cast<std::int64_t>(*value(counts.back())),
                                               static_cast<std::int64_t>(*all->cells[static_cast<std::size_t>(counts.back())].value));
          if (!expect || std::abs(expect->to_double() - *value(share)) > 1e-9) {
            fail("shares recompute", fmt::format("table {}, {}: share '{}' does not recompute from its counts", block->number,
                                                 r.cells[0].text, r.cells[static_cast<std::size_t>(share)].text));
          }
        }
      }
    }
    if (report_.failures.size() == before) {
      report_.passed.push_back(fmt::format("changes and shares recompute: {} cells", checked));
    }
  }

  void numbering() {
    std::size_t before = report_.failures.size();
    std::set<int> tables, figures;
    std::set<std::string> ids;
    std::size_t n_tables = 0, n_figures = 0;
    for (const auto& b : doc_.blocks) {
      if (const auto* t = std::get_if<TableBlock>(&b)) {
        ++n_tables;
        if (t->number <= 0 || !tables.insert(t->number).second) fail("numbering", fmt::format("table number {} used twice or unset ({})", t->number, t->id));
        if (!ids.insert(t->id).second) fail("numbering", "id used twice: " + t->id);
      } else if (const auto* f = std::get_if<FigureBlock>(&b)) {
        ++n_figures;
        if (f->number <= 0 || !figures.insert(f->number).second) fail("numbering", fmt::format("figure number {} used twice or unset ({})", f->number, f->id));
        if (!ids.insert(f->id).second) fail("numbering", "id used twice: " + f->id);
      }
    }
    if (report_.failures.size() == before) {
      report_.passed.push_back(fmt::format("numbering: {} tables and {} figures, each number once, every reference resolved",
                                           n_tables, n_figures));
    }
  }

  void suppression() {
    if (threshold_ <= 1) {
      report_.passed.push_back("suppression: not applied (threshold 0 or 1; internal use only)");
      return;
    }
    std::size_t before = report_.failures.size(), columns = 0;
    for (const auto& [id, block] : tables_) {
      if (!is_ward_table(*block)) continue;
      const table::Table& t = block->table;
      for (std::size_t col : table::count_columns(t)) {
        ++columns;
        int hidden = 0;
        const table::Cell* total = nullptr;
        for (const auto& r : t.rows) {
          const auto& cell = r.cells[static_cast<std::size_t>(col)];
          if (r.kind == table::RowKind::total) {
            total = &cell;
            continue;
          }
          if (cell.value && *cell.value >= 1 && *cell.value < static_cast<double>(threshold_)) {
            fail("suppression", fmt::format("table {}, {}: the count {} is printed, under the threshold of {}", block->number,
                                            r.cells[0].text, *cell.value, threshold_));
          }
          if (!cell.value && cell.text != "n/a") ++hidden;
        }
        if (hidden == 1 && total != nullptr && total->value) {
          fail("suppression", fmt::format("table {} ({}), column {}: one count is hidden but the total is printed, so "
                                          "it can be worked back by subtraction",
                                          block->number, t.title, t.columns[static_cast<std::size_t>(col)].title));
        }
      }
    }
    if (report_.failures.size() == before) {
      report_.passed.push_back(fmt::format("suppression: {} ward count columns, none prints a count under {} or lets one "
                                           "be worked back",
                                           columns, threshold_));
    }
  }

  // Across tables: a ward's crime theme counts add up to its all-crime count, and each may be
  // printed in its theme's ward table or in the ward's profile. If exactly one of them is printed
  // nowhere while the all-crime count is, subtraction gives it back.
  void linked_suppression() {
    if (threshold_ <= 1) return;
    const taxonomy::Group* all = nullptr;
    for (const auto& g : taxonomy_.groups()) {
      if (g.id == "all_crime") all = &g;
    }
    auto all_table = tables_.find("tbl-all_crime-wards");
    if (all == nullptr || all_table == tables_.end()) return;
    std::size_t before = report_.failures.size(), checked = 0;
    const table::Table& at = all_table->second->table;
    for (std::size_t col : table::count_columns(at)) {
      const std::string& key = at.columns[static_cast<std::size_t>(col)].key;
      for (const auto& ward_row : at.rows) {
        if (ward_row.kind != table::RowKind::body || ward_row.cells.size() < 2) continue;
        if (!ward_row.cells[static_cast<std::size_t>(col)].value) continue;  // the total itself is hidden
        const std::string& code = ward_row.cells[1].text;
        std::vector<std::string> unknown;
        for (std::size_t th : all->themes) {
          const auto& theme = taxonomy_.themes()[th];
          bool known = false;
          if (auto it = tables_.find("tbl-" + theme.id + "-wards"); it != tables_.end()) {
            const table::Table& t = it->second->table;
            int c = column_of(t, key);
            for (const auto& r : t.rows) {
              if (c >= 0 && r.cells.size() > 1 && r.cells[1].text == code && r.cells[static_cast<std::size_t>(c)].value) known = true;
            }
          }
          if (auto it = tables_.find("tbl-profile-" + code); !known && it != tables_.end()) {
            const table::Table& t = it->second->table;
            int c = column_of(t, key);
            const table::Row* r = find_row(t, theme.label);
            known = c >= 0 && r != nullptr && r->cells[static_cast<std::size_t>(c)].value.has_value();
          }
          if (!known) unknown.push_back(theme.label);
        }
        ++checked;
        if (unknown.size() == 1) {
          fail("suppression across tables",
               fmt::format("{} ({}), {}: {} is hidden or absent everywhere but is the only one, so the ward's printed "
                           "all-crime count gives it back",
                           ward_row.cells[0].text, code, at.columns[static_cast<std::size_t>(col)].title, unknown[0]));
        }
      }
    }
    if (report_.failures.size() == before) {
      report_.passed.push_back(fmt::format("suppression across tables: {} ward-years, no theme count recoverable from a "
                                           "ward's all-crime count",
                                           checked));
    }
  }

  // The hot-spot tables ("tbl-<theme>-hotspots"): each row's hot cells are the sum of its 99, 95 and
  // 90% columns, and the area's total row is the sum of the ward rows in every column.
  void hotspot_tables() {
    static constexpr std::string_view kSuffix = "-hotspots";
    static constexpr std::array<std::string_view, 4> kKeys = {"hot_99", "hot_95", "hot_90", "hot_cells"};
    std::size_t before = report_.failures.size(), checked = 0;
    for (const auto& [id, block] : tables_) {
      if (id.size() <= kSuffix.size() || id.substr(id.size() - kSuffix.size()) != kSuffix) continue;
      const table::Table& t = block->table;
      std::array<int, 4> col{};
      for (std::size_t k = 0; k < kKeys.size(); ++k) col[k] = column_of(t, kKeys[k]);
      if (std::find(col.begin(), col.end(), -1) != col.end()) {
        fail("hot-spot tables add up", fmt::format("table {} lacks a hot-cell column", block->number));
        continue;
      }
      auto value = [&](const table::Row& r, std::size_t k) {
        const auto& v = r.cells[static_cast<std::size_t>(col[k])].value;
        return v ? *v : std::nan("");
      };
      std::array<double, 4> sum{};
      const table::Row* total = nullptr;
      for (const auto& r : t.rows) {
        ++checked;
        if (!(value(r, 0) + value(r, 1) + value(r, 2) == value(r, 3))) {
          fail("hot-spot tables add up", fmt::format("table {}, {}: {} hot cells, but its 99, 95 and 90% columns add up "
                                                     "to {}",
                                                     block->number, r.cells[0].text, value(r, 3),
                                                     value(r, 0) + value(r, 1) + value(r, 2)));
        }
        if (r.kind == table::RowKind::total) {
          total = &r;
        } else {
          for (std::size_t k = 0; k < 4; ++k) sum[k] += value(r, k);
        }
      }
      if (total == nullptr) {
        fail("hot-spot tables add up", fmt::format("table {} has no total row", block->number));
        continue;
      }
      for (std::size_t k = 0; k < 4; ++k) {
        if (!(sum[k] == value(*total, k))) {
          fail("hot-spot tables add up", fmt::format("table {}, {}: the total is {}, but the wards add up to {}",
                                                     block->number, t.columns[static_cast<std::size_t>(col[k])].title,
                                                     value(*total, k), sum[k]));
        }
      }
    }
    if (report_.failures.size() == before && checked > 0) {
      report_.passed.push_back(fmt::format("hot-spot tables add up: {} rows, each total the sum of its parts", checked));
    }
  }

  const document::Document& doc_;
  const Claims& claims_;
  const taxonomy::Taxonomy& taxonomy_;
  std::int64_t threshold_;
  std::map<std::string, const TableBlock*> tables_;
  SelfCheckReport report_;
};

}  // namespace

SelfCheckReport run_self_checks(const document::Document& doc, const Claims& claims, const taxonomy::Taxonomy& taxonomy,
                                std::int64_t suppress_under) {
  return Checker(doc, claims, taxonomy, suppress_under).run();
}

}  // namespace csa::report
