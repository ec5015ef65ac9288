// csa hotspots: where a theme's incidents concentrate in an area over a window: grid counts, quartic
// kernel density and Getis–Ord Gi* with Benjamini–Hochberg FDR (src/hotspot/, docs/METHODS.md §11),
// written as cells.csv, cells.geojson and a map (map.svg, map.png), with a summary that accounts for every incident.
// `--compare` adds earlier periods on the same grid and each cell's hot-spot history (history.hpp).
// `--synthetic N` runs the same analysis on N generated points instead, to time it (bench/hotspots.sh).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "figure/hotspot_map.hpp"
#include "figure/png.hpp"
#include "geo/dissolve.hpp"
#include "geo/projection.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/area_points.hpp"
#include "hotspot/cells_output.hpp"
#include "hotspot/dual.hpp"
#include "hotspot/residents.hpp"
#include "hotspot/history.hpp"
#include "hotspot/synthetic.hpp"
#include "period/coverage.hpp"
#include "period/period_spec.hpp"
#include "store/store.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::cli {
namespace {

struct HotspotArgs {
  std::string db = kDefaultDb;
  std::string area;
  std::string theme = "all_crime";
  std::string period;
  std::string out;
  std::string taxonomy;
  std::string assign = "lsoa-best-fit";
  std::optional<double> cell_size, bandwidth, distance;
  std::vector<std::string> compare;
  bool dual = false;
  std::string centroids;
  std::int64_t synthetic = 0;
  double synthetic_side = 31600;
};

hotspot::HotspotSettings settings_of(const HotspotArgs& a) {
  if (a.distance && !(*a.distance > 0)) throw InputError(fmt::format("--distance {} must be positive", *a.distance));
  hotspot::HotspotSettings s;
  s.cell_size = a.cell_size;
  s.bandwidth = a.bandwidth;
  s.distance = a.distance;
  return s;
}

void print_classes(const hotspot::HotspotResult& r) {
  int count[7] = {};
  for (auto c : r.gi.cell_class) ++count[static_cast<int>(c) + 3];
  fmt::print("Hot cells:  {} at 99%, {} at 95%, {} at 90%\n", with_commas(count[6]), with_commas(count[5]),
             with_commas(count[4]));
  fmt::print("Cold cells: {} at 99%, {} at 95%, {} at 90%\n", with_commas(count[0]), with_commas(count[1]),
             with_commas(count[2]));
}

void print_settings(const hotspot::HotspotResult& r) {
  fmt::print("Cells:      {} × {} = {} — {}\n", with_commas(r.grid.columns), with_commas(r.grid.rows),
             with_commas(static_cast<std::int64_t>(r.grid.size())), r.cell_size.rule);
  if (!r.kde.empty()) fmt::print("Density:    quartic kernel, bandwidth {}\n", r.bandwidth.rule);
  fmt::print("Gi*:        {}; p two-sided (normal), Benjamini–Hochberg adjusted over all {} cells{}\n", r.gi.rule,
             with_commas(r.cells_kept()), r.in_area.empty() ? "" : " in the area");
}

void write_outputs(const hotspot::HotspotResult& r, const std::string& out, const geo::BngProjector& projector) {
  std::filesystem::path dir(out);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw IoError(fmt::format("cannot create {}: {}", out, ec.message()));
  hotspot::write_cells_csv(dir / "cells.csv", r);
  hotspot::write_cells_geojson(dir / "cells.geojson", r, projector);
  fmt::print("Wrote:      {} (x, y in British National Grid metres), {} (WGS84 lon/lat)\n", (dir / "cells.csv").string(),
             (dir / "cells.geojson").string());
}

// The area's ward boundaries (lon/lat WKB) and its outline dissolved from them; both empty when no
// ward boundaries are loaded.
struct AreaBoundaries {
  std::vector<std::vector<unsigned char>> wards;
  std::vector<unsigned char> outline;
  std::vector<hotspot::Shape> clip;  // the outline in grid metres
};

AreaBoundaries area_boundaries(const store::Store& store, const dataset::Geography& geography, int area) {
  AreaBoundaries b;
  const auto level = geography.area(area).level;
  for (auto& w : store.boundaries("ward")) {
    int idx = geography.find_code(w.code);
    if (idx >= 0 && geography.ancestor(idx, level) == area) b.wards.emplace_back(w.wkb.begin(), w.wkb.end());
  }
  if (!b.wards.empty()) {
    b.outline = geo::dissolve(b.wards);
    b.clip = hotspot::shapes_from_wkb({b.outline});
  }
  return b;
}

void print_clip(const hotspot::HotspotResult& r, const std::string& name, bool clipped) {
  if (!clipped) {
    fmt::print("Clip:       none: no ward boundaries are loaded, so every cell of the bounding box is kept\n");
    return;
  }
  fmt::print("Clip:       {} cells kept (centre inside {}'s boundary, the union of its wards), {} dropped; {} "
             "mapped incident{} in dropped cells left out of the statistics\n",
             with_commas(r.cells_kept()), name, with_commas(r.cells_dropped), with_commas(r.points_dropped),
             r.points_dropped == 1 ? "" : "s");
}

// map.svg and map.png: the cells by Gi* class over the area's wards and its outline dissolved from them.
void write_map(const hotspot::HotspotResult& r, const AreaBoundaries& boundaries, const std::string& title,
               const std::string& out) {
  figure::HotspotMapSpec spec;
  spec.text.title = title;
  spec.text.subtitle = fmt::format("Cells of {:g} m by Getis\u2013Ord Gi* class, after the Benjamini\u2013Hochberg "
                                   "false discovery rate adjustment", r.grid.cell);
  spec.text.source = "Source: police.uk street-level crime data (locations anonymised to snap points); ONS geography.";
  spec.cell_size = r.grid.cell;
  for (std::size_t id = 0; id < r.grid.size(); ++id) {
    if (!r.kept(id)) continue;
    const int c = r.grid.column_of(id), w = r.grid.row_of(id);
    spec.cells.push_back({r.grid.centre_x(c), r.grid.centre_y(w), r.grid.count[id], static_cast<int>(r.gi.cell_class[id])});
  }
  spec.wards = boundaries.wards;
  spec.outline = boundaries.outline;
  std::filesystem::path dir(out);
  const std::string svg = figure::hotspot_map(spec);
  const auto svg_path = dir / "map.svg";
  {
    std::ofstream f(svg_path, std::ios::binary);
    f << svg;
    f.close();
    if (!f) throw IoError(fmt::format("cannot write {}", svg_path.string()));
  }
  figure::svg_to_png(svg, (dir / "map.png").string());
  fmt::print("Wrote:      {}, {}{}\n", svg_path.string(), (dir / "map.png").string(),
             spec.wards.empty() ? " (no ward boundaries loaded: cells only; `csa geography load --boundaries …`)" : "");
}

// R's quantile(type = 7) of sorted values.
double quantile7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - std::floor(h)) * (sorted[hi] - sorted[lo]);
}

// dual.svg and dual.png (--dual): the cells of the area with incidents per 1,000 residents above 0,
// in five classes at the quintiles of those values (type-7 quantiles; a cell on a break goes to the
// lower class), ColorBrewer YlOrRd.
void write_dual_map(const hotspot::HotspotResult& r, const AreaBoundaries& boundaries, const std::string& title,
                    const std::string& out) {
  std::vector<double> values;
  for (std::size_t id = 0; id < r.grid.size(); ++id) {
    if (r.kept(id) && r.dual_rate[id] > 0) values.push_back(r.dual_rate[id]);
  }
  if (values.empty()) {
    fmt::print("Dual map:   not drawn: no cell of the area has incidents per 1,000 residents above 0\n");
    return;
  }
  std::sort(values.begin(), values.end());
  static constexpr std::array<const char*, 5> kColours = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
  std::vector<double> upper;
  for (double q : {0.2, 0.4, 0.6, 0.8}) upper.push_back(quantile7(values, q));
  upper.push_back(values.back());
  figure::HotspotMapSpec spec;
  spec.mode = figure::HotspotMapMode::classes;
  spec.legend_title = "Incidents per 1,000 residents (dual density)";
  spec.text.title = title;
  spec.text.subtitle = fmt::format("Incident density over residents' density, quartic kernel, bandwidth {:.0f} m; "
                                   "{:g} m cells in five classes at the quintiles",
                                   r.bandwidth.metres, r.grid.cell);
  spec.text.source = "Source: police.uk street-level crime data (locations anonymised to snap points); ONS geography "
                     "and LSOA populations.";
  spec.cell_size = r.grid.cell;
  double lower = values.front();
  for (std::size_t k = 0; k < upper.size(); ++k) {
    spec.classes.push_back({fmt::format("{:.1f} to {:.1f}", lower, upper[k]), kColours[k]});
    lower = upper[k];
  }
  for (std::size_t id = 0; id < r.grid.size(); ++id) {
    if (!r.kept(id)) continue;
    const double v = r.dual_rate[id];
    int k = 0;
    if (v > 0) {
      k = 5;
      for (std::size_t b = 0; b < 4; ++b) {
        if (v <= upper[b]) {
          k = static_cast<int>(b) + 1;
          break;
        }
      }
    }
    figure::HotspotMapCell cell{r.grid.centre_x(r.grid.column_of(id)), r.grid.centre_y(r.grid.row_of(id)),
                                r.grid.count[id], 0, 0, k};
    spec.cells.push_back(cell);
  }
  spec.wards = boundaries.wards;
  spec.outline = boundaries.outline;
  std::filesystem::path dir(out);
  const std::string svg = figure::hotspot_map(spec);
  const auto svg_path = dir / "dual.svg";
  {
    std::ofstream f(svg_path, std::ios::binary);
    f << svg;
    f.close();
    if (!f) throw IoError(fmt::format("cannot write {}", svg_path.string()));
  }
  figure::svg_to_png(svg, (dir / "dual.png").string());
  fmt::print("Wrote:      {}, {} (incidents per 1,000 residents in five classes)\n", svg_path.string(),
             (dir / "dual.png").string());
}

// history.svg and history.png (--compare): every cell in the area by its hot-spot history across the
// periods, with a legend counting each class; grey for cells with incidents in some period but never hot.
void write_history_map(const std::vector<const hotspot::HotspotResult*>& periods,
                       const std::vector<hotspot::CellHistory>& history, const AreaBoundaries& boundaries,
                       const std::string& title, const std::string& subtitle, const std::string& out) {
  const hotspot::HotspotResult& latest = *periods.back();
  figure::HotspotMapSpec spec;
  spec.mode = figure::HotspotMapMode::history;
  spec.text.title = title;
  spec.text.subtitle = subtitle;
  spec.text.source = "Source: police.uk street-level crime data (locations anonymised to snap points); ONS geography.";
  spec.cell_size = latest.grid.cell;
  for (std::size_t id = 0; id < latest.grid.size(); ++id) {
    if (!latest.kept(id)) continue;
    std::int64_t count = 0;
    for (const auto* p : periods) count += p->grid.count[id];
    const int c = latest.grid.column_of(id), w = latest.grid.row_of(id);
    figure::HotspotMapCell cell{latest.grid.centre_x(c), latest.grid.centre_y(w), count,
                                static_cast<int>(latest.gi.cell_class[id]), static_cast<int>(history[id].history)};
    spec.cells.push_back(cell);
  }
  spec.wards = boundaries.wards;
  spec.outline = boundaries.outline;
  std::filesystem::path dir(out);
  const std::string svg = figure::hotspot_map(spec);
  const auto svg_path = dir / "history.svg";
  {
    std::ofstream f(svg_path, std::ios::binary);
    f << svg;
    f.close();
    if (!f) throw IoError(fmt::format("cannot write {}", svg_path.string()));
  }
  figure::svg_to_png(svg, (dir / "history.png").string());
  fmt::print("Wrote:      {}, {} (the map of each cell's history)\n", svg_path.string(), (dir / "history.png").string());
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The timing mode: Gi* alone (grid counts + Gi*), then the whole analysis with the density.
void run_synthetic(const HotspotArgs& a) {
  auto points = hotspot::synthetic_points(a.synthetic, a.synthetic_side);
  auto settings = settings_of(a);
  if (!settings.cell_size) settings.cell_size = 100;
  auto gi_only = settings;
  gi_only.kde = false;
  auto t0 = std::chrono::steady_clock::now();
  auto r = hotspot::analyse_hotspots(points.x, points.y, gi_only);
  double gi_seconds = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  auto full = hotspot::analyse_hotspots(points.x, points.y, settings);
  double full_seconds = seconds_since(t0);
  fmt::print("Synthetic:  {} points in a {:g} m square (seed 1)\n", with_commas(a.synthetic), a.synthetic_side);
  print_settings(full);
  print_classes(full);
  fmt::print("Time:       grid counts + Gi* + FDR {:.3f} s; with the density as well {:.3f} s\n", gi_seconds,
             full_seconds);
  if (!a.out.empty()) write_outputs(full, a.out, geo::BngProjector{});
}

// One window's incidents in the area, with its coverage warning and its line of the summary.
hotspot::AreaPoints select_and_report(const dataset::Incidents& incidents, const dataset::Geography& geography,
                                      int area, const taxonomy::Selection& theme, const period::Window& window,
                                      const geo::BngProjector& projector) {
  const auto& name = geography.area(area).name;
  auto cover = period::coverage(window, incidents.months_loaded);
  auto points = hotspot::select_area_points(incidents, geography, area, theme.crime_types, window, projector);
  if (!cover.complete()) fmt::print("Warning:    {}\n", cover.sentence());
  fmt::print("Incidents:  {} in {}'s wards in {} ({}); {} mapped, {} without coordinates (counted, not mapped)",
             with_commas(points.in_area), name, window.label(), dataset::assignment_name(incidents.assignment),
             with_commas(points.mapped()), with_commas(points.without_coordinates));
  if (points.not_projected > 0) fmt::print(", {} not transformable to BNG", with_commas(points.not_projected));
  fmt::print("\n");
  if (points.unplaced > 0) {
    fmt::print("            {} more {} incidents of the loaded forces are in no ward, so in no area (see csa status)\n",
               with_commas(points.unplaced), theme.label);
  }
  return points;
}

// --compare: the earlier windows, earliest first, each ending before `latest` ends.
std::vector<period::Window> compare_windows(const std::vector<std::string>& specs, const period::Window& latest) {
  std::vector<period::Window> out;
  for (const auto& spec : specs) {
    auto w = period::parse_window_spec(spec, "--compare");
    if (!(w.last() < latest.last())) {
      throw InputError(fmt::format("--compare {} must end before --period {} ends ({})", spec, latest.label(),
                                   latest.last()));
    }
    out.push_back(w);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.last() < b.last(); });
  return out;
}

void print_history(const std::vector<hotspot::CellHistory>& history) {
  std::array<std::int64_t, 7> n{};
  for (const auto& h : history) ++n[static_cast<std::size_t>(h.history)];
  using hotspot::History;
  fmt::print("History:    {} new, {} persistent, {} intensifying, {} diminishing, {} intermittent, {} former "
             "(hot = 95% or more in a period)\n",
             n[static_cast<std::size_t>(History::new_hot)], n[static_cast<std::size_t>(History::persistent)],
             n[static_cast<std::size_t>(History::intensifying)], n[static_cast<std::size_t>(History::diminishing)],
             n[static_cast<std::size_t>(History::intermittent)], n[static_cast<std::size_t>(History::former)]);
}

// --dual: the residents' density from the area's LSOAs at their centroids, and incidents per 1,000
// residents, into the result's columns.
void add_dual(hotspot::HotspotResult& r, const std::string& centroids, const dataset::Geography& geography, int area,
              const geo::BngProjector& projector) {
  auto people = hotspot::area_residents(centroids, geography, area, projector);
  auto d = hotspot::dual_density(r.grid, r.kde, people.x, people.y, people.population, r.bandwidth.metres, r.in_area);
  fmt::print("Residents:  {} in {} LSOAs at their centroids ({}){}\n", with_commas(people.residents),
             with_commas(static_cast<std::int64_t>(people.x.size())), centroids,
             people.lsoas_without_centroid > 0
                 ? fmt::format("; {} LSOAs with {} residents have no centroid there (left out)",
                               with_commas(people.lsoas_without_centroid), with_commas(people.residents_without_centroid))
                 : std::string());
  double best = -1;
  std::size_t at = 0;
  for (std::size_t id = 0; id < d.rate.size(); ++id) {
    if (r.kept(id) && d.rate[id] > best) best = d.rate[id], at = id;
  }
  fmt::print("Dual:       incidents per 1,000 residents = 1,000 × incident density / residents' density, the same "
             "quartic kernel and bandwidth; the residents' density floored at {:.0f} per km² (10% of its mean over "
             "the area's cells, {:.0f}), {} cells raised to it; highest {:.1f} per 1,000 in cell {} ({:.0f}, {:.0f})\n",
             d.floor, d.mean_residents, with_commas(d.floored), best, at, r.grid.centre_x(r.grid.column_of(at)),
             r.grid.centre_y(r.grid.row_of(at)));
  r.residents_kde = std::move(d.residents);
  r.dual_rate = std::move(d.rate);
}

void run_hotspots(const HotspotArgs& a) {
  if (a.synthetic > 0) return run_synthetic(a);
  if (a.area.empty()) throw InputError("--area is required (or --synthetic N to time the analysis)");
  if (a.out.empty()) throw InputError("--out DIR is required");
  if (a.dual && a.centroids.empty()) {
    throw InputError("--dual needs --centroids FILE: a CSV of LSOA centroids (code, latitude, longitude), e.g. ONS's "
                     "population-weighted centroids");
  }
  auto settings = settings_of(a);
  auto store = store::open_sqlite_store(a.db);
  auto taxonomy = a.taxonomy.empty() ? taxonomy::load_default_taxonomy() : taxonomy::load_taxonomy(a.taxonomy);
  auto theme = taxonomy.resolve(a.theme);
  auto geography = dataset::Geography::from_store(*store);
  if (geography.empty()) throw InputError(fmt::format("{} holds no geography; run `csa geography load …` first", a.db));
  int area = geography.resolve(a.area);
  auto incidents = dataset::load_incidents(*store, geography, dataset::parse_assignment(a.assign));
  if (incidents.size() == 0) {
    throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", a.db));
  }
  period::Window window = a.period.empty() ? period::year_ending(*incidents.months_loaded.rbegin())
                                           : period::parse_window_spec(a.period, "--period");
  auto earlier = compare_windows(a.compare, window);

  const auto& name = geography.area(area).name;
  geo::BngProjector projector;
  fmt::print("Hot spots:  {} in {}, {}\n", theme.label, name, window.description());
  auto points = select_and_report(incidents, geography, area, theme, window, projector);
  if (points.in_area == 0) {
    throw InputError(fmt::format("no {} incidents in {} in {}: nothing to map", theme.label, name,
                                 window.description()));
  }
  if (points.mapped() == 0) {
    throw InputError(fmt::format("all {} {} incidents in {} in {} lack coordinates, so none can be mapped",
                                 with_commas(points.in_area), theme.label, name, window.description()));
  }
  std::vector<hotspot::AreaPoints> before;
  for (const auto& w : earlier) before.push_back(select_and_report(incidents, geography, area, theme, w, projector));
  if (!before.empty()) {
    // One grid for every period: over the union of their extents, so a cell means the same place.
    std::vector<double> all_x = points.x, all_y = points.y;
    for (const auto& b : before) {
      all_x.insert(all_x.end(), b.x.begin(), b.x.end());
      all_y.insert(all_y.end(), b.y.begin(), b.y.end());
    }
    settings.extent = hotspot::extent_of(all_x, all_y);
  }
  fmt::print("Projection: {}\n", projector.operation());
  const AreaBoundaries boundaries = area_boundaries(*store, geography, area);
  if (!boundaries.clip.empty()) hotspot::clip_to_area(settings, boundaries.clip, points.x, points.y);
  auto r = hotspot::analyse_hotspots(points.x, points.y, settings);
  print_settings(r);
  print_clip(r, name, !boundaries.clip.empty());
  print_classes(r);
  if (const double e = hotspot::expected_neighbourhood(r); e < hotspot::kMinExpectedNeighbourhood) {
    // The average neighbourhood grows with the cell's area: the first nice size at least
    // √(5 / e) times the cell would hold about 5.
    double suggest = hotspot::nice_next(r.grid.cell);
    while (e > 0 && suggest < r.grid.cell * std::sqrt(hotspot::kMinExpectedNeighbourhood / e)) {
      suggest = hotspot::nice_next(suggest);
    }
    fmt::print("Warning:    the average Gi* neighbourhood holds {:.1f} incidents (under {:g}): with counts this sparse the "
               "normal p-values overstate significance, and one incident in an empty field can look hot; try "
               "--cell-size {:g} (METHODS.md §11)\n",
               e, hotspot::kMinExpectedNeighbourhood, suggest);
  }
  if (a.dual) add_dual(r, a.centroids, geography, area, projector);
  write_outputs(r, a.out, projector);
  write_map(r, boundaries, fmt::format("{} hot spots, {}, {}", theme.label, name, window.description()), a.out);
  if (a.dual) {
    write_dual_map(r, boundaries,
                   fmt::format("{} per 1,000 residents, {}, {}", theme.label, name, window.description()), a.out);
  }
  if (before.empty()) return;

  auto earlier_settings = settings;
  earlier_settings.kde = false;  // the density is for the map of the latest period only
  earlier_settings.cell_size = r.cell_size.metres;
  std::vector<hotspot::HotspotResult> results;
  for (const auto& b : before) results.push_back(hotspot::analyse_hotspots(b.x, b.y, earlier_settings));
  std::vector<const hotspot::HotspotResult*> periods;
  std::vector<std::string> labels;
  std::vector<double> months;
  for (std::size_t t = 0; t < results.size(); ++t) {
    periods.push_back(&results[t]);
    labels.push_back(earlier[t].label());
    months.push_back(earlier[t].size());
  }
  periods.push_back(&r);
  labels.push_back(window.label());
  months.push_back(window.size());
  auto history = hotspot::cell_histories(periods, months);
  print_history(history);
  std::filesystem::path dir(a.out);
  hotspot::write_periods_csv(dir / "periods.csv", periods, labels);
  hotspot::write_history_csv(dir / "history.csv", r.grid, history, r.in_area);
  fmt::print("Wrote:      {}, {}\n", (dir / "periods.csv").string(), (dir / "history.csv").string());
  write_history_map(periods, history, boundaries,
                    fmt::format("{} hot-spot history, {}, {} to {}", theme.label, name, labels.front(), labels.back()),
                    fmt::format("Each {:g} m cell by its history of being a hot spot (Gi*, 95% or more after the "
                                "Benjamini\u2013Hochberg adjustment) over {} periods: {}",
                                r.grid.cell, periods.size(), fmt::join(labels, ", ")),
                    a.out);
}

}  // namespace

void add_hotspots_command(CLI::App& app) {
  auto a = std::make_shared<HotspotArgs>();
  auto* s = app.add_subcommand("hotspots", "Hot spots of a theme in an area: grid counts, quartic kernel density and\n"
                                           "Getis-Ord Gi* with false discovery rate, as cells.csv, cells.geojson and a map");
  s->add_option("--db", a->db, "Database file")->capture_default_str();
  s->add_option("--area", a->area, "District, county or ward: GSS code (E07000008) or name (Cambridge)");
  s->add_option("--theme", a->theme, "Theme or group id or label (see data/taxonomy/police-uk-themes.toml)")
      ->capture_default_str();
  s->add_option("--period", a->period, std::string("The months mapped (default: the year ending at the latest loaded "
                                                   "month), in any of these forms:\n") +
                                           std::string(period::window_spec_forms()));
  s->add_option("--cell-size", a->cell_size, "Cell side in metres (default: the shorter side of the incidents'\n"
                                             "bounding box / 50, rounded down to 1, 2, 2.5 or 5 × 10^k)");
  s->add_option("--bandwidth", a->bandwidth, "Kernel density bandwidth in metres (default: sfhotspot's rule,\n"
                                             "the mean of MASS::bandwidth.nrd over easting and northing)");
  s->add_option("--distance", a->distance, "Gi* neighbour distance in metres (default: cell size × sqrt(2),\n"
                                           "the 8 cells around each cell)");
  s->add_option("--compare", a->compare, "Earlier periods (same forms as --period, comma-separated): map every\n"
                                         "period on one grid and class each cell's history (new, persistent,\n"
                                         "intensifying, diminishing, intermittent, former) in history.csv and\n"
                                         "history.svg/.png, a map of the classes")
      ->delimiter(',');
  s->add_flag("--dual", a->dual, "Also the dual density: incidents per 1,000 residents (the incidents' density\n"
                                  "over the residents', LSOA populations at their centroids; needs --centroids),\n"
                                  "as the columns residents_kde and kde_per_1000 and the map dual.svg/.png");
  s->add_option("--centroids", a->centroids, "LSOA centroids CSV for --dual (columns LSOACD or LSOA21CD, latitude,\n"
                                             "longitude), e.g. ../shared/data/geography/lsoa-centroids-uk.csv");
  s->add_option("--out", a->out, "Folder for cells.csv, cells.geojson, map.svg and map.png (and periods.csv,\nhistory.csv with --compare)");
  s->add_option("--taxonomy", a->taxonomy, "Your own theme taxonomy TOML (default: the shipped one)");
  s->add_option("--assign", a->assign, "Ward assignment: lsoa-best-fit or point-in-polygon")->capture_default_str();
  s->add_option("--synthetic", a->synthetic, "Time the analysis on N generated points instead of the database\n"
                                             "(100 m cells unless --cell-size; bench/hotspots.sh)");
  s->add_option("--synthetic-side", a->synthetic_side, "Side in metres of the square the --synthetic points fill")
      ->capture_default_str();
  s->callback([a] { run_hotspots(*a); });
}

}  // namespace csa::cli
