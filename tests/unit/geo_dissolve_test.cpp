// geo::dissolve (GEOS union in the native module): checked with OGR, independently of GEOS's
// caller: two unit squares sharing an edge become one polygon of area 2 with no inner edge; two
// apart stay a MultiPolygon of area 2; bytes that are not WKB name the polygon.
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <memory>
#include <vector>

#include "core/error.hpp"
#include "geo/dissolve.hpp"

namespace csa::geo {
namespace {

std::vector<unsigned char> square(double x, double y) {
  OGRPolygon p;
  OGRLinearRing r;
  r.addPoint(x, y);
  r.addPoint(x + 1, y);
  r.addPoint(x + 1, y + 1);
  r.addPoint(x, y + 1);
  r.addPoint(x, y);
  p.addRing(&r);
  std::vector<unsigned char> wkb(static_cast<std::size_t>(p.WkbSize()));
  p.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
  return wkb;
}

std::unique_ptr<OGRGeometry> read(const std::vector<unsigned char>& wkb) {
  OGRGeometry* g = nullptr;
  EXPECT_EQ(OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()), OGRERR_NONE);
  return std::unique_ptr<OGRGeometry>(g);
}

TEST(GeoDissolve, TouchingSquaresBecomeOnePolygon) {
  auto merged = read(dissolve({square(0, 0), square(1, 0)}));
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(wkbFlatten(merged->getGeometryType()), wkbPolygon);
  auto* poly = merged->toPolygon();
  EXPECT_NEAR(poly->get_Area(), 2.0, 1e-12);
  EXPECT_EQ(poly->getNumInteriorRings(), 0);
  // The shared edge is gone: the outline is the 2 x 1 rectangle, perimeter 6.
  EXPECT_NEAR(poly->getExteriorRing()->get_Length(), 6.0, 1e-12);
}

TEST(GeoDissolve, ApartSquaresStayTwoPieces) {
  auto merged = read(dissolve({square(0, 0), square(5, 5)}));
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(wkbFlatten(merged->getGeometryType()), wkbMultiPolygon);
  EXPECT_NEAR(merged->toMultiPolygon()->get_Area(), 2.0, 1e-12);
}

TEST(GeoDissolve, NotWkbNamesThePolygon) {
  try {
    dissolve({square(0, 0), {1, 2, 3}});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("polygon 2 of 2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace csa::geo
