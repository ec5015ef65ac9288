// The Home Office offence code list (../shared/data/taxonomy/home-office-offence-codes-2024-25.csv):
// code -> description -> offence group -> offence subgroup, as the Home Office publishes it with the
// police recorded crime open data tables. Read at run time, never copied into the repository, so a
// new year's list is a new file and a flag, not a code change.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace csa::offence {

struct OffenceCode {
  std::string code;         // "8N", "105A", "CIFAS"
  std::string description;  // "Assault with injury"
  std::string group;        // "Violence against the person"
  std::string subgroup;     // "Violence with injury"
};

class OffenceCodeList {
 public:
  OffenceCodeList() = default;
  // Throws InputError on an empty or duplicate code, or an empty group or subgroup.
  OffenceCodeList(std::string source, std::vector<OffenceCode> codes);

  const std::vector<OffenceCode>& codes() const { return codes_; }
  std::size_t size() const { return codes_.size(); }
  // Index of a code, compared as ingest compares them ("08N", " 8n" and "8N" are one code:
  // normalise_code); nullopt when the list lacks it.
  std::optional<std::size_t> find(std::string_view code) const;
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::vector<OffenceCode> codes_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

// "08N" -> "8N", " 105a" -> "105A": the form codes are compared in. Forces write codes differently
// ("08N", "8n", " 8N"), so codes compare case-insensitively, with spaces and leading zeros ignored.
std::string normalise_code(std::string_view code);

// Reads the list by column name (offence_code, offence_description, offence_group, offence_subgroup).
// Throws IoError when the file cannot be opened and InputError naming file, line and value when a
// row is malformed, a code repeats or a field is empty: the list is reference data, so a bad row
// would break every table built on it and is not skipped.
OffenceCodeList read_offence_codes(const std::string& path);

// The list's path inside the shared data folder.
inline constexpr const char* kOffenceCodesRelative = "data/taxonomy/home-office-offence-codes-2024-25.csv";
// The list in the shared data folder baked in at build time (CMake CSA_SHARED_DATA_DIR): the default
// of every command that reads it (ingest, extract tables, synth).
std::string default_offence_codes_path();

}  // namespace csa::offence
