// Notes that more than one table builder prints word for word: incidents that could not be placed,
// the suppression rule and the source with its licence. Kept in one place so a ward table, a theme
// table and a monthly series say the same thing the same way.
#pragma once

#include <string_view>

#include "cube/cube.hpp"
#include "dataset/incidents.hpp"
#include "measure/suppression.hpp"
#include "period/window.hpp"
#include "table/table.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::table {

// One note per reason that applies under `assignment`, for incidents of `types` in `window` from the
// force files that placed anything in `area` and that could not be placed in any ward ("Not placed:
// 12 burglary incident(s) in 2025 from the force file(s) covering Cambridge …"). `what` names the
// incidents in the sentence (a theme's label). Reasons with no incidents add nothing.
void add_unplaced_notes(Table& t, const cube::Cube& cube, int area, taxonomy::CrimeTypeSet types, std::string_view what,
                        dataset::Assignment assignment, const period::Window& window);

// "Counts from 1 to 4 are shown as <5, and figures derived from them are hidden (-)." The caller
// decides whether the rule applies (a threshold of 1 or less hides nothing and is not noted).
void add_suppression_note(Table& t, const measure::SuppressionRule& rule);

// The source and the Open Government Licence attribution (kOglAttribution) every output carries.
void add_source_note(Table& t);

}  // namespace csa::table
