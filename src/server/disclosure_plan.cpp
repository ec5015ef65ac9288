#include "server/disclosure_plan.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace csa::server {
namespace {

// One sum as cell indices: cells[parent] = Σ cells[children].
struct Sum {
  std::size_t parent;
  std::vector<std::size_t> parts;
};

struct Range {
  std::int64_t lo, hi;
};

class Planner {
 public:
  Planner(const std::vector<std::int64_t>& counts, std::vector<Disclosure>& state, std::vector<Sum> sums,
          std::vector<std::int64_t> ceiling, int categories, std::int64_t threshold)
      : counts_(counts), state_(state), sums_(std::move(sums)), ceiling_(std::move(ceiling)),
        categories_(static_cast<std::size_t>(categories)), threshold_(threshold) {}

  // Hides cells until no hidden count is pinned; returns when nothing more can be done.
  void run() {
    given_up_.assign(state_.size(), false);
    mark_unprotectable();
    for (;;) {
      auto ranges = propagate();
      bool acted = false;
      for (std::size_t cell = 0; cell < state_.size() && !acted; ++cell) {
        if (state_[cell] == Disclosure::published || ranges[cell].lo != ranges[cell].hi || given_up_[cell]) continue;
        acted = protect(cell);
        if (!acted) given_up_[cell] = true;
      }
      if (!acted) return;
    }
  }

 private:
  bool hideable(std::size_t cell) const { return cell >= categories_; }  // not the top area's row

  // What a reader can know of every cell: published ones exactly; hidden ones start from what the
  // rule implies (primary: 1 … threshold - 1; secondary: threshold … the top area's count of the
  // category, every published non-zero count below the top being at least the threshold) and are
  // narrowed through every sum, repeatedly, until nothing narrows (interval propagation).
  std::vector<Range> propagate() const {
    std::vector<Range> r(state_.size());
    for (std::size_t i = 0; i < state_.size(); ++i) {
      switch (state_[i]) {
        case Disclosure::published: r[i] = {counts_[i], counts_[i]}; break;
        case Disclosure::primary: r[i] = {1, threshold_ - 1}; break;
        case Disclosure::secondary: r[i] = {threshold_, std::max(threshold_, ceiling_[i % categories_])}; break;
      }
    }
    for (bool narrowed = true; narrowed;) {
      narrowed = false;
      for (const auto& s : sums_) {
        std::int64_t lo_sum = 0, hi_sum = 0;
        for (auto k : s.parts) {
          lo_sum += r[k].lo;
          hi_sum += r[k].hi;
        }
        auto narrow = [&](std::size_t cell, std::int64_t lo, std::int64_t hi) {
          if (state_[cell] == Disclosure::published) return;
          lo = std::max(lo, r[cell].lo);
          hi = std::min(hi, r[cell].hi);
          if (lo > hi) return;  // cannot happen with true counts; keep what is known
          if (lo != r[cell].lo || hi != r[cell].hi) {
            r[cell] = {lo, hi};
            narrowed = true;
          }
        };
        narrow(s.parent, lo_sum, hi_sum);
        for (auto k : s.parts) {
          narrow(k, r[s.parent].lo - (hi_sum - r[k].hi), r[s.parent].hi - (lo_sum - r[k].lo));
        }
      }
    }
    return r;
  }

  // Protects a pinned hidden cell by hiding one more count: first a published non-zero part beside
  // it in one of its sums (the smallest of each sum; a neighbour at the same level, so hiding an LSOA
  // count does not hide its ward's), then a part of a sum it heads, and only then a sum it is part
  // of. A choice after which the cell is no longer pinned is preferred; when no single choice frees
  // it (two covers are needed, e.g. a ward and its only LSOA) the first candidate is kept and the
  // next round goes on from there. False when there is no candidate at all.
  bool protect(std::size_t cell) {
    std::vector<std::size_t> beside, below, above;
    auto smallest = [&](const Sum& s) {
      std::size_t best = state_.size();
      for (auto k : s.parts) {
        if (k == cell || state_[k] != Disclosure::published || counts_[k] == 0 || !hideable(k)) continue;
        if (best == state_.size() || counts_[k] < counts_[best]) best = k;
      }
      return best;
    };
    for (const auto& s : sums_) {
      bool in_parts = std::find(s.parts.begin(), s.parts.end(), cell) != s.parts.end();
      if (in_parts) {
        if (auto k = smallest(s); k != state_.size()) beside.push_back(k);
        if (state_[s.parent] == Disclosure::published && hideable(s.parent)) above.push_back(s.parent);
      } else if (s.parent == cell) {
        if (auto k = smallest(s); k != state_.size()) below.push_back(k);
      }
    }
    std::vector<std::size_t> candidates = beside;
    candidates.insert(candidates.end(), below.begin(), below.end());
    candidates.insert(candidates.end(), above.begin(), above.end());
    if (candidates.empty()) return false;
    for (auto k : candidates) {
      state_[k] = Disclosure::secondary;
      auto r = propagate();
      if (r[cell].lo != r[cell].hi) return true;
      state_[k] = Disclosure::published;
    }
    // Two covers together (a ward count and its only LSOA; a theme and its group).
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      for (std::size_t j = i + 1; j < candidates.size(); ++j) {
        if (candidates[i] == candidates[j]) continue;
        state_[candidates[i]] = state_[candidates[j]] = Disclosure::secondary;
        auto r = propagate();
        if (r[cell].lo != r[cell].hi) return true;
        state_[candidates[i]] = state_[candidates[j]] = Disclosure::published;
      }
    }
    state_[candidates.front()] = Disclosure::secondary;
    return true;
  }

  // Cells no hiding can protect: pinned even when every other non-zero count below the top area is
  // hidden (a district count published by policy: 3, all in one ward).
  void mark_unprotectable() {
    std::vector<Disclosure> saved = state_;
    for (std::size_t i = 0; i < state_.size(); ++i) {
      if (state_[i] == Disclosure::published && counts_[i] > 0 && hideable(i)) state_[i] = Disclosure::secondary;
    }
    auto r = propagate();
    for (std::size_t i = 0; i < state_.size(); ++i) {
      if (state_[i] != Disclosure::published && r[i].lo == r[i].hi) given_up_[i] = true;
    }
    state_ = std::move(saved);
  }

  const std::vector<std::int64_t>& counts_;
  std::vector<Disclosure>& state_;
  std::vector<Sum> sums_;
  std::vector<std::int64_t> ceiling_;  // the top area's count of each category
  std::size_t categories_;
  std::int64_t threshold_;
  std::vector<bool> given_up_;  // pinned cells nothing can protect (a district total published by policy)
};

}  // namespace

DisclosurePlan DisclosurePlan::make(std::vector<std::int64_t> counts, int areas, int categories,
                                    const std::vector<SumRelation>& area_relations,
                                    const std::vector<SumRelation>& category_relations, std::int64_t threshold,
                                    const std::vector<bool>& forced) {
  if (areas < 1 || categories < 1 || counts.size() != static_cast<std::size_t>(areas) * static_cast<std::size_t>(categories)) {
    throw InternalError("DisclosurePlan::make: counts do not match areas × categories");
  }
  DisclosurePlan plan;
  plan.areas_ = areas;
  plan.categories_ = categories;
  plan.state_.assign(counts.size(), Disclosure::published);
  plan.counts_ = std::move(counts);
  if (threshold < 2) return plan;
  const auto n_cat = static_cast<std::size_t>(categories);
  for (std::size_t i = n_cat; i < plan.counts_.size(); ++i) {
    if (plan.counts_[i] > 0 && plan.counts_[i] < threshold) {
      plan.state_[i] = Disclosure::primary;
    } else if (!forced.empty() && forced[i] && plan.counts_[i] > 0) {
      plan.state_[i] = Disclosure::secondary;
    }
  }
  std::vector<Sum> sums;
  for (const auto& r : area_relations) {
    for (std::size_t c = 0; c < n_cat; ++c) {
      Sum s{static_cast<std::size_t>(r.parent) * n_cat + c, {}};
      for (int child : r.children) s.parts.push_back(static_cast<std::size_t>(child) * n_cat + c);
      sums.push_back(std::move(s));
    }
  }
  for (const auto& r : category_relations) {
    for (std::size_t a = 0; a < static_cast<std::size_t>(areas); ++a) {
      Sum s{a * n_cat + static_cast<std::size_t>(r.parent), {}};
      for (int child : r.children) s.parts.push_back(a * n_cat + static_cast<std::size_t>(child));
      sums.push_back(std::move(s));
    }
  }
  std::vector<std::int64_t> ceiling(plan.counts_.begin(), plan.counts_.begin() + static_cast<std::ptrdiff_t>(n_cat));
  Planner planner(plan.counts_, plan.state_, std::move(sums), std::move(ceiling), categories, threshold);
  planner.run();
  return plan;
}

int DisclosurePlan::hidden_primary() const {
  return static_cast<int>(std::count(state_.begin(), state_.end(), Disclosure::primary));
}

int DisclosurePlan::hidden_secondary() const {
  return static_cast<int>(std::count(state_.begin(), state_.end(), Disclosure::secondary));
}

}  // namespace csa::server
