#include "offence/offence_codes.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "geo/csv_table.hpp"

namespace csa::offence {

std::string normalise_code(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  for (char c : code) {
    if (c == ' ' || c == '\t') continue;
    if (c == '0' && out.empty()) continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (out.empty() && code.find('0') != std::string_view::npos) out.push_back('0');  // "00" is code 0
  return out;
}

OffenceCodeList::OffenceCodeList(std::string source, std::vector<OffenceCode> codes)
    : source_(std::move(source)), codes_(std::move(codes)) {
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    const auto& c = codes_[i];
    if (c.code.empty() || c.group.empty() || c.subgroup.empty()) {
      throw InputError(fmt::format("{}: offence code '{}' has an empty code, group or subgroup; every code needs all three",
                                   source_, c.code));
    }
    if (!by_code_.emplace(normalise_code(c.code), i).second) {
      throw InputError(fmt::format("{}: offence code '{}' is listed twice; each code must appear once", source_, c.code));
    }
  }
}

std::optional<std::size_t> OffenceCodeList::find(std::string_view code) const {
  auto it = by_code_.find(normalise_code(code));
  if (it == by_code_.end()) return std::nullopt;
  return it->second;
}

OffenceCodeList read_offence_codes(const std::string& path) {
  geo::CsvTable csv(path);
  const auto cols = csv.match({{"offence_code", "offence_code"},
                               {"offence_description", "offence_description"},
                               {"offence_group", "offence_group"},
                               {"offence_subgroup", "offence_subgroup"}},
                              "the Home Office offence code list (offence_code,offence_description,offence_group,offence_subgroup)");
  std::vector<OffenceCode> codes;
  std::unordered_map<std::string, std::uint64_t> line_of;
  auto report = csv.read_rows([&](const std::vector<std::string_view>& f, std::uint64_t line) -> std::optional<std::string> {
    OffenceCode c{std::string(f[cols[0]->index]), std::string(f[cols[1]->index]), std::string(f[cols[2]->index]),
                  std::string(f[cols[3]->index])};
    if (c.code.empty()) return "the offence code is empty; fill it in or delete the row";
    if (c.group.empty() || c.subgroup.empty()) {
      return fmt::format("offence code '{}' has no offence group or subgroup; add both", c.code);
    }
    auto [it, fresh] = line_of.emplace(c.code, line);
    if (!fresh) return fmt::format("offence code '{}' repeats line {}; keep one row per code", c.code, it->second);
    codes.push_back(std::move(c));
    return std::nullopt;
  });
  if (!report.rejected.empty()) {
    std::string msg = fmt::format("{}: {} of {} rows are not valid offence codes:", path, report.rows_rejected(), report.rows_read);
    for (std::size_t i = 0; i < report.rejected.size() && i < 5; ++i) msg += "\n  " + geo::describe(report, report.rejected[i]);
    throw InputError(msg);
  }
  if (codes.empty()) throw InputError(fmt::format("{}: holds no offence codes", path));
  return OffenceCodeList(path, std::move(codes));
}

std::string default_offence_codes_path() { return std::string(CSA_SHARED_DATA_DIR) + "/" + kOffenceCodesRelative; }

}  // namespace csa::offence
