// Synthetic incidents for timing and checking the hot-spot code at scale without real data: a
// uniform background over a square plus a few tight clusters, from a fixed seed, so every run (and
// the R comparison reading the same cells) sees the same points.
#pragma once

#include <cstdint>
#include <vector>

namespace csa::hotspot {

struct SyntheticPoints {
  std::vector<double> x, y;  // metres, in [0, side) × [0, side)
};

// n points in a side × side square: 80% uniform, 20% in 10 Gaussian clusters of sd side/200.
// Points drawn outside the square are redrawn. The generator (splitmix64 + Box–Muller, written out
// here) gives the same points on every platform, unlike std::normal_distribution.
SyntheticPoints synthetic_points(std::int64_t n, double side, std::uint64_t seed = 1);

}  // namespace csa::hotspot
