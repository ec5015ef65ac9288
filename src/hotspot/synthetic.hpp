// Synthetic incidents for timing and checking the hot-spot code at scale without real data: a
// uniform background over a square plus a few tight clusters, from a fixed seed, so every run (and
// the R comparison reading the same cells) sees the same points.
#pragma once

#include <cstdint>
#include <vector>

namespace csa::hotspot {

// splitmix64 (Steele, Lea & Flood 2014): small, fast and the same on every platform; one stream per
// seed. Shared by the generators here and the near-repeat permutations (near_repeat.hpp).
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
  // Uniform integer in [0, bound), bound < 2^32, without bias (Lemire 2019: multiply, and reject the
  // few draws that would make some values more likely).
  std::uint32_t below(std::uint32_t bound) {
    std::uint64_t m = (next() >> 32) * bound;
    auto low = static_cast<std::uint32_t>(m);
    if (low < bound) {
      const std::uint32_t threshold = static_cast<std::uint32_t>(-bound) % bound;
      while (low < threshold) {
        m = (next() >> 32) * bound;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }
};

struct SyntheticPoints {
  std::vector<double> x, y;  // metres, in [0, side) × [0, side)
};

// n points in a side × side square: 80% uniform, 20% in 10 Gaussian clusters of sd side/200.
// Points drawn outside the square are redrawn. The generator (splitmix64 + Box–Muller, written out
// here) gives the same points on every platform, unlike std::normal_distribution.
SyntheticPoints synthetic_points(std::int64_t n, double side, std::uint64_t seed = 1);

// Incidents with a day each, for the near-repeat (Knox) test: the points of synthetic_points (so
// places cluster, as burglaries do) with days drawn uniformly from [0, days), independently of the
// place, so there is no space-time interaction: what the permutation test's null hypothesis says.
struct SyntheticEvents {
  std::vector<double> x, y;         // metres
  std::vector<std::int32_t> day;    // whole days
};
SyntheticEvents synthetic_events(std::int64_t n, double side, std::int32_t days, std::uint64_t seed = 1);

// Plants near repeats: for `sources` incidents picked at random, `followers` more incidents each,
// uniformly within `radius` metres of it and 0 … max_gap days after it (clipped to the square).
void plant_near_repeats(SyntheticEvents& events, double side, std::int64_t sources, int followers, double radius,
                        std::int32_t max_gap, std::uint64_t seed = 2);

}  // namespace csa::hotspot
