// Domestic abuse incidents and crimes, as seed 002 Table 6 lays them out (lines 1213-1227,
// golden/sa2024-domestic-abuse.csv): DA-marked crimes (crime extract, by recorded date) beside DA
// incidents (incident extract, by start date), whether each incident was crimed, and two proportions.
//
// The seed's "Proportion of total recorded DA that were crimes" prints crimes / (crimes + crimed
// incidents), which counts crimed incidents twice (golden/README.md section 5: 61% where
// 1776/2706 = 66%). We print the proportion as its label says, crimes / total police recorded DA,
// and say so in a note.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

struct DaYearCounts {
  std::int64_t crimes = 0;         // DA-marked crimes
  std::int64_t crimed = 0;         // incidents that resulted in a crime being recorded
  std::int64_t incident_only = 0;  // incidents that remain incident only
  std::int64_t not_stated = 0;     // incidents whose crimed flag is not given
};

// Rows as Table 6 (plus "crimed not stated" when any), one column per window.
table::Table da_incidents_table_from_counts(const std::vector<period::Window>& windows, const std::vector<DaYearCounts>& counts,
                                            const Scope& scope);

table::Table da_incidents_table(const extract::ExtractSet& crimes, const extract::ExtractSet& incidents, const Scope& scope,
                                const std::vector<period::Window>& windows);

}  // namespace csa::extract_analysis
