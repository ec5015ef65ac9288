// The CADET-style comparison table (seed 003 lines 579-623, seed 000 lines 3193-3330): every node of
// the offence hierarchy and the marker categories, counted in two periods, with the numeric change
// and the "apparent change" (+ 11.3%, one decimal, No Calc on a zero base; measure/change.hpp).
// Counts are checked to add up (each parent that is a Home Office group is counted by that group,
// independently of its children, and must equal their sum) before the table is returned.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "measure/change.hpp"
#include "offence/hierarchy.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

struct HierarchyCounts {
  offence::NodeCounts nodes;          // every node known
  std::vector<std::int64_t> markers;  // by Hierarchy::markers(), crimes in All crime with the marker
  std::int64_t code_not_in_list = 0;  // crimes whose code the list lacks (not in any row)
};

// Counts the given records (indices into set.records) over the tree. Leaves by code, Home Office
// group nodes by the group of each code, the others by their children; throws InternalError naming
// the nodes when a parent does not equal the sum of its children (offence::sum_failures).
HierarchyCounts count_hierarchy(const offence::Hierarchy& h, const extract::ExtractSet& set,
                                const std::vector<std::size_t>& rows);

struct CadetRequest {
  period::Window earlier;
  period::Window later;
  // cadet: "Numeric change" (17, -38) and "Apparent change" (+ 11.3%, No Calc). seeds: one column
  // "+32% (+677)" as seed 002 prints change, with zero_change_text for an unchanged count.
  enum class ChangeStyle { cadet, seeds } style = ChangeStyle::cadet;
  measure::PercentVolumeStyle seeds_style;
  bool markers = true;  // marker rows after All crime
  bool fraud = true;    // the roots outside All crime (national fraud bodies) after the markers
};

// The table from counts already made (the golden tests feed published counts here).
table::Table cadet_table_from_counts(const offence::Hierarchy& h, const HierarchyCounts& earlier,
                                     const HierarchyCounts& later, const CadetRequest& request, const Scope& scope);

// Selects the crimes of the area in each period (by recorded date) and builds the table with notes.
table::Table cadet_table(const offence::Hierarchy& h, const extract::ExtractSet& crimes, const Scope& scope,
                         const CadetRequest& request);

}  // namespace csa::extract_analysis
