// da_incidents (partner_generators.hpp): domestic abuse incidents linked to the DA crimes.
#include <fmt/format.h>

#include "synth/calibration.hpp"
#include "synth/partner_generators.hpp"
#include "synth/timing.hpp"

namespace csa::synth {

std::vector<extract::Record> da_incidents(const CrimeSet& crimes, Rng& rng) {
  namespace c = calibration;
  static constexpr std::array<extract::Risk, 3> kRisk = {extract::Risk::standard, extract::Risk::medium,
                                                         extract::Risk::high};
  // Each DA crime brings one incident, and a second with probability 0.281, so incidents per DA
  // crime average 1,914 / 1,494 (golden DA table).
  const double second = c::kDaIncidentsPerDaCrime - 1.0;
  std::vector<extract::Record> out;
  for (std::size_t i = 0; i < crimes.rows.size(); ++i) {
    const auto& crime = crimes.rows[i];
    if (!crime.has_marker(extract::marker_domestic_abuse)) continue;
    const int n = 1 + (rng.chance(second) ? 1 : 0);
    for (int k = 0; k < n; ++k) {
      extract::Record r;
      r.reference = fmt::format("SYN-D-{:08d}", out.size() + 1);
      // The incident is on the day of the crime or, for a second call, up to 30 days later.
      r.start_day = crime.start_day + (k == 0 ? 0 : static_cast<std::int32_t>(rng.between(1, 30)));
      r.start_minute = crime.start_minute;
      r.crimed = rng.chance(c::kDaIncidentCrimedShare) ? 1 : 0;
      r.risk = kRisk[rng.pick(c::kDashRisk)];
      r.victim_id = crime.victim_id;
      r.victim_age = crime.victim_age;
      r.victim_sex = crime.victim_sex;
      r.offender_id = crime.offender_id;
      r.offender_age = crime.offender_age;
      r.offender_sex = crime.offender_sex;
      r.easting = crime.easting;
      r.northing = crime.northing;
      r.lsoa_code = crime.lsoa_code;
      r.ward_code = crime.ward_code;
      r.free_text = da_incident_summary(crimes.facts[i].relation, r.crimed == 1, rng);
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace csa::synth
