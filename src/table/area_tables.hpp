// The foundation's tables, built from the cube: one district (or county, or ward) by ward for a theme,
// and by theme for the whole area, over year-ending windows, in the seeds' formatting
// (../shared/seeds/002_… lines 650-770): counts per year, `+32% (+677)` change, share, rate per 1,000.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cube/cube.hpp"
#include "dataset/incidents.hpp"
#include "measure/suppression.hpp"
#include "period/window.hpp"
#include "table/table.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::table {

struct AreaTableRequest {
  int area = -1;                        // geography index
  std::vector<period::Window> windows;  // oldest first, at least one
  measure::SuppressionRule suppression; // threshold 0 or less: no suppression (analysts' own use only)
  bool suppress = true;
  std::set<period::Month> months_loaded;
  dataset::Assignment assignment = dataset::Assignment::lsoa_best_fit;
  // How change prints: the seeds' `+32% (+677)` (whole percent and volume), the CADET tables'
  // `+ 11.3%` (one decimal, `No Calc` on a zero base), or the plain signed count `17`.
  enum class ChangeStyle { seeds, cadet, plain };
  ChangeStyle change_style = ChangeStyle::seeds;
  std::string zero_change_text = "0% (0)";  // seeds style, when nothing changed
  std::size_t top = 0;  // ward tables: only the top N wards by latest count, ties kept (0 = all)
  // Statistics columns (docs/METHODS.md): exact test of the latest change, Garwood 95% interval of
  // the rate, for ward tables the funnel position against the area's own rate, and with 3 or more
  // complete year-long periods the trend (Poisson regression, quasi-Poisson SE); with fewer, a note
  // says why there is no trend.
  bool with_stats = false;
};

// Rows: the wards of the area ranked by the latest count; a total row for the area.
Table ward_table(const cube::Cube& cube, const taxonomy::Selection& theme, const AreaTableRequest& request);

// Rows: every theme of the taxonomy, then each group as a total row (acquisitive, all crime, …).
Table theme_table(const cube::Cube& cube, const taxonomy::Taxonomy& taxonomy, const AreaTableRequest& request);

// The attribution every public output carries (../shared/data/README.md).
inline constexpr const char* kOglAttribution =
    "Contains public sector information licensed under the Open Government Licence v3.0 (police.uk); "
    "Source: Office for National Statistics.";

}  // namespace csa::table
