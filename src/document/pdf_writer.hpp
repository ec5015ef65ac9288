// The PDF: the report's HTML file printed by headless Chromium (Debian's `chromium` package), so the
// PDF is exactly the HTML's print layout (A4, print CSS in html_writer.cpp) and needs no second
// typesetter. Chromium runs with a fresh, temporary profile that is removed afterwards, never the
// user's, and without network access being needed: the HTML is self-contained.
#pragma once

#include <chrono>
#include <string>

namespace csa::document {

struct PdfOptions {
  std::string browser;                          // empty: `chromium` on PATH, then /usr/bin/chromium
  std::chrono::seconds timeout{120};            // Chromium is killed after this long
};

// Prints `html_path` to `pdf_path` (written only when printing succeeded; an earlier file is replaced).
// Throws IoError when the HTML file is missing, when Chromium is not installed (the message says to
// run scripts/install-deps.sh), or when it fails or times out (with the end of its error output).
void write_pdf(const std::string& html_path, const std::string& pdf_path, const PdfOptions& options = {});

}  // namespace csa::document
