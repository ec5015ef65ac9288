// treatment_series (partner_generators.hpp): the golden treatment table, scaled to the area.
#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "geo/csv_table.hpp"
#include "synth/calibration.hpp"
#include "synth/partner_generators.hpp"

namespace csa::synth {

std::vector<TreatmentRow> treatment_series(const std::string& golden_path, std::int64_t area_population, double scale,
                                           Rng& rng) {
  geo::CsvTable csv(golden_path);
  const auto cols = csv.match({{"substance_type", "substance_type"}, {"ye_sep_2023", "ye_sep_2023"}, {"ye_sep_2024", "ye_sep_2024"}},
                              "the treatment table (substance_type,ye_sep_2023,ye_sep_2024)");
  // With no population loaded the area is taken to be Cambridge's size.
  const double factor = (area_population > 0 ? static_cast<double>(area_population) / calibration::kCambridgePopulation : 1.0) * scale;
  std::vector<TreatmentRow> rows;
  TreatmentRow total{"Total in treatment", 0, 0};
  auto report = csv.read_rows([&](const std::vector<std::string_view>& f, std::uint64_t) -> std::optional<std::string> {
    const std::string category(f[cols[0]->index]);
    if (category == "Total in treatment") return std::nullopt;
    double a = 0, b = 0;
    try {
      a = std::stod(std::string(f[cols[1]->index]));
      b = std::stod(std::string(f[cols[2]->index]));
    } catch (const std::exception&) {
      return fmt::format("'{}' has a count that is not a number", category);
    }
    TreatmentRow r{category, rng.poisson(a * factor), rng.poisson(b * factor)};
    total.ye_sep_2023 += r.ye_sep_2023;
    total.ye_sep_2024 += r.ye_sep_2024;
    rows.push_back(std::move(r));
    return std::nullopt;
  });
  if (!report.rejected.empty() || rows.empty()) {
    throw InputError(fmt::format("{}: not the golden treatment table ({} rows rejected, {} read)", golden_path,
                                 report.rows_rejected(), report.rows_read));
  }
  rows.push_back(total);
  return rows;
}

}  // namespace csa::synth
