// When crimes and incidents happen: a day-of-week by hour-of-day matrix (7 x 24) of the offence or
// incident start, for the records of the area in one window (chosen by recorded date for crimes).
// Records without a start time are counted in a note (a start date alone gives no hour).
#pragma once

#include <array>
#include <cstdint>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

// 0 = Monday ... 6 = Sunday.
int weekday_of_day(std::int32_t day);

struct DayHourMatrix {
  std::array<std::array<std::int64_t, 24>, 7> counts{};
  std::int64_t records = 0;
  std::int64_t without_time = 0;
};

DayHourMatrix day_hour_matrix(const extract::ExtractSet& set, const std::vector<std::size_t>& rows);

// Rows Monday..Sunday plus a total row, columns 00..23 plus the day's total.
table::Table time_of_day_table(const extract::ExtractSet& set, const Scope& scope, const period::Window& window);

}  // namespace csa::extract_analysis
