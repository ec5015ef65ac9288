#include "synth/source_incidents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/error.hpp"
#include "geo/projection.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::synth {

SourceSet read_source_incidents(const store::Store& store, const dataset::Geography& geography, int area,
                                period::Month first, period::Month last, const ProgressFn& progress) {
  SourceSet out;
  const auto& place = geography.area(area);
  out.population = place.population;
  const auto level = place.level;
  // Which LSOA codes are inside the area, remembered by the store's stable text pointer.
  std::unordered_map<const std::string*, int> lsoa_of;
  auto lsoa_in_area = [&](const std::string* code) {
    if (auto it = lsoa_of.find(code); it != lsoa_of.end()) return it->second;
    int lsoa = code->empty() ? -1 : geography.find_code(*code);
    if (lsoa >= 0 && geography.ancestor(lsoa, level) != area) lsoa = -1;
    lsoa_of.emplace(code, lsoa);
    return lsoa;
  };
  std::vector<double> lon, lat;
  const std::uint64_t total = static_cast<std::uint64_t>(store.incident_count());
  store.scan_incidents(first.yyyymm(), last.yyyymm(), [&](const store::IncidentView& v) {
    ++out.scanned;
    if (progress && out.scanned % 50000 == 0) progress({"read police.uk", "", static_cast<std::uint64_t>(out.scanned), total});
    int lsoa = lsoa_in_area(v.lsoa_code);
    if (lsoa < 0) {
      ++out.outside_area;
      return;
    }
    int type = taxonomy::crime_type_code(*v.crime_type);
    if (type < 0) throw InternalError("a stored crime type is not a police.uk type: " + *v.crime_type);
    SourceIncident s;
    s.month = period::Month::from_yyyymm(v.month);
    s.crime_type = static_cast<std::int8_t>(type);
    s.lsoa = lsoa;
    s.ward = geography.ancestor(lsoa, dataset::Level::ward);
    out.incidents.push_back(s);
    lon.push_back(v.lon ? *v.lon : std::numeric_limits<double>::quiet_NaN());
    lat.push_back(v.lat ? *v.lat : std::numeric_limits<double>::quiet_NaN());
  });
  if (out.incidents.empty()) {
    throw InputError(fmt::format("the store holds no police.uk incidents in {} ({}) for {} to {} ({} incidents in those "
                                 "months elsewhere); ingest that force's police.uk files or choose other --months",
                                 place.name, place.code, first.to_string(), last.to_string(), out.scanned));
  }
  std::vector<double> e, n;
  geo::BngProjector projector;
  projector.to_bng(lon, lat, e, n);
  for (std::size_t i = 0; i < out.incidents.size(); ++i) {
    out.incidents[i].easting = e[i];
    out.incidents[i].northing = n[i];
  }
  // A canonical order (month, type, LSOA code, point), so the output depends on what the store
  // holds and the seed, not on the order rows happened to be ingested in.
  auto key = [](double v) { return std::isnan(v) ? std::numeric_limits<double>::infinity() : v; };
  std::stable_sort(out.incidents.begin(), out.incidents.end(), [&](const SourceIncident& a, const SourceIncident& b) {
    if (a.month != b.month) return a.month < b.month;
    if (a.crime_type != b.crime_type) return a.crime_type < b.crime_type;
    if (a.lsoa != b.lsoa) return geography.area(a.lsoa).code < geography.area(b.lsoa).code;
    if (key(a.easting) != key(b.easting)) return key(a.easting) < key(b.easting);
    return key(a.northing) < key(b.northing);
  });
  if (level == dataset::Level::lsoa) {
    out.lsoas.push_back(area);
  } else {
    out.lsoas = geography.children(area, dataset::Level::lsoa);
  }
  std::sort(out.lsoas.begin(), out.lsoas.end(),
            [&](int a, int b) { return geography.area(a).code < geography.area(b).code; });
  return out;
}

}  // namespace csa::synth
