// Change between two counts of the same thing in two periods (e.g. YE Sep 2023 -> YE Sep 2024),
// as numbers and as the texts the seed assessments print. Units: `diff` is a count (volume
// change); the percent is percent of the earlier count (not percentage points).
// Three printed styles, one function each:
//   * percent and volume, seed 002 Tables 2-7: "+32% (+677)", "0% (+3)", "(+2)", "No Change".
//   * CADET, seed 003 lines 586-621 and seed 000 lines 3196-3325: "+ 11.3%", "No Calc".
//   * plain signed volume, seed 004 Table 15 and the CADET "Numeric Change" column: "17", "-38".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "measure/ratio.hpp"

namespace csa::measure {

struct Change {
  std::int64_t earlier = 0;
  std::int64_t later = 0;
  std::int64_t diff = 0;         // later - earlier (counts)
  std::optional<Ratio> percent;  // diff * 100 / earlier, exact; empty when earlier is 0
};

// Counts must be >= 0; a missing count (a "-" cell) is passed as 0, as the seed totals only
// reconcile that way (golden/README.md, file 4). Throws InputError on a negative count.
Change compute_change(std::int64_t earlier, std::int64_t later);

// --- Percent and volume (seed 002) ---------------------------------------------------------------

inline constexpr std::string_view kNoChangeText = "No Change";  // seed 002 Table 5

struct PercentVolumeStyle {
  // Printed when the earlier count is non-zero and the later count equals it. Seed 002 prints
  // "0% (0)" in Table 7 and kNoChangeText in Table 5 of the same report.
  std::string zero_change_text = "0% (0)";
};

// "<percent> (<volume>)": the percent is whole, half away from zero, signed ("+9%", "-41%"), and
// "0%" without a sign when it rounds to zero ("0% (-54)" is -54 on 15466). When the earlier count
// is 0 (or was missing) no percent can be computed, so only the volume prints: "(+2)", or "(0)"
// for 0 -> 0 (zero_change_text is not used then, because it may claim a percent).
std::string format_percent_and_volume(const Change& change, const PercentVolumeStyle& style = {});

// The volume as seed 002 prints it: "+60", "-276", "0".
std::string format_signed_volume(std::int64_t diff);

// A whole percent change: "+63%", "-7%", "0%" (unsigned when it rounds to zero).
std::string format_whole_percent_change(const Ratio& percent);

// --- CADET (police crime-recording tool, seeds 000 and 003) -----------------------------------------

inline constexpr std::string_view kNoCalcText = "No Calc";

// One decimal, half away from zero, with the sign and a space before the number:
// "+ 11.3%" and "- 100.0%" (seed 003 lines 586, 594). The sign follows the count change, not the
// rounded percent: +2 on a large base prints "+ 0.0%" (seed 000 line 3244). An earlier count of 0
// prints kNoCalcText whatever the later count (seed 003 line 591, 0 -> 42; seed 000 line 3208).
// No seed shows an unchanged non-zero count; we print "+ 0.0%" as the same sign rule gives.
std::string format_cadet_percent(const Change& change);

// --- Plain ---------------------------------------------------------------------------------------------

// The count change with a minus sign only: "17", "-38", "0" (seed 004 lines 1533-1558; CADET
// "Numeric Change", seed 003 line 586 "841", line 594 "-8").
std::string format_plain_change(const Change& change);

}  // namespace csa::measure
