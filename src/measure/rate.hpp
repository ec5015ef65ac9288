// Rate of events per resident population: per 1,000 residents for common crime and ASB (seeds 001
// Table 1, 002 lines 728-733, 004 Table 5), per 100,000 for rare events. Printed to one decimal,
// half away from zero, trailing zero kept ("2.0"), computed exactly from the integer count and the
// integer population.
// A population <= 0 is an error (InputError), not "n/a": it means the denominator is missing or
// wrong, and a report must not print a rate for it silently. Callers that know a population is
// unavailable print their own text and do not call these functions.
#pragma once

#include <cstdint>
#include <string>

#include "measure/ratio.hpp"

namespace csa::measure {

enum class RateBase : std::int64_t {
  per_1000 = 1'000,
  per_100000 = 100'000,
};

// count * base / population, exact. Throws InputError when the count is negative or the
// population is not positive.
Ratio rate(std::int64_t count, std::int64_t population, RateBase base);

// The rate as printed: format_rate(294, 148000, RateBase::per_1000) == "2.0".
std::string format_rate(std::int64_t count, std::int64_t population, RateBase base = RateBase::per_1000,
                        int decimals = 1);

}  // namespace csa::measure
