// The atlas's disclosure plan (server/disclosure_plan.hpp): small tables worked by hand, and on
// random tables the property the plan exists for, checked by an independent brute force: no hidden
// count can be pinned to one value from the published counts and the sums that tie them.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

#include "server/disclosure_plan.hpp"

namespace csa::server {
namespace {

// A district (area 0) with wards 1..n, one category: the district is the sum of the wards.
DisclosurePlan one_column(const std::vector<std::int64_t>& wards, std::int64_t threshold = 5) {
  std::vector<std::int64_t> counts{0};
  SumRelation top{0, {}};
  for (std::size_t i = 0; i < wards.size(); ++i) {
    counts[0] += wards[i];
    counts.push_back(wards[i]);
    top.children.push_back(static_cast<int>(i + 1));
  }
  return DisclosurePlan::make(counts, static_cast<int>(counts.size()), 1, {top}, {}, threshold);
}

TEST(ServerDisclosurePlan, ASingleSmallCountTakesTheNextSmallestWithIt) {
  auto plan = one_column({66, 45, 3});
  EXPECT_EQ(plan.at(3, 0), Disclosure::primary);
  EXPECT_EQ(plan.at(2, 0), Disclosure::secondary);  // 45 < 66: total - 66 would give 3 back otherwise
  EXPECT_EQ(plan.at(1, 0), Disclosure::published);
  EXPECT_EQ(plan.at(0, 0), Disclosure::published);  // the district is always published
}

TEST(ServerDisclosurePlan, ZerosArePublishedAndNeverChosenAsCover) {
  auto plan = one_column({0, 12, 2, 0});
  EXPECT_EQ(plan.at(1, 0), Disclosure::published);
  EXPECT_EQ(plan.at(3, 0), Disclosure::primary);
  EXPECT_EQ(plan.at(2, 0), Disclosure::secondary);
  EXPECT_EQ(plan.at(4, 0), Disclosure::published);
}

TEST(ServerDisclosurePlan, TwoHiddenOnesArePinnedByTheirSum) {
  // 1 + 1 = total - 20 - 30 = 2 and each hidden count is at least 1: both are known. A third goes.
  auto plan = one_column({20, 30, 1, 1});
  EXPECT_EQ(plan.at(3, 0), Disclosure::primary);
  EXPECT_EQ(plan.at(4, 0), Disclosure::primary);
  EXPECT_EQ(plan.at(1, 0), Disclosure::secondary);
  EXPECT_EQ(plan.at(2, 0), Disclosure::published);
  // 2 + 3 = 5 pins nothing (1+4, 2+3, 3+2, 4+1 all fit): nothing more is hidden.
  auto ok = one_column({20, 30, 2, 3});
  EXPECT_EQ(ok.at(1, 0), Disclosure::published);
  EXPECT_EQ(ok.at(2, 0), Disclosure::published);
  EXPECT_EQ(ok.hidden_secondary(), 0);
}

TEST(ServerDisclosurePlan, AllSmallAtTheirUpperBoundArePinned) {
  // 4 + 4 = 8 with each at most 4: both known.
  auto plan = one_column({40, 4, 4});
  EXPECT_EQ(plan.hidden_secondary(), 1);
  EXPECT_EQ(plan.at(1, 0), Disclosure::secondary);
}

TEST(ServerDisclosurePlan, NoSuppressionBelowAThresholdOfTwo) {
  auto plan = one_column({1, 2, 3}, 0);
  EXPECT_EQ(plan.hidden_primary() + plan.hidden_secondary(), 0);
}

TEST(ServerDisclosurePlan, ACategorySumCarriesHidingAcrossCategories) {
  // One ward (area 1) of a district; categories: 0 = all crime = 1 (burglary) + 2 (robbery).
  // Area 2 is the second ward. Ward 1 robbery 2 is hidden; all crime for ward 1 (12) is published,
  // so burglary (10) must go too, and then burglary of ward 2 (its column sum is the district's).
  std::vector<std::int64_t> counts = {
      32, 28, 4,   // district
      12, 10, 2,   // ward 1
      20, 18, 2,   // ward 2
  };
  std::vector<SumRelation> areas = {{0, {1, 2}}};
  std::vector<SumRelation> cats = {{0, {1, 2}}};
  auto plan = DisclosurePlan::make(counts, 3, 3, areas, cats, 5);
  EXPECT_EQ(plan.at(1, 2), Disclosure::primary);
  EXPECT_EQ(plan.at(2, 2), Disclosure::primary);
  EXPECT_TRUE(plan.hidden(1, 1));
  EXPECT_TRUE(plan.hidden(2, 1));
}

// Brute force: a hidden cell is pinned when every assignment of values to the hidden cells that
// satisfies every sum (values in 1..threshold-1 for primary, threshold..the district's count of the
// category for secondary) gives it the same value. Backtracking over the hidden cells in order,
// checking each sum as soon as all its cells have values. Small tables only.
bool some_cell_pinned(const DisclosurePlan& plan, const std::vector<SumRelation>& area_rel,
                      const std::vector<SumRelation>& cat_rel, std::int64_t threshold) {
  const int n_cat = plan.categories();
  auto id = [&](int a, int c) { return static_cast<std::size_t>(a * n_cat + c); };
  std::vector<std::size_t> hidden;
  std::vector<std::int64_t> value(static_cast<std::size_t>(plan.areas() * n_cat));
  std::vector<bool> known(value.size(), true);
  for (int a = 0; a < plan.areas(); ++a) {
    for (int c = 0; c < n_cat; ++c) {
      value[id(a, c)] = plan.count(a, c);
      if (plan.hidden(a, c)) {
        hidden.push_back(id(a, c));
        known[id(a, c)] = false;
      }
    }
  }
  if (hidden.empty()) return false;
  std::vector<std::pair<std::size_t, std::vector<std::size_t>>> sums;
  for (const auto& r : area_rel) {
    for (int c = 0; c < n_cat; ++c) {
      std::vector<std::size_t> parts;
      for (int k : r.children) parts.push_back(id(k, c));
      sums.emplace_back(id(r.parent, c), parts);
    }
  }
  for (const auto& r : cat_rel) {
    for (int a = 0; a < plan.areas(); ++a) {
      std::vector<std::size_t> parts;
      for (int k : r.children) parts.push_back(id(a, k));
      sums.emplace_back(id(a, r.parent), parts);
    }
  }
  auto all_sums_hold = [&] {
    for (const auto& [parent, parts] : sums) {
      if (!known[parent]) continue;
      std::int64_t total = 0;
      bool complete = true;
      for (auto k : parts) {
        complete &= known[k];
        if (known[k]) total += value[k];
      }
      if (complete ? total != value[parent] : total > value[parent]) return false;
    }
    return true;
  };
  std::vector<std::set<std::int64_t>> seen(hidden.size());
  std::function<void(std::size_t)> search = [&](std::size_t i) {
    if (i == hidden.size()) {
      for (std::size_t k = 0; k < hidden.size(); ++k) seen[k].insert(value[hidden[k]]);
      return;
    }
    std::size_t cell = hidden[i];
    int c = static_cast<int>(cell % static_cast<std::size_t>(n_cat));
    bool primary = plan.at(static_cast<int>(cell) / n_cat, c) == Disclosure::primary;
    std::int64_t lo = primary ? 1 : threshold, hi = primary ? threshold - 1 : plan.count(0, c);
    known[cell] = true;
    for (std::int64_t v = lo; v <= hi; ++v) {
      value[cell] = v;
      if (all_sums_hold()) search(i + 1);
    }
    known[cell] = false;
  };
  search(0);
  for (const auto& s : seen) {
    if (s.size() == 1) return true;
  }
  return false;
}

TEST(ServerDisclosurePlan, OnRandomTablesNoHiddenCountCanBeWorkedBack) {
  // A district of 3 wards, 3 categories (0 = 1 + 2), counts 0..12: small enough to search every
  // completion. The search is the independent check; the plan only reasons one sum at a time.
  std::mt19937 rng(20261121);
  std::uniform_int_distribution<int> count(0, 12);
  std::vector<SumRelation> areas = {{0, {1, 2, 3}}};
  std::vector<SumRelation> cats = {{0, {1, 2}}};
  int tables_with_hiding = 0;
  int pinned = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::int64_t> counts(12, 0);
    for (int w = 1; w <= 3; ++w) {
      counts[static_cast<std::size_t>(w * 3 + 1)] = count(rng);
      counts[static_cast<std::size_t>(w * 3 + 2)] = count(rng);
      counts[static_cast<std::size_t>(w * 3)] = counts[static_cast<std::size_t>(w * 3 + 1)] + counts[static_cast<std::size_t>(w * 3 + 2)];
      for (int c = 0; c < 3; ++c) counts[static_cast<std::size_t>(c)] += counts[static_cast<std::size_t>(w * 3 + c)];
    }
    // Policy publishes district totals, so a category whose district count is under twice the
    // threshold (3, all in one ward; or 8 as 4 + 4) can pin its hidden wards whatever the plan
    // does, hiding zeros aside; such tables are left out (the header says so).
    // Likewise a category with one non-zero ward: zeros are published, so that ward is the total.
    bool small_total = false;
    for (int c = 0; c < 3; ++c) {
      int nonzero = 0;
      for (int w = 1; w <= 3; ++w) nonzero += counts[static_cast<std::size_t>(w * 3 + c)] > 0;
      small_total |= counts[static_cast<std::size_t>(c)] < 10 || nonzero < 2;
    }
    if (small_total) continue;
    auto plan = DisclosurePlan::make(counts, 4, 3, areas, cats, 5);
    if (plan.hidden_primary() > 0) ++tables_with_hiding;
    // Secondary cells are at most the largest count here; the search bound must cover them.
    if (some_cell_pinned(plan, areas, cats, 5)) {
      ++pinned;
      if (pinned <= 3) {  // show the table: count, then p (primary) or s (secondary) when hidden
        std::string t;
        for (int a = 0; a < 4; ++a) {
          for (int c = 0; c < 3; ++c) t += std::to_string(plan.count(a, c)) + (plan.hidden(a, c) ? (plan.at(a, c) == Disclosure::primary ? "p " : "s ") : "  ");
          t += "\n";
        }
        ADD_FAILURE() << t;
      }
    }
  }
  EXPECT_GT(tables_with_hiding, 100);  // the test exercises the rule, not empty tables
  EXPECT_EQ(pinned, 0);
}

}  // namespace
}  // namespace csa::server
