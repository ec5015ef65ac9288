#include "period/period_spec.hpp"

#include <optional>
#include <string>

#include "core/error.hpp"

namespace csa::period {
namespace {

constexpr std::string_view kForms =
    "  2025-12 or ye2025-12      year ending December 2025 (the 12 months to that month)\n"
    "  fy2024 or fy2024/25       financial year April 2024\u2013March 2025\n"
    "  cy2025                    calendar year 2025\n"
    "  fytd2025-09               financial year to date: April\u2013September 2025\n"
    "  fy2023/24q3 or fy2023q3   quarter 3 of financial year 2023/24: October\u2013December 2023\n"
    "  qe2025-06                 the quarter (3 months) ending June 2025\n";

constexpr std::string_view kFormsOneLine =
    "2025-12 or ye2025-12 (year ending), fy2024 or fy2024/25 (financial year), cy2025 (calendar "
    "year), fytd2025-09 (financial year to date), fy2023/24q3 (financial quarter), qe2025-06 "
    "(quarter ending)";

std::string lower_trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  s = s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Takes n digits from the front of `s`; nullopt unless there are n digits there.
std::optional<int> take_digits(std::string_view& s, std::size_t n) {
  if (s.size() < n) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  s.remove_prefix(n);
  return value;
}

class SpecParser {
 public:
  SpecParser(std::string_view original, std::string_view context) : original_(original), context_(context) {}

  Window parse() {
    const std::string spec = lower_trimmed(original_);
    std::string_view s = spec;
    if (s.empty()) fail("the value is empty");
    if (s.starts_with("fytd")) return financial_year_to_date(month(s.substr(4)));
    if (s.starts_with("fy")) return parse_financial(s.substr(2));
    if (s.starts_with("cy")) return calendar_year(year(s.substr(2), "cy"));
    if (s.starts_with("qe")) return quarter_ending(month(s.substr(2)));
    if (s.starts_with("ye")) return year_ending(month(s.substr(2)));
    if (s[0] >= '0' && s[0] <= '9') return year_ending(month(s));
    fail("it does not start with a month or with ye, fy, cy, fytd or qe");
  }

 private:
  [[noreturn]] void fail(std::string_view why) const {
    throw InputError(fmt::format("{}period \"{}\" is not valid: {}. Accepted forms: {}", prefix(), original_,
                                 why, kFormsOneLine));
  }

  std::string prefix() const { return context_.empty() ? std::string() : fmt::format("{}: ", context_); }

  Month month(std::string_view s) const {
    return Month::parse(s, fmt::format("{}period \"{}\"", prefix(), original_));
  }

  int year(std::string_view s, std::string_view form) const {
    std::string_view rest = s;
    const auto y = take_digits(rest, 4);
    if (!y || !rest.empty() || *y < Month::min_year)
      fail(fmt::format("after \"{}\" give a four-digit year, e.g. {}2025", form, form));
    return *y;
  }

  // fy2024, fy2024/25, fy2024-25, fy2024/2025, each optionally followed by q1..q4.
  Window parse_financial(std::string_view s) const {
    const auto start = take_digits(s, 4);
    if (!start || *start < Month::min_year)
      fail("after \"fy\" give the four-digit year the financial year starts in, e.g. fy2024 or fy2024/25");
    if (!s.empty() && (s[0] == '/' || s[0] == '-')) {
      s.remove_prefix(1);
      std::string_view four = s;
      const auto end4 = take_digits(four, 4);
      std::string_view two = s;
      const auto end2 = take_digits(two, 2);
      const bool ok = end4 ? *end4 == *start + 1 : (end2 && *end2 == (*start + 1) % 100);
      if (!end2)
        fail(fmt::format("after \"fy{}/\" give the two-digit end year, e.g. fy{}/{:02}", *start, *start,
                         (*start + 1) % 100));
      if (!ok)
        fail(fmt::format("a financial year runs April to March of the next year, so write fy{}/{:02}", *start,
                         (*start + 1) % 100));
      s = end4 ? four : two;
    }
    if (s.empty()) return financial_year(*start);
    if (s[0] == 'q') {
      s.remove_prefix(1);
      const auto q = take_digits(s, 1);
      if (!q || !s.empty() || *q < 1 || *q > 4)
        fail(
            fmt::format("a financial quarter is q1 (April-June) to q4 (January-March), e.g. fy{}q3", *start));
      return financial_quarter(*start, *q);
    }
    fail(fmt::format("unexpected \"{}\" after the financial year; write e.g. fy{}/{:02} or fy{}q3", s, *start,
                     (*start + 1) % 100, *start));
  }

  std::string_view original_;
  std::string_view context_;
};

}  // namespace

Window parse_window_spec(std::string_view spec, std::string_view context) {
  return SpecParser(spec, context).parse();
}

std::string_view window_spec_forms() { return kForms; }

}  // namespace csa::period
