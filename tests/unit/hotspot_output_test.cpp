// The whole analysis (src/hotspot/analysis.hpp) on generated points, and its files
// (src/hotspot/cells_output.hpp): one CSV row and one GeoJSON square per cell, in the same order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/cells_output.hpp"
#include "hotspot/synthetic.hpp"

namespace csa::hotspot {
namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(HotspotAnalysis, SyntheticClustersComeOutHotAndEveryPointIsCounted) {
  auto pts = synthetic_points(5000, 10000);
  ASSERT_EQ(pts.x.size(), 5000U);
  auto r = analyse_hotspots(pts.x, pts.y, HotspotSettings{});
  // Automatic size: the shorter side is just under 10,000 m, / 50 → 199.9… → 100 m.
  EXPECT_DOUBLE_EQ(r.grid.cell, 100);
  std::int64_t total = 0;
  for (auto c : r.grid.count) total += c;
  EXPECT_EQ(total, 5000);
  int hot = 0;
  for (auto c : r.gi.cell_class) hot += c == CellClass::hot99 ? 1 : 0;
  EXPECT_GT(hot, 10);  // the 10 clusters
  EXPECT_EQ(r.kde.size(), r.grid.size());
  EXPECT_GT(r.bandwidth.metres, 0);
}

TEST(HotspotAnalysis, SameInputSamePoints) {
  auto a = synthetic_points(100, 1000, 7), b = synthetic_points(100, 1000, 7);
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.y, b.y);
}

TEST(HotspotAnalysis, MeaninglessRequestsAreInputErrors) {
  EXPECT_THROW(analyse_hotspots({}, {}, HotspotSettings{}), InputError);
  std::vector<double> x{0, 500, 1000}, y{0, 100, 200};
  HotspotSettings too_big;
  too_big.cell_size = 300;  // the area is 1,000 × 200 m
  EXPECT_THROW(analyse_hotspots(x, y, too_big), InputError);
}

TEST(HotspotOutput, CsvAndGeoJsonHaveOneEntryPerCell) {
  // In central Cambridge: BNG (545000, 258000) plus a few hundred metres.
  constexpr double e0 = 545000, n0 = 258000;
  std::vector<double> x{10, 20, 150, 160, 170, 290}, y{10, 15, 150, 140, 155, 290};
  for (auto& v : x) v += e0;
  for (auto& v : y) v += n0;
  HotspotSettings s;
  s.cell_size = 100;
  auto r = analyse_hotspots(x, y, s);
  ASSERT_EQ(r.grid.size(), 9U);
  auto dir = std::filesystem::temp_directory_path() / "csa_hotspot_output_test";
  std::filesystem::create_directories(dir);
  write_cells_csv(dir / "cells.csv", r);
  const geo::BngProjector projector;
  write_cells_geojson(dir / "cells.geojson", r, projector);

  auto csv = read_all(dir / "cells.csv");
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "cell_id,column,row,x,y,count,kde,gi_z,p,p_adjusted,class");
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("0,0,0,545050,258050,2,", 0), 0U) << line;  // cell 0: centre (545050, 258050), 2 incidents
  int rows = 1;
  while (std::getline(lines, line)) ++rows;
  EXPECT_EQ(rows, 9);

  auto j = nlohmann::json::parse(read_all(dir / "cells.geojson"));
  // RFC 7946: WGS84 lon/lat, no crs member.
  EXPECT_FALSE(j.contains("crs"));
  ASSERT_EQ(j["features"].size(), 9U);
  const auto& centre = j["features"][4];
  EXPECT_EQ(centre["properties"]["count"], 3);
  // The centre cell's ring: SW (545100, 258100), SE, NE (545200, 258200), NW, SW again, in lon/lat.
  const auto& ring = centre["geometry"]["coordinates"][0];
  ASSERT_EQ(ring.size(), 5U);
  const geo::LonLat sw = projector.to_lon_lat(e0 + 100, n0 + 100), ne = projector.to_lon_lat(e0 + 200, n0 + 200);
  EXPECT_NEAR(ring[0][0].get<double>(), sw.lon, 1e-7);
  EXPECT_NEAR(ring[0][1].get<double>(), sw.lat, 1e-7);
  EXPECT_NEAR(ring[2][0].get<double>(), ne.lon, 1e-7);
  EXPECT_NEAR(ring[2][1].get<double>(), ne.lat, 1e-7);
  EXPECT_EQ(ring[4], ring[0]);
  EXPECT_GT(ring[0][0].get<double>(), 0.1);  // Cambridge: about 0.12 E, 52.2 N
  EXPECT_LT(ring[0][0].get<double>(), 0.15);
  EXPECT_GT(ring[0][1].get<double>(), 52.1);
  EXPECT_LT(ring[0][1].get<double>(), 52.3);
  // Counter-clockwise exterior (RFC 7946 §3.1.6): positive shoelace area.
  double area2 = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    area2 += ring[i][0].get<double>() * ring[i + 1][1].get<double>() - ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  }
  EXPECT_GT(area2, 0);
  EXPECT_EQ(centre["properties"]["class"], std::string(cell_class_id(r.gi.cell_class[4])));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace csa::hotspot
