#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "core/error.hpp"
#include "measure/ratio.hpp"
#include "measure/rounding.hpp"

namespace csa::measure {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(MeasureRatio, KeepsTheExactFractionScaledByTheFactor) {
  const Ratio r = make_ratio(11, 80, kPercent);
  EXPECT_EQ(r.numerator, 1100);
  EXPECT_EQ(r.denominator, 80);
  EXPECT_DOUBLE_EQ(r.to_double(), 13.75);
}

TEST(MeasureRatio, RejectsZeroDenominatorAndOverflow) {
  EXPECT_THROW(make_ratio(1, 0), InputError);
  EXPECT_THROW(make_ratio(kMax / 10, 1, 100), InputError);
  EXPECT_THROW(checked_multiply(kMin, -1), InputError);
  EXPECT_EQ(checked_multiply(-3, 7), -21);
}

TEST(MeasureRounding, ExactIntegersAreUnchanged) {
  EXPECT_EQ(round_half_away(10, 5), 2);
  EXPECT_EQ(round_half_away(-10, 5), -2);
  EXPECT_EQ(round_half_away(0, 7), 0);
  EXPECT_EQ(round_half_away(0, -7), 0);
}

TEST(MeasureRounding, HalvesGoAwayFromZeroForEverySign) {
  EXPECT_EQ(round_half_away(625, 10), 63);                   // 62.5: the seed 002 Table 4 tie
  EXPECT_EQ(round_half_away(std::int64_t{5} * 100, 8), 63);  // +5 on 8 is exactly 62.5%
  EXPECT_EQ(round_half_away(-625, 10), -63);
  EXPECT_EQ(round_half_away(625, -10), -63);
  EXPECT_EQ(round_half_away(-625, -10), 63);
  EXPECT_EQ(round_half_away(-1, 2), -1);  // -0.5 -> -1
  EXPECT_EQ(round_half_away(1, 2), 1);
  EXPECT_EQ(round_half_away(5, 2), 3);  // half-to-even would give 2
}

TEST(MeasureRounding, NonTiesGoToTheNearest) {
  EXPECT_EQ(round_half_away(7, 3), 2);      // 2.33
  EXPECT_EQ(round_half_away(8, 3), 3);      // 2.67
  EXPECT_EQ(round_half_away(-7, 3), -2);    // -2.33
  EXPECT_EQ(round_half_away(-8, 3), -3);    // -2.67
  EXPECT_EQ(round_half_away(-35, 100), 0);  // -0.35 (seed 002: -54 on 15466 is -0.35%)
  EXPECT_EQ(round_half_away(49, 100), 0);
  EXPECT_EQ(round_half_away(51, 100), 1);
}

TEST(MeasureRounding, ExtremesDoNotOverflow) {
  EXPECT_EQ(round_half_away(kMax, kMax), 1);
  EXPECT_EQ(round_half_away(kMin, kMin), 1);
  EXPECT_EQ(round_half_away(kMax, 2), kMax / 2 + 1);  // ...3.5 -> away
  EXPECT_EQ(round_half_away(kMin, 2), kMin / 2);      // exact
  EXPECT_EQ(round_half_away(kMax - 1, kMax), 1);
  EXPECT_EQ(round_half_away(1, kMax), 0);
  EXPECT_EQ(round_half_away(kMin, kMax), -1);
  EXPECT_EQ(round_half_away(kMin, 1), kMin);
}

TEST(MeasureRounding, RejectsZeroDenominatorAndUnrepresentableResult) {
  EXPECT_THROW(round_half_away(1, 0), InputError);
  EXPECT_THROW(round_half_away(kMin, -1), InputError);
}

TEST(MeasureRounding, RatioOverloadMatches) { EXPECT_EQ(round_half_away(Ratio{-5, 2}), -3); }

TEST(MeasureFormatRatio, OneDecimalHalfAwayFromZero) {
  EXPECT_EQ(format_ratio(1125, 100, 1), "11.3");  // printf("%.1f", 11.25) prints 11.2
  EXPECT_EQ(format_ratio(-1125, 100, 1), "-11.3");
  EXPECT_EQ(format_ratio(1124, 100, 1), "11.2");
  EXPECT_EQ(format_ratio(1100, 80, 1), "13.8");  // 13.75 exactly
  EXPECT_EQ(format_ratio(1100, 80, 2), "13.75");
}

TEST(MeasureFormatRatio, KeepsTrailingZerosAndLeadingZero) {
  EXPECT_EQ(format_ratio(2, 1, 1), "2.0");
  EXPECT_EQ(format_ratio(3, 1, 3), "3.000");
  EXPECT_EQ(format_ratio(1, 20, 2), "0.05");
  EXPECT_EQ(format_ratio(1, 200, 2), "0.01");  // 0.005 -> away
  EXPECT_EQ(format_ratio(-4, 10, 1), "-0.4");
  EXPECT_EQ(format_ratio(-1, 20, 1), "-0.1");  // -0.05 -> -0.1
}

TEST(MeasureFormatRatio, ZeroDecimalsHasNoPoint) {
  EXPECT_EQ(format_ratio(625, 10, 0), "63");
  EXPECT_EQ(format_ratio(-5, 10, 0), "-1");
  EXPECT_EQ(format_ratio(0, 10, 0), "0");
}

TEST(MeasureFormatRatio, NegativeValuesThatRoundToZeroPrintUnsigned) {
  EXPECT_EQ(format_ratio(-4, 100, 1), "0.0");  // -0.04
  EXPECT_EQ(format_ratio(4, -100, 1), "0.0");
  EXPECT_EQ(format_ratio(-4, 10, 0), "0");
}

TEST(MeasureFormatRatio, NegativeDenominatorsAndRatioOverload) {
  EXPECT_EQ(format_ratio(1125, -100, 1), "-11.3");
  EXPECT_EQ(format_ratio(-1125, -100, 1), "11.3");
  EXPECT_EQ(format_ratio(Ratio{1, 3}, 4), "0.3333");
}

TEST(MeasureFormatRatio, RejectsBadArguments) {
  EXPECT_THROW(format_ratio(1, 0, 1), InputError);
  EXPECT_THROW(format_ratio(1, 1, -1), InputError);
  EXPECT_THROW(format_ratio(1, 1, kMaxDecimals + 1), InputError);
  EXPECT_THROW(format_ratio(kMax / 2, 1, 1), InputError);  // scaling overflows
  EXPECT_EQ(format_ratio(1, 1, kMaxDecimals), "1.000000000");
}

}  // namespace
}  // namespace csa::measure
