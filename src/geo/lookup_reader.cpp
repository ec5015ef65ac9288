#include "geo/lookup_reader.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "geo/csv_table.hpp"
#include "geo/gss_code.hpp"

namespace csa::geo {

namespace {

// The reason a code field is rejected, or nullopt when it is a GSS code.
std::optional<std::string> bad_code(std::string_view column, std::string_view value) {
  if (is_gss_code(value)) return std::nullopt;
  return fmt::format("{} is not a GSS code (a capital letter and 8 digits, e.g. {}); seen: '{}'; correct "
                     "the code or remove the row",
                     column, kGssExample, value);
}

// Remembers the first line of each key, so a duplicate names where the original is.
class DuplicateCheck {
 public:
  std::optional<std::string> check(std::string_view column, std::string_view key, std::uint64_t line) {
    auto [it, inserted] = first_line_.try_emplace(std::string(key), line);
    if (inserted) return std::nullopt;
    return fmt::format("duplicate {}; seen: '{}', first on line {}; keep one row per code", column, key,
                       it->second);
  }

 private:
  std::unordered_map<std::string, std::uint64_t> first_line_;
};

std::string level_name(const FoundColumn& code_column) {
  // "LSOA21CD" → "LSOA21": the level and its vintage, as ONS names them (upper case whatever the
  // file's case, so "lsoa21cd" reports the same vintage).
  std::string name = code_column.name.substr(0, code_column.name.size() - 2);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace

LsoaWardLadLookup read_lsoa_ward_lad_lookup(const std::string& path) {
  CsvTable table(path);
  const std::vector<ColumnRule> rules{
      {"LSOAyyCD", R"(LSOA(\d\d)CD)", true}, {"LSOAyyNM", R"(LSOA(\d\d)NM)", false},
      {"WDyyCD", R"(WD(\d\d)CD)", true},     {"WDyyNM", R"(WD(\d\d)NM)", true},
      {"LADyyCD", R"(LAD(\d\d)CD)", true},   {"LADyyNM", R"(LAD(\d\d)NM)", true},
  };
  auto cols = table.match(rules, "the ONS LSOA → ward → LAD best-fit lookup");
  const FoundColumn& lsoa_cd = *cols[0];
  const FoundColumn& wd_cd = *cols[2];
  const FoundColumn& wd_nm = *cols[3];
  const FoundColumn& lad_cd = *cols[4];
  const FoundColumn& lad_nm = *cols[5];
  const std::optional<FoundColumn>& lsoa_nm = cols[1];

  LsoaWardLadLookup out;
  out.lsoa_column = lsoa_cd.name;
  out.ward_column = wd_cd.name;
  out.lad_column = lad_cd.name;
  out.vintage = fmt::format("{} → {} → {}", level_name(lsoa_cd), level_name(wd_cd), level_name(lad_cd));

  DuplicateCheck duplicates;
  out.report = table.read_rows([&](const std::vector<std::string_view>& f,
                                   std::uint64_t line) -> std::optional<std::string> {
    if (auto r = bad_code(lsoa_cd.name, f[lsoa_cd.index])) return r;
    if (auto r = bad_code(wd_cd.name, f[wd_cd.index])) return r;
    if (auto r = bad_code(lad_cd.name, f[lad_cd.index])) return r;
    if (auto r = duplicates.check(lsoa_cd.name, f[lsoa_cd.index], line)) return r;
    out.rows.push_back(LsoaWardLadRow{std::string(f[lsoa_cd.index]),
                                      lsoa_nm ? std::string(f[lsoa_nm->index]) : std::string(),
                                      std::string(f[wd_cd.index]), std::string(f[wd_nm.index]),
                                      std::string(f[lad_cd.index]), std::string(f[lad_nm.index])});
    return std::nullopt;
  });
  return out;
}

LadCountyLookup read_lad_county_lookup(const std::string& path) {
  CsvTable table(path);
  const std::vector<ColumnRule> rules{
      {"LTLAyyCD or LADyyCD", R"((?:LTLA|LAD)(\d\d)CD)", true},
      {"LTLAyyNM or LADyyNM", R"((?:LTLA|LAD)(\d\d)NM)", true},
      {"UTLAyyCD, CTYyyCD or CTYUAyyCD", R"((?:UTLA|CTY|CTYUA)(\d\d)CD)", true},
      {"UTLAyyNM, CTYyyNM or CTYUAyyNM", R"((?:UTLA|CTY|CTYUA)(\d\d)NM)", true},
  };
  auto cols = table.match(rules, "the ONS LAD → county/unitary lookup");
  const FoundColumn& lad_cd = *cols[0];
  const FoundColumn& lad_nm = *cols[1];
  const FoundColumn& cty_cd = *cols[2];
  const FoundColumn& cty_nm = *cols[3];

  LadCountyLookup out;
  out.lad_column = lad_cd.name;
  out.county_column = cty_cd.name;
  out.vintage = fmt::format("{} → {}", level_name(lad_cd), level_name(cty_cd));

  DuplicateCheck duplicates;
  out.report = table.read_rows([&](const std::vector<std::string_view>& f,
                                   std::uint64_t line) -> std::optional<std::string> {
    if (auto r = bad_code(lad_cd.name, f[lad_cd.index])) return r;
    if (auto r = bad_code(cty_cd.name, f[cty_cd.index])) return r;
    if (auto r = duplicates.check(lad_cd.name, f[lad_cd.index], line)) return r;
    out.rows.push_back(LadCountyRow{std::string(f[lad_cd.index]), std::string(f[lad_nm.index]),
                                    std::string(f[cty_cd.index]), std::string(f[cty_nm.index])});
    return std::nullopt;
  });
  return out;
}

}  // namespace csa::geo
