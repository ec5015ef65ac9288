#include "measure/ratio.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::measure {

double Ratio::to_double() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }

std::int64_t checked_multiply(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    throw InputError(
        fmt::format("{} x {} does not fit in a 64-bit integer; the counts are too large "
                    "for exact arithmetic",
                    a, b));
  }
  return product;
}

Ratio make_ratio(std::int64_t numerator, std::int64_t denominator, std::int64_t factor) {
  if (denominator == 0) {
    throw InputError(
        fmt::format("cannot divide {} by zero; the base or parent count must be non-zero", numerator));
  }
  return Ratio{checked_multiply(numerator, factor), denominator};
}

}  // namespace csa::measure
