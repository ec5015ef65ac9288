#include "extract/date_format.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::extract {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits (exactly `exact` when non-zero) at text[pos].
bool read_number(std::string_view text, std::size_t& pos, int max_digits, int exact, int& out) {
  int n = 0, v = 0;
  while (pos < text.size() && n < max_digits && digit(text[pos])) {
    v = v * 10 + (text[pos] - '0');
    ++pos;
    ++n;
  }
  if (n == 0 || (exact != 0 && n != exact)) return false;
  out = v;
  return true;
}

struct Parts {
  int year = -1, month = -1, day = -1, hour = -1, minute = -1, second = -1;
};

std::optional<DateTime> finish(const Parts& p, bool want_date, bool want_time) {
  DateTime dt;
  if (want_date) {
    if (!valid_civil(p.year, p.month, p.day)) return std::nullopt;
    dt.day = days_from_civil(p.year, p.month, p.day);
  }
  if (want_time || p.hour >= 0) {
    int h = p.hour < 0 ? 0 : p.hour, m = p.minute < 0 ? 0 : p.minute, s = p.second < 0 ? 0 : p.second;
    if (h > 23 || m > 59 || s > 59) return std::nullopt;
    dt.minute = static_cast<std::int16_t>(h * 60 + m);
  }
  return dt;
}

std::optional<DateTime> parse_iso(std::string_view t) {
  Parts p;
  std::size_t pos = 0;
  if (!read_number(t, pos, 4, 4, p.year) || pos >= t.size() || t[pos++] != '-') return std::nullopt;
  if (!read_number(t, pos, 2, 2, p.month) || pos >= t.size() || t[pos++] != '-') return std::nullopt;
  if (!read_number(t, pos, 2, 2, p.day)) return std::nullopt;
  if (pos < t.size() && (t[pos] == 'T' || t[pos] == ' ')) {
    ++pos;
    if (!read_number(t, pos, 2, 2, p.hour) || pos >= t.size() || t[pos++] != ':') return std::nullopt;
    if (!read_number(t, pos, 2, 2, p.minute)) return std::nullopt;
    if (pos < t.size() && t[pos] == ':') {
      ++pos;
      if (!read_number(t, pos, 2, 2, p.second)) return std::nullopt;
      if (pos < t.size() && t[pos] == '.') {  // fractions of a second: read, not kept
        ++pos;
        while (pos < t.size() && digit(t[pos])) ++pos;
      }
    }
    if (pos < t.size() && t[pos] == 'Z') ++pos;
  }
  if (pos != t.size()) return std::nullopt;
  return finish(p, true, false);
}

}  // namespace

std::int32_t days_from_civil(int y, int m, int d) {
  // H. Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool valid_civil(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= last;
}

std::string civil_text(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

DateFormat::DateFormat(std::string pattern) : pattern_(std::move(pattern)) {
  if (pattern_ == "iso") {
    iso_ = true;
    has_date_ = true;
    return;
  }
  bool y = false, m = false, d = false, h = false, mi = false;
  for (std::size_t i = 0; i < pattern_.size(); ++i) {
    if (pattern_[i] != '%') continue;
    if (i + 1 == pattern_.size()) throw InputError(fmt::format("date pattern '{}' ends with a lone %", pattern_));
    switch (pattern_[++i]) {
      case 'Y': y = true; break;
      case 'm': m = true; break;
      case 'd': d = true; break;
      case 'H': h = true; break;
      case 'M': mi = true; break;
      case 'S': break;
      case '%': break;
      default:
        throw InputError(fmt::format("date pattern '{}' uses %{}; use %d %m %Y %H %M %S (or \"iso\")", pattern_,
                                     pattern_[i]));
    }
  }
  has_date_ = y || m || d;
  has_time_ = h || mi;
  if (has_date_ && !(y && m && d)) {
    throw InputError(fmt::format("date pattern '{}' needs all of %d, %m and %Y", pattern_));
  }
  if (has_time_ && !(h && mi)) throw InputError(fmt::format("time pattern '{}' needs both %H and %M", pattern_));
  if (!has_date_ && !has_time_) throw InputError(fmt::format("pattern '{}' has no %d/%m/%Y or %H/%M", pattern_));
}

std::optional<DateTime> DateFormat::parse(std::string_view t) const {
  if (iso_) return parse_iso(t);
  Parts p;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < pattern_.size(); ++i) {
    char c = pattern_[i];
    if (c != '%' || pattern_[i + 1] == '%') {
      if (c == '%') ++i;
      if (pos >= t.size() || t[pos] != c) return std::nullopt;
      ++pos;
      continue;
    }
    bool ok = true;
    switch (pattern_[++i]) {
      case 'Y': ok = read_number(t, pos, 4, 4, p.year); break;
      case 'm': ok = read_number(t, pos, 2, 0, p.month); break;
      case 'd': ok = read_number(t, pos, 2, 0, p.day); break;
      case 'H': ok = read_number(t, pos, 2, 0, p.hour); break;
      case 'M': ok = read_number(t, pos, 2, 0, p.minute); break;
      case 'S': ok = read_number(t, pos, 2, 0, p.second); break;
      default: ok = false;
    }
    if (!ok) return std::nullopt;
  }
  if (pos != t.size()) return std::nullopt;
  return finish(p, has_date_, has_time_);
}

std::string DateFormat::readable() const {
  if (iso_) return "yyyy-mm-dd[Thh:mm[:ss]]";
  std::string out;
  for (std::size_t i = 0; i < pattern_.size(); ++i) {
    if (pattern_[i] != '%') {
      out += pattern_[i];
      continue;
    }
    switch (pattern_[++i]) {
      case 'Y': out += "yyyy"; break;
      case 'm': out += "mm"; break;
      case 'd': out += "dd"; break;
      case 'H': out += "HH"; break;
      case 'M': out += "MM"; break;
      case 'S': out += "SS"; break;
      default: out += pattern_[i];
    }
  }
  return out;
}

std::optional<DateTime> parse_with(const std::vector<DateFormat>& formats, std::string_view text) {
  for (const auto& f : formats) {
    if (auto dt = f.parse(text)) return dt;
  }
  return std::nullopt;
}

std::string readable(const std::vector<DateFormat>& formats) {
  std::string out;
  for (const auto& f : formats) out += (out.empty() ? "" : " or ") + f.readable();
  return out;
}

}  // namespace csa::extract
