// The document as one self-contained HTML5 file: inline CSS, figures as inline SVG, no scripts, fonts
// or any other external resource, so it opens offline, can be e-mailed as one attachment, and prints
// (A4, print CSS) to the PDF through headless Chromium (pdf_writer.hpp).
#pragma once

#include <string>

#include "document/document.hpp"

namespace csa::document {

// Numbers a copy of `doc` (Document::number(), so it throws InternalError on a bad id or reference)
// and renders it: a title page from the metadata, the contents at the Contents block (levels 1 and 2),
// "Table N: title" above each table with its notes below, "Figure N: caption" and the source below
// each figure. All text is HTML-escaped; `**bold**` becomes <strong>.
std::string render_html(const Document& doc);

}  // namespace csa::document
