// The incident sources' own tables, each a category_table over one kind of extract, counted by the
// incident's start date: ASB by category (personal, nuisance, environmental) and by risk; fires by
// cause and deliberate sub-type; ED attendances and ambulance call-outs for assault by age band,
// by sex and by location type.
#pragma once

#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

std::vector<table::Table> asb_tables(const extract::ExtractSet& asb, const Scope& scope, const std::vector<period::Window>& windows);
std::vector<table::Table> fire_tables(const extract::ExtractSet& fires, const Scope& scope, const std::vector<period::Window>& windows);
// For ed-attendance and ambulance sets alike.
std::vector<table::Table> assault_attendance_tables(const extract::ExtractSet& set, const Scope& scope,
                                                    const std::vector<period::Window>& windows);

}  // namespace csa::extract_analysis
