// csa synth extract: a realistic synthetic local extract (crimes, ASB, DA incidents, fires, ED and
// ambulance records, a treatment series) built on the police.uk data in the store, for tests, demos
// and benchmarks, since real extracts are confidential. src/synth/ and docs/EXTRACTS.md say how.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "offence/offence_codes.hpp"
#include "store/store.hpp"
#include "synth/extract_run.hpp"

namespace csa::cli {
namespace {

struct SynthArgs {
  std::string db = kDefaultDb;
  synth::ExtractOptions options;
  std::string months;
  std::string kinds = "crime,asb,da-incident,fire,ed-attendance,ambulance,series";
  bool quiet = false;
  std::string command_line;
};

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void run_synth_extract(SynthArgs& a) {
  auto& o = a.options;
  if (!a.months.empty()) {
    auto dots = a.months.find("..");
    if (dots == std::string::npos) {
      throw InputError(fmt::format("--months '{}' is not a range; write FIRST..LAST, e.g. 2024-01..2025-12", a.months));
    }
    o.first_month = a.months.substr(0, dots);
    o.last_month = a.months.substr(dots + 2);
  }
  o.kinds = split(a.kinds, ',');
  o.command_line = a.command_line;
  auto store = store::open_sqlite_store(a.db);
  ProgressBar bar(a.quiet);
  auto t0 = std::chrono::steady_clock::now();
  auto s = synth::run_extract(*store, o, bar.callback());
  bar.finish();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("Synthetic extract (SYNTHETIC, seed {}) for {} ({}), {} to {}, scale {}\n", o.seed, s.area_name, s.area_code,
             s.first_month, s.last_month, o.scale);
  fmt::print("police.uk incidents read: {} in those months = {} in the area ({} crimes, {} ASB) + {} elsewhere or with "
             "no LSOA\n",
             with_commas(s.scanned), with_commas(s.source_incidents), with_commas(s.source_crimes),
             with_commas(s.source_asb), with_commas(s.outside_area));
  for (const auto& f : s.files) fmt::print("  {:<22} {:>10} rows  {}\n", f.kind, with_commas(f.rows), f.path);
  fmt::print("  {:<22} {:>10}       {}/SYNTHETIC.txt\n", "label", "", o.out_dir);
  for (const auto& line : s.calibration) fmt::print("  calibration: {}\n", line);
  fmt::print("Written in {:.1f} s. To load them:\n", secs);
  for (const auto& f : s.files) {
    // Each file's mapping is named after it (examples/mappings/synthetic-*.toml), every one of them
    // marked synthetic so whatever the file feeds says so.
    const std::string mapping = "synthetic-" + std::filesystem::path(f.path).stem().string();
    fmt::print("  csa ingest extract {} --mapping examples/mappings/{}.toml --db {}\n", f.path, mapping, a.db);
  }
}

}  // namespace

void add_synth_command(CLI::App& app) {
  auto a = std::make_shared<SynthArgs>();
  auto* synth = app.add_subcommand("synth", "Synthetic data for tests, demos and benchmarks");
  synth->require_subcommand(1);
  auto* c = synth->add_subcommand(
      "extract",
      "A realistic synthetic local extract (crime, ASB, DA incidents, fires, ED, ambulance, treatment) built on the "
      "police.uk data in the store and labelled synthetic; same seed and store, same files");
  c->add_option("--db", a->db, "Database file with police.uk data and geography")->capture_default_str();
  c->add_option("--area", a->options.area, "District, county or ward: GSS code (E07000008) or name (Cambridge)")
      ->required();
  c->add_option("--out", a->options.out_dir, "Folder for the CSV files (created if needed)")->required();
  c->add_option("--seed", a->options.seed, "Random seed")->capture_default_str();
  c->add_option("--months", a->months, "FIRST..LAST, e.g. 2024-01..2025-12 (default: every loaded month)");
  c->add_option("--scale", a->options.scale, "Rows per police.uk incident, e.g. 9 for about a million crimes from all "
                                             "Cambridgeshire (fractions allowed)")
      ->capture_default_str();
  c->add_option("--kinds", a->kinds, "Comma-separated: crime,asb,da-incident,fire,ed-attendance,ambulance,series")
      ->capture_default_str();
  a->options.offence_codes_path = offence::default_offence_codes_path();
  a->options.cchi_path = synth::default_cchi_path();
  a->options.golden_dir = synth::default_golden_dir();
  c->add_option("--offence-codes", a->options.offence_codes_path, "Home Office offence code list")->capture_default_str();
  c->add_option("--cchi", a->options.cchi_path, "CCHI subgroup file with national counts (subgroup weights)")
      ->capture_default_str();
  c->add_option("--golden", a->options.golden_dir, "Folder with sa2024-treatment.csv")->capture_default_str();
  c->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
  c->callback([a, c] {
    a->command_line = "csa synth extract";
    for (const auto* opt : c->get_options()) {
      if (opt->count() == 0 || opt->get_name() == "--help") continue;
      std::string name = opt->get_name();
      if (opt->get_expected_min() == 0) {
        a->command_line += " " + name;
      } else {
        for (const auto& v : opt->results()) a->command_line += " " + name + " " + v;
      }
    }
    run_synth_extract(*a);
  });
}

}  // namespace csa::cli
