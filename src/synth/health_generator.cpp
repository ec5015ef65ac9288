// assault_patients (partner_generators.hpp): emergency department attendances and ambulance
// call-outs for assault, drawn from the synthetic violence with injury.
#include <fmt/format.h>

#include <algorithm>

#include "synth/calibration.hpp"
#include "synth/partner_generators.hpp"

namespace csa::synth {

std::vector<extract::Record> assault_patients(const CrimeSet& crimes, bool ambulance, Rng& rng) {
  namespace c = calibration;
  const double rate = ambulance ? c::kAmbulancePerViolenceWithInjury : c::kEdPerViolenceWithInjury;
  std::vector<extract::Record> out;
  for (std::size_t i = 0; i < crimes.rows.size(); ++i) {
    const auto& f = crimes.facts[i];
    if (f.subgroup != "Violence with injury" || !rng.chance(rate)) continue;
    const auto& crime = crimes.rows[i];
    extract::Record r;
    r.reference = fmt::format("{}{:08d}", ambulance ? "SYN-M-" : "SYN-E-", out.size() + 1);
    // The location type follows the crime: DA at home, night-time economy at licensed premises or
    // in the street, the rest spread (assumption).
    static constexpr std::array<const char*, 5> kTypes = {"Street", "Home", "Licensed premises", "Workplace", "Other"};
    static constexpr std::array<double, 5> kOther = {0.45, 0.2, 0.1, 0.1, 0.15};
    static constexpr std::array<double, 5> kNight = {0.45, 0.0, 0.55, 0.0, 0.0};
    r.code = f.victim_kind == VictimKind::domestic ? "Home" : kTypes[rng.pick(f.night_economy ? kNight : kOther)];
    // Arrival: from the offence time to a few hours later (crossing midnight moves to the next day).
    const int minute = std::max<int>(0, crime.start_minute) + static_cast<int>(rng.between(15, 240));
    r.start_day = crime.start_day + minute / 1440;
    r.start_minute = static_cast<std::int16_t>(minute % 1440);
    r.victim_age = crime.victim_age;
    r.victim_sex = crime.victim_sex;
    r.lsoa_code = crime.lsoa_code;
    if (ambulance) {
      r.easting = crime.easting;
      r.northing = crime.northing;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace csa::synth
