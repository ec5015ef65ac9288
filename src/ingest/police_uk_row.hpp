// One police.uk street-level row: header mapping and validation. A row that cannot be used gets a
// reason (for the quarantine table) instead of being silently dropped or crashing the load.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace csa::ingest {

// The police.uk street file's columns, found by name so a reordered file still loads.
enum class PoliceUkColumn {
  crime_id, month, reported_by, falls_within, longitude, latitude, location, lsoa_code, lsoa_name,
  crime_type, last_outcome, context, count_
};

class PoliceUkHeader {
 public:
  // Throws InputError naming the file and the missing columns when the header is not police.uk's.
  PoliceUkHeader(const std::vector<std::string_view>& fields, std::string_view file);
  std::size_t index(PoliceUkColumn c) const { return index_[static_cast<std::size_t>(c)]; }
  std::size_t field_count() const { return field_count_; }

 private:
  std::array<std::size_t, static_cast<std::size_t>(PoliceUkColumn::count_)> index_{};
  std::size_t field_count_ = 0;
};

// Validates one record; returns the reason it cannot be used, or fills `out` and returns nullopt.
// The text fields of `out` are views into `fields`: copy them before the reader moves on.
// expected_month (YYYYMM, 0 = any) is the month the file's name says it holds.
std::optional<std::string> parse_police_uk_row(const std::vector<std::string_view>& fields,
                                               const PoliceUkHeader& header, int expected_month,
                                               store::IncidentRecord& out);

// "2025-03" -> 202503, or nullopt when not a valid YYYY-MM.
std::optional<int> parse_year_month(std::string_view text);

}  // namespace csa::ingest
