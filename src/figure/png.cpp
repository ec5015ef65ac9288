// librsvg and cairo live in the native module (geo/native_module.hpp, src/native/rsvg_png.cpp), so
// the csa executable does not load them at start-up.
#include "figure/png.hpp"

#include "geo/native_module.hpp"

namespace csa::figure {

void svg_to_png(const std::string& svg, const std::string& png_path, double scale) {
  native::module().svg_to_png(svg, png_path, scale);
}

}  // namespace csa::figure
