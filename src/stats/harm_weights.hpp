// Cambridge Crime Harm Index (CCHI) weights for the police.uk crime types, derived from the
// weights by Home Office recorded-crime subgroup in ../shared/data/harm/cchi-weights-by-subgroup.csv.
// The CCHI weighs an offence by the days of imprisonment its starting-point sentence carries
// (Sherman, Neyroud & Neyroud 2016, "The Cambridge Crime Harm Index", Policing 10(3)). The file's
// subgroup weights are already derived by a third party (the median CCHI value of the offences in
// each subgroup); csa derives one step further, so every harm figure must say "derived".
// Why a mapping: police.uk publishes 14 broad crime types, the weights are by subgroup (Violence
// and sexual offences alone has homicide at 5,475 days and violence without injury at 10). csa
// weights a crime type by the mean of its subgroups' weights, each weighted by the subgroup's
// national count of recorded crimes (the file's national_count_* column):
//     w(type) = sum_s w_s n_s / sum_s n_s   over the subgroups s of that type
// i.e. the expected weight of one offence of that type drawn from England and Wales's mix. A local
// mix with more serious offences than the national one is understated, and the reverse; subgroups
// with a national count of 0 everywhere in a type fall back to the plain mean of their weights.
// Anti-social behaviour is not a crime and has no CCHI weight: it is left out of harm.
// File format: CSV with a header naming the columns category (the police.uk crime type, exact
// spelling), prc_subgroup, cchi_days and national_count_<year>; columns are found by name.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "taxonomy/crime_type.hpp"

namespace csa::stats {

struct CchiSubgroup {
  std::string crime_type;           // police.uk spelling, e.g. "Burglary"
  std::string subgroup;             // Home Office subgroup, e.g. "Residential burglary"
  double days = 0.0;                // CCHI weight: days of imprisonment per offence
  std::int64_t national_count = 0;  // recorded crimes in England and Wales in the file's year
};

// Reads the subgroup file. Throws IoError when it cannot be opened, InputError (with the file,
// line and value) on a missing column, malformed CSV, an unknown or ASB crime type, a weight
// that is not a non-negative number, or a count that is not a non-negative whole number.
std::vector<CchiSubgroup> read_cchi_subgroups(const std::string& path);

// Days per offence by police.uk crime type code (taxonomy::crime_type_code); empty for types with
// no subgroup in the file (always Anti-social behaviour).
using CrimeTypeWeights = std::array<std::optional<double>, taxonomy::kCrimeTypeCount>;

// The national-count-weighted mean described above.
CrimeTypeWeights derive_crime_type_weights(std::span<const CchiSubgroup> subgroups);

}  // namespace csa::stats
