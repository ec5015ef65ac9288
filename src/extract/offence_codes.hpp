// The Home Office offence code list a crime extract's codes are checked against
// (data/taxonomy/home-office-offence-codes-2024-25.csv in the shared folder: offence_code,
// offence_description, offence_group, offence_subgroup). Forces write codes differently ("08N",
// "8n", " 8N"), so codes compare case-insensitively, with spaces and leading zeros ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace csa::extract {

// The list's path inside the shared data folder.
inline constexpr const char* kOffenceCodesRelative = "data/taxonomy/home-office-offence-codes-2024-25.csv";
// The shared folder's list as baked in at build time (CSA_SHARED_DATA_DIR), or empty when that file
// does not exist on this machine.
std::string default_offence_codes_path();
// What the default would be, for the message that explains --offence-codes.
std::string expected_offence_codes_path();

class OffenceCodeList {
 public:
  // Throws IoError when the file cannot be read, InputError when it is not a code list.
  static OffenceCodeList read(const std::string& path);
  // The code as the list writes it ("8N"), or nullopt when the list does not have it.
  std::optional<std::string_view> find(std::string_view code) const;
  std::size_t size() const { return codes_.size(); }
  const std::string& path() const { return path_; }

  // "08N" -> "8N", " 105a" -> "105A": the form codes are compared in.
  static std::string normalise(std::string_view code);

 private:
  std::string path_;
  std::unordered_map<std::string, std::string> codes_;  // normalised -> as listed
};

}  // namespace csa::extract
