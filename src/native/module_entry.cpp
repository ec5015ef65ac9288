// The native module's entry point: csa_native_module() hands the executable one Module whose
// methods call the GDAL, GEOS, PROJ, librsvg and cpp-httplib code of this folder.
#include "native/native_parts.hpp"

namespace csa::native {
namespace {

class NativeModule final : public Module {
 public:
  int abi_version() const override { return kModuleAbiVersion; }
  geo::Boundaries read_boundaries(const std::string& path, const geo::BoundaryOptions& options) const override {
    return geo::read_boundaries_with_gdal(path, options);
  }
  std::unique_ptr<PointIndex> point_index(const std::vector<geo::BoundaryFeature>& features) const override {
    return make_geos_point_index(features);
  }
  std::unique_ptr<BngTransform> bng_transform() const override { return make_proj_bng_transform(); }
  std::vector<unsigned char> union_wkb(const std::vector<std::vector<unsigned char>>& polygons) const override {
    return geos_union_wkb(polygons);
  }
  void svg_to_png(const std::string& svg, const std::string& png_path, double scale) const override {
    render_svg_to_png(svg, png_path, scale);
  }
  void serve_http(const HttpServerOptions& options, const HttpHandler& api) const override {
    serve_http_with_httplib(options, api);
  }
};

}  // namespace
}  // namespace csa::native

extern "C" __attribute__((visibility("default"))) const csa::native::Module* csa_native_module() {
  static const csa::native::NativeModule module;
  return &module;
}
