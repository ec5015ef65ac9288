#include "extract_analysis/partner_series.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "measure/share.hpp"

namespace csa::extract_analysis {
namespace {

std::int64_t whole(double v, const std::string& series, const std::string& category, const std::string& period) {
  if (v < 0 || v != std::floor(v)) {
    throw InputError(fmt::format("series '{}', {} {}: the value {} is not a whole count; this table needs counts of people",
                                 series, category, period, v));
  }
  return static_cast<std::int64_t>(v);
}

bool is_total(const std::string& category) { return category.rfind("Total", 0) == 0 || category.rfind("total", 0) == 0; }

}  // namespace

table::Table series_table(const std::vector<extract::SeriesValue>& values, const SeriesRequest& request) {
  std::vector<std::string> categories, periods;
  std::map<std::pair<std::string, std::string>, double> value;
  for (const auto& v : values) {
    if (v.series != request.series) continue;
    if (std::find(categories.begin(), categories.end(), v.category) == categories.end()) categories.push_back(v.category);
    if (std::find(periods.begin(), periods.end(), v.period) == periods.end()) periods.push_back(v.period);
    value[{v.category, v.period}] = v.value;
  }
  if (categories.empty()) throw InputError(fmt::format("series '{}' is not loaded; load it with csa ingest extract", request.series));
  auto known = [&](const std::string& p) {
    if (std::find(periods.begin(), periods.end(), p) == periods.end()) {
      std::string list;
      for (const auto& q : periods) list += (list.empty() ? "" : ", ") + q;
      throw InputError(fmt::format("series '{}' has no period '{}'; its periods are: {}", request.series, p, list));
    }
    return p;
  };
  if (periods.size() < 2 && (request.earlier_period.empty() || request.later_period.empty())) {
    throw InputError(fmt::format("series '{}' has {} period; a change needs two", request.series, periods.size()));
  }
  const std::string later = request.later_period.empty() ? periods.back() : known(request.later_period);
  const std::string earlier = request.earlier_period.empty() ? periods[periods.size() - 2] : known(request.earlier_period);

  struct Line {
    std::string category;
    std::int64_t a = 0, b = 0;
  };
  std::vector<Line> body;
  std::optional<Line> total;
  for (const auto& c : categories) {
    auto get = [&](const std::string& p) {
      auto it = value.find({c, p});
      if (it == value.end()) throw InputError(fmt::format("series '{}': category '{}' has no value for {}", request.series, c, p));
      return whole(it->second, request.series, c, p);
    };
    Line l{c, get(earlier), get(later)};
    if (is_total(c)) total = l;
    else body.push_back(l);
  }
  Line sum{"Total", 0, 0};
  for (const auto& l : body) {
    sum.a += l.a;
    sum.b += l.b;
  }
  if (total) {
    if (total->a != sum.a || total->b != sum.b) {
      throw InputError(fmt::format("series '{}': '{}' is {} in {} and {} in {}, but the categories sum to {} and {}; "
                                   "correct the file so the total is the sum",
                                   request.series, total->category, total->a, earlier, total->b, later, sum.a, sum.b));
    }
    sum.category = total->category;
  }
  table::Table t;
  t.title = fmt::format("{}: {} and {}", request.series, earlier, later);
  t.columns = {{"category", "Category", table::Align::left}, {"count_earlier", earlier}, {"count_later", later},
               {"share", fmt::format("% share ({})", later)}, {"change", "Difference"}};
  auto row = [&](const Line& l, table::RowKind kind) {
    auto change = measure::compute_change(l.a, l.b);
    auto share = measure::share_percent(l.b, sum.b);
    table::Row r;
    r.kind = kind;
    r.cells = {{l.category, std::nullopt},
               {std::to_string(l.a), static_cast<double>(l.a)},
               {std::to_string(l.b), static_cast<double>(l.b)},
               // The total prints 100% although the rounded shares may sum to 101 (Table 7: 45+10+30+16).
               {measure::format_share(l.b, sum.b), share ? std::optional<double>(share->to_double()) : std::nullopt},
               {measure::format_percent_and_volume(change, request.style),
                change.percent ? std::optional<double>(change.percent->to_double()) : std::nullopt}};
    t.rows.push_back(std::move(r));
  };
  for (const auto& l : body) row(l, table::RowKind::body);
  row(sum, table::RowKind::total);
  t.notes.push_back("Shares are of the later total, whole percent, half away from zero; rounded shares need not sum to 100.");
  t.notes.push_back("Change: whole percent of the earlier count and the volume; district-level counts, not suppressed.");
  return t;
}

}  // namespace csa::extract_analysis
