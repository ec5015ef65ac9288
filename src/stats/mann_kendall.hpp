// Mann-Kendall test for a monotonic trend: a rank-based alternative to the Poisson regression
// slope that assumes no distribution and no straight line, only "later values tend to be higher"
// (Mann 1945; Kendall 1975; the statistic of R's trend::mk.test).
//     S = sum over i < j of sign(x_j - x_i)
//     Var(S) = [n(n-1)(2n+5) - sum over tie groups of t(t-1)(2t+5)] / 18
//     z = (S - 1)/sqrt(Var S) if S > 0,  (S + 1)/sqrt(Var S) if S < 0,  0 if S = 0  (continuity
//         correction)
//     p = 2 (1 - Phi(|z|)), two-sided
// tau_b = S / sqrt((n0 - n1) n0), n0 = n(n-1)/2, n1 = sum over tie groups of t(t-1)/2 (time has no
// ties), as cor(time, x, method = "kendall") in R. The normal approximation is the one trend::mk.test
// uses; it is rough for n < 10 (exact tables exist), so with few years say "indicative".
// Values are taken in time order, one per period (e.g. a yearly series); units do not matter.
#pragma once

#include <cstdint>
#include <span>

#include "stats/poisson_trend.hpp"

namespace csa::stats {

struct MannKendall {
  std::int64_t s = 0;
  double variance = 0.0;  // of S, tie-corrected
  double z = 0.0;
  double p_value = 1.0;  // two-sided
  double tau_b = 0.0;    // Kendall's tau-b between time and value; 0 when every value is tied
  TrendDirection direction = TrendDirection::no_clear_trend;  // by the sign of S when p < alpha
};

// Throws InputError for fewer than 3 values, a value that is not finite, or alpha outside (0, 1).
MannKendall mann_kendall(std::span<const double> values, double alpha = 0.05);

}  // namespace csa::stats
