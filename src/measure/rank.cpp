#include "measure/rank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>

#include "core/error.hpp"

namespace csa::measure {
namespace {

template <typename T>
std::vector<std::size_t> sorted_indices(std::span<const T> values) {
  if constexpr (std::is_floating_point_v<T>) {
    const auto nan = std::find_if(values.begin(), values.end(), [](T v) { return std::isnan(v); });
    if (nan != values.end()) {
      throw InputError(
          fmt::format("cannot rank value {} (position {}): it is not a number", *nan, nan - values.begin()));
    }
  }
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
  return order;
}

// The competition rank of each position along `order` (the output of sorted_indices).
template <typename T>
std::vector<std::size_t> ranks_along(std::span<const T> values, const std::vector<std::size_t>& order) {
  std::vector<std::size_t> ranks(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const bool tied_with_previous = i > 0 && values[order[i]] == values[order[i - 1]];
    ranks[i] = tied_with_previous ? ranks[i - 1] : i + 1;
  }
  return ranks;
}

template <typename T>
std::vector<std::size_t> ranks_in_input_order(std::span<const T> values) {
  const std::vector<std::size_t> order = sorted_indices(values);
  const std::vector<std::size_t> ranks = ranks_along(values, order);
  std::vector<std::size_t> result(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) result[order[i]] = ranks[i];
  return result;
}

template <typename T>
std::vector<std::size_t> top_indices(std::span<const T> values, std::size_t n) {
  std::vector<std::size_t> order = sorted_indices(values);
  const std::vector<std::size_t> ranks = ranks_along(values, order);
  const auto kept = std::upper_bound(ranks.begin(), ranks.end(), n) - ranks.begin();
  order.resize(static_cast<std::size_t>(kept));
  return order;
}

}  // namespace

std::vector<std::size_t> order_descending(std::span<const double> values) { return sorted_indices(values); }
std::vector<std::size_t> order_descending(std::span<const std::int64_t> values) {
  return sorted_indices(values);
}

std::vector<std::size_t> competition_ranks(std::span<const double> values) {
  return ranks_in_input_order(values);
}
std::vector<std::size_t> competition_ranks(std::span<const std::int64_t> values) {
  return ranks_in_input_order(values);
}

std::vector<std::size_t> top_n_with_ties(std::span<const double> values, std::size_t n) {
  return top_indices(values, n);
}
std::vector<std::size_t> top_n_with_ties(std::span<const std::int64_t> values, std::size_t n) {
  return top_indices(values, n);
}

}  // namespace csa::measure
