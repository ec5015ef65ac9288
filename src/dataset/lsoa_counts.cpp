#include "dataset/lsoa_counts.hpp"

#include <unordered_map>

#include "dataset/incidents.hpp"

namespace csa::dataset {

LsoaCounts count_by_lsoa(const store::Store& store, const Geography& geography, int area,
                         taxonomy::CrimeTypeSet types, const period::Window& window) {
  LsoaCounts out;
  out.lsoa = geography.children(area, Level::lsoa);
  if (geography.area(area).level == Level::lsoa) out.lsoa = {area};
  std::unordered_map<int, std::size_t> slot;  // Geography index of an LSOA of the area -> position
  for (std::size_t i = 0; i < out.lsoa.size(); ++i) slot.emplace(out.lsoa[i], i);
  out.count.assign(out.lsoa.size(), 0);
  // The placed counts under best fit carry each group's LSOA, the same records the ward cube sums.
  auto placed = place_incidents(store, geography, Assignment::lsoa_best_fit);
  const int first = window.first().index(), last = window.last().index();
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (placed.lsoa[i] < 0 || placed.month[i] < first || placed.month[i] > last || !types.contains(placed.crime_type[i])) {
      continue;
    }
    if (auto it = slot.find(placed.lsoa[i]); it != slot.end()) out.count[it->second] += placed.count[i];
  }
  for (auto c : out.count) {
    out.total += c;
    if (c == 0) ++out.lsoas_without_incidents;
  }
  return out;
}

}  // namespace csa::dataset
