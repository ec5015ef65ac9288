// GEOS side of geo::PointLocator (its header has the rules), built into the native module.
#include "native/native_parts.hpp"

#include <fmt/format.h>
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"

namespace csa::native {
namespace {

struct GeosIndex {
  GEOSContextHandle_t ctx = nullptr;
  std::vector<GEOSGeometry*> geoms;                  // owned; null for an empty polygon
  std::vector<const GEOSPreparedGeometry*> prepared;  // owned; parallel to geoms
  GEOSSTRtree* tree = nullptr;                        // owned; items point into ids
  std::vector<int> ids;                               // stable storage for the tree's items
  std::size_t repaired = 0;
  std::string last_error;
  std::vector<int> candidates;  // scratch for queries, kept to avoid reallocating

  GeosIndex() {
    ctx = GEOS_init_r();
    if (ctx == nullptr) throw InternalError("GEOS_init_r failed: cannot create a GEOS context");
    // GEOS would otherwise print nothing and leave us without a reason; keep the last message.
    GEOSContext_setErrorMessageHandler_r(ctx, &GeosIndex::on_error, this);
  }

  ~GeosIndex() {
    if (tree != nullptr) GEOSSTRtree_destroy_r(ctx, tree);
    for (const GEOSPreparedGeometry* p : prepared) {
      if (p != nullptr) GEOSPreparedGeom_destroy_r(ctx, p);
    }
    for (GEOSGeometry* g : geoms) {
      if (g != nullptr) GEOSGeom_destroy_r(ctx, g);
    }
    GEOS_finish_r(ctx);
  }

  GeosIndex(const GeosIndex&) = delete;
  GeosIndex& operator=(const GeosIndex&) = delete;

  static void on_error(const char* message, void* userdata) {
    static_cast<GeosIndex*>(userdata)->last_error = message != nullptr ? message : "";
  }

  static void collect(void* item, void* userdata) {
    static_cast<std::vector<int>*>(userdata)->push_back(*static_cast<const int*>(item));
  }
};

// Owns a WKB reader for the duration of the constructor.
struct WkbReader {
  GEOSContextHandle_t ctx;
  GEOSWKBReader* reader;
  explicit WkbReader(GEOSContextHandle_t c) : ctx(c), reader(GEOSWKBReader_create_r(c)) {}
  ~WkbReader() {
    if (reader != nullptr) GEOSWKBReader_destroy_r(ctx, reader);
  }
  WkbReader(const WkbReader&) = delete;
  WkbReader& operator=(const WkbReader&) = delete;
};
class GeosPointIndex final : public PointIndex {
 public:
  explicit GeosPointIndex(const std::vector<geo::BoundaryFeature>& features);
  int locate(double lon, double lat) const override;
  std::size_t size() const override { return im_.geoms.size(); }
  std::size_t repaired() const override { return im_.repaired; }

 private:
  mutable GeosIndex im_;  // queries reuse its scratch vector
};

GeosPointIndex::GeosPointIndex(const std::vector<geo::BoundaryFeature>& features) {
  GeosIndex& im = im_;
  GEOSContextHandle_t ctx = im.ctx;
  WkbReader reader(ctx);
  if (reader.reader == nullptr) throw InternalError("GEOSWKBReader_create_r failed");

  im.geoms.reserve(features.size());
  im.prepared.reserve(features.size());
  im.ids.resize(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) im.ids[i] = static_cast<int>(i);
  // Node capacity 10: GEOS's own default for its STRtree.
  im.tree = GEOSSTRtree_create_r(ctx, 10);
  if (im.tree == nullptr) throw InternalError("GEOSSTRtree_create_r failed: " + im.last_error);

  for (std::size_t i = 0; i < features.size(); ++i) {
    const geo::BoundaryFeature& f = features[i];
    GEOSGeometry* g = GEOSWKBReader_read_r(ctx, reader.reader, f.wkb.data(), f.wkb.size());
    if (g == nullptr) {
      throw InputError(fmt::format("area {} ({}): its geometry cannot be read ({}); seen: {} bytes of WKB; "
                                   "re-export the boundary file",
                                   f.code, f.name, im.last_error, f.wkb.size()));
    }
    im.geoms.push_back(g);
    im.prepared.push_back(nullptr);
    if (GEOSisEmpty_r(ctx, g) == 1) continue;
    if (GEOSisValid_r(ctx, g) == 0) {
      GEOSGeometry* fixed = GEOSMakeValid_r(ctx, g);
      if (fixed == nullptr) {
        throw InputError(fmt::format("area {} ({}): invalid polygon that GEOS cannot repair ({}); fix the "
                                     "geometry (e.g. ogr2ogr -makevalid)",
                                     f.code, f.name, im.last_error));
      }
      GEOSGeom_destroy_r(ctx, g);
      g = fixed;
      im.geoms.back() = g;
      ++im.repaired;
    }
    im.prepared.back() = GEOSPrepare_r(ctx, g);
    if (im.prepared.back() == nullptr) throw InternalError("GEOSPrepare_r failed: " + im.last_error);
    // The tree keeps the geometry pointer for its envelope only; the geometry outlives the tree.
    GEOSSTRtree_insert_r(ctx, im.tree, g, &im.ids[i]);
  }
  // GEOS builds the tree on the first query; do it now so locate() does not mutate it later.
  if (!features.empty()) {
    GEOSGeometry* probe = GEOSGeom_createPointFromXY_r(ctx, 0.0, 0.0);
    if (probe != nullptr) {
      GEOSSTRtree_query_r(ctx, im.tree, probe, &GeosIndex::collect, &im.candidates);
      GEOSGeom_destroy_r(ctx, probe);
    }
    im.candidates.clear();
  }
}

int GeosPointIndex::locate(double lon, double lat) const {
  GeosIndex& im = im_;
  GEOSGeometry* point = GEOSGeom_createPointFromXY_r(im.ctx, lon, lat);
  if (point == nullptr) throw InternalError("GEOSGeom_createPointFromXY_r failed: " + im.last_error);
  im.candidates.clear();
  GEOSSTRtree_query_r(im.ctx, im.tree, point, &GeosIndex::collect, &im.candidates);
  // Test in index order so the first polygon that covers the point is the lowest index.
  std::sort(im.candidates.begin(), im.candidates.end());
  int found = -1;
  for (int i : im.candidates) {
    char covers = GEOSPreparedCovers_r(im.ctx, im.prepared[static_cast<std::size_t>(i)], point);
    if (covers == 2) {
      GEOSGeom_destroy_r(im.ctx, point);
      throw InternalError("GEOSPreparedCovers_r failed: " + im.last_error);
    }
    if (covers == 1) {
      found = i;
      break;
    }
  }
  GEOSGeom_destroy_r(im.ctx, point);
  return found;
}

}  // namespace

std::unique_ptr<PointIndex> make_geos_point_index(const std::vector<geo::BoundaryFeature>& features) {
  return std::make_unique<GeosPointIndex>(features);
}

}  // namespace csa::native
