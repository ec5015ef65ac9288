// Short template sentences for the MO (crimes) and Summary (ASB, DA incidents) columns, so keyword
// classifiers have something to find. Keywords are planted at stated rates (docs/EXTRACTS.md):
//   crime MO: "e-scooter" in 3% of theft, bicycle and vehicle crime; a DA crime names the relation
//   ("partner", "ex-partner", or for the familial quarter "mother", "father", "brother", "sister",
//   "son", "daughter"); night-time economy violence says "outside a bar/club/pub".
//   ASB summary: "e-scooter" 1.26%, youth words ("youths", "teenagers", "group of young people")
//   17.4%, "street drinking" 4%, "begging" 3% (the first two published, seed 002 lines 1744-1750).
#pragma once

#include <string>

#include "synth/random.hpp"

namespace csa::synth {

enum class Relation : std::uint8_t { none, partner, ex_partner, mother, father, brother, sister, son, daughter };
// A DA relation: familial with probability calibration::kDaFamilialShare, else (ex-)partner.
Relation draw_relation(Rng& rng);
const char* relation_word(Relation r);

struct CrimeTextInput {
  int crime_type = 0;           // police.uk code
  std::string description;      // Home Office offence description
  Relation relation = Relation::none;
  bool night_economy = false;
};
std::string crime_mo(const CrimeTextInput& in, Rng& rng);

// ASB summary; category 0 personal, 1 nuisance, 2 environmental.
std::string asb_summary(int category, Rng& rng);

std::string da_incident_summary(Relation relation, bool crimed, Rng& rng);

}  // namespace csa::synth
