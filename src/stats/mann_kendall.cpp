#include "stats/mann_kendall.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <vector>

#include "core/error.hpp"

namespace csa::stats {

MannKendall mann_kendall(std::span<const double> values, double alpha) {
  const std::size_t n = values.size();
  if (n < 3) {
    throw InputError(fmt::format("Mann-Kendall: {} value(s); the test needs at least 3 periods", n));
  }
  if (!(alpha > 0.0 && alpha < 1.0)) {
    throw InputError(fmt::format("Mann-Kendall: significance level {} must be between 0 and 1, e.g. 0.05", alpha));
  }
  for (double v : values) {
    if (!std::isfinite(v)) throw InputError(fmt::format("Mann-Kendall: value {} is not a number", v));
  }

  MannKendall mk;
  // O(n^2) pairs: yearly and monthly series are at most a few hundred long.
  for (std::size_t i = 0; i + 1 < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) mk.s += (values[j] > values[i]) - (values[j] < values[i]);
  }

  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const auto nd = static_cast<double>(n);
  double tie_variance = 0.0;  // sum of t(t-1)(2t+5)
  double tied_pairs = 0.0;    // sum of t(t-1)/2
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && sorted[j] == sorted[i]) ++j;
    const auto t = static_cast<double>(j - i);
    tie_variance += t * (t - 1.0) * (2.0 * t + 5.0);
    tied_pairs += t * (t - 1.0) / 2.0;
    i = j;
  }
  mk.variance = (nd * (nd - 1.0) * (2.0 * nd + 5.0) - tie_variance) / 18.0;

  const auto s = static_cast<double>(mk.s);
  if (mk.s != 0 && mk.variance > 0.0) {
    mk.z = (s > 0 ? s - 1.0 : s + 1.0) / std::sqrt(mk.variance);
  }
  const boost::math::normal standard;
  mk.p_value = std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(standard, std::abs(mk.z))));

  const double pairs = nd * (nd - 1.0) / 2.0;
  const double denominator = std::sqrt((pairs - tied_pairs) * pairs);
  mk.tau_b = denominator > 0.0 ? s / denominator : 0.0;

  if (mk.p_value < alpha) mk.direction = mk.s > 0 ? TrendDirection::rising : TrendDirection::falling;
  return mk;
}

}  // namespace csa::stats
