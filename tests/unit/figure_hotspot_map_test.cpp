// figure::hotspot_map: cells coloured by Gi* class, blank cells left out, legend counts, the
// attribution lines, and errors for meaningless input.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "figure/hotspot_map.hpp"

namespace csa::figure {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

HotspotMapSpec three_by_one() {
  HotspotMapSpec spec;
  spec.text.title = "Test hot spots";
  spec.cell_size = 100;
  // In Cambridge (BNG metres): a hot 99% cell, a grey not-significant cell, a blank empty cell.
  spec.cells = {{545050, 258050, 12, 3}, {545150, 258050, 2, 0}, {545250, 258050, 0, 0}};
  return spec;
}

TEST(FigureHotspotMap, DrawsClassedCellsAndLeavesEmptyOnesBlank) {
  const std::string svg = hotspot_map(three_by_one());
  EXPECT_EQ(occurrences(svg, "class=\"cell\""), 2U);
  EXPECT_NE(svg.find(std::string(hotspot_class_colour(3, 12))), std::string::npos);
  EXPECT_NE(svg.find("Contains OS data \u00A9 Crown copyright and database right"), std::string::npos);
  EXPECT_NE(svg.find("Open Government Licence v3.0"), std::string::npos);
  EXPECT_NE(svg.find("class=\"scale-bar\""), std::string::npos);
  EXPECT_EQ(svg.find("Cold spot"), std::string::npos);  // no cold cells, no cold legend rows
}

TEST(FigureHotspotMap, ColoursAreDistinctPerClass) {
  EXPECT_EQ(hotspot_class_colour(0, 0), "");
  EXPECT_NE(hotspot_class_colour(0, 1), "");
  for (int a = -3; a <= 3; ++a)
    for (int b = a + 1; b <= 3; ++b) EXPECT_NE(hotspot_class_colour(a, 1), hotspot_class_colour(b, 1)) << a << " " << b;
}

TEST(FigureHotspotMap, MeaninglessInputIsAnInputError) {
  HotspotMapSpec none = three_by_one();
  none.cells.clear();
  EXPECT_THROW(hotspot_map(none), InputError);
  HotspotMapSpec zero = three_by_one();
  zero.cell_size = 0;
  EXPECT_THROW(hotspot_map(zero), InputError);
  HotspotMapSpec bad = three_by_one();
  bad.wards.push_back({1, 2, 3});
  EXPECT_THROW(hotspot_map(bad), InputError);
}

}  // namespace
}  // namespace csa::figure
