#include "hotspot/synthetic.hpp"

#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace csa::hotspot {

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

SyntheticEvents synthetic_events(std::int64_t n, double side, std::int32_t days, std::uint64_t seed) {
  if (days <= 0) throw InputError("synthetic events need a positive number of days");
  auto points = synthetic_points(n, side, seed);
  SyntheticEvents out;
  out.x = std::move(points.x);
  out.y = std::move(points.y);
  SplitMix64 rng{seed ^ 0xD1B54A32D192ED03ULL};  // a stream apart from the places'
  out.day.reserve(out.x.size());
  for (std::size_t i = 0; i < out.x.size(); ++i) out.day.push_back(static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(days))));
  return out;
}

void plant_near_repeats(SyntheticEvents& events, double side, std::int64_t sources, int followers, double radius,
                        std::int32_t max_gap, std::uint64_t seed) {
  const auto n = events.x.size();
  if (n == 0 || sources < 0 || followers < 0 || !(radius >= 0) || max_gap < 0) {
    throw InputError("planting near repeats needs incidents, and non-negative counts, radius and gap");
  }
  SplitMix64 rng{seed};
  for (std::int64_t s = 0; s < sources; ++s) {
    const std::size_t source = rng.below(static_cast<std::uint32_t>(n));
    for (int f = 0; f < followers; ++f) {
      double x, y;
      do {
        // Uniform in the disc: radius × sqrt(u) at a uniform angle.
        const double r = radius * std::sqrt(rng.uniform()), a = 2 * std::numbers::pi * rng.uniform();
        x = events.x[source] + r * std::cos(a);
        y = events.y[source] + r * std::sin(a);
      } while (x < 0 || x >= side || y < 0 || y >= side);
      events.x.push_back(x);
      events.y.push_back(y);
      events.day.push_back(events.day[source] + static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(max_gap) + 1)));
    }
  }
}

}  // namespace csa::hotspot
