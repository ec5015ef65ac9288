#include "stats/poisson_trend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/error.hpp"

namespace csa::stats {

namespace {

// Poisson deviance 2 * sum(y log(y / mu) - (y - mu)), with y log y = 0 at y = 0.
double deviance(const std::vector<double>& y, const std::vector<double>& mu) {
  double d = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double term = y[i] > 0.0 ? y[i] * std::log(y[i] / mu[i]) : 0.0;
    d += 2.0 * (term - (y[i] - mu[i]));
  }
  return d;
}

void validate(std::span<const double> years, std::span<const std::int64_t> counts,
              std::optional<std::span<const double>> populations) {
  if (years.size() != counts.size()) {
    throw InputError(
        fmt::format("Poisson trend: {} years but {} counts; give one count per year", years.size(), counts.size()));
  }
  if (populations && populations->size() != counts.size()) {
    throw InputError(fmt::format("Poisson trend: {} populations for {} years; give one population per year or none",
                                 populations->size(), counts.size()));
  }
  if (counts.size() < 2) {
    throw InputError(
        fmt::format("Poisson trend: {} year(s) of data; a trend needs at least 2 (3 or more to "
                    "judge over-dispersion)",
                    counts.size()));
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (!std::isfinite(years[i])) throw InputError(fmt::format("Poisson trend: year {} is not a number", years[i]));
    if (counts[i] < 0) {
      throw InputError(
          fmt::format("Poisson trend: the count for {} is {}; counts must be 0 or more", years[i], counts[i]));
    }
    if (populations && (!std::isfinite((*populations)[i]) || (*populations)[i] <= 0.0)) {
      throw InputError(
          fmt::format("Poisson trend: the population for {} is {}; it must be positive (check the "
                      "population table)",
                      years[i], (*populations)[i]));
    }
  }
  const auto [lo, hi] = std::minmax_element(years.begin(), years.end());
  if (*lo == *hi) {
    throw InputError(
        fmt::format("Poisson trend: every count is for the same year {}; a trend needs at least "
                    "two different years",
                    *lo));
  }
}

}  // namespace

PoissonTrend poisson_trend(std::span<const double> years, std::span<const std::int64_t> counts,
                           std::optional<std::span<const double>> populations, const PoissonTrendOptions& options) {
  validate(years, counts, populations);
  if (options.max_iterations < 1 || !(options.tolerance > 0.0)) {
    throw InputError(
        fmt::format("Poisson trend: {} iterations at tolerance {}; need at least 1 iteration and a "
                    "positive tolerance (defaults 25 and 1e-8, as R's glm)",
                    options.max_iterations, options.tolerance));
  }
  const double z = two_sided_z(options.confidence, "Poisson trend");
  const std::size_t n = counts.size();
  constexpr double kInf = std::numeric_limits<double>::infinity();

  PoissonTrend out;
  if (std::all_of(counts.begin(), counts.end(), [](std::int64_t c) { return c == 0; })) {
    // No events in any year: the log rate is -infinity and there is no slope to estimate.
    out.standard_error = kInf;
    out.slope_interval = {-kInf, kInf};
    out.rate_ratio_interval = {0.0, kInf};
    out.converged = false;
    return out;
  }

  // Centre the years: the slope and its standard error are unchanged, and the 2x2 system stays well
  // conditioned (years near 2020 squared lose digits).
  double mean_year = 0.0;
  for (double yr : years) mean_year += yr;
  mean_year /= static_cast<double>(n);
  std::vector<double> x(n), y(n), offset(n, 0.0), eta(n), mu(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = years[i] - mean_year;
    y[i] = static_cast<double>(counts[i]);
    if (populations) offset[i] = std::log((*populations)[i]);
    mu[i] = y[i] + 0.1;  // glm's starting values for the Poisson family (poisson()$initialize)
    eta[i] = std::log(mu[i]);
  }

  double dev_old = deviance(y, mu);
  double info_intercept = 0.0, info_cross = 0.0, info_slope = 0.0;  // X'WX of the last solve
  out.converged = false;
  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    // One IRLS step: weighted least squares of the working response on (1, x), weights mu.
    double sw = 0.0, swx = 0.0, swxx = 0.0, swz = 0.0, swxz = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double w = mu[i];
      const double zi = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i];
      sw += w;
      swx += w * x[i];
      swxx += w * x[i] * x[i];
      swz += w * zi;
      swxz += w * x[i] * zi;
    }
    const double det = sw * swxx - swx * swx;
    const double b0 = (swxx * swz - swx * swxz) / det;
    const double b1 = (sw * swxz - swx * swz) / det;
    info_intercept = sw;
    info_cross = swx;
    info_slope = swxx;
    for (std::size_t i = 0; i < n; ++i) {
      eta[i] = b0 + b1 * x[i] + offset[i];
      mu[i] = std::exp(eta[i]);
    }
    out.slope = b1;
    out.iterations = iter;
    const double dev = deviance(y, mu);
    // glm.fit's convergence test: relative change in deviance.
    if (std::abs(dev - dev_old) / (std::abs(dev) + 0.1) < options.tolerance) {
      out.converged = true;
      out.deviance = dev;
      break;
    }
    dev_old = dev;
    out.deviance = dev;
  }

  // Var(b1) from the inverse of X'WX with the weights of the last solve, as summary.glm does.
  const double det = info_intercept * info_slope - info_cross * info_cross;
  const double poisson_variance = info_intercept / det;

  double pearson = 0.0;
  for (std::size_t i = 0; i < n; ++i) pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
  const std::size_t residual_df = n - 2;
  out.pearson_dispersion = residual_df > 0 ? pearson / static_cast<double>(residual_df) : 0.0;
  out.dispersion = options.allow_overdispersion && residual_df > 0 ? std::max(1.0, out.pearson_dispersion) : 1.0;

  out.standard_error = std::sqrt(poisson_variance * out.dispersion);
  out.slope_interval = {out.slope - z * out.standard_error, out.slope + z * out.standard_error};
  out.rate_ratio = std::exp(out.slope);
  out.rate_ratio_interval = {std::exp(out.slope_interval.lower), std::exp(out.slope_interval.upper)};
  if (out.converged) {
    if (out.rate_ratio_interval.lower > 1.0) out.direction = TrendDirection::rising;
    if (out.rate_ratio_interval.upper < 1.0) out.direction = TrendDirection::falling;
  }
  return out;
}

}  // namespace csa::stats
