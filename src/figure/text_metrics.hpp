// How wide a line of text will be, so figures can size margins to their labels, wrap long titles
// and keep labels from overlapping, without a font engine in the figure code (the SVG is rendered
// later, by a browser, Word or librsvg).
//
// Widths are Arial's advance widths (Liberation Sans, the house font, is metric-compatible with
// Arial; the figures name it first). Estimates for the fallbacks are close but wider (DejaVu Sans
// runs ~8% wider), which the layouts' padding absorbs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace csa::figure {

// Width in px of `text` (UTF-8) at `size` px; bold adds Arial Bold's average extra width.
double text_width(std::string_view text, double size, bool bold = false);

// Splits `text` at spaces into lines no wider than max_width (a single word wider than that is
// left whole on its own line). Explicit '\n' starts a new line.
std::vector<std::string> wrap_text(std::string_view text, double size, double max_width, bool bold = false);

}  // namespace csa::figure
