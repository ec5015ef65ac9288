// Crimes per offender and persistent offenders (seed 000 lines 1529-1555): in one window, each
// offender id's number of crimes; offenders and crimes by band (1, 2, 3, 4-5, 6-9, 10 or more) with
// their shares; and persistent offenders, "somebody that commits six or more offences in a twelve
// month period" (the threshold is configurable), with the share of crimes they are linked to.
// Crimes with no offender id are counted in a note.
#pragma once

#include <cstdint>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

struct OffenderRequest {
  period::Window window;
  int persistent_from = 6;  // crimes in the window that make an offender persistent
};

table::Table offenders_table(const extract::ExtractSet& crimes, const Scope& scope, const OffenderRequest& request);

}  // namespace csa::extract_analysis
