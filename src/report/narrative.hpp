// Phrases the report's sentences are made of, in the seeds' register ("increased by 32% (+677
// offences)", "the top 3 wards were Market (805), Coleridge (690) and King's Hedges (254)"), so
// every chapter says a change, a list or a rank the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "measure/change.hpp"
#include "stats/change_test.hpp"

namespace csa::report {

// "a, b and c"
std::string join_list(const std::vector<std::string>& items);

// "2,772 offences" / "1 offence"; `noun` singular, an "s" is added for other counts ("incidents").
std::string count_phrase(std::int64_t n, const std::string& noun);

// "increased by 32% (+677 offences)", "decreased by 7% (-14 offences)", "did not change (1,204
// offences in both years)", "rose from 0 to 12 offences" (no percent on a zero base).
std::string change_phrase(const measure::Change& c, const std::string& noun);

// The significance of a change in words, for the sentence after a change: "a statistically
// significant increase (p<0.001)", "within what chance alone would give (p=0.41)"; small bases say so.
std::string significance_phrase(const stats::ChangeTest& t);

// Whether the narrative may call the change notable: significant at 5% (issue 4: only significant
// changes are called increases or decreases "notable").
bool notable(const stats::ChangeTest& t);

// "0.003" style p-values as printed everywhere: "p<0.001" or "p=0.041".
std::string p_value_text(double p);

// A label mid-sentence: "Shoplifting" -> "shoplifting"; acronyms stay ("ASB").
std::string to_lower_first(std::string label);

// Ordinal rank: 1 -> "highest", 2 -> "second highest", 3 -> "third highest", 11 -> "11th highest".
std::string rank_words(std::size_t rank);

}  // namespace csa::report
