// Escaping text for XML (SVG figures, the DOCX writer's raw OpenXML runs).
#pragma once

#include <string>
#include <string_view>

namespace csa {

// Escapes &, <, >, " and ' so the text is safe in both element content and attribute values; UTF-8
// passes through unchanged.
std::string escape_xml(std::string_view text);

}  // namespace csa
