// Counts by LSOA × crime type × month, from the same placed counts as the ward cube, for LSOA maps.
// Under best fit every incident of an LSOA is counted in the LSOA's ward, so an LSOA's counts add up
// to its ward's in the cube (tested). Under point-in-polygon there are no LSOA counts (empty).
#pragma once
#include <cstdint>
#include <vector>

#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "period/window.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::cube {

class LsoaCube {
 public:
  static LsoaCube build(const dataset::PlacedCounts& placed, const dataset::Geography& geography);
  // Incidents of the types in the window in one LSOA (a Geography index); 0 for an LSOA without any.
  std::int64_t count(int lsoa, taxonomy::CrimeTypeSet types, const period::Window& window) const;
  std::vector<std::int64_t> monthly(int lsoa, taxonomy::CrimeTypeSet types, const period::Window& window) const;
  bool empty() const { return counts_.empty(); }

 private:
  int slot_of(int lsoa) const;
  period::Month first_;
  int n_months_ = 0;
  std::vector<int> slot_by_area_;     // area index -> slot, -1 when the LSOA has no incidents
  std::vector<std::int32_t> counts_;  // [slot][type][month]
};

}  // namespace csa::cube
