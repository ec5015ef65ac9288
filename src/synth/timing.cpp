#include "synth/timing.hpp"

#include <array>
#include <chrono>
#include <cmath>

#include "synth/calibration.hpp"

namespace csa::synth {
namespace {

using Hours = std::array<double, 24>;
using Week = std::array<double, 7>;  // Monday first

// Assumed weights (relative). General: the Home Office's usual crime clock, low before dawn.
constexpr Hours kGeneralHours = {3, 2, 2, 1, 1, 1, 2, 3, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8, 7, 6, 5, 5, 4};
constexpr Week kGeneralWeek = {1, 1, 1, 1, 1.1, 1.1, 0.9};
constexpr Hours kShopHours = {0, 0, 0, 0, 0, 0, 0, 0.2, 1, 3, 5, 6, 7, 7, 7, 8, 8, 7, 5, 2, 0.5, 0.2, 0, 0};
constexpr Week kShopWeek = {1, 1, 1, 1, 1.1, 1.2, 0.6};
constexpr Hours kResidentialHours = {2, 2, 2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 8, 8, 7, 5, 4, 3, 2};
constexpr Week kResidentialWeek = {1.1, 1, 1, 1, 1.1, 0.9, 0.8};
constexpr Hours kHomeHours = {4, 3, 2, 1, 1, 1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8, 9, 9, 8, 6};
constexpr Week kHomeWeek = {1, 0.9, 0.9, 0.9, 1, 1.2, 1.3};
// Night-time economy: the night starting on each weekday, then hours 21..26 of that night.
constexpr Week kNightWeek = {0.3, 0.3, 0.4, 0.6, 1.5, 1.8, 0.6};
constexpr std::array<double, 7> kNightHours = {1, 2, 3, 4, 4, 3, 1};  // 20:00 … 02:00 (index 0 = 20:00)

int days_in(period::Month m) {
  return day_number(m.year() + (m.month() == 12 ? 1 : 0), m.month() == 12 ? 1 : m.month() + 1, 1) -
         day_number(m.year(), m.month(), 1);
}

std::int32_t draw_day(period::Month month, const Week& week, Rng& rng, int last_offset) {
  const std::int32_t first = day_number(month.year(), month.month(), 1);
  const int n = days_in(month) - last_offset;
  std::array<double, 31> w{};
  for (int d = 0; d < n; ++d) w[static_cast<std::size_t>(d)] = week[static_cast<std::size_t>(weekday(first + d))];
  return first + static_cast<std::int32_t>(rng.pick(std::span<const double>(w.data(), static_cast<std::size_t>(n))));
}

}  // namespace

std::int32_t day_number(int year, int month, int day) {
  using namespace std::chrono;
  return static_cast<std::int32_t>(
      sys_days{std::chrono::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day)}
          .time_since_epoch()
          .count());
}

CivilDate civil_date(std::int32_t day) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int weekday(std::int32_t day) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

Moment draw_moment(period::Month month, TimePattern pattern, Rng& rng) {
  const Hours* hours = &kGeneralHours;
  const Week* week = &kGeneralWeek;
  switch (pattern) {
    case TimePattern::general: break;
    case TimePattern::shop_hours: hours = &kShopHours; week = &kShopWeek; break;
    case TimePattern::residential: hours = &kResidentialHours; week = &kResidentialWeek; break;
    case TimePattern::home_evening: hours = &kHomeHours; week = &kHomeWeek; break;
    case TimePattern::night_economy: {
      // The night starts on a day that leaves room for its small hours inside the month.
      Moment m;
      m.day = draw_day(month, kNightWeek, rng, 1);
      int hour = 20 + static_cast<int>(rng.pick(kNightHours));
      if (hour >= 24) {
        hour -= 24;
        m.day += 1;
      }
      m.minute = static_cast<std::int16_t>(hour * 60 + rng.below(60));
      return m;
    }
  }
  Moment m;
  m.day = draw_day(month, *week, rng, 0);
  m.minute = static_cast<std::int16_t>(static_cast<int>(rng.pick(*hours)) * 60 + rng.below(60));
  return m;
}

std::int32_t draw_lag_days(bool sexual, Rng& rng) {
  namespace c = calibration;
  if (sexual) {
    double u = rng.uniform();
    if (u < c::kSexualLagTenYearsPlus) return static_cast<std::int32_t>(rng.between(3653, 30 * 365));
    if (u < c::kSexualLagYearPlus) return static_cast<std::int32_t>(rng.between(366, 3652));
    // Within a year: exponential, mean 30 days, folded into 0..365.
    double lag = -30.0 * std::log(1.0 - rng.uniform());
    return static_cast<std::int32_t>(std::min(365.0, std::floor(lag)));
  }
  switch (rng.pick(c::kOtherLagBands)) {
    case 0: return 0;
    case 1: return static_cast<std::int32_t>(rng.between(1, 7));
    case 2: return static_cast<std::int32_t>(rng.between(8, 60));
    default: return static_cast<std::int32_t>(rng.between(61, 365));
  }
}

}  // namespace csa::synth
