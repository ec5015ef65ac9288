// Near repeats: the Knox test over distance bands × time bands with a Monte Carlo permutation of the
// dates, as Ratcliffe's Near Repeat Calculator computes it (docs/METHODS.md §11, "Near repeats").
//
// Every pair of incidents is placed in one distance band and one time band. A distance is the
// Euclidean (or Manhattan) distance in metres rounded to the nearest whole metre: band 0 is "same
// location" (0 m), band k of width w holds (k−1)·w + 1 … k·w m, and the last band holds everything
// beyond the last width. A time difference is in whole days: band 0 holds 0 … w days, band k holds
// k·w + 1 … (k+1)·w days, and the last band everything beyond. The labels mean what they say
// (the Calculator's own tables are off by one: Steenbeek's NearRepeat R package, vignette "NRC").
//
// The dates are then shuffled among the places `permutations` times: the pairs' distances stay, their
// time differences are redrawn under the hypothesis that when an incident happened has nothing to do
// with where. Each cell's p-value is (number of permutations with a count ≥ the observed + 1) /
// (permutations + 1); its Knox ratio is observed / mean of the permuted counts.
//
// Pairs within the largest finite distance are found once by grid bucketing (cells of that size, each
// point against its own and four neighbouring cells) and kept, so a permutation costs one pass over
// them; the "beyond" distance row follows from the time band totals over all pairs, which a
// permutation cannot change. Permutations run on several threads; each draws from its own stream of
// the seed, so the result does not depend on the number of threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace csa::hotspot {

struct NearRepeatSettings {
  int distance_band = 200;     // metres, width of each distance band after "same location"
  int distance_bands = 5;      // finite bands after "same location"; a "more than" band follows
  int time_band = 14;          // days, width of each time band
  int time_bands = 5;          // finite time bands; a "more than" band follows
  int permutations = 999;
  std::uint64_t seed = 1;
  bool manhattan = false;       // Manhattan (|dx| + |dy|) instead of straight-line distance
  unsigned threads = 0;         // 0: the machine's hardware threads
  bool keep_permuted = false;   // keep every permutation's counts (tests)
};

// The Calculator's highlighting: significant at the level and a Knox ratio of at least 1.2.
enum class NearRepeatFlag { none = 0, p05 = 1, p01 = 2 };

struct NearRepeatResult {
  // Band edges as printed: distance row r (0 = same location) covers distance_from[r] … distance_to[r]
  // metres; the last row is "more than distance_from[last] − 1" with distance_to = −1. Time column c
  // covers time_from[c] … time_to[c] days; the last column has time_to = −1.
  std::vector<std::int64_t> distance_from, distance_to, time_from, time_to;
  int rows = 0, columns = 0;  // distance_bands + 2, time_bands + 1

  // Per cell, index row * columns + column.
  std::vector<std::int64_t> observed;
  std::vector<double> expected;     // mean of the permuted counts
  std::vector<double> knox_ratio;   // observed / expected; NaN when expected is 0
  std::vector<std::int64_t> at_least;  // permutations with a count ≥ observed
  std::vector<double> p;            // (at_least + 1) / (permutations + 1)
  std::vector<NearRepeatFlag> flag;
  std::vector<std::int64_t> permuted;  // permutations × cells, only with keep_permuted

  std::int64_t points = 0;
  std::int64_t pairs = 0;          // n(n−1)/2
  std::int64_t close_pairs = 0;    // pairs within the largest finite distance band
  int permutations = 0;
  unsigned threads = 0;
  double pair_seconds = 0, permutation_seconds = 0;

  std::size_t cell(int row, int column) const { return static_cast<std::size_t>(row * columns + column); }
};

// x, y: metres (British National Grid easting and northing); day: whole days (any origin).
// Throws InputError for mismatched lengths, fewer than 2 points, coordinates that are not finite,
// or settings out of range (bands and widths must be positive, permutations 1 … 1,000,000).
NearRepeatResult knox_test(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<std::int32_t>& day, const NearRepeatSettings& settings,
                           const ProgressFn& progress = {});

// Throws InputError naming a setting out of range (knox_test calls it too).
void check_near_repeat_settings(const NearRepeatSettings& settings);

// "Same location", "1 to 200 m", …, "More than 1000 m"; "0 to 14 days", …, "More than 70 days".
std::string distance_label(const NearRepeatResult& r, int row);
std::string time_label(const NearRepeatResult& r, int column);

// One row per cell: distance_band, distance_from_m, distance_to_m, time_band, time_from_days,
// time_to_days, observed, expected, knox_ratio, p, significant ("p01", "p05" or empty); the "more
// than" bands have an empty upper edge. Throws IoError when the file cannot be written.
void write_near_repeat_csv(const std::filesystem::path& path, const NearRepeatResult& r);

}  // namespace csa::hotspot
