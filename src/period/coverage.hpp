// Coverage: which months of a window the loaded data actually holds. police.uk publishes a month at a
// time and forces sometimes miss months, so a "year" in the database may hold fewer than 12 months.
// A count over a part-covered window is not wrong, but comparing it with a full one is not like for
// like: every output that shows a window's count or a change between windows carries its coverage,
// and changes between windows that are not both complete are flagged (see comparable()).
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "period/month.hpp"
#include "period/window.hpp"

namespace csa::period {

enum class CoverageStatus { complete, partial, empty };

struct Coverage {
  Window window;
  std::vector<Month> missing;  // months of the window with no data, in order

  int months_total() const { return window.size(); }
  int months_missing() const { return static_cast<int>(missing.size()); }
  int months_present() const { return months_total() - months_missing(); }
  CoverageStatus status() const;
  bool complete() const { return missing.empty(); }

  // "complete", "partial (8 of 12 months)" or "empty": a table cell.
  std::string summary() const;
  // A sentence for the output's notes, naming the gaps as runs of months:
  // "2023: no data for Jan 2023–Dec 2023 (12 of 12 months missing)",
  // "2024/25: no data for Apr 2024–Jun 2024, Sep 2024 (4 of 12 months missing)",
  // "2024/25: all 12 months present".
  std::string sentence() const;
};

// The months of `window` absent from `present`. The vector form must be sorted ascending (as read
// from the store); it throws InternalError otherwise, since an unsorted list would give wrong gaps.
std::vector<Month> missing_months(const Window& window, const std::set<Month>& present);
std::vector<Month> missing_months(const Window& window, std::span<const Month> present_sorted);

Coverage coverage(const Window& window, const std::set<Month>& present);
Coverage coverage(const Window& window, std::span<const Month> present_sorted);
// One Coverage per window, in the same order.
std::vector<Coverage> coverage(const std::vector<Window>& windows, const std::set<Month>& present);

// True when a change from one window to the other can be reported as like for like: both are
// complete. Outputs that compare windows where this is false must flag the comparison.
bool comparable(const Coverage& a, const Coverage& b);

// The flag to print beside such a comparison, empty when comparable(a, b):
// "2023/24 compared with 2024/25 is not like for like: 2024/25: no data for … (…)".
std::string comparison_warning(const Coverage& a, const Coverage& b);

}  // namespace csa::period
