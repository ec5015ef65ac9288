// Hidden prevalence: how many residents a survey says are victims, against what the police record.
// Why: police data counts what is reported; for domestic abuse and sexual offences most is not.
// Seed 000 (lines 764-778) applies the Crime Survey for England and Wales prevalence (8.5% of women
// and 4.5% of men aged 16-59 victims of domestic abuse in a year) to Cambridge's population: 4,531
// women and 2,525 men, 7,056 in all, of which 1,716 police incidents are "as little as 24%".
// Method: for each group g (sex, optionally age band) with survey prevalence p_g and population N_g,
//     victims_g = p_g * N_g,   victims = sum_g victims_g.
// When the survey gives a standard error se_g for p_g (the CSEW's published SEs include its design
// effect), the group's interval is N_g (p_g -/+ z se_g); when it gives an interval instead, that
// interval times N_g is used as published and its half-width / z stands in for se_g in the total.
// The total's interval is victims -/+ z sqrt(sum_g (N_g se_g)^2): groups are different respondents,
// so their sampling errors are treated as independent. Populations are treated as exact.
// The police share is police count / victims, with the interval police / upper .. police / lower.
// Caveats for the text: the survey's prevalence is national (or regional), not local; the seed mixes
// a 16-59 prevalence with a 16+ population; police incidents are not victims (one victim can have
// many incidents), so the share is a rough scale, not a rate.
// Units: prevalence as a fraction 0..1 (8.5% is 0.085); populations in residents; victims in people.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "stats/confidence.hpp"

namespace csa::stats {

struct PrevalenceGroup {
  std::string label;        // "Women 16-59"
  double prevalence = 0.0;  // fraction of the group who are victims in the period, 0..1
  std::int64_t population = 0;
  std::optional<double> standard_error;         // of the prevalence, as a fraction
  std::optional<Interval> prevalence_interval;  // the survey's interval for the prevalence, fractions
};

struct GroupVictims {
  std::string label;
  double victims = 0.0;              // prevalence * population, unrounded
  std::optional<Interval> interval;  // when the group has a standard error or an interval
};

struct VictimEstimate {
  std::vector<GroupVictims> groups;  // in input order
  double victims = 0.0;              // sum over groups, unrounded
  std::optional<Interval> interval;  // only when every group has a standard error or an interval
};

// Throws InputError for a prevalence outside 0..1 (naming the group, and suggesting 0.085 for 8.5%),
// a negative population, a negative or non-finite standard error, an interval outside 0..1 or not
// containing the prevalence, or a confidence outside (0, 1). The survey's intervals are taken to be
// at `confidence`.
VictimEstimate estimate_victims(std::span<const PrevalenceGroup> groups, double confidence = 0.95);

struct PoliceShare {
  double share = 0.0;                // police count / estimated victims
  std::optional<Interval> interval;  // police / upper .. police / lower; upper +infinity when lower is 0
};

// nullopt when the estimate is 0 victims. Throws InputError for a negative police count.
std::optional<PoliceShare> police_share(std::int64_t police_count, const VictimEstimate& estimate);

}  // namespace csa::stats
