#include "stats/funnel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/poisson.hpp>
#include <cmath>

#include "core/error.hpp"

namespace csa::stats {

namespace {

void check_expected(double expected) {
  if (!std::isfinite(expected) || expected < 0.0) {
    throw InputError(
        fmt::format("funnel limits: the expected count {} must be 0 or more; check the target "
                    "rate and the population",
                    expected));
  }
}

// The p-quantile of Poisson(E) as Spiegelhalter defines it: the smallest r with P(Y <= r) >= p.
// Boost's discrete quantile policy integer_round_up returns exactly that integer.
using QuantilePoisson = boost::math::poisson_distribution<
    double, boost::math::policies::policy<
                boost::math::policies::discrete_quantile<boost::math::policies::integer_round_up>>>;

double interpolated_limit(double expected, double p) {
  const QuantilePoisson dist(expected);
  double r = boost::math::quantile(dist, p);
  // Guard against a quantile one step off through rounding in the inverse: enforce the definition.
  while (r > 0.0 && boost::math::cdf(dist, r - 1.0) >= p) r -= 1.0;
  while (boost::math::cdf(dist, r) < p) r += 1.0;
  const double at_r = boost::math::cdf(dist, r);
  const double below_r = r > 0.0 ? boost::math::cdf(dist, r - 1.0) : 0.0;
  const double a = (at_r - p) / (at_r - below_r);
  return std::max(0.0, r - a);
}

}  // namespace

Interval funnel_count_limits(double expected, double confidence) {
  check_expected(expected);
  check_confidence(confidence, "funnel limits");
  if (expected == 0.0) return {0.0, 0.0};
  const double tail = (1.0 - confidence) / 2.0;
  return {interpolated_limit(expected, tail), interpolated_limit(expected, 1.0 - tail)};
}

FunnelPosition funnel_position(std::int64_t observed, double expected, double confidence) {
  if (observed < 0) {
    throw InputError(fmt::format("funnel position: the observed count {} is negative", observed));
  }
  check_expected(expected);
  check_confidence(confidence, "funnel position");
  if (expected == 0.0) return observed == 0 ? FunnelPosition::within : FunnelPosition::above;
  const boost::math::poisson_distribution<double> dist(expected);
  const double cumulative = boost::math::cdf(dist, static_cast<double>(observed));
  const double tail = (1.0 - confidence) / 2.0;
  if (cumulative > 1.0 - tail) return FunnelPosition::above;
  if (cumulative < tail) return FunnelPosition::below;
  return FunnelPosition::within;
}

FunnelPoint funnel_point(std::int64_t observed, std::int64_t population, double target_rate,
                         measure::RateBase base) {
  if (!std::isfinite(target_rate) || target_rate < 0.0) {
    throw InputError(
        fmt::format("funnel: the target rate {} per resident must be 0 or more (e.g. the "
                    "district's count divided by its population)",
                    target_rate));
  }
  FunnelPoint point;
  point.rate = measure::rate(observed, population, base).to_double();  // validates count and population
  const auto pop = static_cast<double>(population);
  const auto per = static_cast<double>(base);
  point.expected = target_rate * pop;
  point.target_rate = target_rate * per;
  const auto to_rate = [&](Interval counts) {
    return Interval{counts.lower / pop * per, counts.upper / pop * per};
  };
  point.limits95 = to_rate(funnel_count_limits(point.expected, 0.95));
  point.limits998 = to_rate(funnel_count_limits(point.expected, 0.998));
  point.at95 = funnel_position(observed, point.expected, 0.95);
  point.at998 = funnel_position(observed, point.expected, 0.998);
  return point;
}

}  // namespace csa::stats
