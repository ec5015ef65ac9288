// csa concentration: how concentrated a theme's incidents are across an area's LSOAs (and wards):
// the share in the top 5% of areas and the Gini coefficient (stats/concentration.hpp,
// docs/METHODS.md section 7). Every LSOA of the area counts, those with no incidents as zeros.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "dataset/lsoa_counts.hpp"
#include "period/coverage.hpp"
#include "period/period_spec.hpp"
#include "period/window.hpp"
#include "stats/concentration.hpp"
#include "store/store.hpp"
#include "table/table_notes.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct ConcentrationArgs {
  std::string db = kDefaultDb;
  std::string area;
  std::string theme = "all_crime";
  std::string period;
  std::string by = "both";
  std::string format = "text";
  double top_percent = 5.0;
};

struct LevelCounts {
  dataset::Level level;
  std::vector<int> areas;            // geography indexes
  std::vector<std::int64_t> counts;  // same order
};

std::string percent_text(double p) { return fmt::format("{:.1f}%", 100.0 * p); }

// One row: the level, how many areas and incidents, the top share and the Gini; and a note naming
// the top areas.
void add_level(table::Table& t, const dataset::Geography& g, const LevelCounts& lv, double fraction,
               const std::string& top_label) {
  std::int64_t total = std::accumulate(lv.counts.begin(), lv.counts.end(), std::int64_t{0});
  auto zeros = std::count(lv.counts.begin(), lv.counts.end(), std::int64_t{0});
  auto top = stats::top_share(lv.counts, fraction);
  auto gini = stats::gini(lv.counts);
  std::string name = std::string(dataset::level_label(lv.level));
  if (lv.level == dataset::Level::lsoa) {
    name = "LSOAs";
  } else {
    name += "s";
  }
  table::Row row;
  row.cells.push_back({name, std::nullopt});
  row.cells.push_back({with_commas(static_cast<std::int64_t>(lv.areas.size())), static_cast<double>(lv.areas.size())});
  row.cells.push_back({with_commas(zeros), static_cast<double>(zeros)});
  row.cells.push_back({with_commas(total), static_cast<double>(total)});
  if (top) {
    row.cells.push_back({std::to_string(top->areas), static_cast<double>(top->areas)});
    row.cells.push_back({percent_text(top->share), top->share});
  } else {
    row.cells.push_back({"n/a", std::nullopt});
    row.cells.push_back({"n/a", std::nullopt});
  }
  if (gini) {
    row.cells.push_back({fmt::format("{:.3f}", *gini), *gini});
  } else {
    row.cells.push_back({"n/a", std::nullopt});
  }
  t.rows.push_back(std::move(row));
  if (!top) {
    t.notes.push_back(fmt::format("{}: no incidents, so no share or Gini.", name));
    return;
  }
  // The k areas with the most incidents (ties at the boundary broken by code; the share is the same
  // whichever tied area is named).
  std::vector<std::size_t> order(lv.areas.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (lv.counts[a] != lv.counts[b]) return lv.counts[a] > lv.counts[b];
    return g.area(lv.areas[a]).code < g.area(lv.areas[b]).code;
  });
  std::vector<std::string> named;
  for (std::size_t i = 0; i < top->areas; ++i) {
    const auto& a = g.area(lv.areas[order[i]]);
    named.push_back(fmt::format("{} {} ({})", a.code, a.name, with_commas(lv.counts[order[i]])));
  }
  std::int64_t boundary = lv.counts[order[top->areas - 1]];
  auto tied = std::count(lv.counts.begin(), lv.counts.end(), boundary);
  auto tied_inside = static_cast<long>(std::count_if(order.begin(), order.begin() + static_cast<long>(top->areas),
                                                     [&](std::size_t i) { return lv.counts[i] == boundary; }));
  t.notes.push_back(fmt::format("{} of {}: {}{}.", top_label, name, fmt::join(named, "; "),
                                tied > tied_inside ? fmt::format(" ({} more tie at {}; the share is the same whichever "
                                                                 "is named)",
                                                                 tied - tied_inside, with_commas(boundary))
                                                   : ""));
}

void run_concentration(const ConcentrationArgs& a) {
  auto format = table::parse_format(a.format);
  if (!(a.top_percent > 0.0 && a.top_percent <= 100.0)) {
    throw InputError(fmt::format("--top-percent {} must be above 0 and at most 100 (5 for the top 5%)", a.top_percent));
  }
  if (a.by != "both" && a.by != "lsoa" && a.by != "ward") {
    throw InputError(fmt::format("--by '{}' is not known; use lsoa, ward, or leave it out for both", a.by));
  }
  auto store = store::open_sqlite_store(a.db);
  auto taxonomy = taxonomy::load_default_taxonomy();
  auto theme = taxonomy.resolve(a.theme);
  auto geography = dataset::Geography::from_store(*store);
  int area = geography.resolve(a.area);
  const auto& place = geography.area(area);
  if (place.level == dataset::Level::lsoa || place.level == dataset::Level::ward) {
    throw InputError(fmt::format("--area needs a district or county; {} ({}) is a {}", place.name, place.code,
                                 dataset::level_label(place.level)));
  }
  auto placed = dataset::place_incidents(*store, geography, dataset::Assignment::lsoa_best_fit);
  if (placed.size() == 0) throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", a.db));
  period::Window window = !a.period.empty() ? period::parse_window_spec(a.period, "--period")
                                            : period::year_ending(*placed.months_loaded.rbegin());
  auto cov = period::coverage(window, placed.months_loaded);
  if (cov.status() == period::CoverageStatus::empty) {
    throw InputError(fmt::format("{} has no data for {} ({}–{}); the database holds {}–{}", a.db, window.label(),
                                 window.first().short_name(), window.last().short_name(),
                                 placed.months_loaded.begin()->short_name(), placed.months_loaded.rbegin()->short_name()));
  }
  auto cube = cube::Cube::build(placed, geography);

  // LSOAs from the store's counts; wards from the cube. Under best fit a ward is the sum of its LSOAs,
  // so the two totals must agree.
  auto lsoas = dataset::count_by_lsoa(*store, geography, area, theme.crime_types, window);
  LevelCounts ward_level{dataset::Level::ward, geography.children(area, dataset::Level::ward), {}};
  for (int w : ward_level.areas) ward_level.counts.push_back(cube.count(w, theme.crime_types, window));
  std::int64_t cube_total = cube.count(area, theme.crime_types, window);
  if (lsoas.total != cube_total) {
    throw InternalError(fmt::format("LSOA counts add up to {} but the ward cube holds {} for {} in {}", lsoas.total,
                                    cube_total, place.name, window.label()));
  }
  LevelCounts lsoa_level{dataset::Level::lsoa, lsoas.lsoa, lsoas.count};

  const double fraction = a.top_percent / 100.0;
  const std::string pct = fmt::format("{:g}%", a.top_percent);
  table::Table t;
  t.title = fmt::format("Concentration of {} across {}'s small areas, {} ({}){}", theme.label, place.name,
                        window.label(), window.description(), cov.complete() ? "" : " †");
  t.columns = {{"areas_of", "Areas", table::Align::left},
               {"areas", "Number", table::Align::right},
               {"areas_without_incidents", "With none", table::Align::right},
               {"incidents", "Incidents", table::Align::right},
               {"top_areas", fmt::format("Top {} (areas)", pct), table::Align::right},
               {"top_share", fmt::format("Share in top {}", pct), table::Align::right},
               {"gini", "Gini", table::Align::right}};
  const std::string top_label = fmt::format("Top {}", pct);
  if (a.by != "ward") add_level(t, geography, lsoa_level, fraction, top_label);
  if (a.by != "lsoa") add_level(t, geography, ward_level, fraction, top_label);

  t.notes.push_back(fmt::format("Period: {} = {} ({}–{}).", window.label(), window.description(),
                                window.first().short_name(), window.last().short_name()));
  if (!cov.complete()) t.notes.push_back("† " + cov.sentence());
  t.notes.push_back(fmt::format("Theme '{}' covers police.uk crime type(s): {}.", theme.label, [&] {
    std::vector<std::string> names;
    for (int c : theme.crime_types.codes()) names.push_back(taxonomy::crime_type_name(c));
    return fmt::format("{}", fmt::join(names, ", "));
  }()));
  t.notes.push_back(fmt::format(
      "Every LSOA (and ward) of {} in the loaded lookup counts, those with no incidents as zeros ({} of {} LSOAs had "
      "none): leaving them out would understate the concentration.",
      place.name, lsoas.lsoas_without_incidents, lsoas.lsoa.size()));
  t.notes.push_back(fmt::format(
      "Share in top {0}: the incidents in the k = ceil({0} x n) areas with the most, over all the area's incidents. "
      "Gini: 0 when every area has the same count, (n-1)/n when one area has them all (as R's ineq::Gini, no "
      "small-sample correction). Methods: docs/METHODS.md section 7.",
      pct));
  t.notes.push_back("Incidents are counted in the LSOA police.uk gives them (the LSOA of the anonymised map point); "
                    "LSOAs are placed in wards through the ONS best-fit LSOA to ward lookup.");
  table::add_unplaced_notes(t, cube, area, theme.crime_types, theme.label, dataset::Assignment::lsoa_best_fit, window);
  table::add_source_note(t);
  print_table(t, format);
}

}  // namespace

void add_concentration_command(CLI::App& app) {
  auto a = std::make_shared<ConcentrationArgs>();
  auto* c = app.add_subcommand("concentration",
                               "How concentrated a theme's incidents are across an area's LSOAs and wards: the share "
                               "in the top 5% and the Gini coefficient");
  c->add_option("--db", a->db, "Database file")->capture_default_str();
  c->add_option("--area", a->area, "District or county: GSS code (E07000008) or name (Cambridge)")->required();
  c->add_option("--theme", a->theme, "Theme or group id or label (see data/taxonomy/police-uk-themes.toml)")
      ->capture_default_str();
  c->add_option("--period", a->period, std::string("The period (default: the year ending the latest month loaded), in "
                                                   "any of these forms:\n") +
                                           std::string(period::window_spec_forms()));
  c->add_option("--by", a->by, "lsoa or ward (default: both rows)");
  c->add_option("--top-percent", a->top_percent, "The top share's size, in percent of the areas")->capture_default_str();
  c->add_option("--format", a->format, "text, csv, markdown or json")->capture_default_str();
  c->callback([a] { run_concentration(*a); });
}

}  // namespace csa::cli
