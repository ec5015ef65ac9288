// Victim and offender pyramids: counts by age band and sex, for the atlas and the report (seed 001
// lines 65-79, seed 000 lines 3047-3065: "age group x gender, by district"). Each crime counts its
// victim (or main offender) once, so a person with several crimes is counted in each. Cells of 1-4
// are always suppressed (a pyramid cell is a handful of identifiable people even at district level).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/record.hpp"
#include "extract_analysis/scope.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

enum class Person { victim, offender };

struct AgeBand {
  int from = 0;
  int to = 0;  // inclusive; a large number for the open top band
  std::string label;
};
// 0-9, 10-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+.
const std::vector<AgeBand>& pyramid_bands();

struct Pyramid {
  Person person = Person::victim;
  std::vector<std::int64_t> female, male;  // by pyramid_bands()
  std::int64_t records = 0;                // records counted (selected)
  std::int64_t age_unknown = 0;            // female or male, no age
  std::int64_t sex_unknown = 0;            // sex unknown or other (with or without age)
  std::int64_t no_person = 0;              // offender pyramid: records with no offender age, sex or id
};

Pyramid build_pyramid(const extract::ExtractSet& set, const std::vector<std::size_t>& rows, Person person);

// Rows are bands (oldest first, as a pyramid is read), columns Female and Male, cells 1-4 as <5.
table::Table pyramid_table(const Pyramid& p, const extract::ExtractSet& set, const Scope& scope, const period::Window& window,
                           const Selection& selection);

}  // namespace csa::extract_analysis
