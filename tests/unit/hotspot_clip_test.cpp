// The grid clipped to the area (HotspotSettings::clip, gistar's in_area): cells whose centre is
// outside the boundary are left out of Gi* altogether. Checked by hand on a 3 × 3 grid, against a
// brute-force Gi* over the kept cells only (neighbours found by the distance between centres, the
// spdep formula written out again here), and end to end on a hand-made boundary.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/cells_output.hpp"
#include "hotspot/gistar.hpp"

namespace csa::hotspot {
namespace {

Grid grid_of(int columns, int rows) {
  Grid g;
  g.cell = 100;
  g.columns = columns;
  g.rows = rows;
  g.count.assign(g.size(), 0);
  return g;
}

TEST(HotspotClip, ThreeByThreeRookWithACornerOutsideByHand) {
  // The 3 × 3 values of the Gi* test (north row first: 0 1 0 / 2 6 3 / 0 1 0) with the north-east
  // corner (id 8) outside the area: n = 8, Σx = 13, Σx² = 51, x̄ = 13/8, s² = 51/8 − 169/64 = 239/64.
  // Centre, rook band: W = 5 (the corner is no rook neighbour), Σ w x = 13:
  //   Gi* = (13 − 5·13/8) / (s·√((8·5 − 25)/7)) = (39/8) / ((√239/8)·√(15/7)) = 39 / √(239·15/7).
  // East middle (id 5): neighbours itself 3, west 6, south 0; north (id 8) is outside: W = 3, Σ = 9:
  //   Gi* = (9 − 3·13/8) / (s·√((24 − 9)/7)) = (33/8) / ((√239/8)·√(15/7)) = 33 / √(239·15/7).
  Grid g = grid_of(3, 3);
  std::vector<double> x{0, 1, 0, 2, 6, 3, 0, 1, 0};
  std::vector<char> in(9, 1);
  in[8] = 0;
  auto r = gistar(g, x, 100, in);
  EXPECT_NEAR(r.z[4], 39 / std::sqrt(239 * 15 / 7.0), 1e-12);
  EXPECT_NEAR(r.z[5], 33 / std::sqrt(239 * 15 / 7.0), 1e-12);
  EXPECT_TRUE(std::isnan(r.z[8]));
  EXPECT_TRUE(std::isnan(r.p_adjusted[8]));
  EXPECT_EQ(r.cell_class[8], CellClass::none);
  // The adjustment is over the 8 kept cells, n = 8: BH written out as its definition,
  // q_i = min over p_j >= p_i of p_j × 8 / rank(p_j), capped at 1.
  for (std::size_t i = 0; i < 8; ++i) {
    double q = 1;
    for (std::size_t j = 0; j < 8; ++j) {
      if (r.p[j] < r.p[i]) continue;
      int rank = 0;
      for (std::size_t k = 0; k < 8; ++k) rank += r.p[k] <= r.p[j] ? 1 : 0;
      q = std::min(q, r.p[j] * 8 / rank);
    }
    EXPECT_NEAR(r.p_adjusted[i], q, 1e-12) << "cell " << i;
  }
}

// Gi* over the kept cells by brute force: every pair of kept cells, neighbours when their centres
// are within d, the statistic as spdep's localG (include.self, binary weights).
std::vector<double> brute_gistar(const Grid& g, const std::vector<double>& x, const std::vector<char>& in, double d) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (in[i]) kept.push_back(i);
  }
  const double n = static_cast<double>(kept.size());
  double sum = 0, sum2 = 0;
  for (auto i : kept) sum += x[i], sum2 += x[i] * x[i];
  const double mean = sum / n, s = std::sqrt(sum2 / n - mean * mean);
  std::vector<double> z(g.size(), std::nan(""));
  for (auto i : kept) {
    double local = 0, w = 0;
    for (auto j : kept) {
      const double dx = g.centre_x(g.column_of(i)) - g.centre_x(g.column_of(j));
      const double dy = g.centre_y(g.row_of(i)) - g.centre_y(g.row_of(j));
      if (std::sqrt(dx * dx + dy * dy) <= d + 1e-6) local += x[j], w += 1;
    }
    z[i] = (local - mean * w) / (s * std::sqrt((n * w - w * w) / (n - 1)));
  }
  return z;
}

TEST(HotspotClip, MaskedGiStarEqualsGiStarOverTheKeptCellsAlone) {
  Grid g = grid_of(12, 9);
  std::vector<double> x(g.size());
  std::vector<char> in(g.size());
  for (std::size_t i = 0; i < g.size(); ++i) {
    x[i] = static_cast<double>((i * 7919) % 13);             // uneven counts
    const int c = g.column_of(i), r = g.row_of(i);
    in[i] = (c - 5.5) * (c - 5.5) / 36 + (r - 4) * (r - 4) / 16.0 <= 1 ? 1 : 0;  // an ellipse of cells
  }
  for (double d : {default_band(100), 100.0, 250.0}) {
    auto ours = gistar(g, x, d, in);
    auto theirs = brute_gistar(g, x, in, d);
    for (std::size_t i = 0; i < g.size(); ++i) {
      if (!in[i]) {
        EXPECT_TRUE(std::isnan(ours.z[i])) << i;
      } else {
        EXPECT_NEAR(ours.z[i], theirs[i], 1e-12) << "cell " << i << " band " << d;
      }
    }
  }
}

TEST(HotspotClip, AnalysisDropsTheCellsOutsideAndCountsTheirPoints) {
  // Points over 0..2000 × 0..1000; the area is the triangle (0, 0), (2000, 0), (0, 1000), whose
  // hypotenuse is x + 2y = 2000. 100 m cells: 20 × 10 (+1 row and column for the edge points).
  std::vector<double> x, y;
  for (int i = 0; i < 20; ++i) {
    for (int j = 0; j < 10; ++j) {
      x.push_back(50 + 100 * i);
      y.push_back(50 + 100 * j);
    }
  }
  x.push_back(2000), y.push_back(1000);  // the far corner: on the extent's edge, in a cell outside
  std::vector<Shape> clip{Shape{{{{0, 0}, {2000, 0}, {0, 1000}}}}};
  HotspotSettings s;
  s.cell_size = 100;
  s.clip = &clip;
  auto r = analyse_hotspots(x, y, s);
  ASSERT_EQ(r.grid.columns, 21);
  ASSERT_EQ(r.grid.rows, 11);
  // Kept by hand: centres (50 + 100 i, 50 + 100 j) with x + 2y < 2000, i.e. 100 i + 200 j < 1850,
  // i + 2 j <= 18 (as integers, i + 2j < 18.5): for j = 0..9, i = 0..18 − 2j, so 19 + 17 + … + 1 = 100.
  EXPECT_EQ(r.cells_kept(), 100);
  EXPECT_EQ(r.cells_dropped, 21 * 11 - 100);
  EXPECT_EQ(r.points_dropped, 201 - 100);  // one point per kept cell; the rest (and the corner) dropped
  // Every kept cell holds exactly one point, so over the kept cells alone the counts do not vary
  // (s = 0) and Gi* is undefined everywhere: had a dropped cell (0 or 2 points) been counted, s > 0.
  std::size_t with_z = 0;
  for (double z : r.gi.z) with_z += std::isnan(z) ? 0 : 1;
  EXPECT_EQ(with_z, 0u);
  // cells.csv has one row per kept cell.
  auto path = std::filesystem::temp_directory_path() / "csa_hotspot_clip_cells.csv";
  write_cells_csv(path, r);
  std::ifstream f(path);
  std::string line;
  int rows = -1;
  while (std::getline(f, line)) ++rows;
  EXPECT_EQ(rows, 100);
  std::filesystem::remove(path);
}

TEST(HotspotClip, TooFewCellsInsideIsAnError) {
  std::vector<double> x{0, 1000}, y{0, 1000};
  std::vector<Shape> clip{Shape{{{{0, 0}, {90, 0}, {90, 90}, {0, 90}}}}};  // holds one 100 m centre
  HotspotSettings s;
  s.cell_size = 100;
  s.kde = false;
  s.clip = &clip;
  EXPECT_THROW(analyse_hotspots(x, y, s), InputError);
}

}  // namespace
}  // namespace csa::hotspot
