#include "store/extract_record_layout.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::store::extract_layout {
namespace {

std::int64_t field(std::int64_t value, int bits, int shift, const char* name, const extract::Record& r) {
  if (value < 0 || value >= (std::int64_t{1} << bits)) {
    throw InternalError(fmt::format("extract record of line {}: {} value {} does not fit the stored layout", r.line,
                                    name, value));
  }
  return value << shift;
}

std::int64_t bits_at(std::int64_t attributes, int bits, int shift) {
  return (attributes >> shift) & ((std::int64_t{1} << bits) - 1);
}

// The day and minute back from pack_at's value; `no_time` from the attributes' bit.
void unpack_at(std::int64_t at, bool no_time, std::int32_t& day, std::int16_t& minute) {
  // Floor division: a date before 1970 has a negative count of minutes and a minute of 0-1439.
  std::int64_t m = ((at % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay;
  day = static_cast<std::int32_t>((at - m) / kMinutesPerDay);
  minute = no_time ? extract::kNoMinute : static_cast<std::int16_t>(m);
}

}  // namespace

std::int64_t pack_attributes(const extract::Record& r) {
  std::int64_t a = 0;
  a |= field(r.victim_age + 1, 8, kVictimAgeShift, "victim age", r);
  a |= field(r.offender_age + 1, 8, kOffenderAgeShift, "offender age", r);
  a |= field(static_cast<std::int64_t>(r.victim_sex), 2, kVictimSexShift, "victim sex", r);
  a |= field(static_cast<std::int64_t>(r.offender_sex), 2, kOffenderSexShift, "offender sex", r);
  a |= field(static_cast<std::int64_t>(r.risk), 3, kRiskShift, "risk", r);
  a |= field(r.crimed + 1, 2, kCrimedShift, "crimed", r);
  if (r.start_day != extract::kNoDay && r.start_minute == extract::kNoMinute) a |= std::int64_t{1} << kStartNoTimeShift;
  if (r.recorded_day != extract::kNoDay && r.recorded_minute == extract::kNoMinute) {
    a |= std::int64_t{1} << kRecordedNoTimeShift;
  }
  a |= field(r.markers, 9, kMarkersShift, "markers", r);
  a |= field(r.hate_strands, 5, kHateStrandsShift, "hate strands", r);
  return a;
}

std::optional<std::int64_t> pack_at(std::int32_t day, std::int16_t minute) {
  if (day == extract::kNoDay) return std::nullopt;
  return std::int64_t{day} * kMinutesPerDay + (minute == extract::kNoMinute ? 0 : minute);
}

void unpack(std::optional<std::int64_t> start_at, std::optional<std::int64_t> recorded_at, std::int64_t a,
            extract::Record& r) {
  r.victim_age = static_cast<std::int16_t>(bits_at(a, 8, kVictimAgeShift) - 1);
  r.offender_age = static_cast<std::int16_t>(bits_at(a, 8, kOffenderAgeShift) - 1);
  r.victim_sex = static_cast<extract::Sex>(bits_at(a, 2, kVictimSexShift));
  r.offender_sex = static_cast<extract::Sex>(bits_at(a, 2, kOffenderSexShift));
  r.risk = static_cast<extract::Risk>(bits_at(a, 3, kRiskShift));
  r.crimed = static_cast<std::int8_t>(bits_at(a, 2, kCrimedShift) - 1);
  r.markers = static_cast<std::uint16_t>(bits_at(a, 9, kMarkersShift));
  r.hate_strands = static_cast<std::uint8_t>(bits_at(a, 5, kHateStrandsShift));
  if (start_at) unpack_at(*start_at, bits_at(a, 1, kStartNoTimeShift) != 0, r.start_day, r.start_minute);
  if (recorded_at) unpack_at(*recorded_at, bits_at(a, 1, kRecordedNoTimeShift) != 0, r.recorded_day, r.recorded_minute);
}

}  // namespace csa::store::extract_layout
