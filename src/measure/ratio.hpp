// An exact fraction of two integer counts, e.g. a percent change (diff * 100 / base) or a rate
// (count * 1,000 / population). Printed figures are rounded from this fraction with integer
// arithmetic (rounding.hpp), never from a double: a double turns 11 * 100 / 80 = 13.75 into
// 13.750000000000002 and printf rounds exact binary ties to even (golden/README.md, "Rounding").
// The fraction is kept unreduced; its units are those of the factor the caller chose (percent,
// per 1,000 residents, ...).
#pragma once

#include <cstdint>

namespace csa::measure {

// The factor that turns a fraction into percent.
inline constexpr std::int64_t kPercent = 100;

struct Ratio {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;  // never zero

  // For sorting and charts only; printed text always comes from the exact fraction.
  [[nodiscard]] double to_double() const;
};

// a * b; throws InputError when the product does not fit in 64 bits.
std::int64_t checked_multiply(std::int64_t a, std::int64_t b);

// numerator * factor / denominator, exactly. Throws InputError when the denominator is zero or
// numerator * factor overflows.
Ratio make_ratio(std::int64_t numerator, std::int64_t denominator, std::int64_t factor = 1);

}  // namespace csa::measure
