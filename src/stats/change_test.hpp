// Is a change between two periods real? The exact conditional test for two Poisson counts.
// Why: the seeds call a ward going from 11 to 25 offences "+127%" and "notable" without a test, and
// a change from 3 to 6 (+100%) is well within chance. Under "no change in the underlying rate",
// the later count given the total is binomial (Przyborowski & Wilenski 1940; the test R's
// poisson.test runs):
//     k2 | k1 + k2  ~  Binomial(k1 + k2, p0),   p0 = e2 / (e1 + e2),
// where e1, e2 are the exposures of the two periods: populations, numbers of months, or 1 and 1
// when the periods and areas are the same. The two-sided p-value is R's binom.test rule: the sum of
// the probabilities of all outcomes no more likely than the observed one (with R's relative
// tolerance 1 + 1e-7 for ties). The rate ratio's interval is the exact Clopper-Pearson interval
// for p mapped to the ratio, as poisson.test reports it.
// Units: counts are events; exposures any positive unit, the same for both periods.
#pragma once

#include <cstdint>

#include "stats/confidence.hpp"

namespace csa::stats {

struct ChangeTestOptions {
  double alpha = 0.05;       // two-sided significance level (5%)
  double confidence = 0.95;  // for the rate ratio's interval
  // Warn about a small base when the earlier count is below this. Ten follows PHE practice (rates
  // on fewer than 10 events are flagged as unreliable; ONS uses 20 for mortality rates): a percent
  // change on a base under 10 swings by tens of percent with one event. The earlier count is the
  // base of the percent, so it alone decides: 50 -> 2 (-96%) is a sound percent on a sound base, and
  // whether it is chance is the p-value's job, not this warning's.
  std::int64_t small_base = 10;
};

enum class ChangeDirection { decrease, no_change, increase };  // of the rate (count / exposure)

struct ChangeTest {
  std::int64_t before = 0;  // k1, events in the earlier period
  std::int64_t after = 0;   // k2, events in the later period
  double null_share = 0.5;  // p0 = e2 / (e1 + e2): the share of events expected in the later period
  // (k2 / e2) / (k1 / e1); +infinity when k1 = 0 < k2; 1 when both are 0 (no evidence of change).
  double rate_ratio = 1.0;
  Interval rate_ratio_interval;  // exact; upper is +infinity when k1 = 0
  double p_value = 1.0;          // two-sided, exact; 1 when both counts are 0
  bool significant = false;      // p_value < alpha
  bool small_base = false;       // k1 < options.small_base: say "small numbers" beside any percent
  ChangeDirection direction = ChangeDirection::no_change;
};

// Tests k1 (before, exposure e1) against k2 (after, exposure e2). Throws InputError for a negative
// count, an exposure that is not positive and finite, or alpha / confidence outside (0, 1).
ChangeTest test_change(std::int64_t before, std::int64_t after, double exposure_before = 1.0,
                       double exposure_after = 1.0, const ChangeTestOptions& options = {});

// R's binom.test two-sided p-value for x successes in n trials with success probability p
// (0 < p < 1; 0 <= x <= n). n = 0 gives 1. Exposed for tests and for other exact comparisons.
double binomial_two_sided_p(std::int64_t x, std::int64_t n, double p);

}  // namespace csa::stats
