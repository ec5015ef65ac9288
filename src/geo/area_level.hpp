// Which level of the LSOA → ward → district hierarchy a set of areas is. A boundary file does not
// say so itself: it is inferred from the code field's name (WD25CD) or, failing that, from the GSS
// entity of the codes (E05 …), and the caller announces which rule decided.
#pragma once

#include <string_view>

namespace csa::geo {

enum class AreaLevel { ward, lsoa, lad, other };

std::string_view to_string(AreaLevel level);

// From the letters of an ONS field name before its two-digit year: "WD" (of WD25CD) → ward,
// "LSOA" → lsoa, "LAD"/"LTLA" → lad. Case-insensitive. Anything else → other.
AreaLevel level_from_field_prefix(std::string_view prefix);

// From a GSS code's entity: E05/W05/S13/N08 ward; E01/W01/S01 LSOA or data zone; E06-E09, W06,
// S12, N09 district. Anything else (including a non-GSS code) → other.
AreaLevel level_from_gss_code(std::string_view code);

}  // namespace csa::geo
