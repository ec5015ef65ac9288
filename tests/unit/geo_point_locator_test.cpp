// Point-in-polygon on the 2x2 square wards (tests/fixtures/geo/README.md): inside, outside, and
// every kind of border point, which must go to exactly one ward, the lowest index covering it.
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "geo/boundary_reader.hpp"
#include "geo/point_locator.hpp"

namespace csa::geo {
namespace {

std::string fixture(const std::string& name) { return std::string(CSA_FIXTURES_DIR) + "/geo/" + name; }

class GeoPointLocator : public ::testing::Test {
 protected:
  // Index 0 SW, 1 SE, 2 NW, 3 NE; the squares meet at (0.12, 52.20).
  Boundaries wards_ = read_boundaries(fixture("wards-2x2.geojson"));
  PointLocator locator_{wards_.features};
};

TEST_F(GeoPointLocator, InsideAndOutside) {
  EXPECT_EQ(locator_.size(), 4u);
  EXPECT_EQ(locator_.repaired(), 0u);
  EXPECT_EQ(locator_.locate(0.11, 52.195), 0);
  EXPECT_EQ(locator_.locate(0.13, 52.195), 1);
  EXPECT_EQ(locator_.locate(0.11, 52.205), 2);
  EXPECT_EQ(locator_.locate(0.13, 52.205), 3);
  EXPECT_EQ(locator_.locate(0.15, 52.195), -1);  // east of everything
  EXPECT_EQ(locator_.locate(0.11, 52.18), -1);   // south of everything
  EXPECT_EQ(locator_.locate(-1.0, 53.0), -1);    // far away: no tree candidates at all
}

TEST_F(GeoPointLocator, SharedBorderGoesToLowestIndex) {
  EXPECT_EQ(locator_.locate(0.12, 52.20), 0);    // the corner all four share
  EXPECT_EQ(locator_.locate(0.12, 52.195), 0);   // edge SW | SE
  EXPECT_EQ(locator_.locate(0.11, 52.20), 0);    // edge SW | NW
  EXPECT_EQ(locator_.locate(0.13, 52.20), 1);    // edge SE | NE
  EXPECT_EQ(locator_.locate(0.12, 52.205), 2);   // edge NW | NE
}

TEST_F(GeoPointLocator, OuterBoundaryCounts) {
  // "covers" includes the boundary, so a point on the outer edge is inside its only polygon.
  EXPECT_EQ(locator_.locate(0.10, 52.195), 0);
  EXPECT_EQ(locator_.locate(0.14, 52.21), 3);
  EXPECT_EQ(locator_.locate(0.13, 52.19), 1);
}

TEST_F(GeoPointLocator, NonFiniteCoordinatesAreNowhere) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(locator_.locate(nan, 52.2), -1);
  EXPECT_EQ(locator_.locate(0.11, std::numeric_limits<double>::infinity()), -1);
}

TEST_F(GeoPointLocator, BatchMatchesSingle) {
  const std::vector<double> lon{0.11, 0.13, 0.11, 0.13, 0.12, 0.15, 0.13};
  const std::vector<double> lat{52.195, 52.195, 52.205, 52.205, 52.20, 52.20, 52.20};
  const std::vector<int> got = locator_.locate_all(lon, lat);
  EXPECT_EQ(got, (std::vector<int>{0, 1, 2, 3, 0, -1, 1}));
  EXPECT_THROW(locator_.locate_all({0.1}, {}), InternalError);
  EXPECT_TRUE(locator_.locate_all({}, {}).empty());
}

TEST_F(GeoPointLocator, MovedLocatorStillWorks) {
  PointLocator moved(std::move(locator_));
  EXPECT_EQ(moved.locate(0.13, 52.205), 3);
}

TEST(GeoPointLocatorBuild, EmptyAndBadInput) {
  PointLocator empty(std::vector<BoundaryFeature>{});
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(empty.locate(0.1, 52.1), -1);

  BoundaryFeature bad;
  bad.code = "E05000099";
  bad.name = "Broken";
  bad.wkb = {0x01, 0x03, 0x00};
  try {
    PointLocator locator(std::vector<BoundaryFeature>{bad});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("area E05000099 (Broken)"), std::string::npos) << e.what();
  }
}

// A self-intersecting "bow tie" (two triangles touching at (1, 1)) is invalid; GEOSMakeValid turns
// it into its two triangles, so points in either lobe are found and the crossing point is too.
TEST(GeoPointLocatorBuild, RepairsInvalidPolygon) {
  OGRGeometry* raw = nullptr;
  ASSERT_EQ(OGRGeometryFactory::createFromWkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", nullptr, &raw),
            OGRERR_NONE);
  OGRGeometryUniquePtr bowtie(raw);
  BoundaryFeature f;
  f.code = "E05000098";
  f.name = "Bow tie";
  f.wkb.resize(bowtie->WkbSize());
  bowtie->exportToWkb(wkbNDR, f.wkb.data(), wkbVariantIso);
  PointLocator locator(std::vector<BoundaryFeature>{f});
  EXPECT_EQ(locator.repaired(), 1u);
  EXPECT_EQ(locator.locate(0.2, 1.0), 0);   // left lobe
  EXPECT_EQ(locator.locate(1.8, 1.0), 0);   // right lobe
  EXPECT_EQ(locator.locate(1.0, 1.0), 0);   // the crossing
  EXPECT_EQ(locator.locate(1.0, 0.2), -1);  // below the crossing, between the lobes
}

}  // namespace
}  // namespace csa::geo
