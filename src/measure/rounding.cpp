#include "measure/rounding.hpp"

#include <fmt/format.h>

#include <limits>

#include "core/error.hpp"

namespace csa::measure {
namespace {

// |x| without overflow for INT64_MIN.
std::uint64_t magnitude(std::int64_t x) {
  return x < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
}

std::int64_t power_of_ten(int exponent) {
  std::int64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

// An integer holding value * 10^decimals, printed with the decimal point put back.
std::string format_scaled(std::int64_t scaled, int decimals) {
  const char* sign = scaled < 0 ? "-" : "";
  const std::uint64_t abs_value = magnitude(scaled);
  if (decimals == 0) return fmt::format("{}{}", sign, abs_value);
  const auto unit = static_cast<std::uint64_t>(power_of_ten(decimals));
  return fmt::format("{}{}.{:0{}}", sign, abs_value / unit, abs_value % unit, decimals);
}

}  // namespace

std::int64_t round_half_away(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) {
    throw InputError(fmt::format("cannot round {}/0: the denominator must be non-zero", numerator));
  }
  if (numerator == std::numeric_limits<std::int64_t>::min() && denominator == -1) {
    throw InputError(fmt::format("{}/-1 does not fit in a 64-bit integer", numerator));
  }
  const std::int64_t quotient = numerator / denominator;  // truncated toward zero
  const std::int64_t remainder = numerator % denominator;
  if (remainder == 0) return quotient;
  // Away from zero when the remainder is at least half the denominator: |r| >= |d| - |r| avoids
  // computing 2|r|, which could overflow.
  const std::uint64_t abs_remainder = magnitude(remainder);
  const std::uint64_t abs_denominator = magnitude(denominator);
  if (abs_remainder < abs_denominator - abs_remainder) return quotient;
  const bool negative = (numerator < 0) != (denominator < 0);
  return negative ? quotient - 1 : quotient + 1;
}

std::int64_t round_half_away(const Ratio& value) {
  return round_half_away(value.numerator, value.denominator);
}

std::string format_ratio(std::int64_t numerator, std::int64_t denominator, int decimals) {
  if (decimals < 0 || decimals > kMaxDecimals) {
    throw InputError(fmt::format("cannot print {} decimals; use 0 to {}", decimals, kMaxDecimals));
  }
  const std::int64_t scaled =
      round_half_away(checked_multiply(numerator, power_of_ten(decimals)), denominator);
  return format_scaled(scaled, decimals);
}

std::string format_ratio(const Ratio& value, int decimals) {
  return format_ratio(value.numerator, value.denominator, decimals);
}

}  // namespace csa::measure
