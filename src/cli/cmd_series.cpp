// csa series: the monthly series of one theme for an area (district, county or ward): count, 12-month
// average, the same month a year earlier and the change, SPC flag and "highest since", with the
// peak, yearly averages and a part-year projection in the notes; text, CSV, Markdown or JSON.
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
#include "table/monthly_series.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct SeriesArgs {
  std::string db = kDefaultDb;
  std::string area;
  std::string theme = "all_crime";
  std::string period;
  std::string from;
  std::string to;
  std::string format = "text";
  std::string taxonomy;
  std::string assign = "lsoa-best-fit";
  int suppress_under = 5;
  int spc_min_baseline = 24;
  int highest_since_min = 12;
};

void run_series(const SeriesArgs& a) {
  auto format = table::parse_format(a.format);
  if (a.spc_min_baseline < 2 || a.spc_min_baseline > 24) {
    throw InputError(fmt::format("--spc-min-baseline {} must be between 2 and 24 months", a.spc_min_baseline));
  }
  if (a.highest_since_min < 2) {
    throw InputError(fmt::format("--highest-since-min {} must be 2 or more (2: every month above the one before)",
                                 a.highest_since_min));
  }
  if (!a.period.empty() && (!a.from.empty() || !a.to.empty())) throw InputError("give --period or --from/--to, not both");
  auto store = store::open_sqlite_store(a.db);
  auto taxonomy = a.taxonomy.empty() ? taxonomy::load_default_taxonomy() : taxonomy::load_taxonomy(a.taxonomy);
  auto theme = taxonomy.resolve(a.theme);
  auto geography = dataset::Geography::from_store(*store);
  int area = geography.resolve(a.area);
  auto incidents = dataset::place_incidents(*store, geography, dataset::parse_assignment(a.assign));
  if (incidents.size() == 0) {
    throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", a.db));
  }
  // The months shown: --period (any form), --from/--to, or every loaded month.
  period::Window window = table::loaded_months_window(incidents.months_loaded);
  if (!a.period.empty()) {
    window = period::parse_window_spec(a.period, "--period");
  } else if (!a.from.empty() || !a.to.empty()) {
    period::Month first = a.from.empty() ? window.first() : period::Month::parse(a.from, "--from");
    period::Month last = a.to.empty() ? window.last() : period::Month::parse(a.to, "--to");
    if (last < first) throw InputError(fmt::format("--to {} is before --from {}", last, first));
    window = period::Window(first, last);
  }
  auto cube = cube::Cube::build(incidents, geography);

  table::MonthlySeriesRequest request;
  request.area = area;
  request.window = window;
  request.months_loaded = incidents.months_loaded;
  request.assignment = incidents.assignment;
  auto suppression = suppression_from(a.suppress_under);
  request.suppress = suppression.on;
  request.suppression = suppression.rule;
  request.spc.min_baseline = static_cast<std::size_t>(a.spc_min_baseline);
  request.highest_since_min_months = a.highest_since_min;
  auto t = table::monthly_series(cube, theme, request);
  print_table(t, format);
}

}  // namespace

void add_series_command(CLI::App& app) {
  auto a = std::make_shared<SeriesArgs>();
  auto* s = app.add_subcommand("series", "The monthly series of a theme for an area: count, 12-month average, change on the\n"
                                         "same month a year earlier, SPC flag and 'highest since', with a part-year projection");
  s->add_option("--db", a->db, "Database file")->capture_default_str();
  s->add_option("--area", a->area, "District, county or ward: GSS code (E07000008) or name (Cambridge)")->required();
  s->add_option("--theme", a->theme, "Theme or group id or label (see data/taxonomy/police-uk-themes.toml)")->capture_default_str();
  s->add_option("--period", a->period, std::string("The months shown, in any of these forms (default: every loaded month):\n") +
                                           std::string(period::window_spec_forms()));
  s->add_option("--from", a->from, "First month shown, YYYY-MM (default: the first loaded month)");
  s->add_option("--to", a->to, "Last month shown, YYYY-MM (default: the latest loaded month)");
  s->add_option("--spc-min-baseline", a->spc_min_baseline,
                "Judge a month against the previous 24 months only when at least this many have data (2-24)")
      ->capture_default_str();
  s->add_option("--highest-since-min", a->highest_since_min,
                "Note 'highest since' only when the last month at least as high is this many months back\n"
                "or more (2 = every month above the one before)")
      ->capture_default_str();
  s->add_option("--format", a->format, "text, csv, markdown or json")->capture_default_str();
  s->add_option("--taxonomy", a->taxonomy, "Your own theme taxonomy TOML (default: the shipped one)");
  s->add_option("--assign", a->assign, "Ward assignment: lsoa-best-fit or point-in-polygon")->capture_default_str();
  s->add_option("--suppress-under", a->suppress_under, "Show counts below this as <N (0 = no suppression)")->capture_default_str();
  s->callback([a] { run_series(*a); });
}

}  // namespace csa::cli
