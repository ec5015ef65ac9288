#include "measure/suppression.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "measure/rounding.hpp"

namespace csa::measure {
namespace {

void require_valid(const SuppressionRule& rule) {
  if (rule.threshold < 1) {
    throw InputError(
        fmt::format("suppression threshold {} is invalid; use 1 or more (5 is usual)", rule.threshold));
  }
}

}  // namespace

bool is_suppressed(std::int64_t count, const SuppressionRule& rule) {
  require_valid(rule);
  if (count < 0) throw InputError(fmt::format("count {} is negative; counts cannot be negative", count));
  if (count == 0) return rule.suppress_zero;
  return count < rule.threshold;
}

std::string format_count(std::int64_t count, const SuppressionRule& rule) {
  return is_suppressed(count, rule) ? fmt::format("<{}", rule.threshold) : fmt::format("{}", count);
}

bool derived_figure_hidden(std::span<const std::int64_t> inputs, const SuppressionRule& rule) {
  return std::any_of(inputs.begin(), inputs.end(),
                     [&](std::int64_t count) { return is_suppressed(count, rule); });
}

bool derived_figure_hidden(std::initializer_list<std::int64_t> inputs, const SuppressionRule& rule) {
  return derived_figure_hidden(std::span<const std::int64_t>(inputs.begin(), inputs.size()), rule);
}

std::string format_suppressed_share(std::int64_t parent, const SuppressionRule& rule) {
  require_valid(rule);
  if (parent <= 0) {
    throw InputError(
        fmt::format("share of a suppressed count in a parent of {}: the parent must be "
                    "positive",
                    parent));
  }
  const Ratio threshold_share = make_ratio(rule.threshold, parent, kPercent);
  const std::int64_t bound = std::max<std::int64_t>(1, round_half_away(threshold_share));
  return fmt::format("<{}%", bound);
}

}  // namespace csa::measure
