// The 14 police.uk crime types (the `Crime type` column of the street-level CSV), each given a small
// integer code so the dataset can store one byte per incident and a theme or group can be a bitmask.
// The codes are the positions in police_uk_crime_types(): alphabetical, fixed, and never reordered
// (stored data and caches depend on them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace csa::taxonomy {

inline constexpr int kCrimeTypeCount = 14;

// The exact police.uk spellings, in code order: code 0 is "Anti-social behaviour", 13 is
// "Violence and sexual offences".
const std::vector<std::string>& police_uk_crime_types();

// The code of an exact police.uk spelling (case and spaces must match, as in the CSV), or -1.
int crime_type_code(std::string_view name);

// The police.uk spelling of a code; throws InternalError for a code outside 0..13.
const std::string& crime_type_name(int code);

// A set of crime types as a bitmask of codes: what a theme or group covers. Filtering an incident is
// one AND: set.contains(code).
class CrimeTypeSet {
 public:
  constexpr CrimeTypeSet() = default;
  static constexpr CrimeTypeSet from_bits(std::uint16_t bits) { return CrimeTypeSet(bits); }

  constexpr bool contains(int code) const {
    return code >= 0 && code < kCrimeTypeCount && (bits_ >> code & 1U) != 0;
  }
  void insert(int code);  // throws InternalError for a code outside 0..13
  constexpr bool empty() const { return bits_ == 0; }
  int size() const;
  std::vector<int> codes() const;  // ascending
  constexpr std::uint16_t bits() const { return bits_; }

  constexpr CrimeTypeSet operator|(CrimeTypeSet o) const {
    return CrimeTypeSet(static_cast<std::uint16_t>(bits_ | o.bits_));
  }
  constexpr CrimeTypeSet operator&(CrimeTypeSet o) const {
    return CrimeTypeSet(static_cast<std::uint16_t>(bits_ & o.bits_));
  }
  CrimeTypeSet& operator|=(CrimeTypeSet o) { return *this = *this | o; }
  constexpr bool operator==(const CrimeTypeSet&) const = default;

 private:
  constexpr explicit CrimeTypeSet(std::uint16_t bits) : bits_(bits) {}
  std::uint16_t bits_ = 0;
};

}  // namespace csa::taxonomy
