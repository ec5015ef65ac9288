// The 14 wards of Cambridge (LAD E07000008) from the real ONS boundaries in ../shared/data, for
// the map tests and samples: the county-wide ward file filtered by the best-fit lookup's wards of
// Cambridge, and the district's outline as their union (there is no district boundary file).
#pragma once

#include <ogr_api.h>

#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/boundary_reader.hpp"
#include "geo/lookup_reader.hpp"

namespace csa::figure::testing {

inline const std::string kSharedData = std::string(CSA_SHARED_DIR) + "/data";
inline const std::string kWardFile = kSharedData + "/geography/wards-2025-cambs-peterborough.geojson";
inline const std::string kLookupFile = kSharedData + "/geography/lsoa21-ward23-lad23-bestfit-ew.csv";

inline bool shared_data_present() { return std::filesystem::exists(kWardFile) && std::filesystem::exists(kLookupFile); }

inline std::vector<geo::BoundaryFeature> cambridge_wards() {
  std::set<std::string> codes;
  for (const auto& row : geo::read_lsoa_ward_lad_lookup(kLookupFile).rows) {
    if (row.lad_code == "E07000008") codes.insert(row.ward_code);
  }
  std::vector<geo::BoundaryFeature> out;
  for (auto& f : geo::read_boundaries(kWardFile).features) {
    if (codes.count(f.code) != 0) out.push_back(std::move(f));
  }
  return out;
}

// The union of the features' polygons as ISO WKB (little-endian), made with OGR (the tests link
// GDAL; GEOS is only in the native module). Generalised boundaries of neighbouring districts do
// not meet exactly, and the slivers between them would come out as holes or inlets, drawn as lines
// across the map: `close_degrees` > 0 grows then shrinks the union by that much to remove them (it
// also rounds off concave corners, so use it only across districts).
inline std::vector<unsigned char> union_wkb(const std::vector<geo::BoundaryFeature>& features,
                                            double close_degrees = 0) {
  OGRGeometryH all = OGR_G_CreateGeometry(wkbMultiPolygon);
  for (const auto& f : features) {
    OGRGeometryH g = nullptr;
    if (OGR_G_CreateFromWkb(f.wkb.data(), nullptr, &g, static_cast<int>(f.wkb.size())) != OGRERR_NONE) {
      throw std::runtime_error("unreadable WKB for " + f.code);
    }
    if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPolygon) {
      OGR_G_AddGeometryDirectly(all, g);
      continue;
    }
    for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) OGR_G_AddGeometry(all, OGR_G_GetGeometryRef(g, i));
    OGR_G_DestroyGeometry(g);
  }
  OGRGeometryH merged = OGR_G_UnionCascaded(all);
  OGR_G_DestroyGeometry(all);
  if (close_degrees > 0) {
    OGRGeometryH grown = OGR_G_Buffer(merged, close_degrees, 4);
    OGR_G_DestroyGeometry(merged);
    merged = OGR_G_Buffer(grown, -close_degrees, 4);
    OGR_G_DestroyGeometry(grown);
  }
  if (merged == nullptr) throw std::runtime_error("union of the wards failed");
  std::vector<unsigned char> out(static_cast<std::size_t>(OGR_G_WkbSize(merged)));
  OGR_G_ExportToIsoWkb(merged, wkbNDR, out.data());
  OGR_G_DestroyGeometry(merged);
  return out;
}

}  // namespace csa::figure::testing
