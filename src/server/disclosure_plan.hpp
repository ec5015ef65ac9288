// Which counts the atlas may publish: small-number suppression planned across every response at
// once, so that no count hidden in one response can be worked back from others.
//
// The atlas answers many overlapping questions about one district and one period: every ward and
// LSOA, every group, theme and crime type. Those counts are tied by sums: a district's count is the
// sum of its wards', a ward's the sum of its LSOAs'; a group's count is the sum of its themes', a
// theme's the sum of its crime types'. A count hidden as "<5" can be worked back through those sums:
// the only hidden part of a published sum is the sum minus the others; two hidden parts summing to
// 2 must both be 1; and sums chain (a row and a column together can pin a cell neither pins alone).
// So the plan is made for the whole table at once, areas × categories:
//   1. primary: a count from 1 to threshold - 1 below the top area is hidden;
//   2. secondary, repeated until no hidden count is pinned: what a reader can know of each hidden
//      count is worked out by interval propagation through every sum (a primary count lies in
//      1 … threshold - 1, a secondary one in threshold … the district's count, each narrowed by
//      every sum it is in until nothing narrows); a hidden count narrowed to one value is
//      protected by hiding the smallest published non-zero part beside it in one of its sums (or
//      that sum itself when it has no such part).
// The top area (the district) is always published, as in the report, and zeros are published (an
// empty category names no one). So when a district's count of a category is under twice the
// threshold (3, all in one ward; 8 as 4 + 4), or lies all in one ward, its hidden wards can be
// worked back from it and nothing below can prevent that; tests/unit/server_disclosure_plan_test.cpp checks every other
// case against a brute-force search of all completions.
// Not covered: differences between overlapping periods (two years ending a month apart differ by
// one month's count minus another's, which pins no count on its own).
#pragma once
#include <cstdint>
#include <vector>

namespace csa::server {

enum class Disclosure : std::uint8_t { published = 0, primary = 1, secondary = 2 };

// One sum relation: `parent` = Σ `children`, as indices into a list (areas or categories).
struct SumRelation {
  int parent = 0;
  std::vector<int> children;
};

class DisclosurePlan {
 public:
  // counts[a * categories + c]; area 0 is the top area (never hidden). threshold < 2: nothing hidden.
  // `forced` (empty, or one flag per cell): cells hidden from the start whatever their count, e.g. the
  // LSOAs of a ward whose count the ward plan hides; they are protected like the others.
  static DisclosurePlan make(std::vector<std::int64_t> counts, int areas, int categories,
                             const std::vector<SumRelation>& area_relations,
                             const std::vector<SumRelation>& category_relations, std::int64_t threshold,
                             const std::vector<bool>& forced = {});

  Disclosure at(int area, int category) const {
    return state_[static_cast<std::size_t>(area) * static_cast<std::size_t>(categories_) +
                  static_cast<std::size_t>(category)];
  }
  bool hidden(int area, int category) const { return at(area, category) != Disclosure::published; }
  std::int64_t count(int area, int category) const {
    return counts_[static_cast<std::size_t>(area) * static_cast<std::size_t>(categories_) +
                   static_cast<std::size_t>(category)];
  }
  int areas() const { return areas_; }
  int categories() const { return categories_; }
  int hidden_primary() const;
  int hidden_secondary() const;

 private:
  std::vector<std::int64_t> counts_;
  std::vector<Disclosure> state_;
  int areas_ = 0;
  int categories_ = 0;
};

}  // namespace csa::server
