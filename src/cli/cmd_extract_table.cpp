// csa extract-table: the tables local extracts make possible (CADET comparison over the offence
// hierarchy, DA, hate, reporting lag, offenders, repeat victims, keywords, time of day, pyramids,
// ASB, DA incidents, fires, ED, ambulance, partner series) for an area and period, as text, CSV,
// Markdown or JSON. The analyses are in src/extract_analysis; this file picks records and periods.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "dataset/geography.hpp"
#include "extract/load.hpp"
#include "extract_analysis/cadet.hpp"
#include "extract_analysis/domestic_abuse_incidents.hpp"
#include "extract_analysis/incident_tables.hpp"
#include "extract_analysis/keywords.hpp"
#include "extract_analysis/marker_breakdowns.hpp"
#include "extract_analysis/offenders.hpp"
#include "extract_analysis/partner_series.hpp"
#include "extract_analysis/pyramid.hpp"
#include "extract_analysis/repeat_victims.hpp"
#include "extract_analysis/reporting_lag.hpp"
#include "extract_analysis/thousands_separators.hpp"
#include "extract_analysis/time_of_day.hpp"
#include "offence/hierarchy.hpp"
#include "period/period_spec.hpp"
#include "period/window.hpp"
#include "store/store.hpp"

namespace csa::cli {
namespace {

namespace ea = csa::extract_analysis;
using extract::DatasetKind;

constexpr const char* kTables =
    "cadet, hierarchy-check, da, hate, lag, offenders, repeat-victims, keywords, time-of-day, pyramid, asb, da-incidents, fire, "
    "ed, ambulance, series";

struct ExtractTableArgs {
  std::string db = kDefaultDb;
  std::string table;
  std::string area;
  std::string ye;
  std::string period;
  int years = 2;
  std::string format = "text";
  std::string keywords;
  std::string offence_codes;
  std::string hierarchy;
  std::string offence;  // a hierarchy node id, for lag
  std::string person = "victim";
  std::string dataset;  // which extract for repeat-victims, time-of-day, pyramid, keywords
  std::string series = "treatment";
  std::string change_style = "cadet";
  int persistent_from = 6;
  int suppress_under = 5;
};

offence::Hierarchy load_hierarchy(const ExtractTableArgs& a) {
  auto codes = offence::read_offence_codes(a.offence_codes.empty() ? offence::default_offence_codes_path() : a.offence_codes);
  return offence::load_hierarchy(a.hierarchy.empty() ? offence::default_hierarchy_path() : a.hierarchy, std::move(codes));
}

extract::ExtractSet load(const store::Store& store, DatasetKind kind, const std::string& db) {
  auto set = extract::load_extract_set(store, kind);
  if (set.records.empty()) {
    throw InputError(fmt::format("{} holds no {} extract; load one with `csa ingest extract FILE --mapping MAPPING.toml --db {}`",
                                 db, extract::dataset_kind_name(kind), db));
  }
  return set;
}

// The latest window: --period, --ye, or the year ending the latest month an offence or incident
// started in. Not the latest recorded date: crimes recorded after the extract was cut off trail
// into a month the extract barely covers, which would make a near-empty latest year.
period::Window latest_window(const ExtractTableArgs& a, const extract::ExtractSet* set) {
  if (!a.ye.empty() && !a.period.empty()) throw InputError("give --ye or --period, not both");
  if (!a.period.empty()) return period::parse_window_spec(a.period, "--period");
  if (!a.ye.empty()) return period::year_ending(period::Month::parse(a.ye, "--ye"));
  std::int32_t last = extract::kNoDay;
  if (set) {
    for (const auto& r : set->records) last = std::max(last, r.start_day);
    if (last == extract::kNoDay)
      for (const auto& r : set->records) last = std::max(last, r.recorded_day);
  }
  if (last == extract::kNoDay) throw InputError("give --ye YYYY-MM or --period: the records carry no dates to choose one from");
  return period::year_ending(ea::month_of_day(last));
}

// Prints the command's tables. JSON is one document, {"tables": [...]}, whatever the number of
// tables, so a reader can always json.load the whole output; the other formats print the tables
// one after another.
void print_tables(const std::vector<table::Table>& tables, table::Format format) {
  if (format == table::Format::json) {
    nlohmann::ordered_json doc;
    auto& list = doc["tables"] = nlohmann::ordered_json::array();
    for (const auto& tab : tables) list.push_back(nlohmann::ordered_json::parse(table::render_json(tab)));
    fmt::print("{}\n", doc.dump(2));
    return;
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i > 0 && format != table::Format::csv) fmt::print("\n");
    print_table(tables[i], format);
  }
}

DatasetKind kind_of(const std::string& dataset, DatasetKind fallback) {
  return dataset.empty() ? fallback : extract::parse_dataset_kind(dataset);
}

void run_extract_table(const ExtractTableArgs& a) {
  auto format = table::parse_format(a.format);
  if (a.years < 1 || a.years > 20) throw InputError(fmt::format("--years {} must be between 1 and 20", a.years));
  auto store = store::open_sqlite_store(a.db);
  const auto& t = a.table;
  std::vector<table::Table> out;

  if (t == "hierarchy-check") {
    // The tree over the code list, checked as it loads; prints the tree with its codes.
    auto h = load_hierarchy(a);
    table::Table tab;
    tab.title = "Offence hierarchy: every Home Office code in exactly one leaf";
    tab.columns = {{"node", "Id", table::Align::left}, {"label", "Node", table::Align::left}, {"codes", "Codes"},
                   {"ho_group", "Home Office group checked", table::Align::left}};
    std::vector<int> stack;
    for (int i = static_cast<int>(h.nodes().size()) - 1; i >= 0; --i)  // roots, first on top
      if (h.node(i).parent < 0) stack.push_back(i);
    while (!stack.empty()) {
      int i = stack.back();
      stack.pop_back();
      const auto& n = h.node(i);
      tab.rows.push_back({{{n.id, std::nullopt},
                           {std::string(static_cast<std::size_t>(2 * n.depth), ' ') + n.label, std::nullopt},
                           {std::to_string(h.codes_under(i).size()), static_cast<double>(h.codes_under(i).size())},
                           {n.ho_group, std::nullopt}}});
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
    }
    tab.notes.push_back(fmt::format("{} codes from {}; tree {}: loaded and checked.", h.codes().size(), h.codes().source(), h.source()));
    print_tables({tab}, format);
    return;
  }

  if (t == "series") {
    ea::SeriesRequest req;
    req.series = a.series;
    print_tables({ea::series_table(extract::load_series(*store, a.series), req)}, format);
    return;
  }

  auto geography = dataset::Geography::from_store(*store);
  if (geography.empty()) throw InputError(fmt::format("{} holds no geography; run `csa geography load` first", a.db));
  if (a.area.empty()) throw InputError(fmt::format("--table {} needs --area (a district, county or ward: code or name)", t));
  ea::Scope scope = ea::scope_for(geography, geography.resolve(a.area));
  auto suppression = suppression_from(a.suppress_under);
  scope.suppress = scope.suppress && suppression.on;
  scope.suppression = suppression.rule;

  if (t == "cadet" || t == "da" || t == "hate" || t == "lag" || t == "offenders") {
    auto crimes = load(*store, DatasetKind::crime, a.db);
    auto h = load_hierarchy(a);
    auto latest = latest_window(a, &crimes);
    auto windows = period::years_back(latest, a.years);
    if (t == "cadet") {
      ea::CadetRequest req{period::same_period_last_year(latest), latest, ea::CadetRequest::ChangeStyle::cadet, {}, true, true};
      if (a.change_style == "seeds") req.style = ea::CadetRequest::ChangeStyle::seeds;
      else if (a.change_style != "cadet") throw InputError(fmt::format("--change-style '{}': use cadet (+ 11.3%) or seeds (+32% (+677))", a.change_style));
      out.push_back(ea::cadet_table(h, crimes, scope, req));
    } else if (t == "da") {
      out.push_back(ea::marker_by_offence_table(h, extract::marker_domestic_abuse, crimes, scope, latest));
    } else if (t == "hate") {
      out.push_back(ea::hate_strand_table(crimes, scope, latest));
      out.push_back(ea::marker_by_offence_table(h, extract::marker_hate, crimes, scope, latest));
    } else if (t == "lag") {
      int node = -1;
      if (!a.offence.empty()) {
        node = h.find(a.offence);
        if (node < 0) throw InputError(fmt::format("--offence '{}' is not a node of {}; see --table hierarchy-check", a.offence, h.source()));
      }
      out.push_back(ea::reporting_lag_table(h, node, crimes, scope, windows));
    } else {
      out.push_back(ea::offenders_table(crimes, scope, ea::OffenderRequest{latest, a.persistent_from}));
    }
  } else if (t == "repeat-victims" || t == "time-of-day" || t == "pyramid") {
    auto set = load(*store, kind_of(a.dataset, DatasetKind::crime), a.db);
    auto latest = latest_window(a, &set);
    if (t == "repeat-victims") {
      out.push_back(ea::repeat_victims_table(set, scope, period::years_back(latest, a.years)));
    } else if (t == "time-of-day") {
      out.push_back(ea::time_of_day_table(set, scope, latest));
    } else {
      if (a.person != "victim" && a.person != "offender") throw InputError("--person must be victim or offender");
      auto sel = ea::select(set, scope, latest);
      auto p = ea::build_pyramid(set, sel.rows, a.person == "victim" ? ea::Person::victim : ea::Person::offender);
      out.push_back(ea::pyramid_table(p, set, scope, latest, sel));
    }
  } else if (t == "keywords") {
    if (a.keywords.empty()) throw InputError("--table keywords needs --keywords FILE (word lists; see examples/keywords.toml)");
    auto lists = ea::read_word_lists(a.keywords);
    std::vector<DatasetKind> kinds;
    for (const auto& l : lists)
      if ((a.dataset.empty() || l.dataset == extract::parse_dataset_kind(a.dataset)) &&
          std::find(kinds.begin(), kinds.end(), l.dataset) == kinds.end())
        kinds.push_back(l.dataset);
    for (auto kind : kinds) {
      auto set = extract::load_extract_set(*store, kind);
      if (set.records.empty()) {
        fmt::print(stderr, "note: no {} extract is loaded, so its word lists are skipped\n", extract::dataset_kind_name(kind));
        continue;
      }
      out.push_back(ea::keyword_table(lists, set, scope, period::years_back(latest_window(a, &set), a.years)));
    }
    if (out.empty()) throw InputError(fmt::format("{} holds none of the extracts the word lists of {} read", a.db, a.keywords));
  } else if (t == "da-incidents") {
    auto crimes = load(*store, DatasetKind::crime, a.db);
    auto incidents = load(*store, DatasetKind::da_incident, a.db);
    out.push_back(ea::da_incidents_table(crimes, incidents, scope, period::years_back(latest_window(a, &incidents), a.years)));
  } else if (t == "asb" || t == "fire" || t == "ed" || t == "ambulance") {
    const DatasetKind kind = t == "asb" ? DatasetKind::asb : t == "fire" ? DatasetKind::fire
                             : t == "ed" ? DatasetKind::ed_attendance : DatasetKind::ambulance;
    auto set = load(*store, kind, a.db);
    auto windows = period::years_back(latest_window(a, &set), a.years);
    out = t == "asb" ? ea::asb_tables(set, scope, windows) : t == "fire" ? ea::fire_tables(set, scope, windows)
                                                           : ea::assault_attendance_tables(set, scope, windows);
  } else {
    throw InputError(fmt::format("--table '{}' is not known; use one of: {}", t, kTables));
  }
  // The CADET, marker, offender and keyword tables as the seeds print them (7,416) for people; CSV
  // and JSON stay plain.
  const bool for_people = format == table::Format::text || format == table::Format::markdown;
  if (for_people && (t == "cadet" || t == "da" || t == "hate" || t == "offenders" || t == "keywords")) {
    for (auto& tab : out) tab = ea::with_thousands_separators(std::move(tab));
  }
  print_tables(out, format);
}

}  // namespace

void add_extract_table_command(CLI::App& app) {
  auto a = std::make_shared<ExtractTableArgs>();
  auto* c = app.add_subcommand("extract-table", "Tables from local extracts: CADET offence comparison, DA, hate, reporting lag, "
                                                "offenders, repeat victims, keywords, time of day, pyramids, ASB, fires, ED, ambulance, series");
  c->add_option("--db", a->db, "Database file")->capture_default_str();
  c->add_option("--table", a->table, std::string("Which table: ") + kTables)->required();
  c->add_option("--area", a->area, "District, county or ward: GSS code or name (not needed for series, hierarchy-check)");
  c->add_option("--ye", a->ye, "Year ending this month, YYYY-MM (default: the latest month an offence or incident started in)");
  c->add_option("--period", a->period, std::string("The latest period in any of these forms (instead of --ye):\n") +
                                           std::string(period::window_spec_forms()));
  c->add_option("--years", a->years, "Periods shown where a table shows several (the latest and the same period of earlier years)")
      ->capture_default_str();
  c->add_option("--format", a->format, "text, csv, markdown or json")->capture_default_str();
  c->add_option("--keywords", a->keywords, "Word lists TOML for --table keywords (see examples/keywords.toml)");
  c->add_option("--offence-codes", a->offence_codes, "Home Office offence code list CSV (default: the shared data folder's)");
  c->add_option("--hierarchy", a->hierarchy, "Your own offence hierarchy TOML (default: data/taxonomy/offence-hierarchy.toml)");
  c->add_option("--offence", a->offence, "--table lag: only crimes below this hierarchy node (e.g. sexual_offences)");
  c->add_option("--person", a->person, "--table pyramid: victim or offender")->capture_default_str();
  c->add_option("--dataset", a->dataset, "Which extract for repeat-victims, time-of-day, pyramid (default crime) and keywords (default: "
                                         "every list's own): crime, asb, da-incident, fire, ed-attendance, ambulance");
  c->add_option("--series", a->series, "--table series: the partner series name")->capture_default_str();
  c->add_option("--change-style", a->change_style, "--table cadet: cadet (+ 11.3%, No Calc) or seeds (+32% (+677))")->capture_default_str();
  c->add_option("--persistent-from", a->persistent_from, "--table offenders: crimes in the period that make a persistent offender")
      ->capture_default_str();
  c->add_option("--suppress-under", a->suppress_under, "Below district level show counts below this as <N (0 = no suppression)")
      ->capture_default_str();
  c->callback([a] { run_extract_table(*a); });
}

}  // namespace csa::cli
