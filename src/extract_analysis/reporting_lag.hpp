// Reporting lag: whole years between the offence start date and the date the police recorded it, in
// the bands of seed 002 Figure 24 (line 1134: "24% of offences occurred at least 12 months prior to
// the offence recorded date"; "5% ... a reporting lag of 10 years or more"): under 1 year, 1-4
// years, 5-9 years, 10 years or more. A year is a whole anniversary (29 Feb counts from 28 Feb in a
// common year). Optionally restricted to one node of the offence hierarchy (sexual offences).
#pragma once

#include <cstdint>
#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "offence/hierarchy.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

// Whole years from start to recorded (0 when recorded within a year); -1 when recorded is before start.
int whole_years_between(std::int32_t start_day, std::int32_t recorded_day);

// Rows: the bands, then "At least 12 months" (the seed's headline share); columns per window: count
// and share of crimes with a start date. node = -1 for all crimes.
table::Table reporting_lag_table(const offence::Hierarchy& h, int node, const extract::ExtractSet& crimes, const Scope& scope,
                                 const std::vector<period::Window>& windows);

}  // namespace csa::extract_analysis
