// How a local extract writes its dates and times: strftime-like patterns (%d %m %Y %H %M %S and
// literal characters) or "iso" (2024-03-31, 2024-03-31T14:05, 2024-03-31 14:05:09, optional Z).
// A date is days since 1970-01-01 (proleptic Gregorian), as extract::Record keeps it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csa::extract {

struct DateTime {
  std::int32_t day = 0;
  std::int16_t minute = -1;  // minutes after midnight; -1 when the pattern has no time
};

// One pattern, checked when the mapping is read (InputError naming what is wrong).
class DateFormat {
 public:
  explicit DateFormat(std::string pattern);  // "%d/%m/%Y", "iso", "%H:%M" (a time-only pattern)
  const std::string& pattern() const { return pattern_; }
  bool has_date() const { return has_date_; }
  bool has_time() const { return has_time_; }
  // nullopt when the text does not follow the pattern or names no real day/time (31/02/2024, 25:00).
  std::optional<DateTime> parse(std::string_view text) const;
  // "dd/mm/yyyy", "HH:MM": the pattern as people read it, for quarantine reasons.
  std::string readable() const;

 private:
  std::string pattern_;
  bool iso_ = false;
  bool has_date_ = false, has_time_ = false;
};

// Several patterns tried in order: the first that fits wins.
std::optional<DateTime> parse_with(const std::vector<DateFormat>& formats, std::string_view text);
std::string readable(const std::vector<DateFormat>& formats);  // "dd/mm/yyyy or yyyy-mm-dd"

std::int32_t days_from_civil(int year, int month, int day);
bool valid_civil(int year, int month, int day);
// Inverse of days_from_civil, for tests and output: "2024-03-31".
std::string civil_text(std::int32_t day);

}  // namespace csa::extract
