// Trend over years: Poisson regression of yearly counts on the year (log link), fitted by
// iteratively reweighted least squares as R's glm(family = poisson) does.
//     log E[y_i] = b0 + b1 * year_i (+ log population_i, an offset, when populations are given)
// exp(b1) is the rate ratio per year (1.05 = rising 5% a year). Its 95% interval is the Wald
// interval exp(b1 -/+ z * se), as R's confint.default; the series is "rising" when the whole
// interval is above 1, "falling" when below 1, otherwise "no clear trend".
// Over-dispersion: crime counts vary more from year to year than a Poisson model allows (one
// busy night-time economy, a change in recording practice). With yearly district counts in the
// thousands, the pure Poisson standard error calls almost any wobble a trend. By default csa scales
// the standard error by sqrt(phi), phi = max(1, Pearson X^2 / (n - 2)), the quasi-Poisson
// dispersion (McCullagh & Nelder 1989, section 4.5; R's glm(family = quasipoisson)), floored at 1
// so that under-dispersed series keep the Poisson error. With two years there is no residual to
// estimate phi from, and phi = 1.
// Units: years as numbers (2019, 2020 ...; any equally meaningful time unit works), counts in events,
// populations in residents.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "stats/confidence.hpp"

namespace csa::stats {

enum class TrendDirection { falling, no_clear_trend, rising };

struct PoissonTrendOptions {
  double confidence = 0.95;
  bool allow_overdispersion = true;  // quasi-Poisson standard error, phi floored at 1 (see above)
  int max_iterations = 25;           // R's glm.control(maxit = 25)
  double tolerance = 1e-8;           // R's glm.control(epsilon = 1e-8), relative deviance change
};

struct PoissonTrend {
  double slope = 0.0;           // b1, change in log rate per year
  double standard_error = 0.0;  // of b1, including the dispersion factor
  Interval slope_interval;      // Wald, b1 -/+ z * se
  double rate_ratio = 1.0;      // exp(b1): the yearly multiplier of the rate
  Interval rate_ratio_interval;
  double dispersion = 1.0;          // phi actually used
  double pearson_dispersion = 0.0;  // X^2 / (n - 2) before the floor; 0 when n = 2
  double deviance = 0.0;            // residual deviance, as glm reports it
  int iterations = 0;
  // false when the fit did not settle within max_iterations (every event in the last year: the slope
  // is infinite, and glm stops at 25 iterations with a huge standard error) or every count is 0.
  // The direction is then no_clear_trend whatever the interval says.
  bool converged = true;
  TrendDirection direction = TrendDirection::no_clear_trend;
};

// Fits the trend. years and counts have the same length, at least 2, with at least two different
// years; populations, when given, have that length too and are positive. Throws InputError
// otherwise, or for options out of range. All counts 0 is not an error: no_clear_trend, not converged.
PoissonTrend poisson_trend(std::span<const double> years, std::span<const std::int64_t> counts,
                           std::optional<std::span<const double>> populations = std::nullopt,
                           const PoissonTrendOptions& options = {});

}  // namespace csa::stats
