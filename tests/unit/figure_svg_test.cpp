// The figures' shared pieces: escaping, number text, 1-2-5 ticks, text measuring and wrapping, the
// writer's balance checks, the theme's colours and class breaks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "figure/classes.hpp"
#include "figure/svg.hpp"
#include "figure/text_metrics.hpp"
#include "figure/theme.hpp"
#include "figure_svg_inspect.hpp"

namespace csa::figure {
namespace {

TEST(FigureSvg, EscapesMarkupInTextAndAttributes) {
  EXPECT_EQ(escape_xml("King's Hedges & <Arbury> \"x\""), "King&apos;s Hedges &amp; &lt;Arbury&gt; &quot;x&quot;");
  EXPECT_EQ(escape_xml("Contains OS data \u00A9"), "Contains OS data \u00A9");  // UTF-8 passes through
}

TEST(FigureSvg, CoordinatesHaveAtMostTwoDecimalsAndNoNegativeZero) {
  EXPECT_EQ(coord(12.5), "12.5");
  EXPECT_EQ(coord(3.0), "3");
  EXPECT_EQ(coord(0.254), "0.25");
  EXPECT_EQ(coord(-0.001), "0");
  EXPECT_EQ(coord(-7.126), "-7.13");
  EXPECT_EQ(coord(100), "100");
}

TEST(FigureSvg, ValuesHaveThousandsSeparatorsAndFixedDecimals) {
  EXPECT_EQ(format_value(1234.5, 1), "1,234.5");
  EXPECT_EQ(format_value(1234567, 0), "1,234,567");
  EXPECT_EQ(format_value(999.96, 1), "1,000.0");
  EXPECT_EQ(format_value(-1500, 0), "-1,500");
  EXPECT_EQ(format_value(-0.04, 1), "0.0");
  EXPECT_EQ(format_value(0.25, 2), "0.25");
  EXPECT_EQ(format_value(12, 0), "12");
}

TEST(FigureSvg, TicksFollowOneTwoFive) {
  Ticks t = nice_ticks(0, 1704, 5);
  EXPECT_EQ(t.values, (std::vector<double>{0, 500, 1000, 1500, 2000}));
  EXPECT_EQ(t.step, 500);
  EXPECT_EQ(t.decimals, 0);

  t = nice_ticks(0, 1000, 5);  // an exact fit stays exact
  EXPECT_EQ(t.values, (std::vector<double>{0, 200, 400, 600, 800, 1000}));

  t = nice_ticks(0, 0.7, 4);
  EXPECT_EQ(t.values, (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8}));
  EXPECT_EQ(t.decimals, 1);

  t = nice_ticks(0, 0.3, 3);  // 0.1 × 3 is 0.3 exactly, not 0.30000000000000004
  EXPECT_EQ(t.values, (std::vector<double>{0, 0.1, 0.2, 0.3}));

  t = nice_ticks(-35, 62, 5);  // steps of 20 would need 6 intervals (-40 to 80)
  EXPECT_EQ(t.values, (std::vector<double>{-50, 0, 50, 100}));
}

TEST(FigureSvg, TicksNeverExceedTheIntervalsAskedFor) {
  for (double max : {1.0, 7.0, 13.0, 99.0, 101.0, 299.4, 1704.0, 167962.0}) {
    for (int n : {2, 3, 4, 5, 6, 8}) {
      const Ticks t = nice_ticks(0, max, n);
      EXPECT_LE(static_cast<int>(t.values.size()) - 1, n) << max << " " << n;
      EXPECT_LE(t.min(), 0);
      EXPECT_GE(t.max(), max);
      EXPECT_LT(t.max() - max, t.step) << "one step at most beyond the data";
    }
  }
}

TEST(FigureSvg, TicksOfAFlatRangeStillSpanSomething) {
  EXPECT_EQ(nice_ticks(0, 0, 5).values, (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1}));
  const Ticks t = nice_ticks(40, 40, 4);
  EXPECT_LT(t.min(), 40);
  EXPECT_GT(t.max(), 40);
  EXPECT_THROW(nice_ticks(5, 1, 5), InternalError);
  EXPECT_THROW(nice_ticks(0, 1, 0), InternalError);
}

TEST(FigureSvg, TextWidthUsesArialMetrics) {
  // "Jan 2024" at 13 px: J 500, a 556, n 556, space 278, four digits 556 → 4114/1000 × 13.
  EXPECT_NEAR(text_width("Jan 2024", 13), 4.114 * 13, 1e-9);
  EXPECT_GT(text_width("Market", 13, true), text_width("Market", 13));
  EXPECT_NEAR(text_width("\u00A9", 10), 7.37, 1e-9);  // one code point, not two bytes
}

TEST(FigureSvg, WrapsAtSpacesAndKeepsLongWordsWhole) {
  const auto lines = wrap_text("Crimes per 1,000 residents, year ending December 2025", 13, 150);
  ASSERT_GT(lines.size(), 1u);
  for (const auto& l : lines) EXPECT_LE(text_width(l, 13), 150);
  EXPECT_EQ(wrap_text("Huntingdonshire", 13, 20), (std::vector<std::string>{"Huntingdonshire"}));
  EXPECT_EQ(wrap_text("a\nb", 13, 500), (std::vector<std::string>{"a", "b"}));
}

TEST(FigureSvg, WriterKeepsElementsBalancedAndCarriesTitleAndDesc) {
  SvgWriter svg(100, 50, "A <title>", "A description");
  svg.open("g", {{"fill", "#000"}});
  svg.element("rect", {{"x", 1.5}, {"width", 2}}, "tip & more");
  svg.text(1, 2, "Queen Edith's", {});
  svg.close();
  const std::string out = svg.finish();
  EXPECT_EQ(inspect::unbalanced(out), "");
  EXPECT_NE(out.find("<title>A &lt;title&gt;</title>"), std::string::npos);
  EXPECT_NE(out.find("<desc>A description</desc>"), std::string::npos);
  EXPECT_NE(out.find("viewBox=\"0 0 100 50\""), std::string::npos);
  EXPECT_NE(out.find("font-family=\"Liberation Sans, DejaVu Sans, Arial, sans-serif\""), std::string::npos);
  const auto rects = inspect::find(out, "rect");
  ASSERT_EQ(rects.size(), 2u);  // the background and ours
  EXPECT_EQ(rects[1].tooltip, "tip & more");
  EXPECT_EQ(inspect::find(out, "text")[0].text, "Queen Edith's");
}

TEST(FigureSvg, WriterRejectsAnElementLeftOpen) {
  SvgWriter svg(10, 10, "t", "d");
  svg.open("g");
  EXPECT_THROW(svg.finish(), InternalError);
}

TEST(FigureSvg, IdsDifferBetweenFigures) {
  EXPECT_NE(SvgWriter(1, 1, "Map A", "").id("hatch"), SvgWriter(1, 1, "Map B", "").id("hatch"));
  EXPECT_EQ(SvgWriter(1, 1, "Map A", "").id("hatch"), SvgWriter(1, 1, "Map A", "").id("hatch"));
}

TEST(FigureTheme, PalettesAndTextContrast) {
  EXPECT_EQ(theme::categorical(0), "#0072B2");
  EXPECT_EQ(theme::categorical(7), theme::categorical(0));  // cycles
  for (std::size_t n = 1; n <= 9; ++n) EXPECT_EQ(theme::sequential(n).size(), n);
  EXPECT_THROW(theme::sequential(10), InternalError);
  EXPECT_EQ(theme::text_on("#ffffcc"), theme::text);
  EXPECT_EQ(theme::text_on("#253494"), theme::background);
}

TEST(FigureClasses, QuantileBreaksOfOneToTen) {
  const Classes c = classify({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5, ClassMethod::quantile);
  // Type 7: h = 9p; p = 0.2 → 1 + 1.8 = 2.8, then 4.6, 6.4, 8.2.
  ASSERT_EQ(c.count(), 5u);
  const std::vector<double> expected = {1, 2.8, 4.6, 6.4, 8.2, 10};
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(c.edges[i], expected[i], 1e-12);
  std::vector<int> per_class(5, 0);
  for (int v = 1; v <= 10; ++v) ++per_class[c.class_of(v)];
  EXPECT_EQ(per_class, (std::vector<int>{2, 2, 2, 2, 2}));
  EXPECT_EQ(c.class_of(10), 4u);   // the top edge is in the last class
  EXPECT_EQ(c.class_of(2.8), 1u);  // an edge starts its class
}

TEST(FigureClasses, EqualIntervalsAndTies) {
  const Classes eq = classify({0, 3, 10}, 5, ClassMethod::equal_interval);
  EXPECT_EQ(eq.edges, (std::vector<double>{0, 2, 4, 6, 8, 10}));
  // Four equal values: the quantile breaks between them coincide, leaving fewer classes.
  const Classes tied = classify({3, 3, 3, 3, 9}, 5, ClassMethod::quantile);
  EXPECT_LT(tied.count(), 5u);
  EXPECT_EQ(tied.edges.front(), 3);
  EXPECT_EQ(tied.edges.back(), 9);
  EXPECT_EQ(classify({4, 4}, 5, ClassMethod::quantile).count(), 1u);
}

TEST(FigureClasses, GivenBreaksAreCheckedAgainstTheValues) {
  const Classes c = classify({5, 15, 25}, 0, ClassMethod::given, {0, 10, 20, 30});
  EXPECT_EQ(c.count(), 3u);
  EXPECT_EQ(c.class_of(15), 1u);
  EXPECT_THROW(classify({5, 35}, 0, ClassMethod::given, {0, 10, 20, 30}), InputError);
  EXPECT_THROW(classify({5}, 0, ClassMethod::given, {0, 10, 10}), InputError);
  EXPECT_THROW(classify({}, 5, ClassMethod::quantile), InputError);
  EXPECT_THROW(classify({1, 2}, 12, ClassMethod::quantile), InputError);
}

}  // namespace
}  // namespace csa::figure
