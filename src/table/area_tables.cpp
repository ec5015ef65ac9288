#include "table/area_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "measure/change.hpp"
#include "measure/rank.hpp"
#include "measure/rate.hpp"
#include "measure/share.hpp"
#include "period/coverage.hpp"
#include "stats/change_test.hpp"
#include "stats/funnel.hpp"
#include "stats/poisson_trend.hpp"
#include "stats/rate_interval.hpp"
#include "table/table_notes.hpp"

namespace csa::table {
namespace {

using measure::SuppressionRule;

// How a request's windows read against the loaded months.
struct Windows {
  std::vector<period::Coverage> coverage;
  explicit Windows(const AreaTableRequest& r) {
    if (r.windows.empty()) throw InternalError("a table needs at least one period");
    for (const auto& w : r.windows) coverage.push_back(period::coverage(w, r.months_loaded));
  }
  std::size_t size() const { return coverage.size(); }
  const period::Window& window(std::size_t i) const { return coverage[i].window; }
};

SuppressionRule rule_of(const AreaTableRequest& r) { return r.suppression; }

// A threshold of 1 hides nothing and 0 or less means no suppression, so neither is applied or noted.
bool suppressing(const AreaTableRequest& r) { return r.suppress && r.suppression.threshold > 1; }

bool hidden(const AreaTableRequest& r, std::initializer_list<std::int64_t> counts) {
  return suppressing(r) && measure::derived_figure_hidden(counts, rule_of(r));
}

Cell count_cell(const AreaTableRequest& r, const period::Coverage& cov, std::int64_t n) {
  if (cov.status() == period::CoverageStatus::empty) return {"n/a", std::nullopt};
  std::string mark = cov.complete() ? "" : "†";
  if (suppressing(r) && measure::is_suppressed(n, rule_of(r))) return {measure::format_count(n, rule_of(r)) + mark, std::nullopt};
  return {std::to_string(n) + mark, static_cast<double>(n)};
}

Cell change_cell(const AreaTableRequest& r, const Windows& w, std::size_t a, std::size_t b, std::int64_t earlier,
                 std::int64_t later) {
  if (!period::comparable(w.coverage[a], w.coverage[b])) return {"not comparable", std::nullopt};
  if (hidden(r, {earlier, later})) return {"-", std::nullopt};
  auto change = measure::compute_change(earlier, later);
  std::optional<double> percent = change.percent ? std::optional<double>(change.percent->to_double()) : std::nullopt;
  switch (r.change_style) {
    case AreaTableRequest::ChangeStyle::cadet: return {measure::format_cadet_percent(change), percent};
    case AreaTableRequest::ChangeStyle::plain:
      return {measure::format_plain_change(change), static_cast<double>(change.diff)};
    case AreaTableRequest::ChangeStyle::seeds: break;
  }
  measure::PercentVolumeStyle style;
  style.zero_change_text = r.zero_change_text;
  return {measure::format_percent_and_volume(change, style), percent};
}

Cell rate_cell(const AreaTableRequest& r, const period::Coverage& cov, std::int64_t n, std::int64_t population) {
  if (population <= 0 || !cov.complete()) return {"n/a", std::nullopt};
  if (hidden(r, {n})) return {"-", std::nullopt};
  return {measure::format_rate(n, population), measure::rate(n, population, measure::RateBase::per_1000).to_double()};
}

// "yes, p=0.003" when the latest change is unlikely under equal rates (exact conditional Poisson
// test at 5%; both periods are 12 months of the same population, so exposures are equal).
Cell change_test_cell(const AreaTableRequest& r, const Windows& w, std::int64_t earlier, std::int64_t later) {
  std::size_t n = w.size();
  if (!period::comparable(w.coverage[n - 2], w.coverage[n - 1])) return {"not comparable", std::nullopt};
  if (hidden(r, {earlier, later})) return {"-", std::nullopt};
  auto test = stats::test_change(earlier, later, w.window(n - 2).size(), w.window(n - 1).size());
  std::string p = test.p_value < 0.001 ? "p<0.001" : fmt::format("p={:.3f}", test.p_value);
  std::string text = fmt::format("{}, {}", test.significant ? "yes" : "no", p);
  if (test.small_base) text += " (small base)";
  return {text, test.p_value};
}

Cell rate_interval_cell(const AreaTableRequest& r, const period::Coverage& cov, std::int64_t n, std::int64_t population) {
  if (population <= 0 || !cov.complete()) return {"n/a", std::nullopt};
  if (hidden(r, {n})) return {"-", std::nullopt};
  auto ri = stats::rate_interval(n, population);
  return {fmt::format("{:.1f}–{:.1f}", ri.interval.lower, ri.interval.upper), std::nullopt};
}

// Where a ward sits on the funnel of the area's wards: its count against the area's rate times its
// population, at 95% and 99.8% exact Poisson limits.
Cell funnel_cell(const AreaTableRequest& r, const period::Coverage& cov, std::int64_t n, std::int64_t population,
                 double area_rate_per_resident) {
  if (population <= 0 || !cov.complete()) return {"n/a", std::nullopt};
  if (hidden(r, {n})) return {"-", std::nullopt};
  auto fp = stats::funnel_point(n, population, area_rate_per_resident);
  auto word = [](stats::FunnelPosition p) { return p == stats::FunnelPosition::above ? "above" : "below"; };
  if (fp.at998 != stats::FunnelPosition::within) return {fmt::format("{} (99.8%)", word(fp.at998)), std::nullopt};
  if (fp.at95 != stats::FunnelPosition::within) return {fmt::format("{} (95%)", word(fp.at95)), std::nullopt};
  return {"within", std::nullopt};
}

// The trend over the complete year-long periods shown, when there are at least kTrendMinYears of them:
// which windows count, and why there is no trend column otherwise.
constexpr std::size_t kTrendMinYears = 3;

struct TrendWindows {
  std::vector<std::size_t> used;  // indexes of the complete windows, oldest first
  bool shown = false;
  std::string why_not;            // for the notes when !shown
};

TrendWindows trend_windows(const AreaTableRequest& r, const Windows& w) {
  TrendWindows tw;
  if (!r.with_stats) return tw;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.coverage[i].complete() && w.window(i).size() == 12) tw.used.push_back(i);
  }
  tw.shown = tw.used.size() >= kTrendMinYears;
  if (!tw.shown) {
    tw.why_not = fmt::format(
        "Trend: not shown. A trend needs {} or more complete year-long periods; this table shows {} ({} complete).",
        kTrendMinYears, w.size(), tw.used.size());
  }
  return tw;
}

// "rising, x1.20 a year (1.13–1.27)": Poisson regression of the yearly counts on the year with the
// quasi-Poisson standard error (stats/poisson_trend.hpp); the value is the rate ratio per year.
Cell trend_cell(const AreaTableRequest& r, const Windows& w, const TrendWindows& tw, const std::vector<std::int64_t>& counts) {
  std::vector<double> years;
  std::vector<std::int64_t> used;
  for (std::size_t i : tw.used) {
    years.push_back(static_cast<double>(w.window(i).last().year()) + (w.window(i).last().month() - 1) / 12.0);
    used.push_back(counts[i]);
  }
  if (suppressing(r) && std::any_of(used.begin(), used.end(), [&](std::int64_t n) { return measure::is_suppressed(n, rule_of(r)); })) {
    return {"-", std::nullopt};
  }
  if (std::all_of(used.begin(), used.end(), [](std::int64_t n) { return n == 0; })) return {"n/a (none)", std::nullopt};
  auto fit = stats::poisson_trend(years, used);
  if (!fit.converged) return {"no clear trend (no fit)", std::nullopt};
  const char* word = fit.direction == stats::TrendDirection::rising    ? "rising"
                     : fit.direction == stats::TrendDirection::falling ? "falling"
                                                                       : "no clear trend";
  return {fmt::format("{}, x{:.2f} a year ({:.2f}–{:.2f})", word, fit.rate_ratio, fit.rate_ratio_interval.lower,
                      fit.rate_ratio_interval.upper),
          fit.rate_ratio};
}

void add_trend_notes(Table& t, const Windows& w, const TrendWindows& tw) {
  if (!tw.shown) {
    if (!tw.why_not.empty()) t.notes.push_back(tw.why_not);
    return;
  }
  std::vector<std::string> labels;
  for (std::size_t i : tw.used) labels.push_back(w.window(i).label());
  t.notes.push_back(fmt::format(
      "Trend over {} ({} years): Poisson regression of the yearly counts on the year, with the quasi-Poisson standard "
      "error (dispersion floored at 1); x1.20 a year = the count rises 20% a year, with its 95% interval. Rising or "
      "falling when the whole interval is above or below 1, otherwise no clear trend (docs/METHODS.md section 4).",
      fmt::join(labels, ", "), tw.used.size()));
  if (tw.used.size() < w.size()) {
    std::vector<std::string> left;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (std::find(tw.used.begin(), tw.used.end(), i) == tw.used.end()) left.push_back(w.window(i).label());
    }
    t.notes.push_back(fmt::format("Trend leaves out {}: not a complete year of data.", fmt::join(left, ", ")));
  }
}

void add_stats_notes(Table& t, bool funnel) {
  t.notes.push_back("Significant: exact conditional test of two Poisson counts (binomial on the total), two-sided, "
                    "5% level; 'small base' when the earlier count is under 10 (docs/METHODS.md).");
  t.notes.push_back("95% CI: exact Poisson (Garwood) limits of the rate per 1,000.");
  if (funnel) {
    t.notes.push_back("vs area rate: the ward's count against the area's rate times the ward's population, outside "
                      "exact Poisson funnel limits at 95% or 99.8% (Spiegelhalter 2005), or within them.");
  }
}

Cell share_cell(const AreaTableRequest& r, std::int64_t part, std::int64_t parent) {
  if (hidden(r, {part, parent})) return {"-", std::nullopt};
  auto share = measure::share_percent(part, parent);
  return {measure::format_share(part, parent), share ? std::optional<double>(share->to_double()) : std::nullopt};
}

void add_count_columns(Table& t, const Windows& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    t.columns.push_back({"count_" + w.window(i).label(), w.window(i).label(), Align::right});
  }
}

void add_change_columns(Table& t, const Windows& w) {
  if (w.size() >= 2) {
    t.columns.push_back({"change_1y", fmt::format("Change {} to {}", w.window(w.size() - 2).label(),
                                                  w.window(w.size() - 1).label()), Align::right});
  }
  if (w.size() >= 3) {
    t.columns.push_back({"change_" + std::to_string(w.size() - 1) + "y",
                         fmt::format("Change {} to {}", w.window(0).label(), w.window(w.size() - 1).label()),
                         Align::right});
  }
}

void add_change_cells(std::vector<Cell>& cells, const AreaTableRequest& r, const Windows& w,
                      const std::vector<std::int64_t>& counts) {
  std::size_t n = w.size();
  if (n >= 2) cells.push_back(change_cell(r, w, n - 2, n - 1, counts[n - 2], counts[n - 1]));
  if (n >= 3) cells.push_back(change_cell(r, w, 0, n - 1, counts[0], counts[n - 1]));
}

std::vector<std::int64_t> counts_for(const cube::Cube& cube, int area, taxonomy::CrimeTypeSet types, const Windows& w) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < w.size(); ++i) out.push_back(cube.count(area, types, w.window(i)));
  return out;
}

// Notes every table carries: periods and their coverage, population, method, unplaced incidents,
// suppression, sources.
void add_common_notes(Table& t, const cube::Cube& cube, taxonomy::CrimeTypeSet types, std::string_view what,
                      const AreaTableRequest& r, const Windows& w) {
  const auto& g = cube.geography();
  const auto& area = g.area(r.area);
  std::vector<std::string> periods;
  for (std::size_t i = 0; i < w.size(); ++i) {
    periods.push_back(fmt::format("{} = {} ({}–{})", w.window(i).label(), w.window(i).description(),
                                  w.window(i).first().short_name(), w.window(i).last().short_name()));
  }
  t.notes.push_back("Periods: " + fmt::format("{}", fmt::join(periods, "; ")) + ".");
  for (const auto& c : w.coverage) {
    if (!c.complete()) t.notes.push_back("† " + c.sentence());
  }
  if (g.has_population()) {
    t.notes.push_back(fmt::format("Rates per 1,000 residents of the latest period; population of {} = {} ({}{}).",
                                  area.name, with_commas(area.population), g.population_label().empty() ? "LSOA population" : g.population_label(),
                                  area.lsoas_with_population < area.lsoas
                                      ? fmt::format("; {} of {} LSOAs have a population", area.lsoas_with_population, area.lsoas)
                                      : ""));
  } else {
    t.notes.push_back("Rates: no population loaded (csa geography load --population …).");
  }
  t.notes.push_back(std::string(dataset::assignment_sentence(r.assignment)));
  add_unplaced_notes(t, cube, r.area, types, what, r.assignment, w.window(w.size() - 1));
  if (suppressing(r)) add_suppression_note(t, r.suppression);
  add_source_note(t);
}

}  // namespace

Table ward_table(const cube::Cube& cube, const taxonomy::Selection& theme, const AreaTableRequest& r) {
  const auto& g = cube.geography();
  const auto& area = g.area(r.area);
  if (area.level == dataset::Level::ward || area.level == dataset::Level::lsoa) {
    throw InputError(fmt::format("--by ward needs a district or county; {} ({}) is a {}", area.name, area.code,
                                 dataset::level_label(area.level)));
  }
  Windows w(r);
  auto wards = g.children(r.area, dataset::Level::ward);
  Table t;
  t.title = fmt::format("{} by ward in {}, {} ({})", theme.label, area.name,
                        w.size() == 1 ? w.window(0).label() : w.window(0).label() + " to " + w.window(w.size() - 1).label(),
                        w.window(w.size() - 1).description());
  t.columns.push_back({"ward", "Ward", Align::left});
  t.columns.push_back({"ward_code", "Code", Align::left});
  add_count_columns(t, w);
  add_change_columns(t, w);
  if (r.with_stats && w.size() >= 2) t.columns.push_back({"change_1y_significant", "Significant", Align::right});
  t.columns.push_back({"rate_per_1000", "Rate per 1,000", Align::right});
  if (r.with_stats) {
    t.columns.push_back({"rate_ci_95", "95% CI", Align::right});
    t.columns.push_back({"vs_area_rate", "vs area rate", Align::right});
  }
  auto trend = trend_windows(r, w);
  if (trend.shown) t.columns.push_back({"trend", "Trend", Align::right});
  t.columns.push_back({"rank", "Rank", Align::right});

  std::vector<std::vector<std::int64_t>> counts;
  std::vector<std::int64_t> latest;
  for (int ward : wards) {
    counts.push_back(counts_for(cube, ward, theme.crime_types, w));
    latest.push_back(counts.back().back());
  }
  auto ranks = measure::competition_ranks(std::span<const std::int64_t>(latest));
  auto total = counts_for(cube, r.area, theme.crime_types, w);
  double area_rate = area.population > 0 ? static_cast<double>(total.back()) / static_cast<double>(area.population) : 0;
  std::vector<std::size_t> order(wards.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  std::size_t shown = 0;
  for (std::size_t i : order) {
    if (r.top > 0 && ranks[i] > r.top) continue;  // competition ranks keep ties at the boundary
    ++shown;
    const auto& ward = g.area(wards[i]);
    Row row;
    row.cells.push_back({ward.name, std::nullopt});
    row.cells.push_back({ward.code, std::nullopt});
    for (std::size_t k = 0; k < w.size(); ++k) row.cells.push_back(count_cell(r, w.coverage[k], counts[i][k]));
    add_change_cells(row.cells, r, w, counts[i]);
    if (r.with_stats && w.size() >= 2) row.cells.push_back(change_test_cell(r, w, counts[i][w.size() - 2], counts[i].back()));
    row.cells.push_back(rate_cell(r, w.coverage.back(), counts[i].back(), ward.population));
    if (r.with_stats) {
      row.cells.push_back(rate_interval_cell(r, w.coverage.back(), counts[i].back(), ward.population));
      row.cells.push_back(funnel_cell(r, w.coverage.back(), counts[i].back(), ward.population, area_rate));
    }
    if (trend.shown) row.cells.push_back(trend_cell(r, w, trend, counts[i]));
    row.cells.push_back({std::to_string(ranks[i]), static_cast<double>(ranks[i])});
    t.rows.push_back(std::move(row));
  }
  Row row{{{area.name + " (total)", std::nullopt}, {area.code, std::nullopt}}, RowKind::total};
  for (std::size_t k = 0; k < w.size(); ++k) row.cells.push_back(count_cell(r, w.coverage[k], total[k]));
  add_change_cells(row.cells, r, w, total);
  if (r.with_stats && w.size() >= 2) row.cells.push_back(change_test_cell(r, w, total[w.size() - 2], total.back()));
  row.cells.push_back(rate_cell(r, w.coverage.back(), total.back(), area.population));
  if (r.with_stats) {
    row.cells.push_back(rate_interval_cell(r, w.coverage.back(), total.back(), area.population));
    row.cells.push_back({"", std::nullopt});
  }
  if (trend.shown) row.cells.push_back(trend_cell(r, w, trend, total));
  row.cells.push_back({"", std::nullopt});
  t.rows.push_back(std::move(row));
  t.notes.push_back(fmt::format("Theme '{}' covers police.uk crime type(s): {}.", theme.label, [&] {
    std::vector<std::string> names;
    for (int c : theme.crime_types.codes()) names.push_back(taxonomy::crime_type_name(c));
    return fmt::format("{}", fmt::join(names, ", "));
  }()));
  t.notes.push_back("Rank 1 = the highest count in the latest period; tied wards share a rank.");
  if (r.top > 0) {
    t.notes.push_back(fmt::format("Top {} wards by count in the latest period (ties kept): {} of {} wards shown.", r.top,
                                  shown, wards.size()));
  }
  if (r.with_stats) add_stats_notes(t, true);
  add_trend_notes(t, w, trend);
  add_common_notes(t, cube, theme.crime_types, theme.label, r, w);
  return t;
}

Table theme_table(const cube::Cube& cube, const taxonomy::Taxonomy& taxonomy, const AreaTableRequest& r) {
  const auto& g = cube.geography();
  const auto& area = g.area(r.area);
  Windows w(r);
  Table t;
  t.title = fmt::format("Police recorded crime and ASB by theme in {}, {} ({})", area.name,
                        w.size() == 1 ? w.window(0).label() : w.window(0).label() + " to " + w.window(w.size() - 1).label(),
                        w.window(w.size() - 1).description());
  t.columns.push_back({"theme", "Theme", Align::left});
  add_count_columns(t, w);
  add_change_columns(t, w);
  if (r.with_stats && w.size() >= 2) t.columns.push_back({"change_1y_significant", "Significant", Align::right});
  t.columns.push_back({"share_of_all_crime", "Share of all crime", Align::right});
  t.columns.push_back({"rate_per_1000", "Rate per 1,000", Align::right});
  if (r.with_stats) t.columns.push_back({"rate_ci_95", "95% CI", Align::right});
  auto trend = trend_windows(r, w);
  if (trend.shown) t.columns.push_back({"trend", "Trend", Align::right});

  const taxonomy::Group* all_crime = nullptr;
  for (const auto& grp : taxonomy.groups()) {
    if (grp.id == "all_crime") all_crime = &grp;
  }
  std::int64_t all_latest = all_crime ? cube.count(r.area, all_crime->crime_types, w.window(w.size() - 1)) : 0;
  auto add_row = [&](const std::string& label, taxonomy::CrimeTypeSet types, RowKind kind) {
    auto counts = counts_for(cube, r.area, types, w);
    Row row{{{label, std::nullopt}}, kind};
    for (std::size_t k = 0; k < w.size(); ++k) row.cells.push_back(count_cell(r, w.coverage[k], counts[k]));
    add_change_cells(row.cells, r, w, counts);
    if (r.with_stats && w.size() >= 2) row.cells.push_back(change_test_cell(r, w, counts[w.size() - 2], counts.back()));
    bool in_all_crime = all_crime && (types & all_crime->crime_types) == types;
    row.cells.push_back(in_all_crime ? share_cell(r, counts.back(), all_latest) : Cell{"n/a", std::nullopt});
    row.cells.push_back(rate_cell(r, w.coverage.back(), counts.back(), area.population));
    if (r.with_stats) row.cells.push_back(rate_interval_cell(r, w.coverage.back(), counts.back(), area.population));
    if (trend.shown) row.cells.push_back(trend_cell(r, w, trend, counts));
    t.rows.push_back(std::move(row));
  };
  taxonomy::CrimeTypeSet everything;
  for (const auto& theme : taxonomy.themes()) {
    add_row(theme.label, theme.crime_types, RowKind::body);
    everything |= theme.crime_types;
  }
  for (const auto& grp : taxonomy.groups()) add_row(grp.label, grp.crime_types, RowKind::total);
  // The file's name, not its path: a published table must not carry the machine's folders.
  t.notes.push_back(fmt::format("Themes and groups from the taxonomy {} ({}).", taxonomy.name(),
                                std::filesystem::path(taxonomy.source()).filename().string()));
  t.notes.push_back("Share of all crime: the theme's share of the 'all crime' group in the latest period; ASB is "
                    "recorded apart from crime, so it has none.");
  if (r.with_stats) add_stats_notes(t, false);
  add_trend_notes(t, w, trend);
  add_common_notes(t, cube, everything, "crime and ASB", r, w);
  return t;
}

}  // namespace csa::table
