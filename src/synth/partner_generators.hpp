// The non-crime kinds of the synthetic extract, each built on the crimes or the police.uk data:
//   asb_incidents   one per police.uk ASB incident (x scale): category and risk at the published
//                   shares (seed 002 lines 1715-1723), the incident type and a keyword summary;
//   da_incidents    per synthetic DA crime, 1.281 incidents on average (golden DA table), each
//                   crimed with probability 52%, with the crime's victim and offender, DASH risk;
//   fires           no police.uk basis: Poisson per LSOA and month with mean population x 1.456
//                   per 1,000 a year (Cambridge 2023/24, seed 002) x scale, at a point of a police.uk
//                   incident in that LSOA (or the LSOA only), 21% deliberate;
//   ed_attendances  per synthetic violence-with-injury crime, one with probability 0.6 (assumption);
//   ambulance       the same with probability 0.35 (assumption);
//   treatment       the golden Cambridge treatment table scaled by the area's population.
#pragma once

#include <string>
#include <vector>

#include "dataset/geography.hpp"
#include "extract/record.hpp"
#include "synth/crime_generator.hpp"
#include "synth/source_incidents.hpp"

namespace csa::synth {

std::vector<extract::Record> asb_incidents(const SourceSet& source, const dataset::Geography& geography, double scale,
                                           Rng& rng);

std::vector<extract::Record> da_incidents(const CrimeSet& crimes, Rng& rng);

std::vector<extract::Record> fires(const SourceSet& source, const dataset::Geography& geography, double scale, Rng& rng);

// Hospital records of assault. `ambulance` selects the rate, the reference prefix and that the
// point is kept (ambulances are sent to a place; ED records only the LSOA).
std::vector<extract::Record> assault_patients(const CrimeSet& crimes, bool ambulance, Rng& rng);

struct TreatmentRow {
  std::string category;
  std::int64_t ye_sep_2023 = 0, ye_sep_2024 = 0;
};
// `golden_path`: golden/sa2024-treatment.csv; the Total row is the sum of the others.
std::vector<TreatmentRow> treatment_series(const std::string& golden_path, std::int64_t area_population, double scale,
                                           Rng& rng);

}  // namespace csa::synth
