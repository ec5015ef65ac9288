// figure::hotspot_map: cells coloured by Gi* class, blank cells left out, legend counts, the
// attribution lines, and errors for meaningless input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// History mode (--compare): each cell coloured by its history class, the legend counting them.
TEST(FigureHotspotMap, HistoryModeColoursCellsByTheirHistoryWithALegend) {
  HotspotMapSpec spec;
  spec.text.title = "Test history";
  spec.cell_size = 100;
  spec.mode = HotspotMapMode::history;
  // new, new, persistent, former (no incidents in any period is still drawn: it was hot), never hot
  // with incidents (grey), never hot without (blank).
  spec.cells = {{545050, 258050, 5, 2, 1}, {545150, 258050, 4, 2, 1}, {545250, 258050, 9, 3, 2},
                {545350, 258050, 0, 0, 6}, {545450, 258050, 1, 0, 0}, {545550, 258050, 0, 0, 0}};
  const std::string svg = hotspot_map(spec);
  EXPECT_EQ(occurrences(svg, "class=\"cell\""), 5U);
  for (int h = 1; h <= 6; ++h) {
    for (int k = h + 1; k <= 6; ++k) EXPECT_NE(hotspot_history_colour(h, 1), hotspot_history_colour(k, 1)) << h << " " << k;
  }
  EXPECT_EQ(occurrences(svg, std::string("fill=\"") + std::string(hotspot_history_colour(1, 1)) + "\""), 3U);  // 2 cells + swatch
  EXPECT_EQ(occurrences(svg, std::string("fill=\"") + std::string(hotspot_history_colour(6, 0)) + "\""), 2U);
  for (const char* label : {"New", "Intensifying", "Persistent", "Intermittent", "Diminishing", "Former",
                            "Never hot (with incidents)", "Hot-spot history, 100 m cells"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  // The legend's counts, in its order: new 2, intensifying 0, persistent 1, intermittent 0,
  // diminishing 0, former 1, never hot with incidents 1.
  std::vector<std::string> counts;
  for (auto p = svg.find("class=\"legend-count\""); p != std::string::npos; p = svg.find("class=\"legend-count\"", p + 1)) {
    auto open = svg.find('>', p), close = svg.find('<', open);
    counts.push_back(svg.substr(open + 1, close - open - 1));
  }
  EXPECT_EQ(counts, (std::vector<std::string>{"2", "0", "1", "0", "0", "1", "1"}));
  EXPECT_EQ(svg.find("Getis"), std::string::npos);  // not the Gi* legend
}

// Classes mode (--dual's map): cells coloured by the caller's classes, class 0 not drawn.
TEST(FigureHotspotMap, ClassesModeColoursCellsByTheGivenClasses) {
  HotspotMapSpec spec;
  spec.text.title = "Test rates";
  spec.cell_size = 100;
  spec.mode = HotspotMapMode::classes;
  spec.legend_title = "Incidents per 1,000 residents";
  spec.classes = {{"0.1 to 2.0", "#ffffb2"}, {"2.0 to 9.5", "#bd0026"}};
  spec.cells = {{545050, 258050, 5, 0, 0, 2}, {545150, 258050, 4, 0, 0, 1}, {545250, 258050, 9, 0, 0, 2},
                {545350, 258050, 0, 0, 0, 0}};
  const std::string svg = hotspot_map(spec);
  EXPECT_EQ(occurrences(svg, "class=\"cell\""), 3U);
  EXPECT_EQ(occurrences(svg, "fill=\"#bd0026\""), 3U);  // 2 cells + swatch
  EXPECT_EQ(occurrences(svg, "fill=\"#ffffb2\""), 2U);  // 1 cell + swatch
  std::vector<std::string> counts;
  for (auto p = svg.find("class=\"legend-count\""); p != std::string::npos; p = svg.find("class=\"legend-count\"", p + 1)) {
    auto open = svg.find('>', p), close = svg.find('<', open);
    counts.push_back(svg.substr(open + 1, close - open - 1));
  }
  EXPECT_EQ(counts, (std::vector<std::string>{"1", "2"}));
  EXPECT_NE(svg.find("0.1 to 2.0"), std::string::npos);
  HotspotMapSpec none = spec;
  none.classes.clear();
  EXPECT_THROW(hotspot_map(none), InputError);
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
