#include "stats/prevalence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace csa::stats {

namespace {

void validate(const PrevalenceGroup& g) {
  if (!std::isfinite(g.prevalence) || g.prevalence < 0.0 || g.prevalence > 1.0) {
    throw InputError(
        fmt::format("prevalence for '{}' is {}; give it as a fraction between 0 and 1 (8.5% is "
                    "0.085)",
                    g.label, g.prevalence));
  }
  if (g.population < 0) {
    throw InputError(fmt::format("population for '{}' is {}; it must be 0 or more", g.label, g.population));
  }
  if (g.standard_error && (!std::isfinite(*g.standard_error) || *g.standard_error < 0.0)) {
    throw InputError(
        fmt::format("standard error of the prevalence for '{}' is {}; it must be 0 or more, as a "
                    "fraction (0.4 percentage points is 0.004)",
                    g.label, *g.standard_error));
  }
  if (g.prevalence_interval) {
    const Interval& ci = *g.prevalence_interval;
    if (!(ci.lower >= 0.0 && ci.lower <= g.prevalence && g.prevalence <= ci.upper && ci.upper <= 1.0)) {
      throw InputError(
          fmt::format("interval {} to {} for the prevalence of '{}' must lie within 0..1 and "
                      "contain the prevalence {}; give fractions (8.1% is 0.081)",
                      ci.lower, ci.upper, g.label, g.prevalence));
    }
  }
}

}  // namespace

VictimEstimate estimate_victims(std::span<const PrevalenceGroup> groups, double confidence) {
  const double z = two_sided_z(confidence, "prevalence estimate");
  VictimEstimate out;
  double variance = 0.0;
  bool every_group_has_error = !groups.empty();
  for (const PrevalenceGroup& g : groups) {
    validate(g);
    const auto pop = static_cast<double>(g.population);
    GroupVictims gv{g.label, g.prevalence * pop, std::nullopt};
    std::optional<double> se;
    if (g.prevalence_interval) {
      gv.interval = Interval{g.prevalence_interval->lower * pop, g.prevalence_interval->upper * pop};
      se = g.standard_error ? *g.standard_error
                            : (g.prevalence_interval->upper - g.prevalence_interval->lower) / (2.0 * z);
    } else if (g.standard_error) {
      se = *g.standard_error;
      gv.interval =
          Interval{std::max(0.0, (g.prevalence - z * *se) * pop), std::min(pop, (g.prevalence + z * *se) * pop)};
    }
    if (se) {
      variance += (pop * *se) * (pop * *se);
    } else {
      every_group_has_error = false;
    }
    out.victims += gv.victims;
    out.groups.push_back(std::move(gv));
  }
  if (every_group_has_error) {
    const double half = z * std::sqrt(variance);
    out.interval = Interval{std::max(0.0, out.victims - half), out.victims + half};
  }
  return out;
}

std::optional<PoliceShare> police_share(std::int64_t police_count, const VictimEstimate& estimate) {
  if (police_count < 0) {
    throw InputError(fmt::format("police share: the police count {} is negative", police_count));
  }
  if (!(estimate.victims > 0.0)) return std::nullopt;
  const auto police = static_cast<double>(police_count);
  PoliceShare out{police / estimate.victims, std::nullopt};
  if (estimate.interval) {
    // No police records: the share is 0 whatever the estimate. Otherwise a lower limit of 0 victims
    // leaves the share unbounded above.
    const double upper = police_count == 0                ? 0.0
                         : estimate.interval->lower > 0.0 ? police / estimate.interval->lower
                                                          : std::numeric_limits<double>::infinity();
    out.interval = Interval{police / estimate.interval->upper, upper};
  }
  return out;
}

}  // namespace csa::stats
