// Editing one part of an Office file (a ZIP archive) in place, through minizip (the library
// libxlsxwriter already writes its archives with): every other entry is copied unchanged, in order.
// The DOCX writer uses it for what pandoc cannot write (table cell shading).
#pragma once

#include <functional>
#include <string>

namespace csa::document {

// Reads `part` ("word/document.xml") of the archive at `path`, replaces it with edit(text), and
// rewrites the archive through a temporary file beside it, renamed over it at the end. Throws
// IoError naming the file when it cannot be read or written, or lacks the part.
void edit_zip_part(const std::string& path, const std::string& part, const std::function<std::string(std::string)>& edit);

// The text of one part, for tests and checks. Throws IoError as above.
std::string read_zip_part(const std::string& path, const std::string& part);

}  // namespace csa::document
