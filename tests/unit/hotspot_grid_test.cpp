// Grid counts (src/hotspot/grid.hpp): the automatic cell-size rule, snapping, edges, errors.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "hotspot/grid.hpp"

namespace csa::hotspot {
namespace {

TEST(HotspotGrid, NiceFloorPicksOneTwoTwoAndAHalfOrFive) {
  EXPECT_DOUBLE_EQ(nice_floor(7), 5);
  EXPECT_DOUBLE_EQ(nice_floor(250), 250);
  EXPECT_DOUBLE_EQ(nice_floor(249), 200);
  EXPECT_DOUBLE_EQ(nice_floor(199), 100);
  EXPECT_DOUBLE_EQ(nice_floor(0.3), 0.25);
  EXPECT_DOUBLE_EQ(nice_floor(1000), 1000);
}

TEST(HotspotGrid, AutomaticCellSizeIsShorterSideOverFiftyRoundedDown) {
  // 8,000 m × 13,000 m (about Cambridge): 8000 / 50 = 160 → 100 m.
  auto size = auto_cell_size(Extent{540000, 252000, 548000, 265000});
  EXPECT_DOUBLE_EQ(size.metres, 100);
  EXPECT_NE(size.rule.find("/ 50"), std::string::npos) << size.rule;
  // 12,600 m shorter side: 252 → 250 m.
  EXPECT_DOUBLE_EQ(auto_cell_size(Extent{0, 0, 20000, 12600}).metres, 250);
  // All points on one line: the longer side is used.
  EXPECT_DOUBLE_EQ(auto_cell_size(Extent{0, 0, 5000, 0}).metres, 100);
  EXPECT_THROW(auto_cell_size(Extent{1, 1, 1, 1}), InputError);
}

TEST(HotspotGrid, GivenCellSizeMustFitTheArea) {
  Extent e{0, 0, 3000, 1000};
  EXPECT_DOUBLE_EQ(given_cell_size(250, e).metres, 250);
  EXPECT_THROW(given_cell_size(1500, e), InputError);  // larger than the 1,000 m side
  EXPECT_THROW(given_cell_size(0, e), InputError);
  EXPECT_THROW(given_cell_size(-5, e), InputError);
}

TEST(HotspotGrid, CellsCoverTheExtentWithTheOriginSnappedToTheCellSize) {
  Extent e{1050, 2020, 1399, 2300};
  Grid g = make_grid(e, 100);
  EXPECT_DOUBLE_EQ(g.x0, 1000);
  EXPECT_DOUBLE_EQ(g.y0, 2000);
  EXPECT_EQ(g.columns, 4);  // 1000..1400 holds 1399
  EXPECT_EQ(g.rows, 4);     // 2000..2400 holds 2300 (on an edge: the cell to its north-east)
  EXPECT_EQ(g.size(), 16U);
  EXPECT_DOUBLE_EQ(g.centre_x(0), 1050);
  EXPECT_DOUBLE_EQ(g.centre_y(3), 2350);
}

TEST(HotspotGrid, CountsEveryPointOnceAndReportsThoseOutside) {
  std::vector<double> x{1050, 1150, 1160, 1399, 1000, 5000};
  std::vector<double> y{2020, 2020, 2099, 2300, 2000, 2000};
  Grid g = make_grid(Extent{1000, 2000, 1399, 2300}, 100);
  auto outside = count_points(g, x, y);
  EXPECT_EQ(outside, 1);  // (5000, 2000)
  EXPECT_EQ(g.count[0], 2);                     // (1050, 2020) and (1000, 2000) on the corner
  EXPECT_EQ(g.count[1], 2);                     // (1150, 2020), (1160, 2099)
  EXPECT_EQ(g.count[3 * 4 + 3], 1);             // (1399, 2300)
  std::int64_t total = 0;
  for (auto c : g.count) total += c;
  EXPECT_EQ(total, 5);
}

TEST(HotspotGrid, ExtentOfNoPointsIsAnInputError) {
  EXPECT_THROW(extent_of({}, {}), InputError);
  auto e = extent_of({3, 1, 2}, {5, 9, 7});
  EXPECT_DOUBLE_EQ(e.xmin, 1);
  EXPECT_DOUBLE_EQ(e.xmax, 3);
  EXPECT_DOUBLE_EQ(e.ymin, 5);
  EXPECT_DOUBLE_EQ(e.ymax, 9);
}

}  // namespace
}  // namespace csa::hotspot
