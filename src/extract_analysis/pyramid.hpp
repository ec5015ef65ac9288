// Victim and offender pyramids: counts by age band and sex, for the atlas and the report (seed 001
// lines 65-79, seed 000 lines 3047-3065: "age group x gender, by district"). A pyramid counts people:
// when the records carry person ids (victim_id, offender_id), each distinct id is one person, in the
// age band and sex of their first record in the period (earliest date of the set's basis, then file
// order), and a record without an id is one person of its own; with no ids at all, each record counts
// its victim (or main offender) once, and the basis line says so (docs/METHODS.md section 12). Cells of
// 1-4 are always suppressed (a pyramid cell is a handful of identifiable people even at district level).
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
  bool by_person = false;                  // some selected record has a person id: counts are people
  std::int64_t people = 0;                 // by_person: distinct ids
  std::int64_t records_without_id = 0;     // by_person: records with a person but no id, one person each
  std::int64_t age_unknown = 0;            // female or male, no age
  std::int64_t sex_unknown = 0;            // sex unknown or other (with or without age)
  std::int64_t no_person = 0;              // records with no age, sex or id for the person (no one to count)
};

Pyramid build_pyramid(const extract::ExtractSet& set, const std::vector<std::size_t>& rows, Person person);

// What the pyramid counted, for the table's basis note: distinct people (with how many ids and
// records without one) or records.
std::string pyramid_basis(const Pyramid& p);
// The same rule without numbers, for the atlas, which sends no total beside its hidden cells.
std::string pyramid_rule(const Pyramid& p);

// Rows are bands (oldest first, as a pyramid is read), columns Female and Male, cells 1-4 as <5.
table::Table pyramid_table(const Pyramid& p, const extract::ExtractSet& set, const Scope& scope, const period::Window& window,
                           const Selection& selection);

}  // namespace csa::extract_analysis
