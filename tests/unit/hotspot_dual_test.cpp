// Dual kernel density (src/hotspot/dual.hpp): incidents per 1,000 residents, against numbers
// computed independently in plain Python from the formula (tests/fixtures/hotspot/dual_kde_golden.py,
// run with Python 3.11; its output pasted below with repr() precision), on a 5 × 4 grid of 200 m
// cells with one cell outside the area, five incidents and three weighted LSOA centroids, bandwidth
// 400 m. The fixture has cells below the floor (5 of them) and a cell with no incident or resident.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "hotspot/dual.hpp"
#include "hotspot/kde.hpp"

namespace csa::hotspot {
namespace {

struct Golden {
  std::size_t id;
  double incidents, residents, rate;
};
// clang-format off
const Golden kGolden[] = {
  {0, 11.117304606808245, 8952.465548919114, 1.2418148437499998},
  {1, 8.730728830596796, 5035.761871267001, 1.7337453703703705},
  {2, 1.4940242864691615, 0.0, 6.051021270251466},
  {3, 3.789935366656675, 0.0, 15.349803697445578},
  {5, 8.293177076893373, 5035.761871267001, 1.6468564814814812},
  {6, 9.505303610277235, 3431.7784604189933, 2.769789402173913},
  {7, 5.243911358021844, 2685.739664675734, 1.952501736111111},
  {8, 4.18739219783137, 1209.3988290369243, 3.4623749397590364},
  {9, 3.243277770447039, 85.67789294863995, 13.135758870887587},
  {10, 0.6822757924195777, 0.0, 2.763318755590895},
  {11, 4.2168001146110745, 2685.739664675734, 1.5700703125},
  {12, 8.037080609284606, 4790.3850486045685, 1.677752524638034},
  {13, 7.034590977504601, 3610.7112028355405, 1.9482563357546407},
  {14, 2.7142779799841494, 1274.6772236644597, 2.1293845450388655},
  {15, 0.0, 0.0, 0.0},
  {16, 0.8143036769250043, 1193.6620731892149, 0.6821894531250001},
  {17, 4.377946825862856, 2771.417557624374, 1.5796778128286015},
  {18, 5.464365822163978, 2468.3392968536746, 2.2137822904368365},
  {19, 2.9192521391146116, 1680.335818849857, 1.7373028095733614},
};
// clang-format on

void expect_near_relative(double got, double want, const char* what, std::size_t id) {
  EXPECT_NEAR(got, want, 1e-12 * std::max(1.0, std::fabs(want))) << what << " at cell " << id;
}

TEST(HotspotDual, MatchesTheIndependentPythonCalculation) {
  Grid g = make_grid(Extent{0, 0, 999, 799}, 200);
  ASSERT_EQ(g.columns, 5);
  ASSERT_EQ(g.rows, 4);
  const std::vector<double> ix{120, 180, 450, 700, 880}, iy{130, 160, 420, 610, 90};
  const std::vector<double> px{100, 500, 850}, py{100, 500, 650}, pop{1500, 800, 300};
  std::vector<char> in_area(g.size(), 1);
  in_area[4] = 0;
  const auto incidents = quartic_kde(g, ix, iy, 400);
  const auto d = dual_density(g, incidents, px, py, pop, 400, in_area);
  expect_near_relative(d.mean_residents, 2469.044843412149, "mean residents", 0);
  expect_near_relative(d.floor, 246.90448434121492, "floor", 0);
  EXPECT_EQ(d.floored, 5);
  for (const auto& gold : kGolden) {
    expect_near_relative(incidents[gold.id], gold.incidents, "incidents per km²", gold.id);
    expect_near_relative(d.residents[gold.id], gold.residents, "residents per km²", gold.id);
    expect_near_relative(d.rate[gold.id], gold.rate, "incidents per 1,000 residents", gold.id);
  }
  EXPECT_TRUE(std::isnan(d.rate[4]));  // outside the area
  EXPECT_TRUE(std::isnan(d.residents[4]));
}

TEST(HotspotDual, TheWeightedDensityIntegratesToTheResidents) {
  // A fine grid over a wide area: Σ density × cell area (km²) ≈ Σ weights.
  Grid g = make_grid(Extent{-2000, -2000, 2000, 2000}, 20);
  const auto d = quartic_kde(g, {0, 300}, {0, -200}, {1000, 250}, 600);
  double total = 0;
  for (double v : d) total += v * 0.02 * 0.02;
  EXPECT_NEAR(total, 1250, 1250 * 2e-3);
}

TEST(HotspotDual, NoResidentsIsAnError) {
  Grid g = make_grid(Extent{0, 0, 999, 799}, 200);
  std::vector<double> incidents(g.size(), 1.0);
  EXPECT_THROW(dual_density(g, incidents, {100}, {100}, {0}, 400), InputError);
  EXPECT_THROW(dual_density(g, incidents, {}, {}, {}, 400), InputError);
  // Residents whose kernel reaches no cell of the grid: a floor of 0 would divide by zero.
  EXPECT_THROW(dual_density(g, incidents, {50000}, {50000}, {1000}, 400), InputError);
}

}  // namespace
}  // namespace csa::hotspot
