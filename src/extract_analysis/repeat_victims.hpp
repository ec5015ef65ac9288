// Repeat victims, where the extract carries victim ids: victims with two or more crimes in the
// window, and the share of crimes against them. Crimes without a victim id are counted in a note.
#pragma once

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

// Rows per window: victims, repeat victims (2+), crimes with a victim id, crimes against repeat
// victims, with shares. Works on crime and DA incident extracts alike.
table::Table repeat_victims_table(const extract::ExtractSet& set, const Scope& scope, const std::vector<period::Window>& windows);

}  // namespace csa::extract_analysis
