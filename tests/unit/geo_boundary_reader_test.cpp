// Boundary reading through GDAL: field and level detection, every format (the GeoJSON fixture is
// converted at run time with the GDAL API to Shapefile and GeoPackage, in EPSG:4326 and in British
// National Grid), reprojection back to lon/lat, and the messages for files that cannot be used.
#include <gdal.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "geo/boundary_reader.hpp"
#include "geo/point_locator.hpp"
#include "support/temp_dir.hpp"

namespace csa::geo {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) { return std::string(CSA_FIXTURES_DIR) + "/geo/" + name; }

using csa::testing::TempDir;

// ogr2ogr through the GDAL API: src → dst in the given driver, optionally reprojected.
void translate(const std::string& src, const std::string& dst, const std::string& driver,
               const std::string& t_srs = "") {
  GDALAllRegister();  // the fixtures are written with GDAL directly; registering twice is harmless
  std::vector<std::string> args{"-f", driver};
  if (!t_srs.empty()) {
    args.insert(args.end(), {"-t_srs", t_srs});
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
  ASSERT_NE(opts, nullptr);
  GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  ASSERT_NE(in, nullptr);
  int usage_error = 0;
  GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opts, &usage_error);
  GDALVectorTranslateOptionsFree(opts);
  GDALClose(in);
  ASSERT_NE(out, nullptr) << "GDALVectorTranslate to " << driver << " failed";
  GDALClose(out);
}

// The four squares of wards-2x2.geojson, by index: SW, SE, NW, NE around (0.12, 52.20).
void expect_two_by_two(const Boundaries& b, double tolerance_deg) {
  ASSERT_EQ(b.features.size(), 4u) << b.path;
  EXPECT_EQ(b.code_field, "WD25CD");
  EXPECT_EQ(b.name_field, "WD25NM");
  EXPECT_EQ(b.level, AreaLevel::ward);
  const char* codes[] = {"E05000011", "E05000012", "E05000013", "E05000014"};
  const char* names[] = {"South West", "South East", "North West", "North East"};
  const double min_lon[] = {0.10, 0.12, 0.10, 0.12};
  const double min_lat[] = {52.19, 52.19, 52.20, 52.20};
  for (std::size_t i = 0; i < 4; ++i) {
    const BoundaryFeature& f = b.features[i];
    EXPECT_EQ(f.code, codes[i]);
    EXPECT_EQ(f.name, names[i]);
    EXPECT_FALSE(f.wkb.empty());
    EXPECT_NEAR(f.bbox.min_lon, min_lon[i], tolerance_deg) << b.path << " feature " << i;
    EXPECT_NEAR(f.bbox.min_lat, min_lat[i], tolerance_deg) << b.path << " feature " << i;
    EXPECT_NEAR(f.bbox.max_lon, min_lon[i] + 0.02, tolerance_deg) << b.path << " feature " << i;
    EXPECT_NEAR(f.bbox.max_lat, min_lat[i] + 0.01, tolerance_deg) << b.path << " feature " << i;
  }
  // Interior points, well away from the borders, land in the right square whatever the format.
  PointLocator locator(b.features);
  EXPECT_EQ(locator.locate(0.11, 52.195), 0);
  EXPECT_EQ(locator.locate(0.13, 52.195), 1);
  EXPECT_EQ(locator.locate(0.11, 52.205), 2);
  EXPECT_EQ(locator.locate(0.13, 52.205), 3);
  EXPECT_EQ(locator.locate(0.15, 52.205), -1);
}

TEST(GeoBoundaryReader, GeoJsonInCrs84) {
  const Boundaries b = read_boundaries(fixture("wards-2x2.geojson"));
  EXPECT_EQ(b.driver, "GeoJSON");
  EXPECT_TRUE(b.code_field_detected);
  // LAD25CD repeats across the features, so the unique WD25CD is the area's own code.
  EXPECT_EQ(b.code_field_candidates, (std::vector<std::string>{"LAD25CD", "WD25CD"}));
  EXPECT_EQ(b.level_rule, "field name WD25CD");
  EXPECT_EQ(b.features_read, 4u);
  EXPECT_TRUE(b.skipped.empty());
  expect_two_by_two(b, 1e-12);
}

TEST(GeoBoundaryReader, ShapefileAndGeoPackageInLonLat) {
  TempDir dir;
  translate(fixture("wards-2x2.geojson"), dir.file("wards.shp"), "ESRI Shapefile");
  translate(fixture("wards-2x2.geojson"), dir.file("wards.gpkg"), "GPKG");

  const Boundaries shp = read_boundaries(dir.file("wards.shp"));
  EXPECT_EQ(shp.driver, "ESRI Shapefile");
  expect_two_by_two(shp, 1e-9);

  const Boundaries gpkg = read_boundaries(dir.file("wards.gpkg"));
  EXPECT_EQ(gpkg.driver, "GPKG");
  expect_two_by_two(gpkg, 1e-9);
}

TEST(GeoBoundaryReader, BritishNationalGridIsReprojectedToLonLat) {
  TempDir dir;
  translate(fixture("wards-2x2.geojson"), dir.file("wards-bng.gpkg"), "GPKG", "EPSG:27700");
  translate(fixture("wards-2x2.geojson"), dir.file("wards-bng.shp"), "ESRI Shapefile", "EPSG:27700");
  for (const char* name : {"wards-bng.gpkg", "wards-bng.shp"}) {
    const Boundaries b = read_boundaries(dir.file(name));
    EXPECT_EQ(b.source_crs, "EPSG:27700") << name;
    // There and back through the same transformation: equal to well under a centimetre
    // (1e-7 degrees is about 1 cm). The squares' edges are straight in BNG, slightly curved in
    // lon/lat, so only the corners come back exactly.
    expect_two_by_two(b, 1e-7);
  }
}

TEST(GeoBoundaryReader, CodeAndNameFieldOverrideAndLevelFromGssEntity) {
  BoundaryOptions options;
  options.code_field = "ref";
  options.name_field = "label";
  const Boundaries b = read_boundaries(fixture("custom-areas.geojson"), options);
  EXPECT_FALSE(b.code_field_detected);
  EXPECT_EQ(b.code_field, "ref");
  EXPECT_EQ(b.level, AreaLevel::ward);
  EXPECT_EQ(b.level_rule, "GSS entity of every code (E05 …)");
  EXPECT_EQ(b.features_read, 4u);
  ASSERT_EQ(b.features.size(), 2u);
  EXPECT_EQ(b.features[1].name, "Riverside");
  EXPECT_NEAR(b.features[1].bbox.max_lon, 0.14, 1e-12);  // both parts of the MultiPolygon
  ASSERT_EQ(b.skipped.size(), 2u);
  EXPECT_NE(b.skipped[0].reason.find("no value in the code field ref"), std::string::npos);
  EXPECT_NE(b.skipped[1].reason.find("area E05000024: geometry is Line String, not a polygon"),
            std::string::npos)
      << b.skipped[1].reason;

  PointLocator locator(b.features);
  EXPECT_EQ(locator.locate(0.135, 52.195), 1);  // in the MultiPolygon's second part
  EXPECT_EQ(locator.locate(0.125, 52.195), -1);  // in the gap between its parts
}

TEST(GeoBoundaryReader, NoCodeFieldListsFieldsAndNamesTheOverride) {
  try {
    read_boundaries(fixture("custom-areas.geojson"));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("has no area code field; fields found: ref, label"), std::string::npos) << msg;
    EXPECT_NE(msg.find("--code-field"), std::string::npos) << msg;
  }
  BoundaryOptions wrong;
  wrong.code_field = "WD99CD";
  EXPECT_THROW(read_boundaries(fixture("custom-areas.geojson"), wrong), InputError);
}

TEST(GeoBoundaryReader, FileNotFoundIsAnIoError) {
  try {
    read_boundaries(fixture("no-such-file.geojson"));
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("file not found"), std::string::npos) << e.what();
  }
}

TEST(GeoBoundaryReader, NotAVectorDataset) {
  TempDir dir;
  {
    std::ofstream junk(dir.file("junk.bin"), std::ios::binary);
    junk << "\x01\x02\x03 not any GIS format \xff\xfe";
  }
  try {
    read_boundaries(dir.file("junk.bin"));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("not a vector dataset GDAL can read; seen: no GDAL driver recognises it"),
              std::string::npos)
        << e.what();
  }

  // A raster is named as such.
  GDALAllRegister();  // the fixtures are written with GDAL directly; registering twice is harmless
  GDALDriverH gtiff = GDALGetDriverByName("GTiff");
  ASSERT_NE(gtiff, nullptr);
  GDALDatasetH raster = GDALCreate(gtiff, dir.file("tiny.tif").c_str(), 2, 2, 1, GDT_Byte, nullptr);
  ASSERT_NE(raster, nullptr);
  GDALClose(raster);
  try {
    read_boundaries(dir.file("tiny.tif"));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("not a vector dataset; seen: a raster (GTiff)"), std::string::npos)
        << e.what();
  }
}

TEST(GeoBoundaryReader, NoPolygonFeatures) {
  try {
    read_boundaries(fixture("points-only.geojson"));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("no polygon features"), std::string::npos) << msg;
    EXPECT_NE(msg.find("layers found: 'points' (Point, 1 feature)"), std::string::npos) << msg;
  }
}

}  // namespace
}  // namespace csa::geo
