#include "geo/population_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "geo/csv_table.hpp"
#include "geo/gss_code.hpp"

namespace csa::geo {

LsoaPopulation read_lsoa_population(const std::string& path) {
  CsvTable table(path);
  const std::vector<ColumnRule> rules{
      {"lsoacd or LSOAyyCD", R"(LSOA(\d\d)?[ _]?(?:CD|CODE))", true},
      {"population", R"(population|pop|total)", true},
  };
  auto cols = table.match(rules, "a population table with one row per LSOA");
  const FoundColumn& code = *cols[0];
  const FoundColumn& pop = *cols[1];

  LsoaPopulation out;
  out.code_column = code.name;
  out.population_column = pop.name;
  if (!code.year.empty()) out.lsoa_vintage = "LSOA" + code.year;

  std::unordered_map<std::string, std::uint64_t> first_line;
  out.report = table.read_rows([&](const std::vector<std::string_view>& f,
                                   std::uint64_t line) -> std::optional<std::string> {
    std::string_view lsoa = f[code.index];
    if (!is_gss_code(lsoa)) {
      return fmt::format("{} is not a GSS code (a capital letter and 8 digits, e.g. {}); seen: '{}'; correct "
                         "the code or remove the row",
                         code.name, kGssExample, lsoa);
    }
    std::string_view text = f[pop.index];
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || text.front() == '-' || ec != std::errc() || end != text.data() + text.size() || value < 0) {
      return fmt::format("{} is not a whole number of 0 or more; seen: '{}'; write residents as digits only "
                         "(no separators, decimals or signs)",
                         pop.name, text);
    }
    auto [it, inserted] = first_line.try_emplace(std::string(lsoa), line);
    if (!inserted) {
      return fmt::format("duplicate {}; seen: '{}', first on line {}; keep one row per LSOA", code.name, lsoa,
                         it->second);
    }
    out.rows.push_back(LsoaPopulationRow{std::string(lsoa), value});
    return std::nullopt;
  });
  return out;
}

}  // namespace csa::geo
