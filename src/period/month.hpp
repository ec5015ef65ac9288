// Month: the unit of time in police.uk data, whose `Month` column is `YYYY-MM` with no day.
// Every period the assessment reports on (year ending, financial year, quarter …) is a run of whole
// months, so Month is the one time type the engine counts by. It is a single int (year*12 + month-1),
// cheap to copy, and doubles as an array index: months in a window map to consecutive slots.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace csa::period {

class Month {
 public:
  // Years outside 1..9999 cannot be written as YYYY, so they are rejected everywhere.
  static constexpr int min_year = 1;
  static constexpr int max_year = 9999;

  // January of year 1: a placeholder for containers; real months come from the factories below.
  constexpr Month() = default;

  // Throws InputError when month is not 1..12 or year is not 1..9999.
  Month(int year, int month);

  // The inverse of index(); throws InputError when the index is outside years 1..9999.
  static Month from_index(int index);

  // The store's integer form YYYYMM (202512); throws InputError when it is not a valid month.
  static Month from_yyyymm(int yyyymm);
  constexpr int yyyymm() const { return year() * 100 + month(); }

  // Parses exactly `YYYY-MM` (four-digit year, two-digit month 01-12; no spaces, no day).
  // Throws InputError naming the value and the expected form; `context` (e.g. "--ye" or
  // "data.csv:12") is put in front of the message so the user knows where the value came from.
  static Month parse(std::string_view text, std::string_view context = {});
  // The same rule without exceptions, for hot loops (one call per ingested row).
  static std::optional<Month> try_parse(std::string_view text) noexcept;

  constexpr int year() const { return index_ / 12; }
  constexpr int month() const { return index_ % 12 + 1; }  // 1 = January
  // year*12 + month-1: consecutive months have consecutive indices, so b.index() - a.index() is
  // the number of months from a to b.
  constexpr int index() const { return index_; }

  std::string to_string() const;              // "2025-12", the police.uk form
  std::string long_name() const;              // "December 2025"
  std::string short_name() const;             // "Dec 2025"
  std::string_view month_name() const;        // "December"
  std::string_view short_month_name() const;  // "Dec"

  // Calendar arithmetic: Month(2025, 1) - 1 == Month(2024, 12). Throws InputError when the result
  // leaves years 1..9999.
  Month operator+(int months) const { return from_index(index_ + months); }
  Month operator-(int months) const { return from_index(index_ - months); }
  Month& operator+=(int months) { return *this = *this + months; }
  Month& operator-=(int months) { return *this = *this - months; }
  Month& operator++() { return *this += 1; }
  // Months from `earlier` to this one (negative when this one is earlier).
  constexpr int operator-(Month earlier) const { return index_ - earlier.index_; }

  constexpr auto operator<=>(const Month&) const = default;

 private:
  static constexpr Month unchecked(int index) {
    Month m;
    m.index_ = index;
    return m;
  }
  int index_ = 12;  // January of year 1
};

}  // namespace csa::period

// fmt::format("{}", month) prints "2025-12".
template <>
struct fmt::formatter<csa::period::Month> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const csa::period::Month& m, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(m.to_string(), ctx);
  }
};
