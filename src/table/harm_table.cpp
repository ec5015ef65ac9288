#include "table/harm_table.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "core/thousands.hpp"
#include "stats/harm.hpp"
#include "table/area_tables.hpp"

namespace csa::table {

Table harm_table(const cube::Cube& cube, const taxonomy::Taxonomy& taxonomy, const HarmTableRequest& r) {
  const auto& area = cube.geography().area(r.area);
  // Counts per crime type in the window: the one input every theme's harm is built from.
  std::array<std::int64_t, taxonomy::kCrimeTypeCount> counts{};
  for (int c = 0; c < taxonomy::kCrimeTypeCount; ++c) {
    taxonomy::CrimeTypeSet one;
    one.insert(c);
    counts[static_cast<std::size_t>(c)] = cube.count(r.area, one, r.window);
  }
  std::vector<stats::HarmItem> items;
  for (const auto& theme : taxonomy.themes()) {
    bool weighted = false;
    for (int c : theme.crime_types.codes()) weighted = weighted || r.weights[static_cast<std::size_t>(c)].has_value();
    if (!weighted) continue;  // ASB: an incident, not a crime, so no harm weight
    items.push_back(stats::harm_item(theme.label, r.weights, counts, theme.crime_types));
  }
  auto harm = stats::harm_table(items, area.population > 0 ? std::optional<std::int64_t>(area.population) : std::nullopt);

  Table t;
  t.title = fmt::format("Crime by harm and volume in {}, {}", area.name, r.window.description());
  t.columns = {{"theme", "Theme", Align::left},
               {"count", "Count", Align::right},
               {"harm_days", "Harm (CCHI days)", Align::right},
               {"share_of_volume", "Share of volume", Align::right},
               {"share_of_harm", "Share of harm", Align::right},
               {"harm_per_1000", "Harm per 1,000", Align::right}};
  bool suppressing = r.suppress && r.suppression.threshold > 1;
  auto add = [&](const std::string& label, std::int64_t count, double days, double vol, double share,
                 std::optional<double> per_1000, RowKind kind) {
    Row row{{{label, std::nullopt}}, kind};
    if (suppressing && measure::is_suppressed(count, r.suppression)) {
      row.cells.push_back({measure::format_count(count, r.suppression), std::nullopt});
      for (int i = 0; i < 4; ++i) row.cells.push_back({"-", std::nullopt});
    } else {
      row.cells.push_back({std::to_string(count), static_cast<double>(count)});
      // Halves away from zero as everywhere in csa (fmt's "{:.0f}" would round 54202.5 to even).
      row.cells.push_back({std::to_string(std::llround(days)), days});
      row.cells.push_back({fmt::format("{}%", std::llround(vol * 100)), vol * 100});
      row.cells.push_back({fmt::format("{}%", std::llround(share * 100)), share * 100});
      row.cells.push_back(per_1000 ? Cell{std::to_string(std::llround(*per_1000)), *per_1000} : Cell{"n/a", std::nullopt});
    }
    t.rows.push_back(std::move(row));
  };
  for (const auto& h : harm.rows) {
    add(h.label, h.count, h.harm_days, h.share_of_volume, h.share_of_harm, h.harm_per_1000, RowKind::body);
  }
  add("All crime", harm.total_count, harm.total_harm, harm.total_count > 0 ? 1.0 : 0.0,
      harm.total_harm > 0 ? 1.0 : 0.0, harm.harm_per_1000, RowKind::total);
  t.notes.push_back(fmt::format(
      "Harm: counts weighted by the Cambridge Crime Harm Index (days of imprisonment per offence; Sherman, Neyroud "
      "& Neyroud 2016). The weight of each police.uk crime type is derived: the national-count-weighted mean of the "
      "Home Office subgroup weights within it ({}), so it is an average, not the harm of these offences.",
      r.weights_source));
  t.notes.push_back("ASB is recorded as incidents, not crimes, and has no harm weight. Shares are of the crimes shown.");
  t.notes.push_back(fmt::format("Population of {}: {} ({}).", area.name, with_commas(area.population),
                                cube.geography().population_label()));
  t.notes.push_back("Source: police.uk street-level crime data. " + std::string(kOglAttribution));
  return t;
}

}  // namespace csa::table
