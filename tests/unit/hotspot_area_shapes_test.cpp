// Cells by area (src/hotspot/area_shapes.hpp): the scanline that places each grid cell's centre in
// the ward (or district outline) containing it, checked on hand-made boundaries whose answer is
// worked out below, and on the real Cambridge wards against GEOS (geo::PointLocator, "covers" on
// lon/lat), an implementation that shares nothing with the scanline.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"
#include "geo/boundary_reader.hpp"
#include "geo/point_locator.hpp"
#include "geo/projection.hpp"
#include "hotspot/area_shapes.hpp"

namespace csa::hotspot {
namespace {

Shape square_with_hole() {
  // 0..1000 × 0..1000, with a hole 400..600 × 400..600 (the hole's ring runs the other way).
  return Shape{{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}},
                {{400, 400}, {400, 600}, {600, 600}, {600, 400}, {400, 400}}}};
}
Shape triangle() {  // (1000, 0), (2000, 0), (1000, 1000): x + y < 2000 east of x = 1000; ring left open
  return Shape{{{{1000, 0}, {2000, 0}, {1000, 1000}}}};
}

TEST(HotspotAreaShapes, EachCentreGoesToTheShapeThatContainsIt) {
  Grid g = make_grid(Extent{0, 0, 1999, 999}, 100);  // 20 × 10 cells, centres 50, 150, …
  ASSERT_EQ(g.columns, 20);
  ASSERT_EQ(g.rows, 10);
  auto where = locate_cells(g, {square_with_hole(), triangle()});
  ASSERT_EQ(where.size(), 200u);
  int in_a = 0, in_b = 0, out = 0;
  for (std::size_t id = 0; id < g.size(); ++id) {
    const double x = g.centre_x(g.column_of(id)), y = g.centre_y(g.row_of(id));
    // By hand: the square minus its hole; the triangle strictly below its hypotenuse.
    const bool in_hole = x > 400 && x < 600 && y > 400 && y < 600;
    const int expect = x < 1000 ? (in_hole ? -1 : 0) : (x + y < 2000 ? 1 : -1);
    EXPECT_EQ(where[id], expect) << "centre (" << x << ", " << y << ")";
    in_a += where[id] == 0, in_b += where[id] == 1, out += where[id] == -1;
  }
  EXPECT_EQ(in_a, 96);   // 100 cells less the 4 of the hole
  EXPECT_EQ(in_b, 45);   // i + j <= 8 over 10 × 10 centres: 1 + 2 + … + 9
  EXPECT_EQ(out, 59);    // the hole, the triangle's far half and its hypotenuse's 10 centres
}

TEST(HotspotAreaShapes, OverlapGoesToTheFirstShapeAndShapesOffTheGridAreIgnored) {
  Grid g = make_grid(Extent{0, 0, 999, 999}, 250);  // 4 × 4
  Shape whole{{{{-10, -10}, {2000, -10}, {2000, 2000}, {-10, 2000}}}};
  Shape far{{{{50000, 50000}, {51000, 50000}, {51000, 51000}}}};
  auto where = locate_cells(g, {far, square_with_hole(), whole});
  for (std::size_t id = 0; id < g.size(); ++id) {
    const double x = g.centre_x(g.column_of(id)), y = g.centre_y(g.row_of(id));
    // Centres 125, 375, 625, 875: none in the hole (400..600), so all in the square, shape 1.
    EXPECT_EQ(where[id], 1) << x << ", " << y;
  }
  auto none = locate_cells(g, {far});
  EXPECT_EQ(std::count(none.begin(), none.end(), -1), 16);
}

TEST(HotspotAreaShapes, ExtentOfShapes) {
  auto e = extent_of_shapes({square_with_hole(), triangle()});
  EXPECT_DOUBLE_EQ(e.xmin, 0);
  EXPECT_DOUBLE_EQ(e.xmax, 2000);
  EXPECT_DOUBLE_EQ(e.ymax, 1000);
  EXPECT_THROW(extent_of_shapes({}), InputError);
}

// The real Cambridge wards: every centre of a 100 m grid over them placed by the scanline (BNG) and
// by GEOS on lon/lat. The two can differ only for a centre within centimetres of a ward edge (an
// edge straight in degrees is very slightly curved in metres), so at most a handful of cells.
TEST(HotspotAreaShapes, AgreesWithGeosOnTheCambridgeWards) {
  const std::string path = std::string(CSA_SHARED_DIR) + "/data/geography/wards-2025-cambs-peterborough.geojson";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  auto all = geo::read_boundaries(path);
  std::vector<geo::BoundaryFeature> wards;
  for (auto& f : all.features) {
    // Cambridge's wards: the 2025 codes E05013050 … E05013063.
    if (f.code >= "E05013050" && f.code <= "E05013063") wards.push_back(f);
  }
  ASSERT_EQ(wards.size(), 14u);
  std::vector<std::vector<unsigned char>> wkb;
  for (const auto& w : wards) wkb.push_back(w.wkb);
  auto shapes = shapes_from_wkb(wkb);
  Grid g = make_grid(extent_of_shapes(shapes), 100);
  auto ours = locate_cells(g, shapes);

  geo::BngProjector projector;
  std::vector<double> e, n, lon, lat;
  for (std::size_t id = 0; id < g.size(); ++id) {
    e.push_back(g.centre_x(g.column_of(id)));
    n.push_back(g.centre_y(g.row_of(id)));
  }
  projector.to_lon_lat(e, n, lon, lat);
  geo::PointLocator geos(wards);
  auto theirs = geos.locate_all(lon, lat);
  std::size_t inside = 0, differ = 0;
  for (std::size_t id = 0; id < g.size(); ++id) {
    inside += ours[id] >= 0;
    differ += ours[id] != theirs[id];
  }
  EXPECT_GT(inside, 3000u);  // Cambridge is about 40 km²: ~4,000 cells of a hectare
  EXPECT_LE(differ, 3u) << differ << " of " << g.size() << " cells placed differently";
}

}  // namespace
}  // namespace csa::hotspot
