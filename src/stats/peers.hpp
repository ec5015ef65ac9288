// A district against its peers: rank "k of n" by rate (1 = highest, as iQuanta and seed 003 line
// 191 print "13 of 15"), the group average and the range.
// The group is the subject plus its peers present in the data (n counts the subject). Ranks are
// competition ranks (measure/rank.hpp): tied rates share the better rank.
// Two averages, both returned:
//   * mean of rates: each area counts once, whatever its size, i.e. "the typical area in the
//     group". This is the one to print as "the group average" beside a rank, since the rank also
//     treats every area as one.
//   * pooled rate: sum of counts / sum of populations, i.e. the group as one population; use it as
//     a funnel or test target (stats/funnel.hpp, stats/change_test.hpp).
// The range is the lowest and highest rate in the group, with the areas' names.
// Peers named in the configuration but absent from the data are returned by missing_peers so the
// output can name them ("no data for: Brighton and Hove") rather than drop them silently; the rank
// is then "k of n" over the areas present, and n says so.
// Units: counts of events, populations in residents, rates per `base` residents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "measure/rate.hpp"

namespace csa::stats {

struct PeerArea {
  std::string name;
  std::int64_t count = 0;
  std::int64_t population = 0;
};

struct PeerComparison {
  double rate = 0.0;     // the subject's rate per base
  std::size_t rank = 0;  // 1 = highest rate in the group
  std::size_t of = 0;    // areas in the group, subject included
  double mean_of_rates = 0.0;
  double pooled_rate = 0.0;
  double min_rate = 0.0;
  double max_rate = 0.0;
  std::string min_name;  // first area (input order, subject first) with the lowest rate
  std::string max_name;
};

// The subject against `peers` (which must not include the subject). Throws InputError on a
// negative count, a population that is not positive (naming the area), or a peer with the
// subject's name.
PeerComparison compare_with_peers(const PeerArea& subject, std::span<const PeerArea> peers,
                                  measure::RateBase base = measure::RateBase::per_1000);

// The names in `wanted` with no entry in `present`, in the order of `wanted`. Names match exactly
// after trimming spaces, ignoring ASCII case ("Brighton and Hove" = "Brighton And Hove").
std::vector<std::string> missing_peers(std::span<const std::string> wanted, std::span<const std::string> present);

}  // namespace csa::stats
