#include "stats/rate_interval.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>

#include "core/error.hpp"

namespace csa::stats {

namespace {

Interval exact_interval(double k, double confidence) {
  const double tail = (1.0 - confidence) / 2.0;
  Interval out;
  // chi-squared with 0 degrees of freedom is a point mass at 0, which Boost rejects: lower = 0.
  if (k > 0.0) out.lower = boost::math::quantile(boost::math::chi_squared(2.0 * k), tail) / 2.0;
  out.upper = boost::math::quantile(boost::math::complement(boost::math::chi_squared(2.0 * k + 2.0), tail)) / 2.0;
  return out;
}

Interval byar_interval(double k, double z) {
  Interval out;
  if (k > 0.0) {
    const double lower = k * std::pow(1.0 - 1.0 / (9.0 * k) - z / (3.0 * std::sqrt(k)), 3);
    out.lower = std::max(0.0, lower);  // negative for k = 1 at 99.8%: a count cannot be below 0
  }
  const double k1 = k + 1.0;
  out.upper = k1 * std::pow(1.0 - 1.0 / (9.0 * k1) + z / (3.0 * std::sqrt(k1)), 3);
  return out;
}

}  // namespace

Interval poisson_count_interval(std::int64_t count, double confidence, PoissonIntervalMethod method) {
  if (count < 0) {
    throw InputError(
        fmt::format("Poisson interval: the count {} is negative; counts of events must be 0 or more", count));
  }
  const double z = two_sided_z(confidence, "Poisson interval");
  const auto k = static_cast<double>(count);
  return method == PoissonIntervalMethod::exact ? exact_interval(k, confidence) : byar_interval(k, z);
}

RateInterval rate_interval(std::int64_t count, std::int64_t population, measure::RateBase base, double confidence,
                           PoissonIntervalMethod method) {
  // measure::rate validates the count and population with the project's wording.
  const double rate = measure::rate(count, population, base).to_double();
  const Interval counts = poisson_count_interval(count, confidence, method);
  const double scale = static_cast<double>(base) / static_cast<double>(population);
  return RateInterval{rate, {counts.lower * scale, counts.upper * scale}, base, method};
}

}  // namespace csa::stats
