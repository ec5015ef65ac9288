// GDAL side of geo::read_boundaries (its header has the rules), built into the native module.
#include "native/native_parts.hpp"

#include <fmt/format.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string_view>
#include <unordered_set>

#include "core/error.hpp"
#include "geo/csv_table.hpp"
#include "native/gdal_session.hpp"

namespace csa::geo {

namespace {

// ONS code column: letters, a two-digit year, CD (WD25CD, LSOA21CD, LAD23CD, LTLA23CD).
const std::regex& code_field_pattern() {
  static const std::regex re(R"(([A-Z]+)\d\dCD)", std::regex::ECMAScript | std::regex::icase);
  return re;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::vector<std::string> field_names(OGRFeatureDefn* defn) {
  std::vector<std::string> names;
  for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  return names;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out.empty() ? std::string("(none)") : out;
}

int find_field(OGRFeatureDefn* defn, std::string_view name) {
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    if (iequals(defn->GetFieldDefn(i)->GetNameRef(), name)) return i;
  }
  return -1;
}

bool is_polygonal(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbPolyhedralSurface:
    case wkbTIN:
    case wkbTriangle:
      return true;
    default:
      return false;
  }
}

// The polygons of a feature's geometry as Polygon or MultiPolygon, or null when it has none.
// Curves are linearised; polygons inside a GeometryCollection are kept, other members dropped.
OGRGeometryUniquePtr polygonal_part(OGRGeometryUniquePtr geom) {
  if (!geom || geom->IsEmpty()) return nullptr;
  if (geom->hasCurveGeometry()) geom.reset(geom->getLinearGeometry());
  if (!geom) return nullptr;
  OGRwkbGeometryType type = wkbFlatten(geom->getGeometryType());
  if (type == wkbPolygon || type == wkbMultiPolygon) return geom;
  if (type == wkbTriangle || type == wkbPolyhedralSurface || type == wkbTIN) {
    return OGRGeometryUniquePtr(OGRGeometryFactory::forceToMultiPolygon(geom.release()));
  }
  if (type == wkbGeometryCollection) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const OGRGeometry* part : *geom->toGeometryCollection()) {
      OGRwkbGeometryType pt = wkbFlatten(part->getGeometryType());
      if (pt == wkbPolygon) {
        multi->addGeometry(part);
      } else if (pt == wkbMultiPolygon) {
        for (const OGRPolygon* poly : *part->toMultiPolygon()) multi->addGeometry(poly);
      }
    }
    if (multi->IsEmpty()) return nullptr;
    return OGRGeometryUniquePtr(multi.release());
  }
  return nullptr;
}

bool layer_has_polygons(OGRLayer* layer) {
  if (is_polygonal(layer->GetGeomType())) return layer->GetFeatureCount(TRUE) != 0;
  // Mixed or unknown declared type (GeoJSON, GeometryCollection): look at the features.
  layer->ResetReading();
  for (auto& feature : *layer) {
    if (polygonal_part(OGRGeometryUniquePtr(feature->StealGeometry()))) return true;
  }
  return false;
}

std::string describe_layers(GDALDataset& ds) {
  std::vector<std::string> parts;
  for (OGRLayer* layer : ds.GetLayers()) {
    const GIntBig count = layer->GetFeatureCount(TRUE);
    parts.push_back(fmt::format("'{}' ({}, {} feature{})", layer->GetName(),
                                OGRGeometryTypeToName(layer->GetGeomType()), count, count == 1 ? "" : "s"));
  }
  return join(parts);
}

std::string describe_crs(const OGRSpatialReference& srs) {
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth != nullptr && code != nullptr) return fmt::format("{}:{}", auth, code);
  const char* name = srs.GetName();
  return name != nullptr ? name : "unnamed CRS";
}

// Among several code-like fields (a ward file also carries LAD25CD), the area's own code is the
// one that differs between features: take the first, in field order, whose values are unique.
int choose_code_field(OGRLayer* layer, const std::vector<int>& candidates) {
  if (candidates.size() == 1) return candidates.front();
  std::vector<std::unordered_set<std::string>> seen(candidates.size());
  std::vector<bool> unique(candidates.size(), true);
  layer->ResetReading();
  for (auto& feature : *layer) {
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (!unique[c]) continue;
      std::string value(trim(feature->GetFieldAsString(candidates[c])));
      if (value.empty() || !seen[c].insert(std::move(value)).second) unique[c] = false;
    }
  }
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (unique[c]) return candidates[c];
  }
  return candidates.front();
}

using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, void (*)(OGRCoordinateTransformation*)>;

}  // namespace

Boundaries read_boundaries_with_gdal(const std::string& path, const BoundaryOptions& options) {
  ensure_gdal_registered();
  GdalErrorCapture gdal_errors;

  // GDAL virtual paths (/vsizip/…, /vsicurl/…) are not on the local file system: let GDAL judge.
  if (path.rfind("/vsi", 0) != 0 && !std::filesystem::exists(path)) {
    throw IoError(fmt::format("{}: file not found; check the path (boundaries may be GeoJSON, a Shapefile's "
                              ".shp, or a GeoPackage)",
                              path));
  }
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    std::string detail = gdal_errors.has_message() ? gdal_errors.message() : "no GDAL driver recognises it";
    GDALDatasetUniquePtr raster(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (raster) {
      throw InputError(fmt::format("{}: not a vector dataset; seen: a raster ({}); give boundaries as "
                                   "polygons (GeoJSON, Shapefile or GeoPackage)",
                                   path, raster->GetDriver()->GetDescription()));
    }
    throw InputError(fmt::format("{}: not a vector dataset GDAL can read; seen: {}; give boundaries as "
                                 "GeoJSON, a Shapefile (.shp with its .shx, .dbf and .prj) or a GeoPackage",
                                 path, detail));
  }

  Boundaries out;
  out.path = path;
  out.driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";

  OGRLayer* layer = nullptr;
  if (!options.layer.empty()) {
    layer = ds->GetLayerByName(options.layer.c_str());
    if (layer == nullptr) {
      throw InputError(fmt::format("{}: no layer named '{}'; layers found: {}; name one of them as the layer",
                                   path, options.layer, describe_layers(*ds)));
    }
    if (!layer_has_polygons(layer)) layer = nullptr;
  } else {
    for (OGRLayer* candidate : ds->GetLayers()) {
      if (layer_has_polygons(candidate)) {
        layer = candidate;
        break;
      }
    }
  }
  if (layer == nullptr) {
    throw InputError(fmt::format("{}: no polygon features; layers found: {}; boundaries must be polygons or "
                                 "multipolygons (points and lines cannot hold areas)",
                                 path, describe_layers(*ds)));
  }
  out.layer = layer->GetName();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const std::vector<std::string> fields = field_names(defn);

  // The code field: given, or detected.
  std::vector<int> candidates;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    if (std::regex_match(fields[static_cast<std::size_t>(i)], code_field_pattern())) {
      candidates.push_back(i);
      out.code_field_candidates.push_back(fields[static_cast<std::size_t>(i)]);
    }
  }
  int code_index = -1;
  if (!options.code_field.empty()) {
    code_index = find_field(defn, options.code_field);
    out.code_field_detected = false;
    if (code_index < 0) {
      throw InputError(fmt::format("{}: layer '{}' has no field '{}' (given as the code field); fields found: "
                                   "{}; name one of them as the code field (option code_field, --code-field)",
                                   path, out.layer, options.code_field, join(fields)));
    }
  } else {
    if (candidates.empty()) {
      throw InputError(fmt::format("{}: layer '{}' has no area code field; fields found: {}; expected a field "
                                   "named like WD25CD, LSOA21CD or LAD23CD (letters, a two-digit year, CD), or "
                                   "name the code field yourself (option code_field, --code-field)",
                                   path, out.layer, join(fields)));
    }
    code_index = choose_code_field(layer, candidates);
  }
  out.code_field = fields[static_cast<std::size_t>(code_index)];

  // The name field: given, or the code field's NM partner (WD25CD → WD25NM), if there is one.
  int name_index = -1;
  if (!options.name_field.empty()) {
    name_index = find_field(defn, options.name_field);
    if (name_index < 0) {
      throw InputError(fmt::format("{}: layer '{}' has no field '{}' (given as the name field); fields found: "
                                   "{}; name one of them as the name field (option name_field, --name-field)",
                                   path, out.layer, options.name_field, join(fields)));
    }
  } else if (out.code_field.size() > 2) {
    std::string partner = out.code_field.substr(0, out.code_field.size() - 2) + "NM";
    name_index = find_field(defn, partner);
  }
  if (name_index >= 0) out.name_field = fields[static_cast<std::size_t>(name_index)];

  // Reprojection to lon/lat WGS84, x = longitude whatever the CRS's own axis order.
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  TransformPtr transform(nullptr, OGRCoordinateTransformation::DestroyCT);
  if (const OGRSpatialReference* layer_srs = layer->GetSpatialRef(); layer_srs != nullptr) {
    OGRSpatialReference source(*layer_srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    out.source_crs = describe_crs(source);
    if (!source.IsSame(&wgs84)) {
      transform.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!transform) {
        throw InputError(fmt::format("{}: cannot reproject from {} to longitude/latitude WGS84; GDAL says: {}; "
                                     "convert the file to EPSG:4326 or EPSG:27700 first (e.g. ogr2ogr -t_srs "
                                     "EPSG:4326)",
                                     path, out.source_crs, gdal_errors.message()));
      }
    }
  } else {
    OGREnvelope env;
    if (layer->GetExtent(&env, TRUE) == OGRERR_NONE &&
        (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)) {
      throw InputError(fmt::format("{}: no coordinate reference system, and coordinates are not "
                                   "longitude/latitude; seen: x {:.0f} to {:.0f}, y {:.0f} to {:.0f}; add the "
                                   "CRS (for a Shapefile, its .prj file; British National Grid is EPSG:27700)",
                                   path, env.MinX, env.MaxX, env.MinY, env.MaxY));
    }
    // Without a CRS, degrees-sized coordinates can only sensibly be longitude/latitude.
    out.source_crs = "none given; coordinates read as longitude/latitude WGS84";
  }

  layer->ResetReading();
  for (auto& feature : *layer) {
    ++out.features_read;
    const std::int64_t fid = feature->GetFID();
    std::string code(trim(feature->GetFieldAsString(code_index)));
    if (!feature->IsFieldSetAndNotNull(code_index) || code.empty()) {
      out.skipped.push_back({fid, fmt::format("no value in the code field {}", out.code_field)});
      continue;
    }
    OGRGeometryUniquePtr raw(feature->StealGeometry());
    std::string seen_type = raw ? OGRGeometryTypeToName(raw->getGeometryType()) : "no geometry";
    OGRGeometryUniquePtr geom = polygonal_part(std::move(raw));
    if (!geom) {
      out.skipped.push_back({fid, fmt::format("area {}: geometry is {}, not a polygon", code, seen_type)});
      continue;
    }
    if (transform && geom->transform(transform.get()) != OGRERR_NONE) {
      out.skipped.push_back({fid, fmt::format("area {}: cannot reproject from {} ({})", code, out.source_crs,
                                              gdal_errors.message())});
      continue;
    }
    geom->flattenTo2D();
    BoundaryFeature bf;
    bf.code = std::move(code);
    bf.name = name_index >= 0 ? std::string(trim(feature->GetFieldAsString(name_index))) : std::string();
    if (bf.name.empty()) bf.name = bf.code;
    OGREnvelope env;
    geom->getEnvelope(&env);
    bf.bbox = BoundingBox{env.MinX, env.MinY, env.MaxX, env.MaxY};
    bf.wkb.resize(geom->WkbSize());
    geom->exportToWkb(wkbNDR, bf.wkb.data(), wkbVariantIso);
    out.features.push_back(std::move(bf));
  }
  if (out.features.empty()) {
    throw InputError(fmt::format("{}: layer '{}' has no usable polygon features; seen: {} features, all "
                                 "skipped (first: {}); check the code field and geometries",
                                 path, out.layer, out.features_read,
                                 out.skipped.empty() ? std::string("none") : out.skipped.front().reason));
  }

  // The level: from the code field's name when it is an ONS one, else from the codes themselves.
  std::smatch m;
  if (std::regex_match(out.code_field, m, code_field_pattern())) {
    out.level = level_from_field_prefix(m[1].str());
    if (out.level != AreaLevel::other) out.level_rule = fmt::format("field name {}", out.code_field);
  }
  if (out.level == AreaLevel::other) {
    AreaLevel common = level_from_gss_code(out.features.front().code);
    bool all_same = std::all_of(out.features.begin(), out.features.end(), [&](const BoundaryFeature& f) {
      return level_from_gss_code(f.code) == common;
    });
    if (all_same && common != AreaLevel::other) {
      out.level = common;
      out.level_rule = fmt::format("GSS entity of every code ({} …)", out.features.front().code.substr(0, 3));
    } else {
      out.level_rule = "neither the field name nor the codes name a level";
    }
  }
  return out;
}

}  // namespace csa::geo
