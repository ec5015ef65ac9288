#include <gtest/gtest.h>

#include <vector>

#include "core/error.hpp"
#include "measure/suppression.hpp"

namespace csa::measure {
namespace {

TEST(MeasureSuppression, CountsUnderTheThresholdPrintAsLessThan) {
  EXPECT_EQ(format_count(1), "<5");
  EXPECT_EQ(format_count(4), "<5");
  EXPECT_EQ(format_count(5), "5");  // seed 002 line 1638: Cambridge City 5 printed as 5
  EXPECT_EQ(format_count(1423), "1423");
}

TEST(MeasureSuppression, ZeroIsShownUnlessTheRuleSaysOtherwise) {
  EXPECT_FALSE(is_suppressed(0));
  EXPECT_EQ(format_count(0), "0");
  const SuppressionRule strict{5, true};
  EXPECT_TRUE(is_suppressed(0, strict));
  EXPECT_EQ(format_count(0, strict), "<5");
}

TEST(MeasureSuppression, TextUsesTheConfiguredThreshold) {
  const SuppressionRule ten{10, false};
  EXPECT_EQ(format_count(9, ten), "<10");
  EXPECT_EQ(format_count(10, ten), "10");
  const SuppressionRule none{1, false};
  EXPECT_EQ(format_count(1, none), "1");
  EXPECT_EQ(format_count(0, none), "0");
}

TEST(MeasureSuppression, DerivedFiguresHiddenWhenAnyInputIsSuppressed) {
  EXPECT_TRUE(derived_figure_hidden({3, 58}));  // share of 3 in 58
  EXPECT_TRUE(derived_figure_hidden({13, 4}));  // change 13 -> 4
  EXPECT_FALSE(derived_figure_hidden({13, 5}));
  EXPECT_FALSE(derived_figure_hidden({0, 12}));  // 0 -> 12 is shown by default
  EXPECT_TRUE(derived_figure_hidden({0, 12}, SuppressionRule{5, true}));
  const std::vector<std::int64_t> inputs{36, 2, 58};
  EXPECT_TRUE(derived_figure_hidden(inputs));
  EXPECT_FALSE(derived_figure_hidden(std::vector<std::int64_t>{}));
}

TEST(MeasureSuppression, SuppressedShareIsTheThresholdBound) {
  EXPECT_EQ(format_suppressed_share(58), "<9%");      // seed 002 line 1591: 5/58 = 8.6%
  EXPECT_EQ(format_suppressed_share(62), "<8%");      // seed 002 line 1639: 5/62 = 8.1%
  EXPECT_EQ(format_suppressed_share(150), "<3%");     // seed 002 line 1669: 5/150 = 3.3%
  EXPECT_EQ(format_suppressed_share(40), "<13%");     // 12.5%: tie -> away
  EXPECT_EQ(format_suppressed_share(100000), "<1%");  // never "<0%"
}

TEST(MeasureSuppression, RejectsBadArguments) {
  EXPECT_THROW(is_suppressed(-1), InputError);
  EXPECT_THROW(format_count(3, SuppressionRule{0, false}), InputError);
  EXPECT_THROW(format_suppressed_share(0), InputError);
  EXPECT_THROW(format_suppressed_share(58, SuppressionRule{-5, false}), InputError);
}

}  // namespace
}  // namespace csa::measure
