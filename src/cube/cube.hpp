// The one aggregate every table reads: incident counts by ward × crime type × month, plus the
// incidents that could not be placed, by force × reason × crime type × month. Areas above a ward
// (districts, counties) are sums of their wards, so every level adds up by construction.
#pragma once

#include <cstdint>
#include <vector>

#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "period/window.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::cube {

class Cube {
 public:
  static Cube build(const dataset::PlacedCounts& placed, const dataset::Geography& geography);

  // Incidents of the given crime types in the window, in an area of any level (summed over its wards).
  std::int64_t count(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const;
  // Per month of the window, for monthly series.
  std::vector<std::int64_t> monthly(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const;

  // Forces whose files placed at least one incident in the area: the files an unplaced incident of
  // this area would have come from.
  std::vector<int> forces_in(int area) const;
  // Incidents of those forces that could not be placed, for one reason.
  std::int64_t unplaced(const std::vector<int>& forces, dataset::Unplaced reason, taxonomy::CrimeTypeSet types,
                        const period::Window& window) const;

  period::Month first_month() const { return first_; }
  int months() const { return n_months_; }
  const dataset::Geography& geography() const { return *geography_; }

 private:
  int slot_of(int ward_area) const;
  std::vector<int> ward_slots(int area) const;
  std::int64_t sum_slots(const std::vector<int>& slots, taxonomy::CrimeTypeSet types, int m0, int m1) const;

  const dataset::Geography* geography_ = nullptr;
  period::Month first_;
  int n_months_ = 0;
  std::vector<int> slot_by_area_;            // area index -> ward slot; -1 for non-wards and wards without incidents
  std::vector<int> area_by_slot_;
  std::vector<std::int32_t> counts_;         // [slot][type][month]
  std::vector<std::vector<int>> forces_by_slot_;
  int n_forces_ = 0;
  std::vector<std::int32_t> unplaced_;       // [force][reason][type][month]
};

}  // namespace csa::cube
