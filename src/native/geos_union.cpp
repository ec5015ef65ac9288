// Dissolving polygons with GEOS (a district's outline from its ward boundaries, which carry no
// separate district file), built into the native module.
#include <fmt/format.h>
#include <geos_c.h>

#include <memory>
#include <vector>

#include "core/error.hpp"
#include "native/native_parts.hpp"

namespace csa::native {
namespace {

struct Context {
  GEOSContextHandle_t h = GEOS_init_r();
  std::string last_error;
  Context() {
    if (h == nullptr) throw InternalError("GEOS_init_r failed: cannot create a GEOS context");
    GEOSContext_setErrorMessageHandler_r(
        h, [](const char* m, void* self) { static_cast<Context*>(self)->last_error = m != nullptr ? m : ""; }, this);
  }
  ~Context() { GEOS_finish_r(h); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

}  // namespace

std::vector<unsigned char> geos_union_wkb(const std::vector<std::vector<unsigned char>>& polygons) {
  Context ctx;
  // Geometries read so far; handed to the collection below, which then owns them.
  struct Parts {
    GEOSContextHandle_t h;
    std::vector<GEOSGeometry*> g;
    ~Parts() {
      for (auto* x : g) GEOSGeom_destroy_r(h, x);
    }
  } parts{ctx.h, {}};
  {
    GEOSWKBReader* reader = GEOSWKBReader_create_r(ctx.h);
    struct ReaderGuard {
      GEOSContextHandle_t h;
      GEOSWKBReader* r;
      ~ReaderGuard() { GEOSWKBReader_destroy_r(h, r); }
    } guard{ctx.h, reader};
    for (std::size_t i = 0; i < polygons.size(); ++i) {
      GEOSGeometry* g = GEOSWKBReader_read_r(ctx.h, reader, polygons[i].data(), polygons[i].size());
      if (g == nullptr) {
        throw InputError(fmt::format("polygon {} of {} cannot be read as WKB ({})", i + 1, polygons.size(), ctx.last_error));
      }
      if (GEOSisValid_r(ctx.h, g) == 0) {  // generalised boundaries self-intersect now and then
        GEOSGeometry* fixed = GEOSMakeValid_r(ctx.h, g);
        GEOSGeom_destroy_r(ctx.h, g);
        if (fixed == nullptr) throw InputError(fmt::format("polygon {} is invalid and GEOS cannot repair it", i + 1));
        g = fixed;
      }
      parts.g.push_back(g);
    }
  }
  auto destroy = [&](GEOSGeometry* g) { GEOSGeom_destroy_r(ctx.h, g); };
  GEOSGeometry* collection =
      GEOSGeom_createCollection_r(ctx.h, GEOS_GEOMETRYCOLLECTION, parts.g.data(), static_cast<unsigned>(parts.g.size()));
  if (collection == nullptr) throw InternalError("GEOSGeom_createCollection_r failed: " + ctx.last_error);
  parts.g.clear();  // now owned by the collection
  std::unique_ptr<GEOSGeometry, decltype(destroy)> owned(collection, destroy);
  std::unique_ptr<GEOSGeometry, decltype(destroy)> merged(GEOSUnaryUnion_r(ctx.h, collection), destroy);
  if (!merged) throw InternalError("GEOSUnaryUnion_r failed: " + ctx.last_error);
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(ctx.h);
  GEOSWKBWriter_setOutputDimension_r(ctx.h, writer, 2);
  GEOSWKBWriter_setByteOrder_r(ctx.h, writer, GEOS_WKB_NDR);
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(ctx.h, writer, merged.get(), &size);
  GEOSWKBWriter_destroy_r(ctx.h, writer);
  if (bytes == nullptr) throw InternalError("GEOSWKBWriter_write_r failed: " + ctx.last_error);
  std::vector<unsigned char> out(bytes, bytes + size);
  GEOSFree_r(ctx.h, bytes);
  return out;
}

}  // namespace csa::native
