// The pieces of the native module (csa-native.so), one per library, that module_entry.cpp puts
// behind the csa::native::Module interface (geo/native_module.hpp). Only code in src/native/ may
// include GDAL, GEOS, PROJ or librsvg headers: the executable must not link them (see why there).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geo/boundary_reader.hpp"
#include "geo/native_module.hpp"

namespace csa::geo {
Boundaries read_boundaries_with_gdal(const std::string& path, const BoundaryOptions& options);
}  // namespace csa::geo

namespace csa::native {
std::unique_ptr<PointIndex> make_geos_point_index(const std::vector<geo::BoundaryFeature>& features);
std::unique_ptr<BngTransform> make_proj_bng_transform();
std::vector<unsigned char> geos_union_wkb(const std::vector<std::vector<unsigned char>>& polygons);
void render_svg_to_png(const std::string& svg, const std::string& png_path, double scale);
void serve_http_with_httplib(const HttpServerOptions& options, const HttpHandler& api);
}  // namespace csa::native
