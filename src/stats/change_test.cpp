#include "stats/change_test.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace csa::stats {

namespace {

using Binomial = boost::math::binomial_distribution<double>;

// R's binom.test treats probabilities within this relative tolerance of the observed one as equal
// (its `relErr`), so outcomes that tie in exact arithmetic are not split by rounding.
constexpr double kRelativeTolerance = 1.0 + 1e-7;

void check_exposure(double exposure, std::string_view which) {
  if (!std::isfinite(exposure) || exposure <= 0.0) {
    throw InputError(
        fmt::format("change test: the {} exposure is {}; it must be a positive number "
                    "(a population, a number of months, or 1 for equal periods)",
                    which, exposure));
  }
}

}  // namespace

double binomial_two_sided_p(std::int64_t x, std::int64_t n, double p) {
  if (n < 0 || x < 0 || x > n) {
    throw InputError(fmt::format("binomial test: {} successes in {} trials is impossible; need 0 <= x <= n", x, n));
  }
  if (!(p > 0.0 && p < 1.0)) {
    throw InputError(fmt::format("binomial test: probability {} must be strictly between 0 and 1", p));
  }
  if (n == 0) return 1.0;
  const Binomial dist(static_cast<double>(n), p);
  const auto xd = static_cast<double>(x);
  const double threshold = boost::math::pdf(dist, xd) * kRelativeTolerance;
  const double mean = static_cast<double>(n) * p;
  if (xd == mean) return 1.0;

  // R sums the probabilities of the outcomes on the far side of the mean that are no more likely
  // than x. It loops over every outcome there; the binomial is unimodal and both modes lie between
  // floor(mean) and ceil(mean), so the pmf is monotone on the far side and the outcomes counted form
  // one tail, found here by bisection in O(log n) pmf evaluations instead of O(n).
  double pvalue = 0.0;
  if (xd < mean) {
    // Far side: ceil(mean) .. n, pmf non-increasing; find the first outcome with pmf <= threshold.
    auto lo = static_cast<std::int64_t>(std::ceil(mean));
    std::int64_t hi = n + 1;  // "none"
    while (lo < hi) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      if (boost::math::pdf(dist, static_cast<double>(mid)) <= threshold) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    const std::int64_t first = lo;  // n + 1 when no outcome qualifies
    pvalue = boost::math::cdf(dist, xd);
    if (first <= n) pvalue += boost::math::cdf(boost::math::complement(dist, static_cast<double>(first - 1)));
  } else {
    // Far side: 0 .. floor(mean), pmf non-decreasing; find the last outcome with pmf <= threshold.
    std::int64_t lo = -1;  // "none"
    auto hi = static_cast<std::int64_t>(std::floor(mean));
    while (lo < hi) {
      const std::int64_t mid = lo + (hi - lo + 1) / 2;
      if (boost::math::pdf(dist, static_cast<double>(mid)) <= threshold) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    const std::int64_t last = lo;  // -1 when no outcome qualifies
    if (last >= 0) pvalue += boost::math::cdf(dist, static_cast<double>(last));
    pvalue += boost::math::cdf(boost::math::complement(dist, xd - 1.0));
  }
  return std::min(1.0, pvalue);
}

ChangeTest test_change(std::int64_t before, std::int64_t after, double exposure_before, double exposure_after,
                       const ChangeTestOptions& options) {
  if (before < 0 || after < 0) {
    throw InputError(
        fmt::format("change test: counts {} (before) and {} (after) must not be negative", before, after));
  }
  check_exposure(exposure_before, "earlier period's");
  check_exposure(exposure_after, "later period's");
  check_confidence(options.confidence, "change test");
  if (!(options.alpha > 0.0 && options.alpha < 1.0)) {
    throw InputError(
        fmt::format("change test: significance level {} must be between 0 and 1, e.g. 0.05", options.alpha));
  }

  ChangeTest t;
  t.before = before;
  t.after = after;
  t.null_share = exposure_after / (exposure_before + exposure_after);
  t.small_base = before < options.small_base;

  // Compare rates without dividing: k2 * e1 against k1 * e2.
  const double later_scaled = static_cast<double>(after) * exposure_before;
  const double earlier_scaled = static_cast<double>(before) * exposure_after;
  t.direction = later_scaled > earlier_scaled   ? ChangeDirection::increase
                : later_scaled < earlier_scaled ? ChangeDirection::decrease
                                                : ChangeDirection::no_change;

  constexpr double kInf = std::numeric_limits<double>::infinity();
  const std::int64_t total = before + after;
  if (total == 0) {
    // No events in either period: no evidence of any change, and no information about the ratio.
    t.rate_ratio = 1.0;
    t.rate_ratio_interval = {0.0, kInf};
    t.p_value = 1.0;
    t.significant = false;
    return t;
  }

  const double exposure_ratio = exposure_before / exposure_after;  // turns odds p/(1-p) into a rate ratio
  t.rate_ratio = before == 0 ? kInf : static_cast<double>(after) / static_cast<double>(before) * exposure_ratio;

  // Clopper-Pearson limits for p = k2 / (k1 + k2), each tail (1 - confidence) / 2, as binom.test.
  const double tail = (1.0 - options.confidence) / 2.0;
  const auto n = static_cast<double>(total);
  const auto k = static_cast<double>(after);
  const double p_lower = Binomial::find_lower_bound_on_p(n, k, tail);
  const double p_upper = Binomial::find_upper_bound_on_p(n, k, tail);
  const auto to_ratio = [&](double p) { return p >= 1.0 ? kInf : p / (1.0 - p) * exposure_ratio; };
  t.rate_ratio_interval = {to_ratio(p_lower), to_ratio(p_upper)};

  t.p_value = binomial_two_sided_p(after, total, t.null_share);
  t.significant = t.p_value < options.alpha;
  return t;
}

}  // namespace csa::stats
