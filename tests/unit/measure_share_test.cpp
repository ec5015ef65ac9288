#include <gtest/gtest.h>

#include "core/error.hpp"
#include "measure/share.hpp"

namespace csa::measure {
namespace {

TEST(MeasureShare, WholePercentHalfAwayFromZero) {
  EXPECT_EQ(format_share(2772, 7394), "37%");  // PRIMER: 37% of all acquisitive offences
  EXPECT_EQ(format_share(718, 7394), "10%");   // 9.71%
  EXPECT_EQ(format_share(1, 8), "13%");        // 12.5%: tie -> away
  EXPECT_EQ(format_share(1, 200), "1%");       // 0.5%: tie -> away
  EXPECT_EQ(format_share(1, 201), "0%");
  EXPECT_EQ(format_share(0, 5), "0%");
  EXPECT_EQ(format_share(5, 5), "100%");
}

TEST(MeasureShare, ExactPercentForSorting) {
  const auto p = share_percent(1, 8);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->numerator, 100);
  EXPECT_EQ(p->denominator, 8);
  EXPECT_DOUBLE_EQ(p->to_double(), 12.5);
}

TEST(MeasureShare, ZeroParentHasNoShare) {
  EXPECT_FALSE(share_percent(0, 0).has_value());
  EXPECT_EQ(format_share(0, 0), "-");
}

TEST(MeasureShare, RejectsNegativeCountsAndPartsLargerThanTheParent) {
  EXPECT_THROW(format_share(-1, 5), InputError);
  EXPECT_THROW(format_share(1, -5), InputError);
  EXPECT_THROW(format_share(6, 5), InputError);
  EXPECT_THROW(format_share(1, 0), InputError);
}

}  // namespace
}  // namespace csa::measure
