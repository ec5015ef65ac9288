#include "table/table_notes.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/thousands.hpp"
#include "table/area_tables.hpp"

namespace csa::table {

void add_unplaced_notes(Table& t, const cube::Cube& cube, int area, taxonomy::CrimeTypeSet types, std::string_view what,
                        dataset::Assignment assignment, const period::Window& window) {
  const auto& name = cube.geography().area(area).name;
  auto forces = cube.forces_in(area);
  std::vector<dataset::Unplaced> reasons = {dataset::Unplaced::no_location, dataset::Unplaced::no_lsoa};
  if (assignment == dataset::Assignment::lsoa_best_fit) {
    reasons.push_back(dataset::Unplaced::lsoa_not_in_lookup);
  } else {
    reasons.push_back(dataset::Unplaced::outside_boundaries);
    reasons.push_back(dataset::Unplaced::ward_not_in_lookup);
  }
  for (auto reason : reasons) {
    std::int64_t n = cube.unplaced(forces, reason, types, window);
    if (n > 0) {
      t.notes.push_back(fmt::format(
          "Not placed: {} {} incident(s) in {} from the force file(s) covering {} could not be placed in "
          "any ward ({}); they are not in the counts above.",
          with_commas(n), what, window.label(), name, dataset::unplaced_label(reason)));
    }
  }
}

void add_suppression_note(Table& t, const measure::SuppressionRule& rule) {
  t.notes.push_back(fmt::format("Counts from 1 to {} are shown as <{}, and figures derived from them are hidden (-).",
                                rule.threshold - 1, rule.threshold));
}

void add_source_note(Table& t) {
  t.notes.push_back("Source: police.uk street-level crime and ASB data. " + std::string(kOglAttribution));
}

}  // namespace csa::table
