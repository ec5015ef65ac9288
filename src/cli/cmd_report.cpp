// csa report: the strategic assessment of a district from one config file: report.html, report.pdf,
// report.docx, tables.xlsx and figures/, self-checked before anything is written.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "report/analysis.hpp"
#include "report/build_report.hpp"
#include "report/classification.hpp"
#include "report/report_config.hpp"
#include "report/write_report.hpp"
#include "store/store.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct ReportArgs {
  std::string config;
  std::string db;
  std::string out = "out/report";
  bool all_districts = false;
  std::string theme;
  bool no_pdf = false;
  bool no_docx = false;
  bool no_png = false;
  bool quiet = false;
};

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%d %B %Y", &tm);
  std::string s(buf);
  return s[0] == '0' ? s.substr(1) : s;
}

std::string slug(const std::string& name) {
  std::string s;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!s.empty() && s.back() != '-') {
      s += '-';
    }
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s;
}

// One district's report into `out_dir`.
void one_report(const ReportArgs& a, report::ReportConfig config, int area, const store::Store& store,
                const dataset::Geography& geography, const cube::Cube& cube, const dataset::PlacedCounts& placed,
                const taxonomy::Taxonomy& taxonomy, const std::string& out_dir) {
  auto started = std::chrono::steady_clock::now();
  auto say = [&](const std::string& step) {
    if (a.quiet) return;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print(stderr, "report {}: {} ({:.2f} s)\n", geography.area(area).name, step, s);
  };
  period::Month ye = config.year_ending.empty() ? *placed.months_loaded.rbegin()
                                                : period::Month::parse(config.year_ending, config.path + ": year_ending");
  say("analysing");
  auto analysis = report::analyse(cube, taxonomy, area, ye, config.years, placed.months_loaded,
                                  config.classification.trend_min_years);
  auto recommendations = report::recommend(analysis, config);
  report::ReportInputs in;
  in.config = &config;
  in.analysis = &analysis;
  in.recommendations = &recommendations;
  in.store = &store;
  in.months_loaded = placed.months_loaded;
  in.assignment = placed.assignment;
  in.generated_on = today();
  in.only_themes = config.themes;
  if (!a.theme.empty()) {
    in.only_themes = {taxonomy.resolve(a.theme).id};
    in.deep_dive = true;
  }
  say("writing the document");
  auto built = report::build_report(in);
  report::OutputOptions options;
  options.pdf = !a.no_pdf;
  options.docx = !a.no_docx;
  options.png = !a.no_png;  // without PNGs, report.docx embeds the SVGs
  auto written = report::write_report(std::move(built.document), built.claims, taxonomy, config.suppress_under, out_dir,
                                      options, [&](const std::string& step) { say(step); });
  say("done");
  fmt::print("{} ({}): {} self-checks passed\n", geography.area(area).name, geography.area(area).code,
             written.checks.passed.size());
  for (const auto& line : written.checks.passed) fmt::print("  check: {}\n", line);
  for (const auto& f : written.files) {
    if (f.find("/figures/") == std::string::npos) fmt::print("  wrote {}\n", f);
  }
  std::size_t figures = 0;
  for (const auto& f : written.files) figures += f.find("/figures/") != std::string::npos ? 1 : 0;
  fmt::print("  wrote {} figure files in {}/figures\n", figures, out_dir);
}

void run_report(const ReportArgs& a) {
  auto config = report::load_report_config(a.config);
  std::string db = a.db.empty() ? config.database : a.db;
  if (db.empty()) throw InputError(fmt::format("{}: no database: give --db or [report] database = \"…\"", a.config));
  if (!std::filesystem::exists(db)) {
    throw InputError(fmt::format("{}: database not found; run `csa ingest police-uk …` and `csa geography load …` first "
                                 "(or `make demo`)",
                                 db));
  }
  auto store = store::open_sqlite_store(db);
  auto taxonomy = config.taxonomy.empty() ? taxonomy::load_default_taxonomy() : taxonomy::load_taxonomy(config.taxonomy);
  for (const auto& t : config.themes) {  // an unknown theme id fails before any work
    try {
      taxonomy.resolve(t);
    } catch (const InputError& e) {
      throw InputError(fmt::format("{}: [report] themes: {}", config.path, e.what()));
    }
  }
  if (!a.theme.empty()) taxonomy.resolve(a.theme);
  auto geography = dataset::Geography::from_store(*store);
  int area = geography.resolve(config.area);
  auto placed = dataset::place_incidents(*store, geography, dataset::Assignment::lsoa_best_fit);
  if (placed.size() == 0) throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", db));
  auto cube = cube::Cube::build(placed, geography);
  if (!a.theme.empty()) {
    auto sel = taxonomy.resolve(a.theme);
    config.title = fmt::format("{}: {} deep dive", config.title, sel.label);
  }
  if (!a.all_districts) {
    one_report(a, config, area, *store, geography, cube, placed, taxonomy, a.out);
    return;
  }
  // Every district of the county the configured area belongs to (or of the configured county).
  const auto& subject = geography.area(area);
  int county = subject.level == dataset::Level::county ? area : geography.ancestor(area, dataset::Level::county);
  if (county < 0) throw InputError(fmt::format("--all-districts: {} has no county in the loaded lookup", subject.name));
  auto districts = geography.children(county, dataset::Level::lad);
  fmt::print("{} districts of {}\n", districts.size(), geography.area(county).name);
  for (int d : districts) {
    report::ReportConfig c = config;
    c.area = geography.area(d).code;
    c.title = "Community Safety Strategic Assessment: " + geography.area(d).name;
    if (d != area) c.peers.clear();  // a Most Similar Group belongs to the district it was made for
    one_report(a, c, d, *store, geography, cube, placed, taxonomy, a.out + "/" + slug(geography.area(d).name));
  }
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto a = std::make_shared<ReportArgs>();
  auto* r = app.add_subcommand("report", "Write the strategic assessment (HTML, PDF, DOCX, XLSX, figures) from a config file");
  r->add_option("--config", a->config, "Report configuration TOML (see examples/cambridge/csa.toml)")->required();
  r->add_option("--db", a->db, "Database file (default: [report] database in the config)");
  r->add_option("--out", a->out, "Output folder")->capture_default_str();
  r->add_flag("--all-districts", a->all_districts, "One report per district of the area's county, in --out/<district>/");
  r->add_option("--theme", a->theme, "Deep dive: one theme's chapter with its end-of-year review (e.g. violence_and_sexual_offences)");
  r->add_flag("--no-pdf", a->no_pdf, "Skip report.pdf (Chromium)");
  r->add_flag("--no-docx", a->no_docx, "Skip report.docx (pandoc)");
  r->add_flag("--no-png", a->no_png, "Skip the PNG copies of the figures (the SVGs are always written; report.docx then embeds the SVGs)");
  r->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
  r->callback([a] { run_report(*a); });
}

}  // namespace csa::cli
