// What every local-extract analysis shares: which records belong to the area and period, which
// date decides the period, what is suppressed, and the notes every table carries (source, date
// basis, records without a location, synthetic data). One place, so the tables agree.
//
// Dates: police recorded crime is counted by the date the crime was recorded (the Home Office
// convention for crime statistics); incidents (ASB, DA incidents, fires, attendances, call-outs) by
// the date they started. Area: a record belongs to the area holding its ward (ward_code), or, with
// no ward, the best-fit ward of its LSOA (lsoa_code) in the loaded geography. Records in the period
// with neither, or with codes the geography lacks, are counted in a note, never dropped silently.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dataset/geography.hpp"
#include "extract/record.hpp"
#include "measure/suppression.hpp"
#include "period/month.hpp"
#include "period/window.hpp"
#include "table/table.hpp"

namespace csa::extract_analysis {

inline constexpr const char* kSyntheticNote = "SYNTHETIC DATA: made by csa synth extract; not real crimes";

enum class DateBasis { recorded, start };
// Crimes by recorded date, everything else by start date.
DateBasis date_basis(extract::DatasetKind kind);

struct Scope {
  const dataset::Geography* geography = nullptr;
  int area = -1;  // index into geography
  // Counts 1..threshold-1 print as "<threshold" when suppress is set. By default (scope_for) set
  // below district level (wards), where a small count can identify a person.
  bool suppress = false;
  measure::SuppressionRule suppression;
};
// The scope of an area: suppression on below district level.
Scope scope_for(const dataset::Geography& geography, int area);

// The records of a set that fall in one window and the area, and what was left out and why.
struct Selection {
  std::vector<std::size_t> rows;        // indices into ExtractSet::records, in file order
  std::int64_t in_period = 0;           // records whose date falls in the window (any place)
  std::int64_t without_date = 0;        // records with no date of the basis (any period)
  std::int64_t location_unknown = 0;    // in the period, with neither ward nor LSOA
  std::int64_t location_not_in_lookup = 0;  // in the period, ward/LSOA codes the geography lacks
  std::int64_t outside_area = 0;        // in the period, placed in another area
};

period::Month month_of_day(std::int32_t day);
// The area index (in geography) a record is placed in at the ward level: its ward, else its LSOA's
// best-fit ward; -1 with no code, -2 when the codes are not in the geography.
int ward_of(const extract::Record& r, const dataset::Geography& g);

Selection select(const extract::ExtractSet& set, const Scope& scope, const period::Window& window);
Selection select(const extract::ExtractSet& set, const Scope& scope, const period::Window& window, DateBasis basis);

// The count as printed under the scope's suppression, with its exact value when shown.
table::Cell count_cell(std::int64_t count, const Scope& scope);
bool hidden(std::int64_t count, const Scope& scope);
// A whole-percent share cell ("37%"), hidden ("<9%" style upper bound is not used: the share of a
// hidden count prints as the hidden text) when the part is suppressed; "-" when the parent is 0.
table::Cell share_cell(std::int64_t part, std::int64_t parent, const Scope& scope);

// Notes every table of a set carries: the source(s), the date basis and window(s), records without a
// usable location, and the synthetic-data warning. Call once per table, with the selections shown.
void add_standard_notes(table::Table& t, const extract::ExtractSet& set, const Scope& scope,
                        const std::vector<period::Window>& windows, const std::vector<Selection>& selections);

}  // namespace csa::extract_analysis
