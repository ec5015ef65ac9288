#include "cube/lsoa_cube.hpp"

#include <algorithm>

namespace csa::cube {

LsoaCube LsoaCube::build(const dataset::PlacedCounts& placed, const dataset::Geography& geography) {
  LsoaCube out;
  out.slot_by_area_.assign(geography.areas().size(), -1);
  if (placed.months_loaded.empty() || placed.lsoa.empty()) return out;
  out.first_ = *placed.months_loaded.begin();
  out.n_months_ = placed.months_loaded.rbegin()->index() - out.first_.index() + 1;
  int slots = 0;
  for (std::int32_t lsoa : placed.lsoa) {
    if (lsoa >= 0 && out.slot_by_area_[static_cast<std::size_t>(lsoa)] < 0) {
      out.slot_by_area_[static_cast<std::size_t>(lsoa)] = slots++;
    }
  }
  const auto per_slot = static_cast<std::size_t>(taxonomy::kCrimeTypeCount) * static_cast<std::size_t>(out.n_months_);
  out.counts_.assign(static_cast<std::size_t>(slots) * per_slot, 0);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (placed.lsoa[i] < 0) continue;
    int m = placed.month[i] - out.first_.index();
    if (m < 0 || m >= out.n_months_) continue;
    auto slot = static_cast<std::size_t>(out.slot_by_area_[static_cast<std::size_t>(placed.lsoa[i])]);
    out.counts_[slot * per_slot + static_cast<std::size_t>(placed.crime_type[i]) * static_cast<std::size_t>(out.n_months_) +
                static_cast<std::size_t>(m)] += static_cast<std::int32_t>(placed.count[i]);
  }
  return out;
}

int LsoaCube::slot_of(int lsoa) const {
  if (lsoa < 0 || static_cast<std::size_t>(lsoa) >= slot_by_area_.size()) return -1;
  return slot_by_area_[static_cast<std::size_t>(lsoa)];
}

std::vector<std::int64_t> LsoaCube::monthly(int lsoa, taxonomy::CrimeTypeSet types, const period::Window& window) const {
  std::vector<std::int64_t> out(static_cast<std::size_t>(window.size()), 0);
  int slot = slot_of(lsoa);
  if (slot < 0) return out;
  const auto per_slot = static_cast<std::size_t>(taxonomy::kCrimeTypeCount) * static_cast<std::size_t>(n_months_);
  for (int code : types.codes()) {
    const std::int32_t* row = counts_.data() + static_cast<std::size_t>(slot) * per_slot +
                              static_cast<std::size_t>(code) * static_cast<std::size_t>(n_months_);
    for (int k = 0; k < window.size(); ++k) {
      int m = window.first().index() + k - first_.index();
      if (m >= 0 && m < n_months_) out[static_cast<std::size_t>(k)] += row[m];
    }
  }
  return out;
}

std::int64_t LsoaCube::count(int lsoa, taxonomy::CrimeTypeSet types, const period::Window& window) const {
  auto months = monthly(lsoa, types, window);
  std::int64_t total = 0;
  for (auto v : months) total += v;
  return total;
}

}  // namespace csa::cube
