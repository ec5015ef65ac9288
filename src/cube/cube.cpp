#include "cube/cube.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace csa::cube {
namespace {
constexpr int kTypes = taxonomy::kCrimeTypeCount;

// The months of `window` as offsets into the cube, clipped to the months it holds.
std::pair<int, int> month_range(const period::Window& window, period::Month first, int n_months) {
  int m0 = std::max(0, window.first() - first);
  int m1 = std::min(n_months - 1, window.last() - first);
  return {m0, m1};
}
}  // namespace

Cube Cube::build(const dataset::PlacedCounts& incidents, const dataset::Geography& geography) {
  Cube c;
  c.geography_ = &geography;
  if (incidents.size() > 0) {
    auto [lo, hi] = std::minmax_element(incidents.month.begin(), incidents.month.end());
    c.first_ = period::Month::from_index(*lo);
    c.n_months_ = *hi - *lo + 1;
  }
  // Slots only for wards with incidents: a district's table needs its own wards, not the 8,000 of
  // England and Wales (a ward without a slot counts zero).
  c.slot_by_area_.assign(geography.areas().size(), -1);
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    int w = incidents.ward[i];
    if (w < 0 || c.slot_by_area_[static_cast<std::size_t>(w)] >= 0) continue;
    if (geography.area(w).level != dataset::Level::ward) {
      throw InternalError("an incident was placed in an area that is not a ward");
    }
    c.slot_by_area_[static_cast<std::size_t>(w)] = static_cast<int>(c.area_by_slot_.size());
    c.area_by_slot_.push_back(w);
  }
  c.counts_.assign(c.area_by_slot_.size() * kTypes * static_cast<std::size_t>(c.n_months_), 0);
  c.forces_by_slot_.assign(c.area_by_slot_.size(), {});
  c.n_forces_ = static_cast<int>(incidents.forces.size());
  c.unplaced_.assign(static_cast<std::size_t>(c.n_forces_) * dataset::kUnplacedKinds * kTypes *
                         static_cast<std::size_t>(c.n_months_),
                     0);
  int first_index = c.first_.index();
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    std::size_t m = static_cast<std::size_t>(incidents.month[i] - first_index);
    std::size_t t = static_cast<std::size_t>(incidents.crime_type[i]);
    if (incidents.ward[i] >= 0) {
      int slot = c.slot_by_area_[static_cast<std::size_t>(incidents.ward[i])];
      c.counts_[(static_cast<std::size_t>(slot) * kTypes + t) * static_cast<std::size_t>(c.n_months_) + m] +=
          static_cast<std::int32_t>(incidents.count[i]);
      auto& forces = c.forces_by_slot_[static_cast<std::size_t>(slot)];
      if (std::find(forces.begin(), forces.end(), incidents.force[i]) == forces.end()) {
        forces.push_back(incidents.force[i]);
      }
    } else {
      std::size_t f = static_cast<std::size_t>(incidents.force[i]);
      std::size_t r = static_cast<std::size_t>(incidents.unplaced[i]);
      c.unplaced_[((f * dataset::kUnplacedKinds + r) * kTypes + t) * static_cast<std::size_t>(c.n_months_) + m] +=
          static_cast<std::int32_t>(incidents.count[i]);
    }
  }
  return c;
}

int Cube::slot_of(int ward_area) const { return slot_by_area_.at(static_cast<std::size_t>(ward_area)); }

std::vector<int> Cube::ward_slots(int area) const {
  const auto& a = geography_->area(area);
  if (a.level == dataset::Level::ward) {
    int slot = slot_of(area);
    return slot < 0 ? std::vector<int>{} : std::vector<int>{slot};
  }
  if (a.level == dataset::Level::lsoa) {
    throw InputError("counts are held by ward; LSOA-level counts are not available in this table");
  }
  std::vector<int> slots;
  for (int w : geography_->children(area, dataset::Level::ward)) {
    if (int slot = slot_of(w); slot >= 0) slots.push_back(slot);
  }
  return slots;
}

std::int64_t Cube::sum_slots(const std::vector<int>& slots, taxonomy::CrimeTypeSet types, int m0, int m1) const {
  std::int64_t total = 0;
  for (int s : slots) {
    for (int t : types.codes()) {
      const std::int32_t* row =
          &counts_[(static_cast<std::size_t>(s) * kTypes + static_cast<std::size_t>(t)) * static_cast<std::size_t>(n_months_)];
      for (int m = m0; m <= m1; ++m) total += row[m];
    }
  }
  return total;
}

std::int64_t Cube::count(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const {
  auto [m0, m1] = month_range(window, first_, n_months_);
  return m0 > m1 ? 0 : sum_slots(ward_slots(area), types, m0, m1);
}

std::vector<std::int64_t> Cube::monthly(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const {
  std::vector<std::int64_t> out;
  auto slots = ward_slots(area);
  for (period::Month m : window.months()) {
    int offset = m - first_;
    out.push_back(offset < 0 || offset >= n_months_ ? 0 : sum_slots(slots, types, offset, offset));
  }
  return out;
}

std::vector<int> Cube::forces_in(int area) const {
  std::vector<int> out;
  for (int s : ward_slots(area)) {
    for (int f : forces_by_slot_[static_cast<std::size_t>(s)]) {
      if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t Cube::unplaced(const std::vector<int>& forces, dataset::Unplaced reason, taxonomy::CrimeTypeSet types,
                            const period::Window& window) const {
  auto [m0, m1] = month_range(window, first_, n_months_);
  std::int64_t total = 0;
  for (int f : forces) {
    for (int t : types.codes()) {
      std::size_t base = ((static_cast<std::size_t>(f) * dataset::kUnplacedKinds + static_cast<std::size_t>(reason)) *
                              kTypes + static_cast<std::size_t>(t)) * static_cast<std::size_t>(n_months_);
      for (int m = m0; m <= m1; ++m) total += unplaced_[base + static_cast<std::size_t>(m)];
    }
  }
  return total;
}

}  // namespace csa::cube
