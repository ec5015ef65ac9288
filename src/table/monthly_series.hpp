// The monthly series of one theme for one area (district, county or ward): per month the count, the
// 12-month rolling average, the same month a year earlier and the change from it (seeds style,
// `+32% (+677)`), a statistical process control flag (docs/METHODS.md §5) and "highest since …".
// Notes give the peak month, the monthly average of each year ending, a part-year projection of the
// latest financial year when it is incomplete (METHODS §6), coverage, unplaced incidents,
// suppression and the source.
//
// Why every derived figure reads the whole loaded series and not only the months shown: the rolling
// average of April 2025 needs May 2024–April 2025, the SPC baseline the 24 months before, whatever
// period the table shows. A month with no loaded batch is never taken as 0: it prints n/a, and every
// figure that would need it (an average, a change, a baseline) is left blank.
#pragma once

#include <cstddef>
#include <optional>
#include <set>

#include "cube/cube.hpp"
#include "dataset/incidents.hpp"
#include "measure/suppression.hpp"
#include "period/window.hpp"
#include "stats/projection.hpp"
#include "stats/spc.hpp"
#include "table/table.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::table {

struct MonthlySeriesRequest {
  int area = -1;  // geography index: a ward, district or county
  std::optional<period::Window> window;  // the months shown, one row each; empty: all loaded months
  std::set<period::Month> months_loaded;  // months with a loaded batch (dataset::Incidents::months_loaded)
  dataset::Assignment assignment = dataset::Assignment::lsoa_best_fit;
  measure::SuppressionRule suppression;  // threshold 1 or less: no suppression (analysts' own use only)
  bool suppress = true;
  stats::SpcOptions spc;  // default: the previous 24 months, judged only with all 24, 3 sd
  // "Highest since" is shown when the last month at least as high is this many months earlier or more
  // (or there is none and the loaded data reach this far back). 12: a month that is merely above last
  // month is not news ("highest since" the month before would even mislead, as highest_since returns
  // the previous month whenever the count fell); "the highest for a year or more" is. 2: every month
  // above the one before.
  int highest_since_min_months = 12;
  stats::ProjectionOptions projection;
};

// One row per month of the request's window. Cells carry their numbers for CSV/JSON: the count, the
// average, the year-earlier count, the change in percent, and for the SPC flag (count − mean) / sd
// (none when sd is 0). Throws InputError when the area is an LSOA (counts are
// held by ward) and InputError when the options are out of range.
Table monthly_series(const cube::Cube& cube, const taxonomy::Selection& theme, const MonthlySeriesRequest& request);

// The default period: the first to the last loaded month ("all loaded months"). Throws InputError
// when nothing is loaded.
period::Window loaded_months_window(const std::set<period::Month>& months_loaded);

}  // namespace csa::table
