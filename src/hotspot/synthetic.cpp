#include "hotspot/synthetic.hpp"

#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace csa::hotspot {

namespace {

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

}  // namespace

SyntheticPoints synthetic_points(std::int64_t n, double side, std::uint64_t seed) {
  if (n < 0 || !(side > 0)) throw InputError("synthetic points need n >= 0 and a positive side");
  SplitMix64 rng{seed};
  constexpr int kClusters = 10;
  double cx[kClusters], cy[kClusters];
  for (int k = 0; k < kClusters; ++k) {
    cx[k] = side * (0.1 + 0.8 * rng.uniform());
    cy[k] = side * (0.1 + 0.8 * rng.uniform());
  }
  const double sd = side / 200;
  SyntheticPoints out;
  out.x.reserve(static_cast<std::size_t>(n));
  out.y.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    double x, y;
    if (i % 5 != 0) {
      x = side * rng.uniform();
      y = side * rng.uniform();
    } else {
      int k = static_cast<int>(i / 5 % kClusters);
      do {
        // Box–Muller: two independent standard normals from two uniforms.
        double u1 = 1 - rng.uniform(), u2 = rng.uniform();
        double r = std::sqrt(-2 * std::log(u1));
        x = cx[k] + sd * r * std::cos(2 * std::numbers::pi * u2);
        y = cy[k] + sd * r * std::sin(2 * std::numbers::pi * u2);
      } while (x < 0 || x >= side || y < 0 || y >= side);
    }
    out.x.push_back(x);
    out.y.push_back(y);
  }
  return out;
}

}  // namespace csa::hotspot
