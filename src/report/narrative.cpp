#include "report/narrative.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "core/thousands.hpp"

namespace csa::report {

std::string join_list(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  if (items.size() == 1) return items[0];
  std::string out;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + " and " + items.back();
}

std::string count_phrase(std::int64_t n, const std::string& noun) {
  return fmt::format("{} {}{}", with_commas(n), noun, n == 1 ? "" : "s");
}

std::string change_phrase(const measure::Change& c, const std::string& noun) {
  if (c.diff == 0) return fmt::format("did not change ({} in both years)", count_phrase(c.later, noun));
  if (!c.percent) return fmt::format("rose from 0 to {}", count_phrase(c.later, noun));
  std::string pct = measure::format_whole_percent_change(*c.percent);
  if (!pct.empty() && (pct[0] == '+' || pct[0] == '-')) pct = pct.substr(1);
  return fmt::format("{} by {} ({}{} {}{})", c.diff > 0 ? "increased" : "decreased", pct, c.diff > 0 ? "+" : "-",
                     with_commas(std::llabs(c.diff)), noun, std::llabs(c.diff) == 1 ? "" : "s");
}

std::string p_value_text(double p) { return p < 0.001 ? "p<0.001" : fmt::format("p={:.3f}", p); }

std::string significance_phrase(const stats::ChangeTest& t) {
  std::string base = t.small_base ? "; the earlier count is small, so the percentage is unstable" : "";
  if (t.significant) {
    return fmt::format("a statistically significant {} ({}){}",
                       t.direction == stats::ChangeDirection::increase ? "increase" : "decrease", p_value_text(t.p_value),
                       base);
  }
  return fmt::format("within the range chance alone would give ({}), so not a notable change{}", p_value_text(t.p_value),
                     base);
}

bool notable(const stats::ChangeTest& t) { return t.significant; }

std::string to_lower_first(std::string s) {
  if (s.size() > 1 && std::islower(static_cast<unsigned char>(s[1]))) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

std::string rank_words(std::size_t rank) {
  switch (rank) {
    case 1: return "highest";
    case 2: return "second highest";
    case 3: return "third highest";
    case 4: return "fourth highest";
    case 5: return "fifth highest";
    default: {
      std::size_t tens = rank % 100, units = rank % 10;
      const char* suffix = (tens >= 11 && tens <= 13) ? "th" : units == 1 ? "st" : units == 2 ? "nd" : units == 3 ? "rd" : "th";
      return fmt::format("{}{} highest", rank, suffix);
    }
  }
}

}  // namespace csa::report
