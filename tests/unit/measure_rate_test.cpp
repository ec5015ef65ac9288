#include <gtest/gtest.h>

#include "core/error.hpp"
#include "measure/rate.hpp"

namespace csa::measure {
namespace {

TEST(MeasureRate, PerThousandToOneDecimal) {
  EXPECT_EQ(format_rate(4721, 136000), "34.7");  // 34.713
  EXPECT_EQ(format_rate(294, 147000), "2.0");    // 2.0000: trailing zero kept
  EXPECT_EQ(format_rate(0, 147000), "0.0");
}

TEST(MeasureRate, ExactTieRoundsAwayFromZero) {
  EXPECT_EQ(format_rate(1125, 100000), "11.3");  // 11.25 exactly
  EXPECT_EQ(format_rate(1124, 100000), "11.2");
  EXPECT_EQ(format_rate(11, 800), "13.8");  // 13.75 exactly
}

TEST(MeasureRate, PerHundredThousandAndOtherDecimals) {
  EXPECT_EQ(format_rate(3, 147350, RateBase::per_100000), "2.0");  // 2.036
  EXPECT_EQ(format_rate(7, 147350, RateBase::per_100000), "4.8");  // 4.7506
  EXPECT_EQ(format_rate(7, 147350, RateBase::per_100000, 2), "4.75");
  EXPECT_EQ(format_rate(15412, 147350, RateBase::per_1000, 0), "105");
}

TEST(MeasureRate, ExactFraction) {
  const Ratio r = rate(294, 148000, RateBase::per_1000);
  EXPECT_EQ(r.numerator, 294000);
  EXPECT_EQ(r.denominator, 148000);
  EXPECT_NEAR(r.to_double(), 1.98649, 1e-5);
}

TEST(MeasureRate, RejectsNonPositivePopulationAndNegativeCount) {
  EXPECT_THROW(format_rate(1, 0), InputError);
  EXPECT_THROW(format_rate(1, -100), InputError);
  EXPECT_THROW(format_rate(-1, 100), InputError);
}

}  // namespace
}  // namespace csa::measure
