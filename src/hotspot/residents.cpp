#include "hotspot/residents.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "geo/csv_table.hpp"

namespace csa::hotspot {

namespace {

std::optional<double> parse_double(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

ResidentPoints area_residents(const std::string& path, const dataset::Geography& g, int area,
                              const geo::BngProjector& projector) {
  geo::CsvTable table(path);
  const std::vector<geo::ColumnRule> rules{
      {"LSOACD or LSOA21CD (LSOA code)", R"(LSOA(21)?CD)", true},
      {"latitude", R"(lat|latitude)", true},
      {"longitude", R"(lon|long|longitude)", true},
  };
  auto cols = table.match(rules, "a table of LSOA centroids (code, latitude, longitude)");
  std::unordered_map<std::string, std::pair<double, double>> centroid;  // code → lon, lat
  ResidentPoints out;
  auto report = table.read_rows([&](const std::vector<std::string_view>& f, std::uint64_t) -> std::optional<std::string> {
    auto lat = parse_double(f[cols[1]->index]), lon = parse_double(f[cols[2]->index]);
    if (!lat || !lon) return "latitude or longitude is not a number";
    centroid.emplace(std::string(f[cols[0]->index]), std::make_pair(*lon, *lat));
    return std::nullopt;
  });
  out.centroid_rows = report.rows_read;
  std::vector<double> lon, lat, pop;
  for (int lsoa : g.children(area, dataset::Level::lsoa)) {
    const auto& a = g.area(lsoa);
    if (a.population <= 0) continue;
    auto it = centroid.find(a.code);
    if (it == centroid.end()) {
      ++out.lsoas_without_centroid;
      out.residents_without_centroid += a.population;
      continue;
    }
    lon.push_back(it->second.first);
    lat.push_back(it->second.second);
    pop.push_back(static_cast<double>(a.population));
  }
  std::vector<double> e, n;
  projector.to_bng(lon, lat, e, n);
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (!std::isfinite(e[i]) || !std::isfinite(n[i])) {
      ++out.lsoas_without_centroid;
      out.residents_without_centroid += static_cast<std::int64_t>(pop[i]);
      continue;
    }
    out.x.push_back(e[i]);
    out.y.push_back(n[i]);
    out.population.push_back(pop[i]);
    out.residents += static_cast<std::int64_t>(pop[i]);
  }
  return out;
}

}  // namespace csa::hotspot
