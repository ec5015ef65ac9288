// Projection of a part year to a full year, as the seeds' "projected counts" (seed 000 line 435):
//     projected = a * b / c
// a = this year to date (the first m months), b = last year's full-year count, c = last year's
// count in the same m months; i.e. this year keeps last year's seasonal shape. Equivalently
// projected = a + R^, where R^ = a * d / c estimates the months still to come, d = b - c.
// Interval: a 95% prediction interval for the year's final total (not for the underlying rate).
// The months already counted are known, so only the remainder R is uncertain. Treating a, c, d
// and the future remainder as independent Poisson counts, the delta method gives
//     Var(total - projected) ~ R^ + R^^2 (1/a + 1/c + 1/d)
// (the first term is the remainder's own Poisson variation, the second the uncertainty of the rate
// and of last year's shape that R^ is built from); the interval is projected -/+ z sqrt(Var), with
// its lower end raised to a (the total cannot fall below what is already counted). The interval
// shrinks to the year-to-date as the year completes, as it should; scaling the year-to-date's own
// Poisson limits by b / c would not. Simulation (tests/fixtures/stats/projection_coverage.R)
// gives 94-95% coverage from about 20 events a month; below 10 events in a, c or d it under-covers,
// so the result carries small_counts. It assumes this year repeats last year's seasonal shape; a
// change of shape (a new recording practice mid-year) is not in the interval.
// Units: counts of events.
#pragma once

#include <cstdint>
#include <optional>

#include "stats/confidence.hpp"

namespace csa::stats {

struct ProjectionOptions {
  double confidence = 0.95;
  std::int64_t small_count = 10;  // flag small_counts when a, c or a non-zero d is below this
};

struct Projection {
  double projected = 0.0;  // a * b / c, events in the full year
  double remainder = 0.0;  // R^ = projected - a
  double standard_error = 0.0;
  Interval interval;  // prediction interval for the full-year total; lower >= a
  bool small_counts = false;
};

// year_to_date = a, last_full_year = b, last_same_months = c. Returns nullopt when c = 0: with no
// events in last year's same months there is no ratio to project with. Throws InputError on a
// negative count, last_same_months > last_full_year, or a confidence outside (0, 1).
std::optional<Projection> project_year(std::int64_t year_to_date, std::int64_t last_full_year,
                                       std::int64_t last_same_months, const ProjectionOptions& options = {});

}  // namespace csa::stats
