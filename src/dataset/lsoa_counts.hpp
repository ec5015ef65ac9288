// Incidents counted by LSOA for one area, theme and period: what a concentration measure (share in
// the top 5% of LSOAs, Gini) needs. Read from the store's per-batch counts (store/batch_counts.hpp),
// the same records dataset::place_incidents builds the ward cube from under LSOA best fit, so an
// area's LSOA counts add up to its ward counts in the cube.
#pragma once

#include <cstdint>
#include <vector>

#include "dataset/geography.hpp"
#include "period/window.hpp"
#include "store/store.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::dataset {

struct LsoaCounts {
  std::vector<int> lsoa;             // Geography index of every LSOA below the area (none left out)
  std::vector<std::int64_t> count;   // incidents in each, 0 for an LSOA with none; same order
  std::int64_t total = 0;            // sum of count
  int lsoas_without_incidents = 0;   // how many of count are 0
};

// Every LSOA below `area` (a ward, district or county), with the incidents of `types` whose month is
// in `window` and whose police.uk LSOA code is that LSOA. Incidents with no LSOA, or an LSOA the
// lookup lacks, belong to no LSOA and are not counted here (the cube's unplaced counts say how many).
LsoaCounts count_by_lsoa(const store::Store& store, const Geography& geography, int area,
                         taxonomy::CrimeTypeSet types, const period::Window& window);

}  // namespace csa::dataset
