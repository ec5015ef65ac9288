// csa prevalence: how many residents a victimisation survey implies (prevalence by sex, and age band
// where given, times the population), with an interval, against what the police record
// (stats/prevalence.hpp, stats/prevalence_config.hpp, docs/METHODS.md section 8).
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "period/coverage.hpp"
#include "period/period_spec.hpp"
#include "stats/prevalence.hpp"
#include "stats/prevalence_config.hpp"
#include "store/store.hpp"
#include "table/table_notes.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct PrevalenceArgs {
  std::string config;
  std::string db;
  std::string population_file;
  std::string format = "text";
};

struct PoliceCount {
  std::int64_t count = 0;
  std::string label;  // "Police recorded, Violence and sexual offences, 2025"
  std::vector<std::string> notes;
};

PoliceCount police_count(const stats::PrevalenceConfig& c, const std::string& db) {
  PoliceCount out;
  if (c.police_count) {
    out.count = *c.police_count;
    out.label = fmt::format("Police recorded, {}", c.police_period);
    out.notes.push_back(fmt::format("Police count: {} ({}), as given in {}.", with_commas(out.count), c.police_source,
                                    std::filesystem::path(c.path).filename().string()));
    return out;
  }
  if (db.empty()) {
    throw InputError(fmt::format("{}: [police] names theme '{}'; give --db FILE to count it, or count = N in the file",
                                 c.path, c.police_theme));
  }
  auto store = store::open_sqlite_store(db);
  auto taxonomy = taxonomy::load_default_taxonomy();
  auto theme = taxonomy.resolve(c.police_theme);
  auto geography = dataset::Geography::from_store(*store);
  int area = geography.resolve(c.police_area);
  auto placed = dataset::place_incidents(*store, geography, dataset::Assignment::lsoa_best_fit);
  if (placed.size() == 0) throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", db));
  auto window = period::parse_window_spec(c.police_period, c.path + ": police.period");
  auto cov = period::coverage(window, placed.months_loaded);
  if (!cov.complete()) {
    throw InputError(fmt::format("{}: police.period = \"{}\" is not fully in {}: {}; choose a period whose months are all "
                                 "loaded",
                                 c.path, c.police_period, db, cov.sentence()));
  }
  auto cube = cube::Cube::build(placed, geography);
  out.count = cube.count(area, theme.crime_types, window);
  out.label = fmt::format("Police recorded, {}, {}", theme.label, window.label());
  out.notes.push_back(fmt::format("Police count: police.uk {} in {} ({}–{}), {} by best-fit LSOA, from {}.", theme.label,
                                  window.description(), window.first().short_name(), window.last().short_name(),
                                  geography.area(area).name, std::filesystem::path(db).filename().string()));
  table::Table scratch;  // the notes every police.uk count carries: unplaced incidents, source and licence
  table::add_unplaced_notes(scratch, cube, area, theme.crime_types, theme.label, dataset::Assignment::lsoa_best_fit,
                            window);
  table::add_source_note(scratch);
  for (auto& n : scratch.notes) out.notes.push_back(std::move(n));
  return out;
}

std::string percent(double p) { return fmt::format("{:.1f}%", 100.0 * p); }
std::string people(double v) { return with_commas(std::llround(v)); }

void run_prevalence(const PrevalenceArgs& a) {
  auto format = table::parse_format(a.format);
  auto config = stats::load_prevalence_config(a.config);
  auto prepared = stats::prepare_groups(config, a.population_file);
  auto estimate = stats::estimate_victims(prepared.groups, config.confidence);
  const int conf = static_cast<int>(std::lround(config.confidence * 100));

  // The seed's way (output.round_groups): each group rounded to whole people, then added.
  double total = estimate.victims;
  if (config.round_groups) {
    total = 0;
    for (const auto& g : estimate.groups) total += static_cast<double>(std::llround(g.victims));
  }

  table::Table t;
  t.title = fmt::format("{}: {}", config.name, config.area);
  t.columns = {{"group", "Group", table::Align::left},
               {"prevalence", "Prevalence", table::Align::right},
               {"prevalence_interval", fmt::format("{}% CI", conf), table::Align::right},
               {"interval_from", "Interval from", table::Align::left},
               {"population", "Population", table::Align::right},
               {"victims", "Estimated victims", table::Align::right},
               {"victims_interval", fmt::format("{}% interval", conf), table::Align::right}};
  for (std::size_t i = 0; i < prepared.groups.size(); ++i) {
    const auto& in = prepared.groups[i];
    const auto& out = estimate.groups[i];
    table::Row row;
    row.cells.push_back({in.label, std::nullopt});
    row.cells.push_back({percent(in.prevalence), in.prevalence});
    std::optional<stats::Interval> p_iv = in.prevalence_interval;
    if (!p_iv && in.standard_error) {
      double z = stats::two_sided_z(config.confidence, "survey confidence");
      p_iv = stats::Interval{std::max(0.0, in.prevalence - z * *in.standard_error), std::min(1.0, in.prevalence + z * *in.standard_error)};
    }
    row.cells.push_back({p_iv ? fmt::format("{}–{}", percent(p_iv->lower), percent(p_iv->upper)) : "none given", std::nullopt});
    row.cells.push_back({in.prevalence_interval ? "survey's interval"
                         : in.standard_error   ? fmt::format("survey's SE {:.2f} points", 100 * *in.standard_error)
                                               : "none",
                         std::nullopt});
    row.cells.push_back({with_commas(in.population), static_cast<double>(in.population)});
    row.cells.push_back({people(out.victims), out.victims});
    row.cells.push_back({out.interval ? fmt::format("{}–{}", people(out.interval->lower), people(out.interval->upper)) : "n/a",
                         std::nullopt});
    t.rows.push_back(std::move(row));
  }
  {
    std::int64_t population = 0;
    for (const auto& g : prepared.groups) population += g.population;
    table::Row row{{{"All groups", std::nullopt}, {"", std::nullopt}, {"", std::nullopt}, {"", std::nullopt},
                    {with_commas(population), static_cast<double>(population)},
                    {people(total), total},
                    {estimate.interval ? fmt::format("{}–{}", people(estimate.interval->lower), people(estimate.interval->upper))
                                       : "n/a",
                     std::nullopt}},
                   table::RowKind::total};
    t.rows.push_back(std::move(row));
  }

  std::vector<std::string> police_notes;
  if (config.police_count || !config.police_theme.empty()) {
    PoliceCount police = police_count(config, a.db);
    stats::VictimEstimate shown = estimate;
    shown.victims = total;
    auto share = stats::police_share(police.count, shown);
    table::Row count_row{{{police.label, std::nullopt}, {"", std::nullopt}, {"", std::nullopt}, {"", std::nullopt},
                          {"", std::nullopt}, {with_commas(police.count), static_cast<double>(police.count)},
                          {"", std::nullopt}}};
    t.rows.push_back(std::move(count_row));
    table::Row share_row{{{"Share police data captures", std::nullopt}, {"", std::nullopt}, {"", std::nullopt},
                          {"", std::nullopt}, {"", std::nullopt},
                          {share ? percent(share->share) : "n/a", share ? std::optional<double>(share->share) : std::nullopt},
                          {share && share->interval ? fmt::format("{}–{}", percent(share->interval->lower),
                                                                  std::isinf(share->interval->upper)
                                                                      ? std::string("no upper limit")
                                                                      : percent(share->interval->upper))
                                                    : "n/a",
                           std::nullopt}}};
    t.rows.push_back(std::move(share_row));
    police_notes = std::move(police.notes);
    police_notes.push_back(
        "Police records count incidents (or crimes), the survey counts victims: one victim can have many incidents, "
        "so the share is a rough scale of under-reporting, not a reporting rate.");
  }

  t.notes.push_back(fmt::format("Survey: {} ({}); prevalence measured on ages {}.", config.survey_name,
                                config.survey_source, config.survey_ages.text()));
  for (auto& n : prepared.population_notes) t.notes.push_back(std::move(n));
  t.notes.push_back(fmt::format(
      "Estimated victims = prevalence x population, per group, added up. The survey's prevalence is national, not "
      "local: the estimate assumes {} is like the survey's population.",
      config.area));
  if (estimate.interval) {
    t.notes.push_back(fmt::format(
        "{}% interval: each group's from the survey's published interval or +/- z x its stated standard error "
        "(column 'Interval from'); the total's from the groups' errors added as independent (sqrt of the sum of "
        "squares). Populations are treated as exact.",
        conf));
  } else {
    t.notes.push_back(
        "No interval for the total: the configuration gives neither a standard error nor an interval for every group "
        "(add standard_error or interval to each [[survey.group]] from the survey's tables).");
  }
  if (config.round_groups) {
    t.notes.push_back(fmt::format("Each group is rounded to whole people before adding (output.round_groups, as seed 000 "
                                  "did); the unrounded total is {:.1f}.",
                                  estimate.victims));
  }
  for (auto& n : police_notes) t.notes.push_back(std::move(n));
  t.notes.push_back("Method: docs/METHODS.md section 8.");
  print_table(t, format);
}

}  // namespace

void add_prevalence_command(CLI::App& app) {
  auto a = std::make_shared<PrevalenceArgs>();
  auto* c = app.add_subcommand("prevalence",
                               "Hidden prevalence: survey prevalence by sex (and age) x population = estimated victims, "
                               "with an interval, and the share police data captures");
  c->add_option("--config", a->config, "Survey TOML (see examples/cambridge/prevalence-domestic-abuse.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  c->add_option("--db", a->db, "Database to count the police figure from, when the TOML's [police] names a theme");
  c->add_option("--population-file", a->population_file,
                "LAD population by age band CSV, instead of the TOML's [population] file");
  c->add_option("--format", a->format, "text, csv, markdown or json")->capture_default_str();
  c->callback([a] { run_prevalence(*a); });
}

}  // namespace csa::cli
