#include "stats/concentration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "core/error.hpp"

namespace csa::stats {

namespace {

std::int64_t checked_total(std::span<const std::int64_t> values, std::string_view what) {
  std::int64_t total = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] < 0) {
      throw InputError(
          fmt::format("{}: area {} has a count of {}; counts must be 0 or more", what, i + 1, values[i]));
    }
    total += values[i];
  }
  return total;
}

}  // namespace

std::optional<TopShare> top_share(std::span<const std::int64_t> values, double fraction) {
  if (!(fraction > 0.0 && fraction <= 1.0)) {
    throw InputError(
        fmt::format("top share: fraction {} must be above 0 and at most 1, e.g. 0.05 for the top 5%", fraction));
  }
  const std::int64_t total = checked_total(values, "top share");
  if (values.empty() || total == 0) return std::nullopt;
  const std::size_t n = values.size();
  // ceil(fraction * n), with a relative allowance so that 0.07 * 100 (7.000000000000001 in binary
  // floating point) is 7 areas, not 8.
  const double exact = fraction * static_cast<double>(n);
  auto k = static_cast<std::size_t>(std::ceil(exact - 1e-9 * exact));
  k = std::clamp<std::size_t>(k, 1, n);
  std::vector<std::int64_t> sorted(values.begin(), values.end());
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1), sorted.end(),
                   std::greater<>());
  std::int64_t top = 0;
  for (std::size_t i = 0; i < k; ++i) top += sorted[i];
  return TopShare{k, n, static_cast<double>(top) / static_cast<double>(total)};
}

std::optional<double> gini(std::span<const std::int64_t> values) {
  const std::int64_t total = checked_total(values, "Gini coefficient");
  if (values.empty() || total == 0) return std::nullopt;
  std::vector<std::int64_t> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const auto n = static_cast<double>(sorted.size());
  double weighted = 0.0;  // sum of i * x(i), i from 1
  for (std::size_t i = 0; i < sorted.size(); ++i)
    weighted += static_cast<double>(i + 1) * static_cast<double>(sorted[i]);
  return (2.0 * weighted / static_cast<double>(total) - (n + 1.0)) / n;
}

}  // namespace csa::stats
