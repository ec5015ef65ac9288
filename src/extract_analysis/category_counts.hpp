// The shape most incident tables share (ASB by category and risk, fires by cause and deliberate
// sub-type, ED and ambulance attendances by age, sex and location type): rows are categories that
// partition the area's records, one count column per window, the latest change in the seeds' style
// ("+32% (+677)"), and a total row; counts 1-4 suppressed below district level with secondary
// suppression, since the rows add up to the total.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

// The category label of a record (rows appear in first-seen order unless `order` lists them).
using Categorise = std::function<std::string(const extract::Record&)>;

struct CategoryTableSpec {
  std::string title;
  std::string row_heading;          // "Category"
  Categorise categorise;
  std::vector<std::string> order;   // printed first, in this order (kept even when zero)
};

table::Table category_table(const CategoryTableSpec& spec, const extract::ExtractSet& set, const Scope& scope,
                            const std::vector<period::Window>& windows);

// Age bands of ED and ambulance patients, as the pyramid's (pyramid_bands) plus "Unknown".
std::string age_band_label(std::int16_t age);

}  // namespace csa::extract_analysis
