// The near-repeat Knox test (src/hotspot/near_repeat.hpp): pair counts worked by hand, the band edges,
// the p-value formula against the permutations themselves, the observed counts against a brute-force
// count over all pairs written separately here, the false-positive rate on data with no space-time
// interaction, and the power to find planted near repeats.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "hotspot/near_repeat.hpp"
#include "hotspot/synthetic.hpp"

namespace csa::hotspot {
namespace {

NearRepeatSettings small_settings(int distance_band, int distance_bands, int time_band, int time_bands,
                                  int permutations = 19) {
  NearRepeatSettings s;
  s.distance_band = distance_band;
  s.distance_bands = distance_bands;
  s.time_band = time_band;
  s.time_bands = time_bands;
  s.permutations = permutations;
  return s;
}

// The observed table as rows of counts, for readable expectations.
std::vector<std::vector<std::int64_t>> table_of(const NearRepeatResult& r) {
  std::vector<std::vector<std::int64_t>> t(static_cast<std::size_t>(r.rows));
  for (int row = 0; row < r.rows; ++row) {
    for (int col = 0; col < r.columns; ++col) t[static_cast<std::size_t>(row)].push_back(r.observed[r.cell(row, col)]);
  }
  return t;
}

// Five incidents, bands of 100 m (×2) and 7 days (×2). The ten pairs, worked by hand:
//   A–B  0 m,            3 days -> same location, 0 to 7
//   A–C  100 m (60,80),  10 days -> 1 to 100,    8 to 14
//   B–C  100 m,          7 days -> 1 to 100,     0 to 7
//   A–D  500 m,          30 days -> more than 200, more than 14
//   B–D  500 m,          27 days -> more than 200, more than 14
//   C–D  400 m,          20 days -> more than 200, more than 14
//   A–E  150 m,          15 days -> 101 to 200,  more than 14
//   B–E  150 m,          12 days -> 101 to 200,  8 to 14
//   C–E  √8500 = 92.2 m, 5 days  -> 1 to 100,    0 to 7
//   D–E  √152500 = 390.5 m, 15 days -> more than 200, more than 14
TEST(HotspotNearRepeat, PairCountsWorkedByHand) {
  const std::vector<double> x{0, 0, 60, 300, 0}, y{0, 0, 80, 400, 150};
  const std::vector<std::int32_t> day{0, 3, 10, 30, 15};
  auto r = knox_test(x, y, day, small_settings(100, 2, 7, 2));
  ASSERT_EQ(r.rows, 4);
  ASSERT_EQ(r.columns, 3);
  const std::vector<std::vector<std::int64_t>> expected{{1, 0, 0}, {2, 1, 0}, {0, 1, 1}, {0, 0, 4}};
  EXPECT_EQ(table_of(r), expected);
  EXPECT_EQ(r.pairs, 10);
  EXPECT_EQ(r.close_pairs, 6);  // within 200 m
  EXPECT_EQ(distance_label(r, 0), "Same location");
  EXPECT_EQ(distance_label(r, 1), "1 to 100 m");
  EXPECT_EQ(distance_label(r, 2), "101 to 200 m");
  EXPECT_EQ(distance_label(r, 3), "More than 200 m");
  EXPECT_EQ(time_label(r, 0), "0 to 7 days");
  EXPECT_EQ(time_label(r, 1), "8 to 14 days");
  EXPECT_EQ(time_label(r, 2), "More than 14 days");
}

// One pair: its cell for distances and day gaps either side of each edge. Distances are rounded to
// the metre (halves up), so 100.49 m is in "1 to 100 m" and 100.5 m in "101 to 200 m".
TEST(HotspotNearRepeat, BandEdges) {
  auto cell_of = [](double distance, std::int32_t gap, bool manhattan = false) {
    auto s = small_settings(100, 2, 7, 2, 1);
    s.manhattan = manhattan;
    auto r = knox_test({1000, 1000 + distance}, {5000, 5000}, {100, 100 + gap}, s);
    for (int row = 0; row < r.rows; ++row) {
      for (int col = 0; col < r.columns; ++col) {
        if (r.observed[r.cell(row, col)] == 1) return std::pair{row, col};
      }
    }
    return std::pair{-1, -1};
  };
  EXPECT_EQ(cell_of(0, 0), std::pair(0, 0));
  EXPECT_EQ(cell_of(0.49, 7), std::pair(0, 0));
  EXPECT_EQ(cell_of(0.5, 8), std::pair(1, 1));
  EXPECT_EQ(cell_of(100, 14), std::pair(1, 1));
  EXPECT_EQ(cell_of(100.49, 15), std::pair(1, 2));
  EXPECT_EQ(cell_of(100.5, 0), std::pair(2, 0));
  EXPECT_EQ(cell_of(200.49, 1000), std::pair(2, 2));
  EXPECT_EQ(cell_of(200.5, 3), std::pair(3, 0));
  EXPECT_EQ(cell_of(1e5, -3), std::pair(3, 0));  // order of the dates does not matter
  // Manhattan: (60, 80) is 140 m along the axes, 100 m straight.
  auto r = knox_test({0, 60}, {0, 80}, {0, 0}, [] {
    auto s = small_settings(100, 2, 7, 2, 1);
    s.manhattan = true;
    return s;
  }());
  EXPECT_EQ(r.observed[r.cell(2, 0)], 1);
}

// Every permutation kept: at_least, p and the mean are what the formulas say of them.
TEST(HotspotNearRepeat, PValueIsTheMonteCarloFormula) {
  auto events = synthetic_events(300, 3000, 120, 7);
  auto s = small_settings(150, 3, 10, 3, 199);
  s.keep_permuted = true;
  auto r = knox_test(events.x, events.y, events.day, s);
  const std::size_t cells = r.observed.size();
  ASSERT_EQ(r.permuted.size(), cells * 199);
  for (std::size_t c = 0; c < cells; ++c) {
    std::int64_t at_least = 0, total = 0;
    for (std::size_t p = 0; p < 199; ++p) {
      const auto v = r.permuted[p * cells + c];
      at_least += v >= r.observed[c];
      total += v;
    }
    EXPECT_EQ(r.at_least[c], at_least) << c;
    EXPECT_DOUBLE_EQ(r.p[c], static_cast<double>(at_least + 1) / 200) << c;
    EXPECT_DOUBLE_EQ(r.expected[c], static_cast<double>(total) / 199) << c;
    if (total > 0) {
      EXPECT_DOUBLE_EQ(r.knox_ratio[c], static_cast<double>(r.observed[c]) / r.expected[c]) << c;
    }
  }
  // A permutation moves dates, not places: every permutation keeps the row totals (pairs by distance).
  for (std::size_t p = 0; p < 199; ++p) {
    for (int row = 0; row < r.rows; ++row) {
      std::int64_t permuted = 0, observed = 0;
      for (int col = 0; col < r.columns; ++col) {
        permuted += r.permuted[p * cells + r.cell(row, col)];
        observed += r.observed[r.cell(row, col)];
      }
      ASSERT_EQ(permuted, observed) << "permutation " << p << " row " << row;
    }
  }
}

// Three incidents: A and B at one place, C 10 km away; days 0, 1 and 100. Only the pair A–B is close,
// and a permutation gives it two of the three dates at random: 0 and 1 (both within 7 days) with
// probability 1/3. So the mean permuted count in (same location, 0 to 7) is 1/3, the Knox ratio 3,
// and every permutation reaches a count of 0 in (same location, more than 14).
TEST(HotspotNearRepeat, ThreePointsExactExpectation) {
  auto r = knox_test({0, 0, 10000}, {0, 0, 0}, {0, 1, 100}, small_settings(100, 1, 7, 2, 30000));
  const auto c = r.cell(0, 0);
  EXPECT_EQ(r.observed[c], 1);
  // Binomial(30000, 1/3): sd of the mean = sqrt(2/9 / 30000) = 0.0027; allow 5 sd.
  EXPECT_NEAR(r.expected[c], 1.0 / 3, 0.014);
  EXPECT_NEAR(r.knox_ratio[c], 3, 0.13);
  EXPECT_NEAR(r.p[c], 1.0 / 3, 0.014);
  EXPECT_EQ(r.at_least[r.cell(0, 2)], 30000);
  EXPECT_DOUBLE_EQ(r.p[r.cell(0, 2)], 1.0);
  EXPECT_EQ(r.flag[c], NearRepeatFlag::none);  // ratio 3 but p = 1/3
}

// Two incidents: a permutation cannot change the only pair's gap, so p = 1 and the ratio is 1.
TEST(HotspotNearRepeat, TwoPointsCannotBeSignificant) {
  auto r = knox_test({0, 50}, {0, 0}, {0, 2}, small_settings(100, 1, 7, 1, 99));
  const auto c = r.cell(1, 0);
  EXPECT_EQ(r.observed[c], 1);
  EXPECT_DOUBLE_EQ(r.expected[c], 1);
  EXPECT_DOUBLE_EQ(r.knox_ratio[c], 1);
  EXPECT_DOUBLE_EQ(r.p[c], 1);
  EXPECT_TRUE(std::isnan(r.knox_ratio[r.cell(0, 0)]));  // no pair at the same location, ever
}

// The brute force: every pair by its distance and gap, with the bands written out independently.
std::vector<std::int64_t> brute_force(const SyntheticEvents& e, const NearRepeatSettings& s) {
  const int rows = s.distance_bands + 2, columns = s.time_bands + 1;
  std::vector<std::int64_t> counts(static_cast<std::size_t>(rows * columns), 0);
  for (std::size_t i = 0; i < e.x.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const double dx = e.x[i] - e.x[j], dy = e.y[i] - e.y[j];
      const double d = s.manhattan ? std::fabs(dx) + std::fabs(dy) : std::hypot(dx, dy);
      const long metres = std::lround(d);  // halves away from zero, the same as halves up here
      int row = 0;
      while (row <= s.distance_bands && metres > static_cast<long>(row) * s.distance_band) ++row;
      const int gap = std::abs(e.day[i] - e.day[j]);
      int col = 0;
      while (col < s.time_bands && gap > (col + 1) * s.time_band) ++col;
      ++counts[static_cast<std::size_t>(row * columns + col)];
    }
  }
  return counts;
}

TEST(HotspotNearRepeat, ObservedCountsMatchBruteForce) {
  struct Case {
    std::int64_t n;
    double side;
    int db, nd, tb, nt;
    bool manhattan;
  };
  for (const auto& k : {Case{2000, 5000, 200, 5, 14, 5, false}, Case{1500, 2000, 50, 3, 3, 7, true},
                        Case{800, 20000, 1000, 2, 30, 2, false}, Case{1000, 300, 25, 10, 1, 1, false}}) {
    auto e = synthetic_events(k.n, k.side, 365, static_cast<std::uint64_t>(k.n));
    // Snap some points onto others, so "same location" is not empty.
    for (std::size_t i = 0; i + 7 < e.x.size(); i += 7) {
      e.x[i + 1] = e.x[i];
      e.y[i + 1] = e.y[i];
    }
    auto s = small_settings(k.db, k.nd, k.tb, k.nt, 1);
    s.manhattan = k.manhattan;
    auto r = knox_test(e.x, e.y, e.day, s);
    EXPECT_EQ(r.observed, brute_force(e, s)) << k.n << " points, bands of " << k.db << " m";
    EXPECT_GT(r.observed[0], 0);
  }
}

TEST(HotspotNearRepeat, SameSeedSameResultOnAnyNumberOfThreads) {
  auto e = synthetic_events(500, 2000, 200, 3);
  auto s = small_settings(100, 3, 7, 3, 99);
  s.threads = 1;
  auto one = knox_test(e.x, e.y, e.day, s);
  s.threads = 4;
  auto four = knox_test(e.x, e.y, e.day, s);
  EXPECT_EQ(one.at_least, four.at_least);
  EXPECT_EQ(one.expected, four.expected);
  s.seed = 2;
  auto other = knox_test(e.x, e.y, e.day, s);
  EXPECT_NE(one.expected, other.expected);
}

// The false-positive rate. 400 data sets with no space-time interaction (places clustered as
// synthetic_points makes them, days uniform over a year and independent of the place), each tested
// with 99 permutations and its own seed. Under the null hypothesis the observed table is one more
// draw from the permutation distribution, so P(p <= 0.05) = 5/100 exactly when counts never tie, and
// a little less when they do (ties count against rejection).
//
// Tolerance. For one cell the 400 data sets are independent trials: the number with p <= 0.05 is
// Binomial(400, 0.05), mean 20, sd 4.36; we accept 7 to 35 (3 sd below, 3.4 above: P < 0.002 each
// side). Pooled over the 9 near cells (3 distance × 3 time bands), 3,600 tests: if they were
// independent the share would have sd 0.36 points; cells of one data set share incidents, which can
// only widen that (by at most √9 = 3 times, if they were perfectly correlated), so we accept 3.5% to
// 6.0%, 4 sd of the independent case, 1.4 of the worst.
TEST(HotspotNearRepeat, FalsePositiveRateOnRandomDataIsFivePercent) {
  constexpr int kSets = 400;
  auto s = small_settings(200, 3, 14, 3, 99);
  s.threads = 2;
  std::vector<int> flagged_p05(9, 0);
  int flagged_calculator = 0;
  for (int set = 0; set < kSets; ++set) {
    auto e = synthetic_events(250, 3000, 365, static_cast<std::uint64_t>(1000 + set));
    s.seed = static_cast<std::uint64_t>(5000 + set);
    auto r = knox_test(e.x, e.y, e.day, s);
    for (int row = 1; row <= 3; ++row) {
      for (int col = 0; col < 3; ++col) {
        const auto c = r.cell(row, col);
        flagged_p05[static_cast<std::size_t>((row - 1) * 3 + col)] += (r.at_least[c] + 1) * 100 <= 5 * 100;
        flagged_calculator += r.flag[c] != NearRepeatFlag::none;
      }
    }
  }
  int pooled = 0;
  for (std::size_t k = 0; k < 9; ++k) {
    EXPECT_GE(flagged_p05[k], 7) << "cell " << k;
    EXPECT_LE(flagged_p05[k], 35) << "cell " << k;
    pooled += flagged_p05[k];
  }
  const double share = pooled / (9.0 * kSets);
  std::printf("false-positive rate at p <= 0.05: %.4f (%d of %d cell tests; per cell:", share, pooled, 9 * kSets);
  for (int k : flagged_p05) std::printf(" %d", k);
  std::printf("); flagged as the Calculator does (also ratio >= 1.2): %.4f\n", flagged_calculator / (9.0 * kSets));
  EXPECT_GE(share, 0.035);
  EXPECT_LE(share, 0.060);
  EXPECT_LE(flagged_calculator, pooled);
}

// The power: 40 of 400 burglaries followed by 2 more each within 100 m and 0 to 7 days. The near
// cell (1 to 200 m, 0 to 14 days) must be flagged at 0.01; far cells of the same time band not.
TEST(HotspotNearRepeat, PlantedNearRepeatsAreFlagged) {
  auto e = synthetic_events(400, 4000, 365, 11);
  plant_near_repeats(e, 4000, 40, 2, 100, 7, 12);
  ASSERT_EQ(e.x.size(), 480U);
  auto s = small_settings(200, 5, 14, 5, 999);
  auto r = knox_test(e.x, e.y, e.day, s);
  const auto near = r.cell(1, 0);
  EXPECT_EQ(r.flag[near], NearRepeatFlag::p01) << "ratio " << r.knox_ratio[near] << ", p " << r.p[near];
  EXPECT_GT(r.knox_ratio[near], 2);
  EXPECT_DOUBLE_EQ(r.p[near], 0.001);
  EXPECT_EQ(r.flag[r.cell(5, 0)], NearRepeatFlag::none);  // 801 to 1,000 m
  EXPECT_EQ(r.flag[r.cell(1, 4)], NearRepeatFlag::none);  // 57 to 70 days
}

TEST(HotspotNearRepeat, RefusesMeaninglessInput) {
  const NearRepeatSettings s;
  EXPECT_THROW(knox_test({1}, {1}, {1}, s), InputError);
  EXPECT_THROW(knox_test({1, std::nan("")}, {1, 2}, {1, 2}, s), InputError);
  EXPECT_THROW(knox_test({1, 2}, {1, 2}, {1, 2000000000}, s), InputError);
  for (auto bad : {[] { NearRepeatSettings b; b.distance_band = 0; return b; }(),
                   [] { NearRepeatSettings b; b.time_bands = 0; return b; }(),
                   [] { NearRepeatSettings b; b.permutations = 0; return b; }(),
                   [] { NearRepeatSettings b; b.distance_bands = 101; return b; }()}) {
    EXPECT_THROW(knox_test({1, 2}, {1, 2}, {1, 2}, bad), InputError);
  }
}

TEST(HotspotNearRepeat, SyntheticEventsAreReproducible) {
  auto a = synthetic_events(100, 1000, 30, 5), b = synthetic_events(100, 1000, 30, 5);
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.day, b.day);
  for (auto d : a.day) {
    EXPECT_GE(d, 0);
    EXPECT_LT(d, 30);
  }
  // The places are synthetic_points' own.
  EXPECT_EQ(a.x, synthetic_points(100, 1000, 5).x);
}

}  // namespace
}  // namespace csa::hotspot
