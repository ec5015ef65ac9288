#include "period/month.hpp"

#include <array>

#include "core/error.hpp"

namespace csa::period {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr int min_index = Month::min_year * 12;
constexpr int max_index = Month::max_year * 12 + 11;

// Why a text is not YYYY-MM, phrased as the fix the user should make.
std::string diagnose(std::string_view text) {
  if (text.empty()) return "the value is empty; write the month as YYYY-MM, e.g. 2025-03";
  if (text.find_first_of(" \t\r\n") != std::string_view::npos)
    return "remove the spaces; write the month as YYYY-MM, e.g. 2025-03";
  // 2025-3: a one-digit month.
  if (text.size() == 6 && text[4] == '-' && is_digit(text[5]))
    return fmt::format("write the month with two digits: {}-0{}", text.substr(0, 4), text[5]);
  // 2025-03-01: a date rather than a month.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-')
    return fmt::format("give the month without a day: {}", text.substr(0, 7));
  // 03/2025 or 03-2025: month first.
  if (text.size() == 7 && (text[2] == '/' || text[2] == '-') && is_digit(text[0]) && is_digit(text[1]))
    return fmt::format("write the year first: {}-{}", text.substr(3, 4), text.substr(0, 2));
  if (text.size() == 7 && text[4] == '-' && is_digit(text[5]) && is_digit(text[6]))
    return "the month must be 01 to 12, e.g. 2025-03";
  return "write the month as YYYY-MM (four-digit year, two-digit month 01-12), e.g. 2025-03";
}

}  // namespace

Month::Month(int year, int month) {
  if (month < 1 || month > 12)
    throw InputError(fmt::format("month number {} (year {}) is not valid: use 1 to 12", month, year));
  if (year < min_year || year > max_year)
    throw InputError(
        fmt::format("year {} is not valid: use a four-digit year {} to {}", year, min_year, max_year));
  index_ = year * 12 + (month - 1);
}

Month Month::from_index(int index) {
  if (index < min_index || index > max_index)
    throw InputError(
        fmt::format("month index {} is outside years {} to {}: a period reaches too far back or forward",
                    index, min_year, max_year));
  return unchecked(index);
}

Month Month::from_yyyymm(int yyyymm) {
  if (yyyymm < 0 || yyyymm % 100 < 1 || yyyymm % 100 > 12)
    throw InputError(
        fmt::format("month {} is not valid: expected YYYYMM with month 01-12, e.g. 202503", yyyymm));
  return Month(yyyymm / 100, yyyymm % 100);
}

std::optional<Month> Month::try_parse(std::string_view text) noexcept {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (!is_digit(text[i])) return std::nullopt;
  const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  if (year < min_year || month < 1 || month > 12) return std::nullopt;
  return unchecked(year * 12 + month - 1);
}

Month Month::parse(std::string_view text, std::string_view context) {
  if (auto m = try_parse(text)) return *m;
  const std::string prefix = context.empty() ? std::string() : fmt::format("{}: ", context);
  throw InputError(fmt::format("{}month \"{}\" is not valid: {}", prefix, text, diagnose(text)));
}

std::string_view Month::month_name() const { return kMonthNames[static_cast<std::size_t>(month() - 1)]; }

std::string_view Month::short_month_name() const { return month_name().substr(0, 3); }

std::string Month::to_string() const { return fmt::format("{:04}-{:02}", year(), month()); }

std::string Month::long_name() const { return fmt::format("{} {}", month_name(), year()); }

std::string Month::short_name() const { return fmt::format("{} {}", short_month_name(), year()); }

}  // namespace csa::period
