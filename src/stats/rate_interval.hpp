// Confidence intervals for a count of events treated as Poisson, and for the rate it gives per
// 1,000 or per 100,000 residents.
// Exact (Garwood 1936) limits, the default: for k events at confidence 1 - a,
//     lower = chi2_quantile(a/2; 2k) / 2        (0 when k = 0)
//     upper = chi2_quantile(1 - a/2; 2k + 2) / 2
// (PHE, Technical Guide: Confidence intervals, 2018, Appendix 2, "chi-squared exact method").
// Byar's approximation (Breslow & Day 1987, vol. II; PHE guide Appendix 1), offered because other
// tools print it and it needs no special functions:
//     lower = k (1 - 1/(9k) - z/(3 sqrt k))^3,   upper = (k+1) (1 - 1/(9(k+1)) + z/(3 sqrt(k+1)))^3
// PHE reports it within 0.2% of the exact limits for 10 or more events at 95%; it is poor below
// that and its lower limit can go negative at 99.8% (we clamp it to 0). csa uses the exact limits
// unless asked, as Boost computes them at any count in microseconds.
// The population is treated as known exactly (no sampling error); rates inherit the count's limits
// divided by the population.
#pragma once

#include <cstdint>

#include "measure/rate.hpp"
#include "stats/confidence.hpp"

namespace csa::stats {

enum class PoissonIntervalMethod { exact, byar };

// Limits for the expected count behind an observed count (events). Throws InputError on a negative
// count or a confidence outside (0, 1).
Interval poisson_count_interval(std::int64_t count, double confidence = 0.95,
                                PoissonIntervalMethod method = PoissonIntervalMethod::exact);

struct RateInterval {
  double rate = 0.0;  // count * base / population, e.g. crimes per 1,000 residents
  Interval interval;  // the count's limits * base / population
  measure::RateBase base = measure::RateBase::per_1000;
  PoissonIntervalMethod method = PoissonIntervalMethod::exact;
};

// The rate per `base` residents with its interval. Throws InputError on a negative count, a
// population that is not positive, or a confidence outside (0, 1).
RateInterval rate_interval(std::int64_t count, std::int64_t population,
                           measure::RateBase base = measure::RateBase::per_1000, double confidence = 0.95,
                           PoissonIntervalMethod method = PoissonIntervalMethod::exact);

}  // namespace csa::stats
