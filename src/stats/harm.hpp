// Harm beside volume: counts weighted by Cambridge Crime Harm Index days (stats/harm_weights.hpp).
// Why: shoplifting can outnumber robbery twenty to one while robbery carries 365 days per offence
// against shoplifting's 1; ranking themes by volume alone points resources at the least harmful
// crime. For items i (themes or crime types, not overlapping) with count c_i and weight w_i days:
//     harm_i = c_i w_i (days),  share of harm = harm_i / sum harm,  share of volume = c_i / sum c,
//     harm per 1,000 residents = harm_i * 1000 / population.
// Items without a weight (anti-social behaviour) are not passed in: harm is about crimes, and the
// shares of volume here are shares of the weighted crimes, so the two columns have the same base.
// Every harm figure is derived (see harm_weights.hpp): say so beside it.
// Units: counts in offences, harm in days of imprisonment, shares as fractions 0..1.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "stats/harm_weights.hpp"

namespace csa::stats {

struct HarmItem {
  std::string label;       // a theme or a crime type
  std::int64_t count = 0;  // offences that have a weight
  double harm_days = 0.0;  // sum of count x CCHI days over the item's crime types
};

// The item for a set of crime types (one type, or a theme): counts indexed by taxonomy code, harm
// summed over the set's types. Types without a weight (anti-social behaviour) add to neither the
// count nor the harm, so harm and volume share one base.
HarmItem harm_item(std::string label, const CrimeTypeWeights& weights,
                   std::span<const std::int64_t, taxonomy::kCrimeTypeCount> counts, taxonomy::CrimeTypeSet types);

struct HarmRow {
  std::string label;
  std::int64_t count = 0;
  double harm_days = 0.0;
  double share_of_volume = 0.0;         // of the items' total count; 0 when the total is 0
  double share_of_harm = 0.0;           // of the items' total harm; 0 when the total is 0
  std::optional<double> harm_per_1000;  // when a population is given
};

struct HarmTable {
  std::vector<HarmRow> rows;  // in input order
  std::int64_t total_count = 0;
  double total_harm = 0.0;
  std::optional<double> harm_per_1000;
};

// Throws InputError for a negative count, a negative or non-finite harm, or a population given
// that is not positive.
HarmTable harm_table(std::span<const HarmItem> items, std::optional<std::int64_t> population = std::nullopt);

}  // namespace csa::stats
