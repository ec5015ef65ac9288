#include "stats/spc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace csa::stats {

std::vector<SpcPoint> spc_exceptions(std::span<const double> monthly, const SpcOptions& options) {
  if (options.baseline_months == 0 || options.min_baseline < 2 || options.min_baseline > options.baseline_months) {
    throw InputError(
        fmt::format("SPC: baseline of {} months with a minimum of {}: need 2 <= minimum <= baseline "
                    "(default 24 and 24)",
                    options.baseline_months, options.min_baseline));
  }
  if (!std::isfinite(options.sigmas) || options.sigmas <= 0.0) {
    throw InputError(
        fmt::format("SPC: {} standard deviations is not a control limit; use a positive number "
                    "such as 3",
                    options.sigmas));
  }
  for (std::size_t i = 0; i < monthly.size(); ++i) {
    if (!std::isfinite(monthly[i])) {
      throw InputError(
          fmt::format("SPC: month {} of the series is {}; every month needs a value", i + 1, monthly[i]));
    }
  }

  std::vector<SpcPoint> points(monthly.size());
  for (std::size_t t = 0; t < monthly.size(); ++t) {
    SpcPoint& p = points[t];
    const std::size_t start = t > options.baseline_months ? t - options.baseline_months : 0;
    p.baseline_size = t - start;
    if (p.baseline_size < options.min_baseline) continue;
    // Two passes over at most N values: exact enough and immune to the cancellation of sum-of-squares.
    double sum = 0.0;
    for (std::size_t i = start; i < t; ++i) sum += monthly[i];
    const auto k = static_cast<double>(p.baseline_size);
    p.mean = sum / k;
    double squares = 0.0;
    for (std::size_t i = start; i < t; ++i) squares += (monthly[i] - p.mean) * (monthly[i] - p.mean);
    p.sd = std::sqrt(squares / (k - 1.0));
    p.upper = p.mean + options.sigmas * p.sd;
    p.lower = p.mean - options.sigmas * p.sd;
    p.flag = monthly[t] > p.upper ? SpcFlag::high : monthly[t] < p.lower ? SpcFlag::low : SpcFlag::within;
  }
  return points;
}

std::optional<std::size_t> highest_since(std::span<const double> series, std::size_t index) {
  if (index >= series.size()) {
    throw InputError(
        fmt::format("highest since: month {} is outside a series of {} months", index + 1, series.size()));
  }
  for (std::size_t i = index; i-- > 0;) {
    if (series[i] >= series[index]) return i;
  }
  return std::nullopt;
}

}  // namespace csa::stats
