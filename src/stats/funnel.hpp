// Funnel plot control limits for area rates around a target rate (Spiegelhalter 2005, "Funnel plots
// for comparing institutional performance", Statistics in Medicine 24:1185-1202; the appendix on
// exact limits for discrete data).
// Why: ranking wards by rate lets the smallest wards top and tail the list by chance; a funnel asks
// whether each ward's count is outside what the district rate would produce in a population of
// that size.
// Method: for an area of population n and a target rate t (events per resident, normally the
// district's own rate), the expected count is E = t * n and the count is Poisson(E) under the
// target. For a tail probability p (0.025 and 0.975 for the 95% limits, 0.001 and 0.999 for
// 99.8%), let r be the p-quantile of Poisson(E): the smallest r with P(Y <= r) >= p. Spiegelhalter's
// interpolation between the discrete steps gives the plotted limit on the count scale
//     limit = r - a,   a = (P(Y <= r) - p) / (P(Y <= r) - P(Y <= r - 1)),
// clamped at 0, and on the rate scale limit / n * base. The interpolation makes the limits smooth
// lines in population, as drawn in PHE's and Spiegelhalter's funnel plots.
// Classification: an observed count O is "above" the limits at a level when O exceeds the upper
// limit, which for whole counts is exactly P(Y <= O) > 0.975 (0.999), and "below" when O is under
// the lower limit, exactly P(Y <= O) < 0.025 (0.001). csa classifies by that cumulative probability
// so the column and the figure always agree and no rounding can move a point across a line.
// Units: counts are events; populations residents; rates per `base` residents.
#pragma once

#include <cstdint>

#include "measure/rate.hpp"
#include "stats/confidence.hpp"

namespace csa::stats {

enum class FunnelPosition { below, within, above };

// Count-scale limits around an expected count: {limit at p = (1 - c)/2, limit at p = (1 + c)/2}.
// E = 0 gives {0, 0}. Throws InputError when E is negative or not finite, or c outside (0, 1).
Interval funnel_count_limits(double expected, double confidence);

// Where an observed count lies against the limits at confidence c (see the header comment).
// With E = 0 a count of 0 is within and any other count above.
FunnelPosition funnel_position(std::int64_t observed, double expected, double confidence);

struct FunnelPoint {
  double expected = 0.0;     // target rate * population, events
  double rate = 0.0;         // observed rate per base
  double target_rate = 0.0;  // per base
  Interval limits95;         // rate-scale limits, per base
  Interval limits998;
  FunnelPosition at95 = FunnelPosition::within;
  FunnelPosition at998 = FunnelPosition::within;
};

// One area on a funnel: `observed` events in `population` residents against a target of
// `target_rate` events per resident (e.g. district count / district population). Throws InputError
// on a negative count, a population that is not positive, or a target rate that is negative or
// not finite.
FunnelPoint funnel_point(std::int64_t observed, std::int64_t population, double target_rate,
                         measure::RateBase base = measure::RateBase::per_1000);

}  // namespace csa::stats
