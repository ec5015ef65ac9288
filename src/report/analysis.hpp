// The numbers a strategic assessment is written from, computed once per report straight from the
// cube: for the district and each theme (and group), counts per year ending, changes with their
// exact tests, rates, shares, the trend, the monthly peak, the wards ranked and the wards whose
// change is significant. The narrative and the classification read these facts; the tables are
// built by the table stage separately, and the self-checks compare the two (report/claims.hpp), so
// a number in a sentence is checked against a second calculation, not copied from a table.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "measure/change.hpp"
#include "period/coverage.hpp"
#include "period/window.hpp"
#include "stats/change_test.hpp"
#include "stats/poisson_trend.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {

struct WardFacts {
  int area = -1;                        // geography index
  std::string name;
  std::vector<std::int64_t> counts;     // per year, as ThemeFacts::counts
  std::optional<double> rate;           // latest per 1,000; none without population
  std::size_t rank = 0;                 // competition rank of the latest count, 1 = highest
  stats::ChangeTest latest_test;        // previous year to latest
};

struct ThemeFacts {
  taxonomy::Selection selection;        // the theme or group
  bool is_group = false;
  std::vector<std::int64_t> counts;     // the area's count per year, oldest first (years with full data)
  measure::Change change_1y;            // previous year to latest
  std::optional<measure::Change> change_ny;  // first year to latest, when 3+ years
  stats::ChangeTest test_1y;
  std::optional<double> rate;           // latest per 1,000
  std::optional<double> share_of_all_crime;  // percent; none for ASB or all crime itself
  std::optional<stats::PoissonTrend> trend;  // when the years reach ClassificationRules::trend_min_years
  std::vector<std::int64_t> monthly;    // every loaded month of the latest two years, oldest first
  period::Month monthly_first;
  std::optional<std::size_t> peak_month;  // index into monthly
  std::vector<WardFacts> wards;         // ranked, rank 1 first
  // For a district in a county: the latest count and population of each district of the county that
  // has a population, the subject first (the key findings' "highest of the 5 districts").
  struct DistrictCount {
    int area = -1;
    std::int64_t count = 0;
    std::int64_t population = 0;
  };
  std::vector<DistrictCount> county_districts;
  std::int64_t latest() const { return counts.empty() ? 0 : counts.back(); }
};

struct Analysis {
  const cube::Cube* cube = nullptr;
  const taxonomy::Taxonomy* taxonomy = nullptr;
  int area = -1;
  std::vector<period::Window> years;       // years ending with complete data, oldest first (>= 2)
  std::vector<std::string> dropped;        // why each year asked for is left out, for the technical notes
  std::vector<ThemeFacts> themes;          // taxonomy order
  std::vector<ThemeFacts> groups;          // taxonomy order
  const ThemeFacts& all_crime() const;     // the all_crime group; throws InternalError when absent
  const ThemeFacts* find(std::string_view id) const;
  const period::Window& latest() const { return years.back(); }
};

// Throws InputError when the area is not a district or county, or fewer than two complete years
// ending at `year_ending` are loaded (a comparison needs two).
Analysis analyse(const cube::Cube& cube, const taxonomy::Taxonomy& taxonomy, int area, period::Month year_ending,
                 int years, const std::set<period::Month>& months_loaded, int trend_min_years);

}  // namespace csa::report
