// Ranking of areas or categories by a value (count, rate, percent change), highest first.
// Why: the seeds name "the top 3 wards" by count, by rate and by increase, and keep ties (seed 002
// lines 470, 484), and place a district "13 of 15" among its peers with 1st = highest rate (seed 003
// line 191). Ties share the best rank and the next rank skips ("competition" ranking: 1, 2, 2, 4),
// so "top N" can hold more than N entries. Equal values keep their input order, so callers sort
// their rows by a tie-break key (e.g. alphabetically) first. NaN cannot be ranked (InputError).
// Units: none; indices refer to positions in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace csa::measure {

// Indices of `values` from the highest value to the lowest; equal values keep their input order.
std::vector<std::size_t> order_descending(std::span<const double> values);
std::vector<std::size_t> order_descending(std::span<const std::int64_t> values);

// The competition rank of each value, in input order: {10, 9, 9, 5} -> {1, 2, 2, 4}.
std::vector<std::size_t> competition_ranks(std::span<const double> values);
std::vector<std::size_t> competition_ranks(std::span<const std::int64_t> values);

// Indices of the values ranked n or better, highest first, ties at the boundary kept:
// top 3 of {10, 9, 9, 9, 5} is the first four. n = 0 gives none.
std::vector<std::size_t> top_n_with_ties(std::span<const double> values, std::size_t n);
std::vector<std::size_t> top_n_with_ties(std::span<const std::int64_t> values, std::size_t n);

}  // namespace csa::measure
