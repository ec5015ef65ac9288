#include "measure/rate.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "measure/rounding.hpp"

namespace csa::measure {

Ratio rate(std::int64_t count, std::int64_t population, RateBase base) {
  if (count < 0) throw InputError(fmt::format("rate of {} events: counts cannot be negative", count));
  if (population <= 0) {
    throw InputError(
        fmt::format("rate of {} events in a population of {}: the population must be "
                    "positive; check the population table for this area and year",
                    count, population));
  }
  return make_ratio(count, population, static_cast<std::int64_t>(base));
}

std::string format_rate(std::int64_t count, std::int64_t population, RateBase base, int decimals) {
  return format_ratio(rate(count, population, base), decimals);
}

}  // namespace csa::measure
