// Small-number suppression (statistical disclosure control) for published tables.
// Why: a count of 1-4 offences or offenders in a small area can identify people, so partnerships
// print it as "<5" and hide the figures derived from it (seed 002 Tables 9-11, lines 1589-1680;
// docs: every public output applies this rule). Units: counts.
// Zero: printed as "0" by default (an empty category names no one; the seeds print absent
// categories as "-"), or as "<5" with suppress_zero, for publishers whose rule covers zero too.
// Not handled here: secondary suppression (a hidden cell recoverable as total minus the others).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>

namespace csa::measure {

struct SuppressionRule {
  std::int64_t threshold = 5;  // counts from 1 to threshold - 1 are hidden; must be >= 1
  bool suppress_zero = false;  // also hide 0
};

// Whether the count must not be published. Throws InputError on a negative count or a threshold < 1.
bool is_suppressed(std::int64_t count, const SuppressionRule& rule = {});

// The count as published: "<5" (the text uses the threshold) when suppressed, else its digits.
std::string format_count(std::int64_t count, const SuppressionRule& rule = {});

// Whether a figure derived from these counts (a share, change or rate) must be hidden: true when
// any input count is suppressed, since the figure would let a reader recover it.
bool derived_figure_hidden(std::span<const std::int64_t> inputs, const SuppressionRule& rule = {});
bool derived_figure_hidden(std::initializer_list<std::int64_t> inputs, const SuppressionRule& rule = {});

// The share printed for a suppressed part, as the seeds do: an upper bound "<X%" where X is the
// threshold's share of the parent, rounded half away from zero like format_share and at least 1
// ("<9%" for a parent of 58, seed 002 line 1591; "<3%" for 150, line 1669). Throws InputError when
// the parent is not positive.
std::string format_suppressed_share(std::int64_t parent, const SuppressionRule& rule = {});

}  // namespace csa::measure
