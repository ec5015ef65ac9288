// Synthetic recorded crimes: one per police.uk crime of the area and months (x scale), at its month
// and near its place, with a Home Office offence code drawn from its police.uk type (offence_mix),
// markers at the published or assumed rates (calibration.hpp), dates (timing), victims and
// offenders (people) and an MO (free_text).
#pragma once

#include <cstdint>
#include <vector>

#include "dataset/geography.hpp"
#include "extract/record.hpp"
#include "synth/free_text.hpp"
#include "synth/offence_mix.hpp"
#include "synth/people.hpp"
#include "synth/source_incidents.hpp"

namespace csa::synth {

// What later kinds (DA incidents, hospital records) need to know of each crime.
struct CrimeFacts {
  int lsoa = -1, ward = -1;
  period::Month month;
  std::string subgroup;  // Home Office subgroup of the code
  std::string group;     // Home Office group of the code
  VictimKind victim_kind = VictimKind::general;
  Relation relation = Relation::none;
  bool night_economy = false;
};

struct CrimeSet {
  std::vector<extract::Record> rows;
  std::vector<CrimeFacts> facts;  // same order
  double da_rate_other = 0;       // the DA marker rate given to the eligible non-VAP crimes
  std::int64_t victims = 0, offenders = 0;
};

// How many copies of one source incident at `scale`: floor(scale), plus one more with probability
// scale - floor(scale), so the expected volume is exactly scale times the police.uk count.
std::int64_t copies(double scale, Rng& rng);

CrimeSet generate_crimes(const SourceSet& source, const dataset::Geography& geography, const OffenceMix& mix, double scale,
                         Rng& rng);

// A point moved up to `radius` metres in a uniformly random direction (uniform over the disc).
void jitter(double& easting, double& northing, double radius, Rng& rng);

// A synthetic record at its police.uk incident: within `radius` metres of the snap point, in whole
// metres as forces write them (no coordinates when the incident has none, or when `located` is
// false), with the incident's LSOA and best-fit ward codes.
void place_at(extract::Record& r, const SourceIncident& s, const dataset::Geography& geography, double radius,
              bool located, Rng& rng);

}  // namespace csa::synth
