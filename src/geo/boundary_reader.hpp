// Reads area boundaries (wards, LSOAs, districts or custom areas) from any vector format GDAL
// knows — GeoJSON, Shapefile, GeoPackage … — in any CRS, and hands them on as longitude/latitude
// WGS84 polygons in WKB, the one form the point locator and the atlas take.
//
// Users bring ONS downloads of many vintages, so nothing is assumed about field names: the code
// field is the one named like an ONS code column (WD25CD, LSOA21CD, LAD23CD: letters, a two-digit
// year, "CD"), its name partner the same with "NM"; both can be overridden, and the choice is
// returned so the caller can announce it with the option that would pin it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/area_level.hpp"

namespace csa::geo {

struct BoundingBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;  // degrees, WGS84

  bool contains(double lon, double lat) const {
    return lon >= min_lon && lon <= max_lon && lat >= min_lat && lat <= max_lat;
  }
};

struct BoundaryFeature {
  std::string code;                // e.g. E05013050
  std::string name;                // e.g. Abbey; the code again when the file has no name field
  std::vector<unsigned char> wkb;  // ISO WKB, little-endian, 2D Polygon or MultiPolygon, lon/lat
  BoundingBox bbox;
};

// A feature left out, with why; fid is GDAL's feature id (for GeoJSON and Shapefile, the
// 0-based position in the file).
struct SkippedFeature {
  std::int64_t fid = 0;
  std::string reason;
};

struct BoundaryOptions {
  std::string code_field;  // empty: detect (see above)
  std::string name_field;  // empty: the code field's NM partner, if any
  std::string layer;       // empty: the first layer with polygon features
};

struct Boundaries {
  std::string path;
  std::string driver;      // GDAL driver, e.g. "GeoJSON", "ESRI Shapefile", "GPKG"
  std::string layer;
  std::string source_crs;  // e.g. "EPSG:27700"; what the file was reprojected from
  std::string code_field;  // as written in the file, e.g. "WD25CD"
  std::string name_field;  // empty when none was found
  bool code_field_detected = true;              // false when given in BoundaryOptions
  std::vector<std::string> code_field_candidates;  // every field that looked like a code column
  AreaLevel level = AreaLevel::other;
  std::string level_rule;  // why: "field name WD25CD" or "GSS entity E05 of every code"
  std::vector<BoundaryFeature> features;  // in file order; PointLocator indices refer to these
  std::uint64_t features_read = 0;        // = features.size() + skipped.size()
  std::vector<SkippedFeature> skipped;
};

// Throws IoError when the file does not exist, InputError when it is not a vector dataset, has no
// polygon features, or has no code field (the message lists the fields and names the override).
// Features without a code or with a non-polygon geometry are skipped and listed, not fatal.
Boundaries read_boundaries(const std::string& path, const BoundaryOptions& options = {});

}  // namespace csa::geo
