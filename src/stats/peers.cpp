#include "stats/peers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "core/error.hpp"
#include "measure/rank.hpp"

namespace csa::stats {

namespace {

std::string match_key(std::string_view name) {
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) name.remove_prefix(1);
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

double area_rate(const PeerArea& area, measure::RateBase base) {
  if (area.count < 0 || area.population <= 0) {
    throw InputError(
        fmt::format("peer comparison: '{}' has {} events in a population of {}; counts must be 0 "
                    "or more and populations positive (check the population table)",
                    area.name, area.count, area.population));
  }
  return measure::rate(area.count, area.population, base).to_double();
}

}  // namespace

PeerComparison compare_with_peers(const PeerArea& subject, std::span<const PeerArea> peers,
                                  measure::RateBase base) {
  std::vector<const PeerArea*> group{&subject};
  const std::string subject_key = match_key(subject.name);
  for (const PeerArea& peer : peers) {
    if (match_key(peer.name) == subject_key) {
      throw InputError(
          fmt::format("peer comparison: '{}' is listed among its own peers; remove it from the "
                      "peer group",
                      subject.name));
    }
    group.push_back(&peer);
  }

  std::vector<double> rates;
  rates.reserve(group.size());
  double sum_rates = 0.0;
  std::int64_t sum_counts = 0, sum_population = 0;
  for (const PeerArea* area : group) {
    rates.push_back(area_rate(*area, base));
    sum_rates += rates.back();
    sum_counts += area->count;
    sum_population += area->population;
  }

  PeerComparison out;
  out.rate = rates[0];
  out.rank = measure::competition_ranks(rates)[0];
  out.of = group.size();
  out.mean_of_rates = sum_rates / static_cast<double>(group.size());
  out.pooled_rate = measure::rate(sum_counts, sum_population, base).to_double();
  const auto [lo, hi] = std::minmax_element(rates.begin(), rates.end());
  // minmax_element returns the first minimum and the LAST maximum; take the first of each.
  const auto first_max = std::find(rates.begin(), rates.end(), *hi);
  out.min_rate = *lo;
  out.max_rate = *hi;
  out.min_name = group[static_cast<std::size_t>(lo - rates.begin())]->name;
  out.max_name = group[static_cast<std::size_t>(first_max - rates.begin())]->name;
  return out;
}

std::vector<std::string> missing_peers(std::span<const std::string> wanted, std::span<const std::string> present) {
  std::unordered_set<std::string> have;
  for (const std::string& name : present) have.insert(match_key(name));
  std::vector<std::string> missing;
  for (const std::string& name : wanted) {
    if (!have.contains(match_key(name))) missing.push_back(name);
  }
  return missing;
}

}  // namespace csa::stats
