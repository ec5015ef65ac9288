#include "stats/harm_weights.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <string_view>

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"

namespace csa::stats {

namespace {

constexpr int kAntiSocialBehaviour = 0;  // taxonomy code of "Anti-social behaviour"

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Columns {
  std::size_t category = 0, subgroup = 0, days = 0, count = 0;
};

Columns find_columns(const std::vector<std::string_view>& header, const std::string& path) {
  std::optional<std::size_t> category, subgroup, days, count;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view name = trim_spaces(header[i]);
    if (name == "category") category = i;
    if (name == "prc_subgroup") subgroup = i;
    if (name == "cchi_days") days = i;
    if (name.starts_with("national_count")) {
      if (count) {
        throw InputError(
            fmt::format("{}: two national count columns ('{}' and '{}'); keep one", path, header[*count], name));
      }
      count = i;
    }
  }
  if (!category || !subgroup || !days || !count) {
    std::string seen;
    for (std::string_view h : header) seen += fmt::format("{}'{}'", seen.empty() ? "" : ", ", h);
    throw InputError(
        fmt::format("{}: the header needs columns category, prc_subgroup, cchi_days and "
                    "national_count_<year>; found {}",
                    path, seen));
  }
  return {*category, *subgroup, *days, *count};
}

}  // namespace

std::vector<CchiSubgroup> read_cchi_subgroups(const std::string& path) {
  ingest::CsvReader reader(std::make_unique<ingest::FileSource>(path));
  ingest::CsvRecord record;
  auto status = reader.next(record);
  if (status != ingest::CsvReader::Status::ok) {
    throw InputError(
        fmt::format("{}: no header row{}{}; expected category,prc_subgroup,cchi_days,"
                    "national_count_<year>",
                    path, reader.error().empty() ? "" : ": ", reader.error()));
  }
  const Columns col = find_columns(record.fields, path);
  const std::size_t width = record.fields.size();

  std::vector<CchiSubgroup> rows;
  while ((status = reader.next(record)) != ingest::CsvReader::Status::end) {
    if (status == ingest::CsvReader::Status::malformed) {
      throw InputError(fmt::format("{} line {}: {}", path, record.line, reader.error()));
    }
    if (record.fields.size() == 1 && trim_spaces(record.fields[0]).empty()) continue;  // blank line
    if (record.fields.size() != width) {
      throw InputError(fmt::format("{} line {}: {} fields where the header has {}", path, record.line,
                                   record.fields.size(), width));
    }
    CchiSubgroup row;
    row.crime_type = std::string(trim_spaces(record.fields[col.category]));
    row.subgroup = std::string(trim_spaces(record.fields[col.subgroup]));
    const int code = taxonomy::crime_type_code(row.crime_type);
    if (code < 0 || code == kAntiSocialBehaviour) {
      throw InputError(
          fmt::format("{} line {}: category '{}' is not a police.uk crime type; use the exact "
                      "police.uk spelling, e.g. 'Violence and sexual offences' (anti-social "
                      "behaviour has no harm weight)",
                      path, record.line, row.crime_type));
    }
    const std::string_view days_text = trim_spaces(record.fields[col.days]);
    const auto [days_end, days_ec] =
        std::from_chars(days_text.data(), days_text.data() + days_text.size(), row.days);
    if (days_ec != std::errc() || days_end != days_text.data() + days_text.size() || !std::isfinite(row.days) ||
        row.days < 0.0) {
      throw InputError(fmt::format("{} line {}: cchi_days '{}' for '{}' is not a number of days (0 or more)", path,
                                   record.line, days_text, row.subgroup));
    }
    const std::string_view count_text = trim_spaces(record.fields[col.count]);
    const auto [count_end, count_ec] =
        std::from_chars(count_text.data(), count_text.data() + count_text.size(), row.national_count);
    if (count_ec != std::errc() || count_end != count_text.data() + count_text.size() || row.national_count < 0) {
      throw InputError(
          fmt::format("{} line {}: national count '{}' for '{}' is not a whole number (0 or more, "
                      "no separators)",
                      path, record.line, count_text, row.subgroup));
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw InputError(fmt::format("{}: no subgroups below the header", path));
  return rows;
}

CrimeTypeWeights derive_crime_type_weights(std::span<const CchiSubgroup> subgroups) {
  std::array<double, taxonomy::kCrimeTypeCount> weighted{}, counts{}, plain{}, rows{};
  for (const CchiSubgroup& s : subgroups) {
    const int code = taxonomy::crime_type_code(s.crime_type);
    if (code < 0 || code == kAntiSocialBehaviour) {
      throw InputError(
          fmt::format("harm weights: '{}' is not a police.uk crime type with a harm weight", s.crime_type));
    }
    const auto i = static_cast<std::size_t>(code);
    weighted[i] += s.days * static_cast<double>(s.national_count);
    counts[i] += static_cast<double>(s.national_count);
    plain[i] += s.days;
    rows[i] += 1.0;
  }
  CrimeTypeWeights out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (rows[i] == 0.0) continue;
    out[i] = counts[i] > 0.0 ? weighted[i] / counts[i] : plain[i] / rows[i];
  }
  return out;
}

}  // namespace csa::stats
