#include "ingest/police_uk_row.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::ingest {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(PoliceUkColumn::count_)> kColumnNames = {
    "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
    "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"};

std::optional<double> parse_coordinate(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// ONS GSS codes are a letter and 8 digits (E01011951); police.uk leaves the field empty when unknown.
bool looks_like_gss(std::string_view s) {
  if (s.size() != 9 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (std::size_t i = 1; i < 9; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

PoliceUkHeader::PoliceUkHeader(const std::vector<std::string_view>& fields, std::string_view file)
    : field_count_(fields.size()) {
  std::vector<std::string> missing;
  for (std::size_t c = 0; c < kColumnNames.size(); ++c) {
    std::size_t found = fields.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (trim(fields[i]) == kColumnNames[c]) {
        found = i;
        break;
      }
    }
    if (found == fields.size()) missing.emplace_back(kColumnNames[c]);
    index_[c] = found;
  }
  if (!missing.empty()) {
    std::string seen;
    for (auto f : fields) seen += fmt::format("{}\"{}\"", seen.empty() ? "" : ", ", f);
    throw InputError(fmt::format(
        "{}:1: not a police.uk street-level file: missing column(s) {}; header seen: {}; "
        "csa ingest police-uk reads the '*-street.csv' files from data.police.uk (outcomes and stop-and-search "
        "files have other columns)",
        file, fmt::join(missing, ", "), seen));
  }
}

std::optional<int> parse_year_month(std::string_view t) {
  if (t.size() != 7 || t[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  auto r1 = std::from_chars(t.data(), t.data() + 4, year);
  auto r2 = std::from_chars(t.data() + 5, t.data() + 7, month);
  if (r1.ec != std::errc() || r1.ptr != t.data() + 4 || r2.ec != std::errc() || r2.ptr != t.data() + 7) {
    return std::nullopt;
  }
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return std::nullopt;
  return year * 100 + month;
}

std::optional<std::string> parse_police_uk_row(const std::vector<std::string_view>& fields,
                                               const PoliceUkHeader& header, int expected_month,
                                               store::IncidentRecord& out) {
  if (fields.size() != header.field_count()) {
    return fmt::format("expected {} fields as in the header, found {} (an unquoted comma or a cut line)",
                       header.field_count(), fields.size());
  }
  auto get = [&](PoliceUkColumn c) { return fields[header.index(c)]; };

  auto month_text = trim(get(PoliceUkColumn::month));
  auto month = parse_year_month(month_text);
  if (!month) return fmt::format("Month '{}' is not a valid YYYY-MM month", month_text);
  if (expected_month != 0 && *month != expected_month) {
    return fmt::format("Month {} differs from the month the file name gives ({:04d}-{:02d}); police.uk files "
                       "hold one month each: rename or split the file",
                       month_text, expected_month / 100, expected_month % 100);
  }

  auto type = trim(get(PoliceUkColumn::crime_type));
  if (taxonomy::crime_type_code(type) < 0) {
    return fmt::format("Crime type '{}' is not one of the 14 police.uk crime types; if police.uk added a type, "
                       "add it to the taxonomy (data/taxonomy/police-uk-themes.toml)",
                       type);
  }

  auto lon_text = trim(get(PoliceUkColumn::longitude));
  auto lat_text = trim(get(PoliceUkColumn::latitude));
  out.lon.reset();
  out.lat.reset();
  if (lon_text.empty() != lat_text.empty()) {
    return fmt::format("only one coordinate given (Longitude '{}', Latitude '{}')", lon_text, lat_text);
  }
  if (!lon_text.empty()) {
    auto lon = parse_coordinate(lon_text);
    auto lat = parse_coordinate(lat_text);
    if (!lon || !lat) return fmt::format("coordinates are not numbers (Longitude '{}', Latitude '{}')", lon_text, lat_text);
    if (*lon < -180 || *lon > 180 || *lat < -90 || *lat > 90) {
      return fmt::format("coordinates out of range (Longitude {}, Latitude {})", lon_text, lat_text);
    }
    out.lon = lon;
    out.lat = lat;
  }

  auto lsoa = trim(get(PoliceUkColumn::lsoa_code));
  if (!lsoa.empty() && !looks_like_gss(lsoa)) {
    return fmt::format("LSOA code '{}' is not an ONS code (a letter and 8 digits, e.g. E01017540)", lsoa);
  }

  // Views into the record's fields: the caller copies what it keeps before reading the next record.
  out.crime_id = trim(get(PoliceUkColumn::crime_id));
  out.month = *month;
  out.reported_by = trim(get(PoliceUkColumn::reported_by));
  out.falls_within = trim(get(PoliceUkColumn::falls_within));
  out.location = trim(get(PoliceUkColumn::location));
  out.lsoa_code = lsoa;
  out.lsoa_name = trim(get(PoliceUkColumn::lsoa_name));
  out.crime_type = type;
  out.outcome = trim(get(PoliceUkColumn::last_outcome));
  out.context = trim(get(PoliceUkColumn::context));
  if (out.reported_by.empty()) return std::string("Reported by is empty: the force is unknown");
  if (out.falls_within.empty()) out.falls_within = out.reported_by;
  return std::nullopt;
}

}  // namespace csa::ingest
