// How concentrated crime is across small areas (LSOAs): the share in the top 5% of areas and the
// Gini coefficient. Why: a few streets carry much of a district's crime (Weisburd 2015, "the law
// of crime concentration"); these two numbers say how much, for targeting.
// Callers pass one value per area INCLUDING the areas with no crime, since those are the point.
// Top share: k = ceil(fraction * n) areas (at least 1 for a non-empty list), the k largest values'
// sum divided by the total. 5% of 78 LSOAs is 3.9, so k = 4: rounding up never reports fewer areas
// than the fraction claims to cover. Ties at the boundary do not matter: the sum of the k largest
// values is the same whichever of the tied areas is taken, so only the count k is reported.
// Gini: for values sorted ascending x(1) <= ... <= x(n) with total T,
//     G = 2 sum_i i x(i) / (n T) - (n + 1) / n
// which is R's ineq::Gini(x) (corr = FALSE): 0 when all areas are equal, (n - 1)/n when one area
// has everything.
// Units: counts (or any non-negative amounts); shares as fractions 0..1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace csa::stats {

struct TopShare {
  std::size_t areas = 0;  // k = ceil(fraction * n)
  std::size_t of = 0;     // n
  double share = 0.0;     // fraction of the total in those k areas
};

// nullopt when the list is empty or the total is 0 (no crime to share). Throws InputError for a
// negative value or a fraction outside (0, 1].
std::optional<TopShare> top_share(std::span<const std::int64_t> values, double fraction = 0.05);

// nullopt when the list is empty or the total is 0. Throws InputError for a negative value.
std::optional<double> gini(std::span<const std::int64_t> values);

}  // namespace csa::stats
