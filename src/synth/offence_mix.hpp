// Which Home Office offence a synthetic crime is: drawn from the codes that make up its police.uk
// crime type. Two steps, each with its own weights:
//   1. the Home Office subgroup within the police.uk type: for "Violence and sexual offences" the
//      published Cambridge split (golden VAP subgroups and sexual offences, synth/calibration.hpp);
//      for every other type the subgroup's national count of recorded crimes in 2024/25
//      (data/harm/cchi-weights-by-subgroup.csv, national_count_2024_25);
//   2. the code within the subgroup: no published split exists, so a stated rule: a plain offence
//      weighs 1, an attempt 1/4, a distraction or aggravated burglary 1/10; codes marked "(outcome
//      only)" are retired and never drawn.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "offence/offence_codes.hpp"
#include "stats/harm_weights.hpp"
#include "synth/random.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::synth {

struct SubgroupChoice {
  std::string subgroup;           // Home Office subgroup, e.g. "Violence with injury"
  double weight = 0;              // step 1 weight within the police.uk type
  std::vector<std::size_t> codes; // indexes into the code list
  Discrete code_draw;             // step 2
};

class OffenceMix {
 public:
  // Throws InputError when a subgroup of the CCHI file has no drawable code in the list.
  OffenceMix(const offence::OffenceCodeList& codes, const std::vector<stats::CchiSubgroup>& subgroups);

  // An index into the code list for one crime of police.uk type `crime_type` (not ASB).
  std::size_t draw(int crime_type, Rng& rng) const;

  const offence::OffenceCodeList& codes() const { return codes_; }
  const std::vector<SubgroupChoice>& subgroups(int crime_type) const { return by_type_.at(crime_type); }
  // The probability that a crime of this type gets this code (for tests and SYNTHETIC.txt).
  double probability(int crime_type, std::size_t code) const;

  // The rule of step 2: the weight of one code by its description.
  static double code_weight(const std::string& description);

 private:
  const offence::OffenceCodeList& codes_;
  std::array<std::vector<SubgroupChoice>, taxonomy::kCrimeTypeCount> by_type_;
  std::array<Discrete, taxonomy::kCrimeTypeCount> subgroup_draw_;
};

}  // namespace csa::synth
