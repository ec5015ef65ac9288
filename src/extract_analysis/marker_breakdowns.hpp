// Marker analyses over the offence hierarchy: domestic abuse as a share of each offence group
// (headline: DA share of violence against the person; "DA crime types") and hate crime by strand and
// by offence group. One window; crimes by recorded date.
#pragma once

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "offence/hierarchy.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

// Rows: All crime and every node down to depth `max_depth` (groups and sub-groups), with the
// crimes carrying the marker, all crimes, and the marked share of the row; plus the marked crimes'
// share of all marked crimes.
table::Table marker_by_offence_table(const offence::Hierarchy& h, extract::Marker marker, const extract::ExtractSet& crimes,
                                     const Scope& scope, const period::Window& window, int max_depth = 3);

// Rows: the five Home Office strands; a crime with several strands counts in each, so the rows can
// sum to more than the hate crimes (said in a note); a hate crime with no strand is its own row.
table::Table hate_strand_table(const extract::ExtractSet& crimes, const Scope& scope, const period::Window& window);

}  // namespace csa::extract_analysis
