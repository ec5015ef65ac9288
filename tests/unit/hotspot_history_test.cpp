// Hot-spot history across periods (src/hotspot/history.hpp): every class of the rule by a designed
// case, and periods mapped on one grid through HotspotSettings::extent.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/history.hpp"
#include "hotspot/synthetic.hpp"

namespace csa::hotspot {
namespace {

History history_of(std::vector<bool> hot, std::int64_t first = 20, std::int64_t last = 20) {
  return classify_history(hot, first, last, 12, 12).history;
}

TEST(HotspotHistory, EachClassByItsRule) {
  EXPECT_EQ(history_of({false, false, false}), History::none);
  EXPECT_EQ(history_of({false, false, true}), History::new_hot);
  EXPECT_EQ(history_of({true, true, true}), History::persistent);
  // 20 → 45: exact Poisson test p = 0.0026 (R: poisson.test(c(45, 20))), up.
  EXPECT_EQ(history_of({true, true, true}, 20, 45), History::intensifying);
  EXPECT_EQ(history_of({true, true, true}, 45, 20), History::diminishing);
  // 20 → 28: p = 0.31 (R: poisson.test(c(28, 20))), not a significant change.
  EXPECT_EQ(history_of({true, true, true}, 20, 28), History::persistent);
  EXPECT_EQ(history_of({true, false, true}), History::intermittent);
  EXPECT_EQ(history_of({true, true, false}), History::former);
  EXPECT_EQ(history_of({true, false}), History::former);
  EXPECT_EQ(history_of({false, true}), History::new_hot);
  EXPECT_THROW(history_of({true}), InternalError);
  EXPECT_EQ(history_id(History::new_hot), "new");
}

TEST(HotspotHistory, ChangeTestUsesThePeriodsLengths) {
  // 10 in 6 months → 20 in 12 months is the same rate: not a change.
  auto h = classify_history({true, true}, 10, 20, 6, 12);
  EXPECT_EQ(h.history, History::persistent);
  EXPECT_NEAR(h.change_p, 1.0, 1e-9);
  EXPECT_EQ(h.first, 10);
  EXPECT_EQ(h.last, 20);
}

TEST(HotspotHistory, PeriodsOnOneGridAndAClusterThatMoves) {
  // Earlier: clusters from seed 1; latest: seed 2, so most clusters are elsewhere.
  auto a = synthetic_points(4000, 10000, 1), b = synthetic_points(4000, 10000, 2);
  std::vector<double> all_x = a.x, all_y = a.y;
  all_x.insert(all_x.end(), b.x.begin(), b.x.end());
  all_y.insert(all_y.end(), b.y.begin(), b.y.end());
  HotspotSettings s;
  s.cell_size = 250;
  s.kde = false;
  s.extent = extent_of(all_x, all_y);
  auto ra = analyse_hotspots(a.x, a.y, s), rb = analyse_hotspots(b.x, b.y, s);
  ASSERT_EQ(ra.grid.size(), rb.grid.size());
  EXPECT_EQ(ra.grid.x0, rb.grid.x0);
  auto history = cell_histories({&ra, &rb}, {12, 12});
  int counts[7] = {};
  for (const auto& h : history) ++counts[static_cast<int>(h.history)];
  EXPECT_GT(counts[static_cast<int>(History::new_hot)], 0);
  EXPECT_GT(counts[static_cast<int>(History::former)], 0);
  // An empty period on the same grid is allowed: no statistic, nothing hot.
  auto empty = analyse_hotspots({}, {}, s);
  for (auto c : empty.gi.cell_class) EXPECT_EQ(c, CellClass::none);
  // Different grids cannot be compared.
  HotspotSettings other = s;
  other.cell_size = 500;
  auto rc = analyse_hotspots(b.x, b.y, other);
  EXPECT_THROW(cell_histories({&ra, &rc}, {12, 12}), InternalError);
}

}  // namespace
}  // namespace csa::hotspot
