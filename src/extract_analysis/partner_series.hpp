// A partner's aggregate table (treatment numbers, probation caseload) as seed 002 Table 7 prints it
// (golden/sa2024-treatment.csv): each category in two periods, its share of the later total and the
// change "+6% (+7)", with "0% (0)" for an unchanged count. District-level aggregates: not suppressed.
#pragma once

#include <string>
#include <vector>

#include "extract/record.hpp"
#include "measure/change.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

struct SeriesRequest {
  std::string series;          // "treatment"
  std::string earlier_period;  // a period label as loaded ("ye2023-09"); empty: the second latest loaded
  std::string later_period;    // empty: the latest loaded
  measure::PercentVolumeStyle style;  // zero change prints "0% (0)" as Table 7 does
};

// Rows are the series' categories in load order; a category whose name starts with "Total" is the
// total row (its count must equal the sum of the others: InputError naming both when not), else a
// "Total" row is added as the sum. Throws InputError when the series or a period is not loaded.
table::Table series_table(const std::vector<extract::SeriesValue>& values, const SeriesRequest& request);

}  // namespace csa::extract_analysis
