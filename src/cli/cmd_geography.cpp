// csa geography load|areas|compare: ONS lookups, populations and boundaries into the store, and a
// check of how best-fit and point-in-polygon ward assignment differ.
#include <fmt/format.h>

#include <map>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "geo/boundary_reader.hpp"
#include "geo/lookup_reader.hpp"
#include "geo/population_reader.hpp"
#include "store/store.hpp"

namespace csa::cli {
namespace {

struct LoadArgs {
  std::string db = kDefaultDb;
  std::string lookup, counties, population;
  std::string population_label;
  std::vector<std::string> boundaries;
  int show_rejected = 5;
};

void print_report(std::string_view what, const geo::ReadReport& r, int show) {
  fmt::print("{:<12} {}: read {} = kept {} + rejected {}\n", what, r.path, with_commas(static_cast<std::int64_t>(r.rows_read)),
             with_commas(static_cast<std::int64_t>(r.rows_kept)), with_commas(static_cast<std::int64_t>(r.rows_rejected())));
  int shown = 0;
  for (const auto& rej : r.rejected) {
    if (shown++ == show) {
      fmt::print("             (additional rejected rows not shown)\n");
      break;
    }
    fmt::print("             {}:{}: {}\n", r.path, rej.line, rej.reason);
  }
}

store::GeographySource source_of(std::string kind, const geo::ReadReport& r, std::string label) {
  return {std::move(kind), r.path, std::move(label), static_cast<std::int64_t>(r.rows_read),
          static_cast<std::int64_t>(r.rows_kept), static_cast<std::int64_t>(r.rows_rejected()), ""};
}

void load_lookup(store::Store& store, const LoadArgs& a) {
  // County parents for districts: from --counties if given now, else as loaded before.
  std::map<std::string, std::string> county_of_lad;
  std::vector<store::AreaRecord> counties;
  if (!a.counties.empty()) {
    auto c = geo::read_lad_county_lookup(a.counties);
    print_report("counties", c.report, a.show_rejected);
    std::map<std::string, std::string> county_names;
    for (const auto& row : c.rows) {
      if (row.county_code == row.lad_code) continue;  // a unitary authority is its own top tier
      county_of_lad[row.lad_code] = row.county_code;
      county_names[row.county_code] = row.county_name;
    }
    for (const auto& [code, name] : county_names) counties.push_back({code, name, "county", ""});
    store.replace_areas({"county"}, counties, source_of("counties", c.report, c.vintage));
  } else {
    for (const auto& area : store.areas()) {
      if (area.level == "lad" && !area.parent_code.empty()) county_of_lad[area.code] = area.parent_code;
    }
  }
  std::vector<store::AreaRecord> areas;
  if (!a.lookup.empty()) {
    auto l = geo::read_lsoa_ward_lad_lookup(a.lookup);
    print_report("lookup", l.report, a.show_rejected);
    std::map<std::string, store::AreaRecord> wards, lads;
    for (const auto& row : l.rows) {
      areas.push_back({row.lsoa_code, row.lsoa_name.empty() ? row.lsoa_code : row.lsoa_name, "lsoa", row.ward_code});
      wards.emplace(row.ward_code, store::AreaRecord{row.ward_code, row.ward_name, "ward", row.lad_code});
      auto it = county_of_lad.find(row.lad_code);
      lads.emplace(row.lad_code, store::AreaRecord{row.lad_code, row.lad_name, "lad",
                                                   it == county_of_lad.end() ? "" : it->second});
    }
    for (auto& [code, rec] : wards) areas.push_back(std::move(rec));
    for (auto& [code, rec] : lads) areas.push_back(std::move(rec));
    store.replace_areas({"lsoa", "ward", "lad"}, areas, source_of("lookup", l.report, l.vintage));
    fmt::print("{:<12} {} LSOAs, {} wards, {} districts ({})\n", "", l.rows.size(), wards.size(), lads.size(), l.vintage);
  } else if (!a.counties.empty()) {
    // Re-parent the districts already loaded.
    for (auto area : store.areas()) {
      if (area.level != "lad") continue;
      auto it = county_of_lad.find(area.code);
      area.parent_code = it == county_of_lad.end() ? "" : it->second;
      areas.push_back(std::move(area));
    }
    auto sources = store.geography_sources();
    store::GeographySource lookup_source{"lookup", "", "", 0, 0, 0, ""};
    for (const auto& s : sources) {
      if (s.kind == "lookup") lookup_source = s;
    }
    store.replace_areas({"lad"}, areas, lookup_source);
  }
}

void run_load(const LoadArgs& a) {
  if (a.lookup.empty() && a.counties.empty() && a.population.empty() && a.boundaries.empty()) {
    throw InputError("nothing to load: give at least one of --lookup, --counties, --population, --boundaries");
  }
  auto store = store::open_sqlite_store(a.db);
  if (!a.lookup.empty() || !a.counties.empty()) load_lookup(*store, a);
  if (!a.population.empty()) {
    auto p = geo::read_lsoa_population(a.population);
    print_report("population", p.report, a.show_rejected);
    std::vector<store::PopulationRecord> rows;
    std::int64_t total = 0;
    for (const auto& r : p.rows) {
      rows.push_back({r.lsoa_code, r.population});
      total += r.population;
    }
    std::string label = a.population_label.empty()
                            ? fmt::format("LSOA population from {} (vintage not stated)", p.report.path)
                            : a.population_label;
    store->replace_population(rows, source_of("population", p.report, label));
    fmt::print("{:<12} {} residents in {} LSOAs, labelled \"{}\"\n", "", with_commas(total), rows.size(), label);
  }
  for (const auto& path : a.boundaries) {
    auto b = geo::read_boundaries(path);
    std::string level(geo::to_string(b.level));
    std::vector<store::BoundaryRecord> rows;
    for (const auto& f : b.features) rows.push_back({level, f.code, f.name, std::string(f.wkb.begin(), f.wkb.end())});
    std::int64_t read = static_cast<std::int64_t>(b.features_read);
    store::GeographySource src{"boundaries:" + level, path,
                               fmt::format("{} {} boundaries ({}, from {})", rows.size(), level, b.driver, b.source_crs),
                               read, static_cast<std::int64_t>(rows.size()), static_cast<std::int64_t>(b.skipped.size()), ""};
    store->replace_boundaries(level, rows, src);
    fmt::print("{:<12} {}: read {} = kept {} + rejected {} ({} level by {}, code field {}, {} from {})\n", "boundaries", path,
               read, rows.size(), b.skipped.size(), level, b.level_rule, b.code_field, b.driver, b.source_crs);
    for (const auto& s : b.skipped) fmt::print("             feature {}: {}\n", s.fid, s.reason);
  }
}

struct AreasArgs {
  std::string db = kDefaultDb;
  std::string level = "lad";
  std::string within;
};

void run_areas(const AreasArgs& a) {
  auto store = store::open_sqlite_store(a.db);
  auto g = dataset::Geography::from_store(*store);
  int within = a.within.empty() ? -1 : g.resolve(a.within);
  std::map<std::string, dataset::Level> levels = {
      {"lsoa", dataset::Level::lsoa}, {"ward", dataset::Level::ward}, {"lad", dataset::Level::lad}, {"county", dataset::Level::county}};
  auto it = levels.find(a.level);
  if (it == levels.end()) throw InputError(fmt::format("--level '{}' is not one of lsoa, ward, lad, county", a.level));
  std::vector<int> list;
  if (within >= 0) {
    list = g.children(within, it->second);
  } else {
    for (std::size_t i = 0; i < g.areas().size(); ++i) {
      if (g.areas()[i].level == it->second) list.push_back(static_cast<int>(i));
    }
  }
  for (int i : list) {
    const auto& area = g.area(i);
    fmt::print("{}  {:<40} population {:>9}  in {}\n", area.code, area.name, with_commas(area.population),
               area.parent >= 0 ? g.area(area.parent).name : "-");
  }
  fmt::print("{} area(s)\n", list.size());
}

struct CompareArgs {
  std::string db = kDefaultDb;
  std::string area;
};

void run_compare(const CompareArgs& a) {
  auto store = store::open_sqlite_store(a.db);
  auto g = dataset::Geography::from_store(*store);
  int area = g.resolve(a.area);
  auto best = dataset::load_incidents(*store, g, dataset::Assignment::lsoa_best_fit);
  auto pip = dataset::load_incidents(*store, g, dataset::Assignment::point_in_polygon);
  auto in_area = [&](int ward) { return ward >= 0 && g.ancestor(ward, g.area(area).level) == area; };
  std::map<int, std::pair<std::int64_t, std::int64_t>> per_ward;
  std::int64_t same = 0, moved = 0, only_best = 0, only_pip = 0;
  std::map<dataset::Unplaced, std::int64_t> why_only_best;
  for (std::size_t i = 0; i < best.size(); ++i) {
    bool b = in_area(best.ward[i]);
    bool p = in_area(pip.ward[i]);
    if (b) per_ward[best.ward[i]].first += 1;
    if (p) per_ward[pip.ward[i]].second += 1;
    if (b && p) (best.ward[i] == pip.ward[i] ? same : moved) += 1;
    if (b && !p) {
      ++only_best;
      ++why_only_best[pip.unplaced[i]];
    }
    if (p && !b) ++only_pip;
  }
  fmt::print("Ward assignment in {} ({}): LSOA best-fit against point-in-polygon, all loaded months\n\n",
             g.area(area).name, g.area(area).code);
  fmt::print("{:<32} {:>10} {:>10} {:>8}\n", "Ward", "best-fit", "polygon", "diff");
  for (int w : g.children(area, dataset::Level::ward)) {
    auto [nb, np] = per_ward[w];
    fmt::print("{:<32} {:>10} {:>10} {:>+8}\n", g.area(w).name, nb, np, np - nb);
  }
  std::int64_t total = same + moved + only_best + only_pip;
  fmt::print("\nIncidents placed in {} by either method: {}\n", g.area(area).name, total);
  fmt::print("  same ward by both:                 {}\n", same);
  fmt::print("  a different ward of {}: {}\n", g.area(area).name, moved);
  fmt::print("  in {} by best-fit only:  {}", g.area(area).name, only_best);
  for (const auto& [why, n] : why_only_best) {
    fmt::print("{} {} {}", why == why_only_best.begin()->first ? " (" : ",", n,
               why == dataset::Unplaced::placed ? "in a ward of another area" : dataset::unplaced_label(why));
  }
  fmt::print("{}\n", why_only_best.empty() ? "" : ")");
  fmt::print("  in {} by point-in-polygon only: {}\n", g.area(area).name, only_pip);
  fmt::print("Placed differently: {} of {} ({:.2f}%)\n", moved + only_best + only_pip, total,
             total ? 100.0 * static_cast<double>(moved + only_best + only_pip) / static_cast<double>(total) : 0.0);
}

}  // namespace

void add_geography_command(CLI::App& app) {
  auto* geo_cmd = app.add_subcommand("geography", "Load and inspect ONS geography: lookups, populations, boundaries");
  geo_cmd->require_subcommand(1);

  auto load = std::make_shared<LoadArgs>();
  auto* l = geo_cmd->add_subcommand("load", "Load the LSOA → ward → district lookup, district → county lookup,\n"
                                             "LSOA populations and boundaries (GeoJSON, Shapefile, GeoPackage via GDAL).\n"
                                             "Each replaces what was loaded before of the same kind.");
  l->add_option("--db", load->db, "Database file")->capture_default_str();
  l->add_option("--lookup", load->lookup, "ONS LSOA → ward → LAD best-fit lookup CSV (LSOAyyCD, WDyyCD, LADyyCD columns)");
  l->add_option("--counties", load->counties, "ONS LAD → county/unitary lookup CSV (LTLAyyCD, UTLAyyCD columns)");
  l->add_option("--population", load->population, "Population per LSOA CSV (an LSOA code column and a population column)");
  l->add_option("--population-label", load->population_label,
                "How rates name the population, e.g. \"ONS mid-2022 LSOA estimates\"");
  l->add_option("--boundaries", load->boundaries, "Boundary file(s); the level (ward, LSOA, district) is detected from the code field");
  l->add_option("--show-rejected", load->show_rejected, "Rejected rows to list per file")->capture_default_str();
  l->callback([load] { run_load(*load); });

  auto areas = std::make_shared<AreasArgs>();
  auto* a = geo_cmd->add_subcommand("areas", "List loaded areas with their population");
  a->add_option("--db", areas->db, "Database file")->capture_default_str();
  a->add_option("--level", areas->level, "lsoa, ward, lad or county")->capture_default_str();
  a->add_option("--within", areas->within, "Only areas inside this one (GSS code or name)");
  a->callback([areas] { run_areas(*areas); });

  auto compare = std::make_shared<CompareArgs>();
  auto* c = geo_cmd->add_subcommand("compare", "Count how LSOA best-fit and point-in-polygon place incidents differently");
  c->add_option("--db", compare->db, "Database file")->capture_default_str();
  c->add_option("--area", compare->area, "District or county (GSS code or name)")->required();
  c->callback([compare] { run_compare(*compare); });
}

}  // namespace csa::cli
