#include "stats/projection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace csa::stats {

std::optional<Projection> project_year(std::int64_t year_to_date, std::int64_t last_full_year,
                                       std::int64_t last_same_months, const ProjectionOptions& options) {
  if (year_to_date < 0 || last_full_year < 0 || last_same_months < 0) {
    throw InputError(
        fmt::format("projection: counts {} (year to date), {} (last full year), {} (last year's "
                    "same months) must be 0 or more",
                    year_to_date, last_full_year, last_same_months));
  }
  if (last_same_months > last_full_year) {
    throw InputError(
        fmt::format("projection: last year's same months ({}) exceed last year's full-year count "
                    "({}); the same months are part of that year, so check the two windows",
                    last_same_months, last_full_year));
  }
  const double z = two_sided_z(options.confidence, "projection");
  if (last_same_months == 0) return std::nullopt;

  const auto a = static_cast<double>(year_to_date);
  const auto c = static_cast<double>(last_same_months);
  const auto d = static_cast<double>(last_full_year - last_same_months);
  Projection p;
  p.remainder = a * d / c;
  p.projected = a + p.remainder;
  // R^2 (1/a + 1/c + 1/d) expanded so that a = 0 or d = 0 (R^ = 0) gives 0 rather than 0/0.
  const double rate_terms = a * d * d / (c * c) + a * a * d * d / (c * c * c) + a * a * d / (c * c);
  p.standard_error = std::sqrt(p.remainder + rate_terms);
  p.interval = {std::max(a, p.projected - z * p.standard_error), p.projected + z * p.standard_error};
  const std::int64_t remaining = last_full_year - last_same_months;
  p.small_counts = year_to_date < options.small_count || last_same_months < options.small_count ||
                   (remaining > 0 && remaining < options.small_count);
  return p;
}

}  // namespace csa::stats
