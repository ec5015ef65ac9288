// csa table: a district's (or county's) counts by ward for one theme, or by theme, over year-ending
// periods, in the seeds' formatting, as text, CSV, Markdown or JSON.
#include <fmt/format.h>

#include <memory>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "period/period_spec.hpp"
#include "period/window.hpp"
#include "store/store.hpp"
#include "stats/harm_weights.hpp"
#include "table/area_tables.hpp"
#include "table/harm_table.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct TableArgs {
  std::string db = kDefaultDb;
  std::string area;
  std::string by = "ward";
  std::string theme = "all_crime";
  std::string ye;
  std::string period;
  int years = 2;
  std::string format = "text";
  std::string taxonomy;
  std::string assign = "lsoa-best-fit";
  int suppress_under = 5;
  std::size_t top = 0;
  std::string change_style = "seeds";
  bool stats = false;
  std::string harm_weights;
};

void run_table(const TableArgs& a) {
  auto format = table::parse_format(a.format);
  if (a.years < 1 || a.years > 20) throw InputError(fmt::format("--years {} must be between 1 and 20", a.years));
  auto store = store::open_sqlite_store(a.db);
  auto taxonomy = a.taxonomy.empty() ? taxonomy::load_default_taxonomy() : taxonomy::load_taxonomy(a.taxonomy);
  auto geography = dataset::Geography::from_store(*store);
  int area = geography.resolve(a.area);
  auto incidents = dataset::place_incidents(*store, geography, dataset::parse_assignment(a.assign));
  if (incidents.size() == 0) {
    throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", a.db));
  }
  if (!a.ye.empty() && !a.period.empty()) throw InputError("give --ye or --period, not both");
  // The latest period: --period (any form), --ye, or the year ending the latest month loaded.
  period::Window latest = !a.period.empty() ? period::parse_window_spec(a.period, "--period")
                          : period::year_ending(a.ye.empty() ? *incidents.months_loaded.rbegin()
                                                             : period::Month::parse(a.ye, "--ye"));
  auto cube = cube::Cube::build(incidents, geography);

  table::AreaTableRequest request;
  request.area = area;
  request.windows = period::years_back(latest, a.years);
  request.months_loaded = incidents.months_loaded;
  request.assignment = incidents.assignment;
  request.top = a.top;
  request.with_stats = a.stats;
  if (a.change_style == "seeds") {
    request.change_style = table::AreaTableRequest::ChangeStyle::seeds;
  } else if (a.change_style == "cadet") {
    request.change_style = table::AreaTableRequest::ChangeStyle::cadet;
  } else if (a.change_style == "plain") {
    request.change_style = table::AreaTableRequest::ChangeStyle::plain;
  } else {
    throw InputError(fmt::format("--change-style '{}' is not known; use seeds (+32% (+677)), cadet (+ 11.3%) or plain (17)",
                                 a.change_style));
  }
  auto suppression = suppression_from(a.suppress_under);
  request.suppress = suppression.on;
  request.suppression = suppression.rule;

  table::Table t;
  if (a.by == "ward") {
    t = table::ward_table(cube, taxonomy.resolve(a.theme), request);
  } else if (a.by == "theme") {
    t = table::theme_table(cube, taxonomy, request);
  } else if (a.by == "harm") {
    if (a.harm_weights.empty()) {
      throw InputError("--by harm needs --harm-weights FILE (the CCHI weights by subgroup, e.g. "
                       "../shared/data/harm/cchi-weights-by-subgroup.csv)");
    }
    table::HarmTableRequest harm;
    harm.area = area;
    harm.window = request.windows.back();
    harm.weights = stats::derive_crime_type_weights(stats::read_cchi_subgroups(a.harm_weights));
    harm.weights_source = a.harm_weights;
    harm.suppress = request.suppress;
    harm.suppression = request.suppression;
    t = table::harm_table(cube, taxonomy, harm);
  } else {
    throw InputError(fmt::format("--by '{}' is not known; use ward, theme or harm", a.by));
  }
  print_table(t, format);
}

}  // namespace

void add_table_command(CLI::App& app) {
  auto a = std::make_shared<TableArgs>();
  auto* t = app.add_subcommand("table", "Counts, change, rates and ranks for an area, by ward or by theme, over year-ending periods");
  t->add_option("--db", a->db, "Database file")->capture_default_str();
  t->add_option("--area", a->area, "District or county: GSS code (E07000008) or name (Cambridge)")->required();
  t->add_option("--by", a->by,
                "Rows: ward (the area's wards, for one --theme), theme (every theme and group) or harm (crime themes "
                "by CCHI harm and volume, latest period)")->capture_default_str();
  t->add_option("--theme", a->theme, "Theme or group id or label for --by ward (see data/taxonomy/police-uk-themes.toml)")->capture_default_str();
  t->add_option("--ye", a->ye, "Year ending this month, YYYY-MM (default: the latest month loaded)");
  t->add_option("--period", a->period, std::string("The latest period in any of these forms (instead of --ye):\n") +
                                          std::string(period::window_spec_forms()));
  t->add_option("--years", a->years, "Number of periods: the latest and the same period of earlier years")->capture_default_str();
  t->add_option("--top", a->top, "--by ward: only the top N wards by latest count, ties kept (0 = all)")->capture_default_str();
  t->add_option("--change-style", a->change_style, "seeds: +32% (+677); cadet: + 11.3% (No Calc on a zero base); plain: 17")
      ->capture_default_str();
  t->add_option("--harm-weights", a->harm_weights, "CCHI weights by Home Office subgroup CSV, for --by harm");
  t->add_flag("--stats", a->stats,
              "Add statistics: is the latest change significant (exact Poisson test), 95% CI of the rate, "
              "for wards the funnel position against the area's rate, and with --years 3 or more the trend "
              "(Poisson regression: rising, falling or no clear trend, with the rate ratio a year)");
  t->add_option("--format", a->format, "text, csv, markdown or json")->capture_default_str();
  t->add_option("--taxonomy", a->taxonomy, "Your own theme taxonomy TOML (default: the shipped one)");
  t->add_option("--assign", a->assign, "Ward assignment: lsoa-best-fit or point-in-polygon")->capture_default_str();
  t->add_option("--suppress-under", a->suppress_under, "Show counts below this as <N (0 = no suppression)")->capture_default_str();
  t->callback([a] { run_table(*a); });
}

}  // namespace csa::cli
