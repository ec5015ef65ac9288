#include "table/place_comparison.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "measure/rank.hpp"
#include "measure/rate.hpp"
#include "stats/peers.hpp"
#include "stats/rate_interval.hpp"
#include "table/area_tables.hpp"

namespace csa::table {
namespace {

taxonomy::CrimeTypeSet all_types() {
  taxonomy::CrimeTypeSet s;
  for (int c = 0; c < taxonomy::kCrimeTypeCount; ++c) s.insert(c);
  return s;
}

// The data covers a place when every month of the window has at least one incident (of any type)
// per 1,000 residents there. Every district in England and Wales records several per 1,000 a month
// (about 8 on average), while a district whose force is not loaded still shows a few rows that a
// neighbouring force recorded across the border (Cambridgeshire's files hold Bedford rows): a
// month-has-any-row rule would take those for the district's data.
bool covered(const cube::Cube& cube, int area, const period::Window& window) {
  std::int64_t floor = std::max<std::int64_t>(1, cube.geography().area(area).population / 1000);
  auto monthly = cube.monthly(area, all_types(), window);
  return std::all_of(monthly.begin(), monthly.end(), [&](std::int64_t n) { return n >= floor; });
}

struct Place {
  int area = -1;
  std::string label;
  std::string group;
  std::int64_t count = 0;
  std::int64_t population = 0;
  std::string rank;
};

double rate_of(const Place& p) {
  return p.population > 0 ? static_cast<double>(p.count) * 1000.0 / static_cast<double>(p.population) : 0.0;
}

// Ranks "k of n" (1 = highest rate) for a group of places, written into their rank text.
void rank_places(std::vector<Place>& places, std::size_t first) {
  std::vector<double> rates;
  for (std::size_t i = first; i < places.size(); ++i) rates.push_back(rate_of(places[i]));
  auto ranks = measure::competition_ranks(std::span<const double>(rates));
  for (std::size_t i = first; i < places.size(); ++i) {
    places[i].rank = fmt::format("{} of {}", ranks[i - first], rates.size());
  }
}

}  // namespace

Table place_comparison(const cube::Cube& cube, const PlaceComparisonRequest& r) {
  const auto& g = cube.geography();
  const auto& subject = g.area(r.area);
  if (subject.level != dataset::Level::lad) {
    throw InputError(fmt::format("csa compare needs a district; {} ({}) is a {}", subject.name, subject.code,
                                 dataset::level_label(subject.level)));
  }
  if (!covered(cube, r.area, r.window)) {
    throw InputError(fmt::format("the loaded data does not cover every month of {} in {}; choose a period with data "
                                 "(csa status lists the months loaded)",
                                 r.window.description(), subject.name));
  }
  auto place = [&](int area, std::string group) {
    const auto& a = g.area(area);
    return Place{area, a.name, std::move(group), cube.count(area, r.theme.crime_types, r.window), a.population, ""};
  };
  std::vector<Place> places;
  std::vector<std::string> notes;

  // The subject and the other districts of its county, ranked together.
  int county = subject.parent;
  places.push_back(place(r.area, "district"));
  if (county >= 0) {
    std::vector<std::string> uncovered;
    for (int d : g.children(county, dataset::Level::lad)) {
      if (d == r.area) continue;
      if (covered(cube, d, r.window)) places.push_back(place(d, "county district"));
      else uncovered.push_back(g.area(d).name);
    }
    rank_places(places, 0);
    if (!uncovered.empty()) {
      notes.push_back(fmt::format("Districts of {} without data for every month of the period, left out: {}.",
                                  g.area(county).name, fmt::join(uncovered, ", ")));
    }
    double lo = rate_of(places[0]), hi = lo;
    for (const auto& p : places) {
      lo = std::min(lo, rate_of(p));
      hi = std::max(hi, rate_of(p));
    }
    notes.push_back(fmt::format("{} districts of {} range from {:.1f} to {:.1f} per 1,000.", places.size(),
                                g.area(county).name, lo, hi));
    if (covered(cube, county, r.window)) places.push_back(place(county, "county"));
  }

  // England and Wales: the sum over every district the data covers.
  Place ew{-1, "England and Wales (districts with data)", "national", 0, 0, ""};
  int districts = 0, with_data = 0;
  for (std::size_t i = 0; i < g.areas().size(); ++i) {
    const auto& a = g.areas()[i];
    if (a.level != dataset::Level::lad || (a.code[0] != 'E' && a.code[0] != 'W')) continue;
    ++districts;
    if (!covered(cube, static_cast<int>(i), r.window)) continue;
    ++with_data;
    ew.count += cube.count(static_cast<int>(i), r.theme.crime_types, r.window);
    ew.population += a.population;
  }
  if (with_data > 0) {
    places.push_back(ew);
    notes.push_back(fmt::format("England and Wales: {} of {} districts have data for every month of the period{}.",
                                with_data, districts,
                                with_data < districts ? "; the rate is theirs, not the whole country's" : ""));
  }

  // The Most Similar Group.
  if (r.peers) {
    std::size_t first = places.size();
    places.push_back(place(r.area, "most similar group"));
    std::vector<std::string> missing;
    for (const auto& name : r.peers->peers) {
      int a = -1;
      try {
        a = g.resolve(name);
      } catch (const InputError&) {
        missing.push_back(fmt::format("{} (not a district in the loaded lookup)", name));
        continue;
      }
      if (g.area(a).level != dataset::Level::lad) {
        missing.push_back(fmt::format("{} (a {}, not a district)", name, dataset::level_label(g.area(a).level)));
      } else if (!covered(cube, a, r.window)) {
        missing.push_back(fmt::format("{} (no police data for every month of the period)", g.area(a).name));
      } else {
        places.push_back(place(a, "most similar group"));
      }
    }
    rank_places(places, first);
    std::vector<stats::PeerArea> peers;
    for (std::size_t i = first + 1; i < places.size(); ++i) {
      peers.push_back({places[i].label, places[i].count, places[i].population});
    }
    auto cmp = stats::compare_with_peers({subject.name, places[first].count, places[first].population}, peers);
    notes.push_back(fmt::format("{}: {} ranks {} of {} (1 = highest rate); group average {:.1f} per 1,000 "
                                "(mean of the members' rates), range {:.1f} ({}) to {:.1f} ({}). Source: {}.",
                                r.peers->name, subject.name, cmp.rank, cmp.of, cmp.mean_of_rates, cmp.min_rate,
                                cmp.min_name, cmp.max_rate, cmp.max_name,
                                r.peers->source.empty() ? "the peer group file" : r.peers->source));
    if (!missing.empty()) {
      notes.push_back(fmt::format("Peers left out ({} of {}): {}.", missing.size(), r.peers->peers.size(),
                                  fmt::join(missing, "; ")));
    }
  }

  Table t;
  t.title = fmt::format("{}: rate per 1,000 residents in {} and comparable places, {}", r.theme.label, subject.name,
                        r.window.description());
  t.columns = {{"place", "Place", Align::left},        {"comparison", "Compared as", Align::left},
               {"count", "Count", Align::right},        {"population", "Population", Align::right},
               {"rate_per_1000", "Rate per 1,000", Align::right}, {"rate_ci_95", "95% CI", Align::right},
               {"rank", "Rank", Align::right}};
  for (const auto& p : places) {
    Row row;
    bool hide = r.suppress && r.suppression.threshold > 1 && measure::is_suppressed(p.count, r.suppression);
    row.cells.push_back({p.label, std::nullopt});
    row.cells.push_back({p.group, std::nullopt});
    row.cells.push_back(hide ? Cell{measure::format_count(p.count, r.suppression), std::nullopt}
                             : Cell{std::to_string(p.count), static_cast<double>(p.count)});
    row.cells.push_back({std::to_string(p.population), static_cast<double>(p.population)});
    if (hide || p.population <= 0) {
      row.cells.push_back({"-", std::nullopt});
      row.cells.push_back({"-", std::nullopt});
    } else {
      auto ri = stats::rate_interval(p.count, p.population);
      row.cells.push_back({measure::format_rate(p.count, p.population), ri.rate});
      row.cells.push_back({fmt::format("{:.1f}–{:.1f}", ri.interval.lower, ri.interval.upper), std::nullopt});
    }
    row.cells.push_back({p.rank, std::nullopt});
    row.kind = p.group == "county" || p.group == "national" ? RowKind::total : RowKind::body;
    t.rows.push_back(std::move(row));
  }
  t.notes = std::move(notes);
  t.notes.push_back(fmt::format("Population: {}. 95% CI: exact Poisson (Garwood) limits.",
                                g.population_label().empty() ? "LSOA population" : g.population_label()));
  t.notes.push_back("Source: police.uk street-level crime and ASB data. " + std::string(kOglAttribution));
  return t;
}

}  // namespace csa::table
