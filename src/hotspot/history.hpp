// Hot spots across periods: each cell's history of being hot, read from Gi* run on the same grid in
// every period (HotspotSettings::extent set to the union of the periods' extents), and classed:
//
//   none          never hot
//   new           hot in the latest period only
//   persistent    hot in every period, the count not significantly changed first → latest
//   intensifying  hot in every period, the count significantly up first → latest
//   diminishing   hot in every period, the count significantly down first → latest
//   intermittent  hot in the latest period and in some, not all, earlier ones
//   former        hot in an earlier period but not the latest
//
// "Hot" is hot at 95% or more (Benjamini–Hochberg adjusted p < 0.05, z > 0), within each period.
// "Significantly" is the exact Poisson test of the cell's first and latest counts
// (stats/change_test.hpp) at 5%, with the periods' lengths in months as exposures. Cold spots are
// not classed across periods. The classes are exclusive and cover every cell.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "hotspot/analysis.hpp"

namespace csa::hotspot {

enum class History { none, new_hot, persistent, intensifying, diminishing, intermittent, former };
std::string_view history_id(History h);  // "none", "new", "persistent", …

struct CellHistory {
  History history = History::none;
  std::int64_t first = 0, last = 0;  // the cell's count in the earliest and the latest period
  double change_p = 1;               // exact Poisson test, first vs latest
};

// Hot in a period: CellClass hot95 or hot99.
bool is_hot(CellClass c);

// One cell: hot[t] for periods t earliest first (at least 2), its first and latest counts and the
// periods' exposures (months).
CellHistory classify_history(const std::vector<bool>& hot, std::int64_t first, std::int64_t last,
                             double exposure_first, double exposure_last);

// Every cell of `periods` (earliest first, at least 2, all on the same grid: InternalError
// otherwise), with each period's length in months.
std::vector<CellHistory> cell_histories(const std::vector<const HotspotResult*>& periods,
                                        const std::vector<double>& months);

}  // namespace csa::hotspot
