// fires (partner_generators.hpp): fire and rescue incidents placed by LSOA population.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "synth/calibration.hpp"
#include "synth/partner_generators.hpp"
#include "synth/timing.hpp"

namespace csa::synth {

std::vector<extract::Record> fires(const SourceSet& source, const dataset::Geography& geography, double scale, Rng& rng) {
  namespace c = calibration;
  static constexpr std::array<const char*, 6> kDeliberate = {"Primary - Dwelling",    "Primary - Vehicle",
                                                              "Primary - Other building", "Secondary - Refuse",
                                                              "Secondary - Grassland", "Secondary - Other"};
  static constexpr std::array<const char*, 6> kDeliberateProperty = {"Dwelling", "Road vehicle", "Other building",
                                                                      "Refuse",   "Grassland",    "Outdoor"};
  static constexpr std::array<const char*, 4> kAccidentalProperty = {"Dwelling", "Road vehicle", "Other building",
                                                                      "Outdoor"};
  // Points to place fires at: the located police.uk incidents of each LSOA.
  std::map<int, std::vector<std::size_t>> points;
  std::set<period::Month> months;
  for (std::size_t i = 0; i < source.incidents.size(); ++i) {
    const auto& s = source.incidents[i];
    months.insert(s.month);
    if (!std::isnan(s.easting)) points[s.lsoa].push_back(i);
  }
  std::vector<extract::Record> out;
  for (const period::Month& month : months) {
    for (int lsoa : source.lsoas) {
      const auto population = geography.area(lsoa).population;
      const double mean = static_cast<double>(population) / 1000.0 * c::kFiresPerThousandPerYear / 12.0 * scale;
      for (std::int64_t k = rng.poisson(mean); k > 0; --k) {
        extract::Record r;
        r.reference = fmt::format("SYN-F-{:08d}", out.size() + 1);
        Moment m = draw_moment(month, TimePattern::general, rng);
        r.start_day = m.day;
        r.start_minute = m.minute;
        if (rng.chance(c::kFireDeliberate)) {
          r.code = "deliberate";
          const std::size_t t = rng.pick(c::kDeliberateType);
          r.subtype = kDeliberate[t];
          r.description = kDeliberateProperty[t];
        } else {
          r.code = "accidental";
          r.description = kAccidentalProperty[rng.pick(c::kAccidentalProperty)];
        }
        if (auto it = points.find(lsoa); it != points.end()) {
          const auto& s = source.incidents[it->second[static_cast<std::size_t>(
              rng.below(static_cast<std::int64_t>(it->second.size())))]];
          r.easting = s.easting;
          r.northing = s.northing;
          jitter(r.easting, r.northing, 100, rng);
        }
        r.lsoa_code = geography.area(lsoa).code;
        if (int ward = geography.ancestor(lsoa, dataset::Level::ward); ward >= 0) r.ward_code = geography.area(ward).code;
        out.push_back(std::move(r));
      }
    }
  }
  return out;
}

}  // namespace csa::synth
