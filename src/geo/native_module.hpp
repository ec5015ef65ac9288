// The GIS and graphics libraries (GDAL, GEOS, PROJ, librsvg) live in a separate module,
// csa-native.so, loaded the first time a command needs one of them. Why: linking them into the
// executable makes every start load ~110 shared libraries and run their initialisers, about 25 ms,
// which is most of the time of a table command that never touches a polygon. With the module, `csa
// table` starts in ~2 ms and `csa geography load` pays the cost only when it reads boundaries.
//
// This header is the boundary: abstract interfaces the module implements (src/native/), and
// native_module() which loads it. The classes callers use (PointLocator, BngProjector,
// read_boundaries) keep their own headers and forward here, so nothing above src/geo knows.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/http_exchange.hpp"
#include "geo/boundary_reader.hpp"

namespace csa::native {

// Bumped whenever an interface below changes, so a stale module is refused with a clear message.
inline constexpr int kModuleAbiVersion = 4;

// Polygons indexed for point lookups (GEOS); see geo/point_locator.hpp for the rules.
class PointIndex {
 public:
  virtual ~PointIndex() = default;
  virtual int locate(double lon, double lat) const = 0;  // finite coordinates only
  virtual std::size_t size() const = 0;
  virtual std::size_t repaired() const = 0;
};

// WGS84 longitude/latitude to British National Grid (PROJ); see geo/projection.hpp.
class BngTransform {
 public:
  virtual ~BngTransform() = default;
  // In place: x holds longitudes and y latitudes on entry, eastings and northings on return
  // (PROJ's HUGE_VAL for a point it cannot transform).
  virtual void forward(double* x, double* y, std::size_t n) const = 0;
  // The inverse, in place: eastings and northings in, longitudes and latitudes out.
  virtual void inverse(double* x, double* y, std::size_t n) const = 0;
  virtual const std::string& operation() const = 0;
  virtual bool uses_grid() const = 0;
};

class Module {
 public:
  virtual ~Module() = default;
  virtual int abi_version() const = 0;
  virtual geo::Boundaries read_boundaries(const std::string& path, const geo::BoundaryOptions& options) const = 0;
  virtual std::unique_ptr<PointIndex> point_index(const std::vector<geo::BoundaryFeature>& features) const = 0;
  virtual std::unique_ptr<BngTransform> bng_transform() const = 0;
  // The union of polygons given as WKB (e.g. a district's outline from its wards), as ISO WKB,
  // little-endian, 2D Polygon or MultiPolygon (GEOS). Throws InputError naming the bad geometry.
  virtual std::vector<unsigned char> union_wkb(const std::vector<std::vector<unsigned char>>& polygons) const = 0;
  // Renders SVG markup to a PNG file at `scale` times its intrinsic size (librsvg + cairo).
  virtual void svg_to_png(const std::string& svg, const std::string& png_path, double scale) const = 0;
  // Serves HTTP (cpp-httplib) until SIGINT or SIGTERM: `api` answers GET /api/…, files of
  // options.static_dir answer the rest; other methods get 405, oversized requests 413/414. Throws
  // IoError when the address cannot be bound. Here rather than in the executable for the same reason
  // as the rest: the HTTP library and its TLS and compression libraries cost every command ~2 ms to load.
  virtual void serve_http(const HttpServerOptions& options, const HttpHandler& api) const = 0;
};

// The module, loaded on first call (thread-safe). Looks for $CSA_NATIVE_MODULE, then csa-native.so
// beside the running executable, then the build directory it was built in. Throws IoError saying
// where it looked when none loads.
const Module& module();

}  // namespace csa::native

// The module's one exported symbol.
extern "C" const csa::native::Module* csa_native_module();
