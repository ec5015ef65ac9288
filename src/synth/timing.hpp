// When a synthetic crime or incident happened and when it was recorded: a day in its police.uk month
// chosen with day-of-week weights, an hour with time-of-day weights (both by pattern: night-time
// economy violence peaks on Friday and Saturday nights, shoplifting in shop hours, residential
// burglary in the day and early evening), and the lag to the recorded date. The crime generator
// then places the recorded date in the police.uk month (crime_generator.cpp says how).
// The day-of-week and hour weights are assumptions (docs/EXTRACTS.md); the sexual offence lag bands
// are published (seed 002 line 1134, synth/calibration.hpp).
#pragma once

#include <cstdint>

#include "period/month.hpp"
#include "synth/random.hpp"

namespace csa::synth {

enum class TimePattern : std::uint8_t {
  general,        // most crime and ASB: quiet 02:00-06:00, busiest in the afternoon and evening
  night_economy,  // violence around pubs and clubs: Friday and Saturday, 21:00-03:00
  shop_hours,     // shoplifting: Monday-Saturday 09:00-19:00, less on Sunday
  residential,    // burglary: daytime on weekdays and early evening
  home_evening,   // domestic abuse: evenings and weekends
};

struct Moment {
  std::int32_t day = 0;     // days since 1970-01-01
  std::int16_t minute = 0;  // minutes after midnight
};

// Days since 1970-01-01 of a civil date, and back (std::chrono; exact for the Gregorian calendar).
std::int32_t day_number(int year, int month, int day);
struct CivilDate { int year, month, day; };
CivilDate civil_date(std::int32_t day);
int weekday(std::int32_t day);  // 0 = Monday … 6 = Sunday

// A moment within `month` (a night-time-economy small hour belongs to the night before, and stays in
// the month).
Moment draw_moment(period::Month month, TimePattern pattern, Rng& rng);

// Days from the offence to its recording. `sexual`: the published bands (24% a year or more, 5% ten
// years or more); otherwise the assumed bands (60% same day, 25% 1-7, 13% 8-60, 2% 61-365).
std::int32_t draw_lag_days(bool sexual, Rng& rng);

}  // namespace csa::synth
