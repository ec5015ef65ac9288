// A part's share of its parent (e.g. shoplifting within all acquisitive crime), as a whole percent.
// Why: seed 002 prints "37% of all acquisitive offences (2772 of 7394)" and share columns such as
// "78%", rounded half away from zero. Rounded shares of a breakdown need not sum to 100 (10+3+78+10
// = 101 in seed 002 Table 3); the parent row prints 100% regardless. Units: percent of the parent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "measure/ratio.hpp"

namespace csa::measure {

// Printed where a share cannot be computed (parent 0); seeds print "-" for empty cells.
inline constexpr std::string_view kNoShareText = "-";

// part * 100 / parent, exact; empty when the parent is 0. Throws InputError when a count is
// negative or the part is larger than the parent (a share over 100% means the wrong parent).
std::optional<Ratio> share_percent(std::int64_t part, std::int64_t parent);

// "37%" (whole percent, half away from zero), or kNoShareText when the parent is 0.
std::string format_share(std::int64_t part, std::int64_t parent);

}  // namespace csa::measure
