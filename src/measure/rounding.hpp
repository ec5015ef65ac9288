// Exact rounding of a fraction of integers, half away from zero, and fixed-decimal text.
// Why: every printed percent and rate in the seeds rounds half away from zero (62.5% prints 63%,
// seed 002 Table 4), which printf("%.0f") and std::round on doubles do not reproduce reliably
// (glibc rounds exact binary ties to even; 11/80*100 is not exactly 13.75). See
// ../shared/golden/README.md, "Rounding". Units: whatever the fraction is in (percent, per 1,000).
#pragma once

#include <cstdint>
#include <string>

#include "measure/ratio.hpp"

namespace csa::measure {

// The largest number of decimals format_ratio accepts (10^9 keeps the scaling far from overflow for
// real counts; no table prints more than one or two).
inline constexpr int kMaxDecimals = 9;

// numerator / denominator rounded to the nearest integer, halves away from zero (2.5 -> 3,
// -2.5 -> -3, -0.5 -> -1). Any signs. Throws InputError when the denominator is zero or the
// result does not fit (INT64_MIN / -1).
std::int64_t round_half_away(std::int64_t numerator, std::int64_t denominator);
std::int64_t round_half_away(const Ratio& value);

// numerator / denominator to exactly `decimals` places (0..kMaxDecimals), rounded half away from
// zero, trailing zeros kept: 1125/100 at 1 -> "11.3", 2/1 at 1 -> "2.0", -4/10 at 1 -> "-0.4".
// A value that rounds to zero prints without a sign ("0.0", never "-0.0"). No thousands separators.
// Throws InputError on a zero denominator, decimals out of range, or overflow while scaling.
std::string format_ratio(std::int64_t numerator, std::int64_t denominator, int decimals);
std::string format_ratio(const Ratio& value, int decimals);

}  // namespace csa::measure
