// Shared pieces of every interval in csa::stats: the Interval type and the checked conversion of
// a confidence level (0.95 = "95%") into the two-sided normal quantile z (1.959964 for 95%).
// Why one place: each method validates its confidence the same way and names the fix in the same
// words, and none of them hard-codes 1.96 (PHE, Technical Guide: Confidence intervals, 2018, notes
// that 1.96 instead of the exact quantile is a common cause of mismatched results).
#pragma once

#include <string_view>

namespace csa::stats {

// A two-sided interval [lower, upper] in the units of the estimate it belongs to (a count, a rate
// per 1,000, a rate ratio ...). upper may be +infinity (a rate ratio whose base count is zero).
struct Interval {
  double lower = 0.0;
  double upper = 0.0;
};

// Throws InputError unless 0 < confidence < 1; `what` names the method in the message
// ("rate interval"), so the user sees which setting to fix.
void check_confidence(double confidence, std::string_view what);

// The two-sided standard normal quantile for a confidence level: z = Phi^-1(1 - (1 - c) / 2),
// 1.959963984540054 for 0.95 and 3.090232306167814 for 0.998. Checks the level as above.
double two_sided_z(double confidence, std::string_view what);

}  // namespace csa::stats
