#include "report/analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "measure/rank.hpp"
#include "measure/rate.hpp"
#include "measure/share.hpp"

namespace csa::report {
namespace {

std::optional<double> rate_of(std::int64_t n, std::int64_t population) {
  if (population <= 0) return std::nullopt;
  return measure::rate(n, population, measure::RateBase::per_1000).to_double();
}

ThemeFacts facts_for(const Analysis& a, const taxonomy::Selection& sel, bool is_group, std::int64_t all_crime_latest,
                     taxonomy::CrimeTypeSet all_crime_types, int trend_min_years) {
  const cube::Cube& cube = *a.cube;
  const auto& g = cube.geography();
  const auto& area = g.area(a.area);
  ThemeFacts f;
  f.selection = sel;
  f.is_group = is_group;
  for (const auto& w : a.years) f.counts.push_back(cube.count(a.area, sel.crime_types, w));
  const std::size_t n = f.counts.size();
  f.change_1y = measure::compute_change(f.counts[n - 2], f.counts[n - 1]);
  if (n >= 3) f.change_ny = measure::compute_change(f.counts[0], f.counts[n - 1]);
  f.test_1y = stats::test_change(f.counts[n - 2], f.counts[n - 1]);
  f.rate = rate_of(f.latest(), area.population);
  bool in_all_crime = (sel.crime_types & all_crime_types) == sel.crime_types && sel.id != "all_crime";
  if (in_all_crime && all_crime_latest > 0) {
    f.share_of_all_crime = measure::share_percent(f.latest(), all_crime_latest)->to_double();
  }
  if (static_cast<int>(n) >= trend_min_years) {
    std::vector<double> x;
    for (std::size_t i = 0; i < n; ++i) x.push_back(static_cast<double>(i));
    f.trend = stats::poisson_trend(x, f.counts);
  }
  period::Window two_years(a.years[n - 2].first(), a.years[n - 1].last());
  f.monthly_first = two_years.first();
  f.monthly = cube.monthly(a.area, sel.crime_types, two_years);
  std::optional<std::int64_t> best;
  for (std::size_t i = 0; i < f.monthly.size(); ++i) {
    if (!best || f.monthly[i] > *best) {
      best = f.monthly[i];
      f.peak_month = i;
    }
  }
  if (int county = g.ancestor(a.area, dataset::Level::county); county >= 0 && area.level == dataset::Level::lad) {
    f.county_districts.push_back({a.area, f.latest(), area.population});
    for (int d : g.children(county, dataset::Level::lad)) {
      if (d != a.area && g.area(d).population > 0) {
        f.county_districts.push_back({d, cube.count(d, sel.crime_types, a.latest()), g.area(d).population});
      }
    }
  }
  if (area.level != dataset::Level::ward) {
    auto wards = g.children(a.area, dataset::Level::ward);
    std::vector<std::int64_t> latest;
    for (int w : wards) {
      WardFacts wf;
      wf.area = w;
      wf.name = g.area(w).name;
      for (const auto& y : a.years) wf.counts.push_back(cube.count(w, sel.crime_types, y));
      wf.rate = rate_of(wf.counts.back(), g.area(w).population);
      wf.latest_test = stats::test_change(wf.counts[n - 2], wf.counts[n - 1]);
      latest.push_back(wf.counts.back());
      f.wards.push_back(std::move(wf));
    }
    auto ranks = measure::competition_ranks(std::span<const std::int64_t>(latest));
    for (std::size_t i = 0; i < f.wards.size(); ++i) f.wards[i].rank = ranks[i];
    // Rank order; ties in name order, as the ward tables print them.
    std::stable_sort(f.wards.begin(), f.wards.end(), [](const WardFacts& x, const WardFacts& y) { return x.rank < y.rank; });
  }
  return f;
}

}  // namespace

const ThemeFacts& Analysis::all_crime() const {
  for (const auto& g : groups) {
    if (g.selection.id == "all_crime") return g;
  }
  throw InternalError("the taxonomy has no all_crime group; the report needs one to compute shares");
}

const ThemeFacts* Analysis::find(std::string_view id) const {
  for (const auto& t : themes) {
    if (t.selection.id == id) return &t;
  }
  for (const auto& g : groups) {
    if (g.selection.id == id) return &g;
  }
  return nullptr;
}

Analysis analyse(const cube::Cube& cube, const taxonomy::Taxonomy& taxonomy, int area, period::Month year_ending,
                 int years, const std::set<period::Month>& months_loaded, int trend_min_years) {
  const auto& g = cube.geography();
  const auto& a_area = g.area(area);
  if (a_area.level != dataset::Level::lad && a_area.level != dataset::Level::county) {
    throw InputError(fmt::format("a strategic assessment covers a district or county; {} ({}) is a {}", a_area.name,
                                 a_area.code, dataset::level_label(a_area.level)));
  }
  Analysis a;
  a.cube = &cube;
  a.taxonomy = &taxonomy;
  a.area = area;
  // The most recent run of complete years ending at year_ending: a year with a missing month would be
  // compared as if it were whole, so it is left out and named instead.
  for (const auto& w : period::years_back(year_ending, years)) {
    auto cov = period::coverage(w, months_loaded);
    if (cov.complete()) {
      a.years.push_back(w);
    } else {
      if (!a.years.empty()) {  // a gap inside the run: keep only the complete years after it
        for (const auto& kept : a.years) {
          a.dropped.push_back(fmt::format("{} is complete but comes before {}, which is not, so it is not compared.",
                                          kept.description(), w.description()));
        }
        a.years.clear();
      }
      a.dropped.push_back(cov.sentence());
    }
  }
  if (a.years.size() < 2) {
    throw InputError(fmt::format("the report compares years ending {}, but fewer than two complete years ending {} "
                                 "are loaded ({}); load more months (csa ingest) or choose another year_ending",
                                 year_ending.long_name(), year_ending.month_name(),
                                 a.dropped.empty() ? std::string("none") : a.dropped.back()));
  }
  taxonomy::CrimeTypeSet all_types;
  for (const auto& grp : taxonomy.groups()) {
    if (grp.id == "all_crime") all_types = grp.crime_types;
  }
  std::int64_t all_latest = cube.count(area, all_types, a.years.back());
  for (std::size_t i = 0; i < taxonomy.themes().size(); ++i) {
    auto sel = taxonomy.resolve(taxonomy.themes()[i].id);
    a.themes.push_back(facts_for(a, sel, false, all_latest, all_types, trend_min_years));
  }
  for (std::size_t i = 0; i < taxonomy.groups().size(); ++i) {
    auto sel = taxonomy.resolve(taxonomy.groups()[i].id);
    a.groups.push_back(facts_for(a, sel, true, all_latest, all_types, trend_min_years));
  }
  return a;
}

}  // namespace csa::report
