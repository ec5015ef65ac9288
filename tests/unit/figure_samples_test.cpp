// Sample figures for looking at: with CSA_FIGURE_SAMPLES=/some/dir set, writes each kind of figure
// as SVG and PNG there, from Cambridge's real police.uk counts (2024-2025; the years ending
// December 2022 and 2023 are made up, as the shared data start in January 2024). Skipped otherwise:
// the other figure tests check the same code; this one is for eyes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "figure/bar_chart.hpp"
#include "figure/choropleth.hpp"
#include "figure/line_chart.hpp"
#include "figure/png.hpp"
#include "figure_cambridge_wards.hpp"

namespace csa::figure {
namespace {

const char* const kSource = "Source: police.uk street-level crime data, Cambridgeshire Constabulary";

// All recorded crime and ASB in Cambridge's 78 LSOAs, January 2024 to December 2025.
const std::vector<double> kMonthly = {1309, 1431, 1433, 1466, 1583, 1500, 1540, 1704, 1407, 1369, 1232, 1273,
                                      1326, 1192, 1478, 1295, 1425, 1399, 1621, 1491, 1282, 1349, 1266, 1152};

// Crimes (excluding ASB) in 2025 per 1,000 residents (LSOA population, vintage unknown), by ward.
const std::vector<std::pair<std::string, double>> kWardRates = {
    {"Market", 299.4},        {"Abbey", 124.0},          {"Petersfield", 122.4},  {"East Chesterton", 120.8},
    {"King's Hedges", 115.5}, {"West Chesterton", 89.2}, {"Coleridge", 68.2},     {"Romsey", 67.2},
    {"Arbury", 64.8},         {"Trumpington", 58.9},     {"Cherry Hinton", 57.8}, {"Queen Edith's", 54.2},
    {"Newnham", 42.6},        {"Castle", 33.9}};

void write(const std::string& dir, const std::string& stem, const std::string& svg) {
  std::ofstream(dir + "/" + stem + ".svg") << svg;
  svg_to_png(svg, dir + "/" + stem + ".png");
}

TEST(FigureSamples, WriteEveryKindOfFigure) {
  const char* dir_env = std::getenv("CSA_FIGURE_SAMPLES");
  if (dir_env == nullptr) GTEST_SKIP() << "set CSA_FIGURE_SAMPLES=<dir> to write sample figures";
  const std::string dir = dir_env;
  std::filesystem::create_directories(dir);

  // Monthly series with its 12-month rolling average (from the twelfth month) and the peak.
  MonthlySeries monthly{"Monthly count", {}, SeriesStyle::monthly, ""};
  MonthlySeries rolling{"12-month rolling average", {}, SeriesStyle::rolling_average, ""};
  for (std::size_t i = 0; i < kMonthly.size(); ++i) {
    monthly.values.emplace_back(kMonthly[i]);
    if (i >= 11) {
      rolling.values.emplace_back(std::accumulate(kMonthly.begin() + static_cast<long>(i) - 11,
                                                  kMonthly.begin() + static_cast<long>(i) + 1, 0.0) /
                                  12);
    } else {
      rolling.values.emplace_back(std::nullopt);
    }
  }
  LineChartSpec line;
  line.text = {
      "Crime and ASB peaked in August 2024 and have fallen since",
      "Number of crimes and anti-social behaviour incidents per month, Cambridge, January 2024 to December 2025", "",
      kSource};
  line.first_month = period::Month(2024, 1);
  line.series = {monthly, rolling};
  line.value_axis_title = "Incidents per month";
  line.peak = PeakMarker{0, *peak_month(monthly.values), ""};
  write(dir, "line-monthly", line_chart(line));

  // Annual trend: years ending December.
  const double ye2024 = std::accumulate(kMonthly.begin(), kMonthly.begin() + 12, 0.0);
  const double ye2025 = std::accumulate(kMonthly.begin() + 12, kMonthly.end(), 0.0);
  BarChartSpec annual;
  annual.text = {"Recorded crime and ASB fell by 6% in the year ending December 2025",
                 "Number of crimes and anti-social behaviour incidents, Cambridge, years ending December", "",
                 std::string(kSource) + "\nYears ending December 2022 and 2023: illustrative values"};
  annual.categories = {"YE Dec 2022", "YE Dec 2023", "YE Dec 2024", "YE Dec 2025"};
  annual.series = {{"Incidents", {16912, 17480, ye2024, ye2025}, ""}};
  annual.value_axis_title = "Incidents";
  write(dir, "bars-annual", bar_chart(annual));

  // Ranking of wards by rate.
  BarChartSpec ranking;
  ranking.text = {"Market ward's crime rate is more than twice that of any other ward",
                  "Crimes per 1,000 residents by ward, Cambridge, year ending December 2025", "",
                  std::string(kSource) + "\nPopulation: ONS LSOA population estimates (vintage unknown)"};
  ranking.direction = BarDirection::horizontal;
  ranking.value_axis_title = "Crimes per 1,000 residents";
  ranking.decimals = 1;
  ranking.series = {{"Rate", {}, ""}};
  for (const auto& [ward, rate] : kWardRates) {
    ranking.categories.push_back(ward);
    ranking.series[0].values.emplace_back(rate);
  }
  write(dir, "bars-ward-ranking", bar_chart(ranking));

  // Grouped: two periods side by side, one suppressed value.
  BarChartSpec grouped;
  grouped.text = {"Shoplifting by ward", "Number of shoplifting offences, selected wards of Cambridge", "", kSource};
  grouped.categories = {"Market", "Abbey", "Petersfield", "East Chesterton", "Cherry Hinton", "Newnham"};
  grouped.series = {{"YE Dec 2024", {1104, 203, 151, 96, 88, 4}, ""},
                    {"YE Dec 2025", {1210, 188, 163, 121, 79, std::nullopt}, ""}};
  grouped.series[0].colour = std::string(theme::categorical(5));
  grouped.missing_label = "[c]";
  grouped.value_axis_title = "Offences";
  write(dir, "bars-grouped", bar_chart(grouped));

  // Ward map with the district's outline.
  if (!testing::shared_data_present()) GTEST_SKIP() << "shared data absent: no sample map";
  const auto wards = testing::cambridge_wards();
  std::map<std::string, double> rate_of(kWardRates.begin(), kWardRates.end());
  ChoroplethSpec map;
  map.text = {"Crime rates are highest in the city centre and the north-east",
              "Crimes per 1,000 residents by ward, Cambridge, year ending December 2025", "", kSource};
  map.legend_title = "Crimes per 1,000 residents";
  map.boundary_year = "2025";
  for (const auto& w : wards) {
    std::optional<double> v;
    if (w.name != "Newnham") v = rate_of.at(w.name);  // one suppressed, to show the hatch
    map.areas.push_back({w.code, w.name, w.wkb, v});
  }
  map.outline = testing::union_wkb(wards);
  write(dir, "map-wards", choropleth(map));
}

// Harder layouts: five years of months with a gap, long category names, negative values, and
// every ward of the county.
TEST(FigureSamples, WriteHardLayouts) {
  const char* dir_env = std::getenv("CSA_FIGURE_SAMPLES");
  if (dir_env == nullptr) GTEST_SKIP() << "set CSA_FIGURE_SAMPLES=<dir> to write sample figures";
  const std::string dir = dir_env;
  std::filesystem::create_directories(dir);

  LineChartSpec line;
  line.text = {"Five years of shoplifting", "Shoplifting offences per month, Cambridge, April 2021 to March 2026", "",
               kSource};
  line.first_month = period::Month(2021, 4);
  MonthlySeries monthly{"Monthly count", {}, SeriesStyle::monthly, ""};
  MonthlySeries last_year{"Same month a year earlier", {}, SeriesStyle::comparison, ""};
  for (int i = 0; i < 60; ++i) {
    const double v = 150 + 2.0 * i + 40 * std::sin(i * 0.52);
    if (i >= 20 && i < 23) {
      monthly.values.emplace_back(std::nullopt);  // three months not loaded
    } else {
      monthly.values.emplace_back(std::round(v));
    }
    last_year.values.emplace_back(i >= 12 ? monthly.values[static_cast<std::size_t>(i - 12)] : std::nullopt);
  }
  line.series = {monthly, last_year};
  line.value_axis_title = "Offences per month";
  line.peak = PeakMarker{0, *peak_month(monthly.values), ""};
  write(dir, "line-five-years", line_chart(line));

  BarChartSpec themes;
  themes.text = {"Crime by type", "Number of crimes by police.uk crime type, Cambridge, year ending December 2025", "",
                 kSource};
  themes.categories = {"Violence and sexual offences", "Anti-social behaviour", "Shoplifting",  "Other theft",
                       "Criminal damage and arson",    "Bicycle theft",         "Public order", "Vehicle crime"};
  themes.series = {{"Crimes", {4210, 3120, 2786, 1690, 1105, 1024, 890, 640}, ""}};
  themes.value_axis_title = "Crimes";
  write(dir, "bars-long-categories", bar_chart(themes));

  BarChartSpec change;
  change.text = {"Change by crime type",
                 "Percentage change, year ending December 2025 against the year before, Cambridge", "", kSource};
  change.direction = BarDirection::horizontal;
  change.categories = themes.categories;
  change.series = {{"Change", {-4.2, -12.5, 8.3, -1.1, 15.2, -22.7, 3.0, 0.4}, ""}};
  change.decimals = 1;
  change.value_axis_title = "Change (%)";
  write(dir, "bars-negative", bar_chart(change));

  BarChartSpec yearly;
  yearly.text = {"Change in shoplifting", "Percentage change on the year before, Cambridge, years ending December", "",
                 kSource};
  yearly.categories = {"2021", "2022", "2023", "2024", "2025"};
  yearly.series = {{"Change", {-18.4, 12.0, 25.3, 9.8, -20.0}, ""}};
  yearly.decimals = 1;
  yearly.value_axis_title = "Change (%)";
  write(dir, "bars-negative-columns", bar_chart(yearly));

  if (!testing::shared_data_present()) GTEST_SKIP() << "shared data absent: no county map";
  const auto wards = geo::read_boundaries(testing::kWardFile).features;
  ChoroplethSpec county;
  county.text = {"Every ward of Cambridgeshire and Peterborough", "Illustrative values by ward", "",
                 "Source: made-up values"};
  county.legend_title = "Illustrative value, equal intervals";
  county.method = ClassMethod::equal_interval;
  county.classes = 7;
  county.decimals = 0;
  county.boundary_year = "2025";
  for (const auto& w : wards) {
    const double v = static_cast<double>(std::hash<std::string>{}(w.code) % 1000);
    county.areas.push_back({w.code, w.name, w.wkb, v < 40 ? std::nullopt : std::optional<double>(v)});
  }
  county.outline = testing::union_wkb(wards, 0.002);  // ~150 m: closes the gaps between districts
  write(dir, "map-county", choropleth(county));
}

}  // namespace
}  // namespace csa::figure
