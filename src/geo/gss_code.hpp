// ONS GSS area codes (Government Statistical Service): one letter for the country (E England,
// W Wales, S Scotland, N Northern Ireland, K/L/M for UK-wide and crown areas), two digits for the
// entity (01 LSOA, 05 ward, 06-09 district ...) and six digits for the instance, e.g. E01011951.
// Every code csa joins on goes through is_gss_code, so a truncated or padded code is rejected where
// it is read rather than silently failing to join later.
#pragma once

#include <string_view>

namespace csa::geo {

// True for one ASCII capital letter followed by exactly 8 ASCII digits, nothing else.
bool is_gss_code(std::string_view code);

// The entity part, "E05" of "E05013050"; empty when the code is not a GSS code.
std::string_view gss_entity(std::string_view code);

// The example printed in "how to fix" messages.
inline constexpr std::string_view kGssExample = "E01011951";

}  // namespace csa::geo
