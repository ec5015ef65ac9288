#include "geo/area_level.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "geo/gss_code.hpp"

namespace csa::geo {

std::string_view to_string(AreaLevel level) {
  switch (level) {
    case AreaLevel::ward: return "ward";
    case AreaLevel::lsoa: return "lsoa";
    case AreaLevel::lad: return "lad";
    case AreaLevel::other: return "other";
  }
  return "other";
}

AreaLevel level_from_field_prefix(std::string_view prefix) {
  std::string upper(prefix);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper == "WD" || upper == "WARD") return AreaLevel::ward;
  if (upper == "LSOA" || upper == "DZ") return AreaLevel::lsoa;  // DZ: Scottish data zones
  if (upper == "LAD" || upper == "LTLA") return AreaLevel::lad;
  return AreaLevel::other;
}

AreaLevel level_from_gss_code(std::string_view code) {
  std::string_view entity = gss_entity(code);
  if (entity.empty()) return AreaLevel::other;
  static constexpr std::array<std::string_view, 4> wards{"E05", "W05", "S13", "N08"};
  static constexpr std::array<std::string_view, 3> lsoas{"E01", "W01", "S01"};
  static constexpr std::array<std::string_view, 7> lads{"E06", "E07", "E08", "E09", "W06", "S12", "N09"};
  auto in = [entity](const auto& list) { return std::find(list.begin(), list.end(), entity) != list.end(); };
  if (in(wards)) return AreaLevel::ward;
  if (in(lsoas)) return AreaLevel::lsoa;
  if (in(lads)) return AreaLevel::lad;
  return AreaLevel::other;
}

}  // namespace csa::geo
