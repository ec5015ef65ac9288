#include <gtest/gtest.h>

#include "core/error.hpp"
#include "measure/change.hpp"

namespace csa::measure {
namespace {

std::string percent_and_volume(std::int64_t earlier, std::int64_t later,
                               const PercentVolumeStyle& style = {}) {
  return format_percent_and_volume(compute_change(earlier, later), style);
}

std::string cadet(std::int64_t earlier, std::int64_t later) {
  return format_cadet_percent(compute_change(earlier, later));
}

TEST(MeasureChange, ComputesDiffAndExactPercent) {
  const Change c = compute_change(2095, 2772);
  EXPECT_EQ(c.earlier, 2095);
  EXPECT_EQ(c.later, 2772);
  EXPECT_EQ(c.diff, 677);
  ASSERT_TRUE(c.percent.has_value());
  EXPECT_EQ(c.percent->numerator, 67700);
  EXPECT_EQ(c.percent->denominator, 2095);
  EXPECT_NEAR(c.percent->to_double(), 32.3150, 1e-4);
}

TEST(MeasureChange, ZeroBaseHasNoPercent) {
  const Change c = compute_change(0, 2);
  EXPECT_EQ(c.diff, 2);
  EXPECT_FALSE(c.percent.has_value());
}

TEST(MeasureChange, RejectsNegativeCounts) {
  EXPECT_THROW(compute_change(-1, 3), InputError);
  EXPECT_THROW(compute_change(3, -1), InputError);
}

TEST(MeasurePercentVolume, SignedWholePercentAndVolume) {
  EXPECT_EQ(percent_and_volume(2095, 2772), "+32% (+677)");
  EXPECT_EQ(percent_and_volume(1198, 703), "-41% (-495)");
  EXPECT_EQ(percent_and_volume(3, 10), "+233% (+7)");
  EXPECT_EQ(percent_and_volume(16, 66), "+313% (+50)");  // 312.5% (PRIMER section 3)
}

TEST(MeasurePercentVolume, ExactTieRoundsAwayFromZero) {
  EXPECT_EQ(percent_and_volume(8, 13), "+63% (+5)");    // 62.5%
  EXPECT_EQ(percent_and_volume(8, 3), "-63% (-5)");     // -62.5%
  EXPECT_EQ(percent_and_volume(200, 199), "-1% (-1)");  // -0.5%
}

TEST(MeasurePercentVolume, PercentRoundingToZeroIsUnsigned) {
  EXPECT_EQ(percent_and_volume(1255, 1258), "0% (+3)");
  EXPECT_EQ(percent_and_volume(15466, 15412), "0% (-54)");
}

TEST(MeasurePercentVolume, ZeroChangeTextIsConfigurable) {
  EXPECT_EQ(percent_and_volume(1238, 1238), "0% (0)");
  EXPECT_EQ(percent_and_volume(2, 2, {std::string(kNoChangeText)}), "No Change");
}

TEST(MeasurePercentVolume, ZeroBasePrintsOnlyTheVolume) {
  EXPECT_EQ(percent_and_volume(0, 2), "(+2)");
  EXPECT_EQ(percent_and_volume(0, 0), "(0)");
  EXPECT_EQ(percent_and_volume(0, 0, {std::string(kNoChangeText)}), "(0)");
}

TEST(MeasurePercentVolume, PiecesFormatOnTheirOwn) {
  EXPECT_EQ(format_signed_volume(60), "+60");
  EXPECT_EQ(format_signed_volume(-276), "-276");
  EXPECT_EQ(format_signed_volume(0), "0");
  EXPECT_EQ(format_whole_percent_change(Ratio{-49, 100}), "0%");
  EXPECT_EQ(format_whole_percent_change(Ratio{-50, 100}), "-1%");
  EXPECT_EQ(format_whole_percent_change(Ratio{50, 100}), "+1%");
}

// Values from seed 003 lines 586-621 and seed 000 lines 3196-3325.
TEST(MeasureCadetPercent, OneDecimalWithSpacedSign) {
  EXPECT_EQ(cadet(7416, 8257), "+ 11.3%");  // seed 003 line 586
  EXPECT_EQ(cadet(8, 0), "- 100.0%");       // seed 003 line 594
  EXPECT_EQ(cadet(10, 8), "- 20.0%");       // seed 003 line 604
  EXPECT_EQ(cadet(1, 3), "+ 200.0%");       // seed 003 line 621
  EXPECT_EQ(cadet(17, 43), "+ 152.9%");     // seed 003 line 592
  EXPECT_EQ(cadet(613, 490), "- 20.1%");    // seed 003 line 609
}

TEST(MeasureCadetPercent, TieAtOneDecimalRoundsAwayFromZero) {
  EXPECT_EQ(cadet(80, 89), "+ 11.3%");  // 11.25%
  EXPECT_EQ(cadet(80, 71), "- 11.3%");  // -11.25%
  EXPECT_EQ(cadet(80, 91), "+ 13.8%");  // 13.75%
}

TEST(MeasureCadetPercent, SignFollowsTheCountChange) {
  EXPECT_EQ(cadet(5000, 5002), "+ 0.0%");  // seed 000 line 3244: +2 on a large base (0.04%)
  EXPECT_EQ(cadet(5000, 4998), "- 0.0%");
  EXPECT_EQ(cadet(4000, 4002), "+ 0.1%");  // 0.05%: tie -> away
  EXPECT_EQ(cadet(4000, 4000), "+ 0.0%");  // no seed example; same sign rule
}

TEST(MeasureCadetPercent, ZeroBaseIsNoCalc) {
  EXPECT_EQ(cadet(0, 42), "No Calc");  // seed 003 line 591
  EXPECT_EQ(cadet(0, 0), "No Calc");   // seed 000 line 3208
}

TEST(MeasurePlainChange, MinusSignOnly) {
  EXPECT_EQ(format_plain_change(compute_change(114, 131)), "17");
  EXPECT_EQ(format_plain_change(compute_change(161, 123)), "-38");
  EXPECT_EQ(format_plain_change(compute_change(21, 21)), "0");
  EXPECT_EQ(format_plain_change(compute_change(0, 42)), "42");
}

}  // namespace
}  // namespace csa::measure
