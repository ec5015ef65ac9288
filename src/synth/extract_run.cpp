#include "synth/extract_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/error.hpp"
#include "dataset/geography.hpp"
#include "offence/offence_codes.hpp"
#include "period/month.hpp"
#include "stats/harm_weights.hpp"
#include "synth/calibration.hpp"
#include "synth/crime_generator.hpp"
#include "synth/csv_layouts.hpp"
#include "synth/partner_generators.hpp"

namespace csa::synth {
namespace {

std::string percent(double x) { return fmt::format("{:.1f}%", 100.0 * x); }

// Achieved figures of the crimes beside their calibration targets, for SYNTHETIC.txt and the summary.
std::vector<std::string> crime_calibration(const CrimeSet& crimes) {
  namespace c = calibration;
  std::int64_t vap = 0, vap_da = 0, da = 0, hate = 0, race = 0, with_offender = 0;
  std::int64_t sexual = 0, sexual_year = 0;
  for (std::size_t i = 0; i < crimes.rows.size(); ++i) {
    const auto& r = crimes.rows[i];
    const bool is_vap = crimes.facts[i].group == "Violence against the person";
    const bool is_da = r.has_marker(extract::marker_domestic_abuse);
    vap += is_vap;
    vap_da += is_vap && is_da;
    da += is_da;
    if (r.has_marker(extract::marker_hate)) {
      ++hate;
      race += (r.hate_strands & extract::strand_race) != 0;
    }
    with_offender += !r.offender_id.empty();
    if (crimes.facts[i].group == "Sexual offences") {
      ++sexual;
      sexual_year += r.recorded_day - r.start_day >= 366;
    }
  }
  auto ratio = [](std::int64_t a, std::int64_t b) { return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::vector<std::string> out;
  out.push_back(fmt::format("DA marker share of VAP: {} (target {}, golden/sa2024-domestic-abuse.csv and seed 002 line 478)",
                            percent(ratio(vap_da, vap)), percent(c::kDaShareOfVap)));
  out.push_back(fmt::format("VAP share of DA crimes: {} (target {}, seed 002 line 478)", percent(ratio(vap_da, da)),
                            percent(c::kVapShareOfDa)));
  out.push_back(fmt::format("hate crimes: {} of {} crimes, {} with the race strand (target 70%, seed 002 line 1951)", hate,
                            crimes.rows.size(), percent(ratio(race, hate))));
  out.push_back(fmt::format("sexual offences recorded a year or more after the offence: {} (target 24%, seed 002 line 1134)",
                            percent(ratio(sexual_year, sexual))));
  out.push_back(fmt::format("crimes with an offender: {}; offenders {}, crimes per offender {:.2f} (seed 000 line 1529: "
                            "11,450 / 9,187 = 1.25)",
                            with_offender, crimes.offenders, ratio(with_offender, crimes.offenders)));
  out.push_back(fmt::format("victims: {} people for {} crimes with a personal victim", crimes.victims, [&] {
    std::int64_t n = 0;
    for (const auto& r : crimes.rows) n += !r.victim_id.empty();
    return n;
  }()));
  return out;
}

}  // namespace

std::string default_cchi_path() { return std::string(CSA_SHARED_DATA_DIR) + "/data/harm/cchi-weights-by-subgroup.csv"; }
std::string default_golden_dir() { return std::string(CSA_SHARED_DATA_DIR) + "/golden"; }

const std::vector<std::string>& extract_kinds() {
  static const std::vector<std::string> kinds = {"crime", "asb", "da-incident", "fire", "ed-attendance", "ambulance", "series"};
  return kinds;
}

ExtractSummary run_extract(const store::Store& store, const ExtractOptions& o, const ProgressFn& progress) {
  if (!(o.scale > 0) || o.scale > 1000) {
    throw InputError(fmt::format("--scale {} must be above 0 and at most 1000 (1 = the police.uk volumes)", o.scale));
  }
  std::set<std::string> kinds;
  for (const auto& k : o.kinds) {
    if (std::find(extract_kinds().begin(), extract_kinds().end(), k) == extract_kinds().end()) {
      throw InputError(fmt::format("--kinds: '{}' is not a kind; use any of {}", k, fmt::join(extract_kinds(), ",")));
    }
    kinds.insert(k);
  }
  if (kinds.empty()) throw InputError("--kinds is empty; name at least one of " + fmt::format("{}", fmt::join(extract_kinds(), ",")));

  auto geography = dataset::Geography::from_store(store);
  if (geography.empty()) {
    throw InputError("the store has no geography; run `csa geography load --lookup … --population …` first");
  }
  const int area = geography.resolve(o.area);
  // Months: as asked, else every month of the loaded police.uk batches.
  std::set<period::Month> loaded;
  for (const auto& b : store.batches()) loaded.insert(period::Month::from_yyyymm(b.key.month));
  if (loaded.empty()) throw InputError("the store holds no police.uk data; run `csa ingest police-uk …` first");
  const period::Month first = o.first_month.empty() ? *loaded.begin() : period::Month::parse(o.first_month, "--months");
  const period::Month last = o.last_month.empty() ? *loaded.rbegin() : period::Month::parse(o.last_month, "--months");
  if (last < first) {
    throw InputError(fmt::format("--months {}..{} ends before it starts; write the earlier month first", first.to_string(),
                                 last.to_string()));
  }

  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  if (ec) throw IoError(fmt::format("cannot create the --out folder {}: {}", o.out_dir, ec.message()));

  auto source = read_source_incidents(store, geography, area, first, last, progress);
  ExtractSummary s;
  s.area_name = geography.area(area).name;
  s.area_code = geography.area(area).code;
  s.first_month = first.to_string();
  s.last_month = last.to_string();
  s.scanned = source.scanned;
  s.outside_area = source.outside_area;
  s.source_incidents = static_cast<std::int64_t>(source.incidents.size());
  for (const auto& i : source.incidents) (i.crime_type == 0 ? s.source_asb : s.source_crimes) += 1;

  const Rng root(o.seed);
  auto path = [&](const char* name) { return (std::filesystem::path(o.out_dir) / name).string(); };
  auto report = [&](const char* kind, std::int64_t done) {
    if (progress) progress({"synth", kind, static_cast<std::uint64_t>(done), 0});
  };

  const bool need_crimes = kinds.count("crime") || kinds.count("da-incident") || kinds.count("ed-attendance") ||
                           kinds.count("ambulance");
  CrimeSet crimes;
  if (need_crimes) {
    auto codes = offence::read_offence_codes(o.offence_codes_path);
    auto subgroups = stats::read_cchi_subgroups(o.cchi_path);
    OffenceMix mix(codes, subgroups);
    Rng rng = root.stream(1);
    crimes = generate_crimes(source, geography, mix, o.scale, rng);
    s.calibration = crime_calibration(crimes);
    report("crime", static_cast<std::int64_t>(crimes.rows.size()));
  }
  if (kinds.count("crime")) {
    write_crime_csv(path("crime.csv"), crimes.rows);
    s.files.push_back({"crime", path("crime.csv"), static_cast<std::int64_t>(crimes.rows.size())});
  }
  if (kinds.count("asb")) {
    Rng rng = root.stream(2);
    auto rows = asb_incidents(source, geography, o.scale, rng);
    write_asb_csv(path("asb.csv"), rows);
    s.files.push_back({"asb", path("asb.csv"), static_cast<std::int64_t>(rows.size())});
    report("asb", static_cast<std::int64_t>(rows.size()));
  }
  if (kinds.count("da-incident")) {
    Rng rng = root.stream(3);
    auto rows = da_incidents(crimes, rng);
    std::int64_t crimed = 0, da_crimes = 0;
    for (const auto& r : rows) crimed += r.crimed == 1;
    for (const auto& r : crimes.rows) da_crimes += r.has_marker(extract::marker_domestic_abuse);
    s.calibration.push_back(fmt::format(
        "DA incidents per DA crime: {:.3f} (target {:.3f}); crimed {} (target {}), golden/sa2024-domestic-abuse.csv",
        da_crimes > 0 ? static_cast<double>(rows.size()) / static_cast<double>(da_crimes) : 0.0,
        calibration::kDaIncidentsPerDaCrime,
        percent(rows.empty() ? 0.0 : static_cast<double>(crimed) / static_cast<double>(rows.size())),
        percent(calibration::kDaIncidentCrimedShare)));
    write_da_csv(path("da-incidents.csv"), rows);
    s.files.push_back({"da-incident", path("da-incidents.csv"), static_cast<std::int64_t>(rows.size())});
  }
  if (kinds.count("fire")) {
    Rng rng = root.stream(4);
    auto rows = fires(source, geography, o.scale, rng);
    geo::BngProjector projector;
    write_fire_csv(path("fire.csv"), rows, projector);
    s.files.push_back({"fire", path("fire.csv"), static_cast<std::int64_t>(rows.size())});
    if (source.population <= 0) {
      s.calibration.push_back("fire: the store has no population, so no fires were placed (load --population)");
    }
  }
  if (kinds.count("ed-attendance")) {
    Rng rng = root.stream(5);
    auto rows = assault_patients(crimes, false, rng);
    write_ed_csv(path("ed-attendances.csv"), rows);
    s.files.push_back({"ed-attendance", path("ed-attendances.csv"), static_cast<std::int64_t>(rows.size())});
  }
  if (kinds.count("ambulance")) {
    Rng rng = root.stream(6);
    auto rows = assault_patients(crimes, true, rng);
    write_ambulance_csv(path("ambulance.csv"), rows);
    s.files.push_back({"ambulance", path("ambulance.csv"), static_cast<std::int64_t>(rows.size())});
  }
  if (kinds.count("series")) {
    Rng rng = root.stream(7);
    auto rows = treatment_series((std::filesystem::path(o.golden_dir) / "sa2024-treatment.csv").string(),
                                 source.population, o.scale, rng);
    write_treatment_csv(path("treatment.csv"), rows);
    s.files.push_back({"series", path("treatment.csv"), static_cast<std::int64_t>(rows.size())});
  }

  // SYNTHETIC.txt: what these files are, so nobody mistakes them for real records.
  std::string text = fmt::format(
      "SYNTHETIC DATA: made by `csa synth extract`, not records of real people or events.\n\n"
      "Command: {}\nSeed: {}\nArea: {} ({})\nMonths: {} to {}\nScale: {}\n\n"
      "Volumes per police.uk crime type, months and places are those of the {} police.uk incidents of the area in the "
      "store ({} crimes, {} ASB), each becoming {} synthetic row(s) on average. Everything else (offence codes, markers, "
      "dates, people, free text, fires, hospital records, treatment numbers) is drawn at random at the published or "
      "assumed proportions listed in docs/EXTRACTS.md (\"How the synthetic extract is made\").\n"
      "Police.uk data: Contains public sector information licensed under the Open Government Licence v3.0.\n\n"
      "Files:\n",
      o.command_line, o.seed, s.area_name, s.area_code, s.first_month, s.last_month, o.scale, s.source_incidents,
      s.source_crimes, s.source_asb, o.scale);
  for (const auto& f : s.files) text += fmt::format("  {}: {} rows ({})\n", std::filesystem::path(f.path).filename().string(), f.rows, f.kind);
  text += "\nCalibration achieved (this run):\n";
  for (const auto& line : s.calibration) text += "  " + line + "\n";
  std::ofstream out(path("SYNTHETIC.txt"), std::ios::binary);
  out << text;
  if (!out) throw IoError(fmt::format("cannot write {}", path("SYNTHETIC.txt")));
  return s;
}

}  // namespace csa::synth
