// csa compare: a district's rate for a theme against its county's districts, the county, England and
// Wales, and a Most Similar Group given in a TOML file.
#include <fmt/format.h>

#include <memory>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "config/peer_group.hpp"
#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "period/period_spec.hpp"
#include "store/store.hpp"
#include "table/place_comparison.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct CompareArgs {
  std::string db = kDefaultDb;
  std::string area;
  std::string theme = "all_crime";
  std::string period;
  std::string month;
  std::string peers;
  std::string format = "text";
  int suppress_under = 5;
};

void run_compare(const CompareArgs& a) {
  auto format = table::parse_format(a.format);
  auto store = store::open_sqlite_store(a.db);
  auto geography = dataset::Geography::from_store(*store);
  std::optional<config::PeerGroup> peers;
  if (!a.peers.empty()) peers = config::load_peer_group(a.peers);
  std::string area_name = !a.area.empty() ? a.area : peers ? peers->area : "";
  if (area_name.empty()) throw InputError("give --area, or --peers with an 'area' entry");
  int area = geography.resolve(area_name);
  auto incidents = dataset::place_incidents(*store, geography, dataset::Assignment::lsoa_best_fit);
  if (incidents.size() == 0) throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", a.db));
  if (!a.period.empty() && !a.month.empty()) throw InputError("give --period or --month, not both");
  period::Window window = !a.month.empty()  ? [&] {
    auto m = period::Month::parse(a.month, "--month");
    return period::Window(m, m, m.short_name(), m.long_name());
  }()
                          : !a.period.empty() ? period::parse_window_spec(a.period, "--period")
                                              : period::year_ending(*incidents.months_loaded.rbegin());
  auto cube = cube::Cube::build(incidents, geography);
  auto taxonomy = taxonomy::load_default_taxonomy();
  table::PlaceComparisonRequest request;
  request.area = area;
  request.theme = taxonomy.resolve(a.theme);
  request.window = window;
  request.peers = peers;
  auto suppression = suppression_from(a.suppress_under);
  request.suppress = suppression.on;
  request.suppression = suppression.rule;
  auto t = table::place_comparison(cube, request);
  print_table(t, format);
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto a = std::make_shared<CompareArgs>();
  auto* c = app.add_subcommand("compare", "A district's rate against its county's districts, the county, England and\n"
                                          "Wales (districts with data) and a Most Similar Group (--peers FILE)");
  c->add_option("--db", a->db, "Database file")->capture_default_str();
  c->add_option("--area", a->area, "The district (GSS code or name); default: the peer file's area");
  c->add_option("--theme", a->theme, "Theme or group id or label")->capture_default_str();
  c->add_option("--period", a->period, std::string("The period, in any of these forms:\n") +
                                           std::string(period::window_spec_forms()));
  c->add_option("--month", a->month, "A single month, YYYY-MM (e.g. the one month of national data)");
  c->add_option("--peers", a->peers, "Most Similar Group TOML (see examples/cambridge/msg.toml)");
  c->add_option("--format", a->format, "text, csv, markdown or json")->capture_default_str();
  c->add_option("--suppress-under", a->suppress_under, "Show counts below this as <N (0 = no suppression)")
      ->capture_default_str();
  c->callback([a] { run_compare(*a); });
}

}  // namespace csa::cli
