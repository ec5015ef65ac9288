#include "dataset/lsoa_counts.hpp"

#include <unordered_map>

#include "core/error.hpp"

namespace csa::dataset {

LsoaCounts count_by_lsoa(const store::Store& store, const Geography& geography, int area,
                         taxonomy::CrimeTypeSet types, const period::Window& window) {
  LsoaCounts out;
  out.lsoa = geography.children(area, Level::lsoa);
  if (geography.area(area).level == Level::lsoa) out.lsoa = {area};
  // Slot of each LSOA of the area by geography index; -1 elsewhere.
  std::unordered_map<int, std::size_t> slot;
  for (std::size_t i = 0; i < out.lsoa.size(); ++i) slot.emplace(out.lsoa[i], i);
  out.count.assign(out.lsoa.size(), 0);
  // The store hands out stable pointers for its dictionary strings, so each distinct LSOA code and
  // crime type is looked up once.
  std::unordered_map<const std::string*, long> lsoa_slot;
  std::unordered_map<const std::string*, bool> wanted_type;
  const int first = window.first().year() * 100 + window.first().month();
  const int last = window.last().year() * 100 + window.last().month();
  store.scan_incident_counts([&](const store::IncidentCountView& v) {
    if (v.month < first || v.month > last || v.lsoa_code->empty()) return;
    auto t = wanted_type.find(v.crime_type);
    if (t == wanted_type.end()) {
      int code = taxonomy::crime_type_code(*v.crime_type);
      if (code < 0) throw InternalError("a stored crime type is not a police.uk type: " + *v.crime_type);
      t = wanted_type.emplace(v.crime_type, types.contains(code)).first;
    }
    if (!t->second) return;
    auto s = lsoa_slot.find(v.lsoa_code);
    if (s == lsoa_slot.end()) {
      int index = geography.find_code(*v.lsoa_code);
      auto it = index < 0 ? slot.end() : slot.find(index);
      s = lsoa_slot.emplace(v.lsoa_code, it == slot.end() ? -1L : static_cast<long>(it->second)).first;
    }
    if (s->second >= 0) out.count[static_cast<std::size_t>(s->second)] += v.count;
  });
  for (auto c : out.count) {
    out.total += c;
    if (c == 0) ++out.lsoas_without_incidents;
  }
  return out;
}

}  // namespace csa::dataset
