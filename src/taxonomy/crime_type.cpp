#include "taxonomy/crime_type.hpp"

#include <bit>

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::taxonomy {

const std::vector<std::string>& police_uk_crime_types() {
  static const std::vector<std::string> names = {
      "Anti-social behaviour",
      "Bicycle theft",
      "Burglary",
      "Criminal damage and arson",
      "Drugs",
      "Other crime",
      "Other theft",
      "Possession of weapons",
      "Public order",
      "Robbery",
      "Shoplifting",
      "Theft from the person",
      "Vehicle crime",
      "Violence and sexual offences",
  };
  return names;
}

int crime_type_code(std::string_view name) {
  // A linear scan: 14 short compares, most rejected on length, is as fast as a hash here and is
  // called once per ingested row.
  const auto& names = police_uk_crime_types();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

const std::string& crime_type_name(int code) {
  if (code < 0 || code >= kCrimeTypeCount)
    throw InternalError(fmt::format("crime type code {} is outside 0..{}", code, kCrimeTypeCount - 1));
  return police_uk_crime_types()[static_cast<std::size_t>(code)];
}

void CrimeTypeSet::insert(int code) {
  if (code < 0 || code >= kCrimeTypeCount)
    throw InternalError(fmt::format("crime type code {} is outside 0..{}", code, kCrimeTypeCount - 1));
  bits_ = static_cast<std::uint16_t>(bits_ | (1U << code));
}

int CrimeTypeSet::size() const { return std::popcount(bits_); }

std::vector<int> CrimeTypeSet::codes() const {
  std::vector<int> out;
  for (int code = 0; code < kCrimeTypeCount; ++code)
    if (contains(code)) out.push_back(code);
  return out;
}

}  // namespace csa::taxonomy
