// Quartic kernel density (src/hotspot/kde.hpp): against the formula at one point, its total mass,
// and the bandwidth rule against R's MASS::bandwidth.nrd (R 4.2.2, MASS 7.3-58.2).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "hotspot/kde.hpp"

namespace csa::hotspot {
namespace {

TEST(HotspotKde, BandwidthNrdMatchesR) {
  // R: MASS::bandwidth.nrd(c(3.1, 7.4, 2.2, 9.9, 5.5, 4.0, 4.0, 12.5, 0.3, 6.6, 8.1))
  EXPECT_NEAR(bandwidth_nrd({3.1, 7.4, 2.2, 9.9, 5.5, 4.0, 4.0, 12.5, 0.3, 6.6, 8.1}), 8.2268165220432241, 1e-12);
  // R gives 0 when the IQR is 0 ...
  EXPECT_DOUBLE_EQ(bandwidth_nrd({10, 11, 11, 11, 11, 11, 11, 30}), 0);
  EXPECT_THROW(bandwidth_nrd({1}), InputError);
}

TEST(HotspotKde, AutomaticBandwidthIsTheMeanOverXAndYAndNeverZero) {
  std::vector<double> x{3.1, 7.4, 2.2, 9.9, 5.5, 4.0, 4.0, 12.5, 0.3, 6.6, 8.1};
  std::vector<double> y(x.rbegin(), x.rend());
  EXPECT_NEAR(auto_bandwidth(x, y).metres, 8.2268165220432241, 1e-12);
  // ... where the rule falls back to the sd, so a tight cluster still gets a bandwidth.
  std::vector<double> tight{10, 11, 11, 11, 11, 11, 11, 30};
  EXPECT_GT(auto_bandwidth(tight, tight).metres, 0);
  EXPECT_THROW(auto_bandwidth({5, 5, 5}, {1, 1, 1}), InputError);
  EXPECT_THROW(given_bandwidth(0), InputError);
}

TEST(HotspotKde, DensityAtACellCentreIsTheQuarticSum) {
  Grid g = make_grid(Extent{0, 0, 999, 999}, 100);  // 10 × 10 cells of 100 m
  std::vector<double> x{420, 500, 610, 455, 900};
  std::vector<double> y{430, 470, 520, 380, 100};
  const double h = 200;
  auto d = quartic_kde(g, x, y, h);
  // Cell (column 4, row 4), centre (450, 450), written out: (3/π h²)(1 − d²/h²)² per incident
  // within h, × 10⁶ for per km².
  double direct = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    double d2 = (x[i] - 450) * (x[i] - 450) + (y[i] - 450) * (y[i] - 450);
    if (d2 < h * h) direct += 3 / (std::numbers::pi * h * h) * std::pow(1 - d2 / (h * h), 2);
  }
  EXPECT_NEAR(d[4 * 10 + 4], direct * 1e6, 1e-9);
  // By hand for the first incident alone: d² = 30² + 20² = 1300, (1 − 1300/40000)² = 0.93605625,
  // × 3/(π 40000) × 10⁶ = 22.3467... per km².
  auto one = quartic_kde(g, {420}, {430}, h);
  EXPECT_NEAR(one[44], 0.93605625 * 3 / (std::numbers::pi * 40000) * 1e6, 1e-9);
  EXPECT_DOUBLE_EQ(one[99], 0);  // far corner: beyond h
}

TEST(HotspotKde, SurfaceIntegratesToTheNumberOfIncidents) {
  // On a fine grid well inside the edges, Σ density × cell area ≈ number of incidents.
  Grid g = make_grid(Extent{0, 0, 2999, 2999}, 10);
  std::vector<double> x{1500, 1400, 1650}, y{1500, 1720, 1333};
  auto d = quartic_kde(g, x, y, 300);
  double mass = 0;
  for (double v : d) mass += v / 1e6 * 100;  // per km² → per m², × 100 m² a cell
  EXPECT_NEAR(mass, 3.0, 0.01);
}

}  // namespace
}  // namespace csa::hotspot
