// SVG to PNG, for formats that cannot take SVG (older Word, PDF writers that want images) and for
// looking at a figure. Rendered in-process with librsvg and cairo; this file is the only one that
// includes them, so the dependency can later move behind a lazily loaded module.
#pragma once

#include <string>

namespace csa::figure {

// Renders `svg` at `scale` × its own pixel size (2: sharp on high-density screens and in print at
// the A4 text width) onto white, and writes a PNG. Throws IoError when the file cannot be written,
// InternalError when the SVG cannot be parsed or has no size (figures are csa's own output, so
// that is a bug, not bad input).
void svg_to_png(const std::string& svg, const std::string& png_path, double scale = 2.0);

}  // namespace csa::figure
