// Getis–Ord Gi* (src/hotspot/gistar.hpp) on grids worked by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "hotspot/gistar.hpp"

namespace csa::hotspot {
namespace {

// A grid of `columns` × `rows` 100 m cells with the given values (row 0 = south first).
Grid grid_of(int columns, int rows) {
  Grid g;
  g.cell = 100;
  g.columns = columns;
  g.rows = rows;
  g.count.assign(g.size(), 0);
  return g;
}

TEST(HotspotGiStar, BandOffsets) {
  EXPECT_EQ(band_offsets(100, default_band(100)).size(), 9U);  // queen and itself
  EXPECT_EQ(band_offsets(100, 100).size(), 5U);                // rook and itself
  EXPECT_EQ(band_offsets(100, 200).size(), 13U);               // radius 2 cells
  EXPECT_EQ(band_offsets(100, 50).size(), 1U);
}

TEST(HotspotGiStar, ThreeByThreeRookByHand) {
  // Values (north row first):   0 1 0
  //                             2 6 3
  //                             0 1 0
  // n = 9, Σx = 13, x̄ = 13/9, Σx² = 51, s² = 51/9 − 169/81 = 290/81.
  // Centre, rook band (100 m): W = 5, Σ w x = 6+1+2+3+1 = 13;
  //   Gi* = (13 − 5·13/9) / (s·sqrt((9·5 − 25)/8)) = (52/9) / ((√290/9)·√2.5) = 52/√725 = 1.93123...
  // South-west corner: W = 3, Σ w x = 0+1+2 = 3;
  //   Gi* = (3 − 39/9) / (s·sqrt((27 − 9)/8)) = (−4/3) / (1.5·√290/9) = −8/√290 = −0.46978...
  Grid g = grid_of(3, 3);
  std::vector<double> x{0, 1, 0, 2, 6, 3, 0, 1, 0};
  auto r = gistar(g, x, 100);
  EXPECT_EQ(r.neighbours, 5);
  EXPECT_NEAR(r.z[4], 52 / std::sqrt(725.0), 1e-12);
  EXPECT_NEAR(r.z[0], -8 / std::sqrt(290.0), 1e-12);
  // p two-sided normal: R 2*pnorm(-1.9312315170413394) = 0.0534544...
  EXPECT_NEAR(r.p[4], 0.0534544280569, 1e-12);
}

TEST(HotspotGiStar, FiveByFiveQueenByHand) {
  // A 5 × 5 grid, 0 everywhere but the middle 3 × 3 block: 8 at the centre, 1 around it.
  // n = 25, Σx = 16, x̄ = 0.64, Σx² = 72, s² = 72/25 − 0.64² = 2.4704.
  // Centre, queen band (default): W = 9, Σ w x = 16;
  //   Gi* = (16 − 9·0.64) / (s·sqrt((25·9 − 81)/24)) = 10.24 / (s·√6) = 2.6597492317548252 (R).
  // South-west corner: W = 4 (itself, east, north, north-east), Σ w x = 1;
  //   Gi* = (1 − 4·0.64) / (s·sqrt((100 − 16)/24)) = −1.56 / (s·√3.5) = −0.53052632274616973 (R).
  Grid g = grid_of(5, 5);
  std::vector<double> x(25, 0.0);
  for (int r = 1; r <= 3; ++r) {
    for (int c = 1; c <= 3; ++c) x[static_cast<std::size_t>(r * 5 + c)] = 1;
  }
  x[12] = 8;
  auto r = gistar(g, x);
  EXPECT_EQ(r.neighbours, 9);
  EXPECT_NEAR(r.distance, 100 * std::sqrt(2.0), 1e-9);
  EXPECT_NEAR(r.z[12], 2.6597492317548252, 1e-12);
  EXPECT_NEAR(r.z[0], -0.53052632274616973, 1e-12);
  // By symmetry the four corners agree.
  EXPECT_NEAR(r.z[4], r.z[0], 1e-12);
  EXPECT_NEAR(r.z[24], r.z[0], 1e-12);
}

TEST(HotspotGiStar, ClassesOnTheAdjustedP) {
  EXPECT_EQ(classify(3.0, 0.001), CellClass::hot99);
  EXPECT_EQ(classify(3.0, 0.02), CellClass::hot95);
  EXPECT_EQ(classify(3.0, 0.07), CellClass::hot90);
  EXPECT_EQ(classify(3.0, 0.2), CellClass::none);
  EXPECT_EQ(classify(-3.0, 0.001), CellClass::cold99);
  EXPECT_EQ(classify(-3.0, 0.06), CellClass::cold90);
  EXPECT_EQ(classify(std::nan(""), 0.001), CellClass::none);
  EXPECT_EQ(cell_class_label(CellClass::hot95), "hot (95%)");
  EXPECT_EQ(cell_class_id(CellClass::cold99), "cold99");
}

TEST(HotspotGiStar, ConstantCountsHaveNoStatistic) {
  Grid g = grid_of(4, 4);
  auto r = gistar(g, std::vector<double>(16, 2.0));
  for (std::size_t i = 0; i < 16; ++i) {
    EXPECT_TRUE(std::isnan(r.z[i]));
    EXPECT_EQ(r.cell_class[i], CellClass::none);
  }
}

TEST(HotspotGiStar, ANeighbourhoodThatIsTheWholeGridHasNoStatistic) {
  // 2 × 2 with the queen band: every cell's neighbourhood is all 4 cells, n W − W² = 0.
  auto r = gistar(grid_of(2, 2), {1, 2, 3, 9});
  for (double z : r.z) EXPECT_TRUE(std::isnan(z));
}

TEST(HotspotGiStar, Errors) {
  Grid g = grid_of(4, 4);
  EXPECT_THROW(gistar(g, std::vector<double>(16, 1.0), 50), InputError);  // band narrower than a cell
  EXPECT_THROW(gistar(g, std::vector<double>(3, 1.0)), InternalError);
  EXPECT_THROW(gistar(grid_of(1, 1), {1.0}), InputError);
}

}  // namespace
}  // namespace csa::hotspot
