#include "period/coverage.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace csa::period {
namespace {

// Gaps as runs: "Apr 2024–Jun 2024, Sep 2024". Both ends carry their year, so a run reads on its
// own even when a note lists runs from different years.
std::string describe_runs(const std::vector<Month>& months) {
  std::string out;
  std::size_t i = 0;
  while (i < months.size()) {
    std::size_t j = i;
    while (j + 1 < months.size() && months[j + 1] - months[j] == 1) ++j;
    if (!out.empty()) out += ", ";
    out += months[i].short_name();
    if (j > i) out += fmt::format("\u2013{}", months[j].short_name());
    i = j + 1;
  }
  return out;
}

template <typename Present>
std::vector<Month> missing_where(const Window& window, Present&& is_present) {
  std::vector<Month> out;
  for (Month m = window.first(); m <= window.last(); ++m)
    if (!is_present(m)) out.push_back(m);
  return out;
}

}  // namespace

CoverageStatus Coverage::status() const {
  if (missing.empty()) return CoverageStatus::complete;
  if (months_present() == 0) return CoverageStatus::empty;
  return CoverageStatus::partial;
}

std::string Coverage::summary() const {
  switch (status()) {
    case CoverageStatus::complete:
      return "complete";
    case CoverageStatus::empty:
      return "empty";
    case CoverageStatus::partial:
      break;
  }
  return fmt::format("partial ({} of {} months)", months_present(), months_total());
}

std::string Coverage::sentence() const {
  if (complete()) return fmt::format("{}: all {} months present", window.label(), months_total());
  return fmt::format("{}: no data for {} ({} of {} months missing)", window.label(), describe_runs(missing),
                     months_missing(), months_total());
}

std::vector<Month> missing_months(const Window& window, const std::set<Month>& present) {
  return missing_where(window, [&](Month m) { return present.contains(m); });
}

std::vector<Month> missing_months(const Window& window, std::span<const Month> present_sorted) {
  if (!std::is_sorted(present_sorted.begin(), present_sorted.end()))
    throw InternalError("missing_months: the list of months present must be sorted ascending");
  return missing_where(
      window, [&](Month m) { return std::binary_search(present_sorted.begin(), present_sorted.end(), m); });
}

Coverage coverage(const Window& window, const std::set<Month>& present) {
  return Coverage{window, missing_months(window, present)};
}

Coverage coverage(const Window& window, std::span<const Month> present_sorted) {
  return Coverage{window, missing_months(window, present_sorted)};
}

std::vector<Coverage> coverage(const std::vector<Window>& windows, const std::set<Month>& present) {
  std::vector<Coverage> out;
  out.reserve(windows.size());
  for (const Window& w : windows) out.push_back(coverage(w, present));
  return out;
}

bool comparable(const Coverage& a, const Coverage& b) { return a.complete() && b.complete(); }

std::string comparison_warning(const Coverage& a, const Coverage& b) {
  if (comparable(a, b)) return {};
  std::string gaps;
  for (const Coverage* c : {&a, &b}) {
    if (c->complete()) continue;
    if (!gaps.empty()) gaps += "; ";
    gaps += c->sentence();
  }
  return fmt::format("{} compared with {} is not like for like: {}", a.window.label(), b.window.label(),
                     gaps);
}

}  // namespace csa::period
