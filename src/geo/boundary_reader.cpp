// GDAL does the reading in the native module (src/native/gdal_boundary_reader.cpp).
#include "geo/boundary_reader.hpp"

#include "geo/native_module.hpp"

namespace csa::geo {

Boundaries read_boundaries(const std::string& path, const BoundaryOptions& options) {
  return native::module().read_boundaries(path, options);
}

}  // namespace csa::geo
