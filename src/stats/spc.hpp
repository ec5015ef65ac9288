// Monthly exceptions by statistical process control (a Shewhart chart with a moving baseline).
// Why: "the highest month for five years" is a statement an analyst makes from a chart; csa makes
// it from a rule. For month t the baseline is the previous N months (default 24, as the primer
// asks: two full seasonal cycles), with mean m and sample standard deviation s (divisor N - 1, as
// R's sd()). Month t is "high" when its value > m + 3s and "low" when < m - 3s. Three standard
// deviations is Shewhart's limit: a month from an unchanged process passes it about 1 time in 740
// on each side if counts were normal, so over 24 months a flag is rare enough to be worth reading.
// The baseline excludes month t itself, so a spike does not mask itself. Months with fewer than
// `min_baseline` earlier months are not judged (flag insufficient_baseline).
// Caveats for the text: seasonality is not removed (December nights out inflate s); a constant
// baseline has s = 0, so any rise above it is flagged.
// Units: whatever the series holds (counts or rates), one value per month in time order.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace csa::stats {

struct SpcOptions {
  std::size_t baseline_months = 24;  // N: the window before each month
  std::size_t min_baseline = 24;     // judge a month only with at least this many earlier months
  double sigmas = 3.0;               // control limits at mean -/+ sigmas * sd
};

enum class SpcFlag { insufficient_baseline, within, high, low };

struct SpcPoint {
  std::size_t baseline_size = 0;  // months in the baseline (<= baseline_months)
  double mean = 0.0;              // of the baseline; 0 when not judged
  double sd = 0.0;
  double upper = 0.0;  // mean + sigmas * sd
  double lower = 0.0;  // mean - sigmas * sd (may be negative; counts never are)
  SpcFlag flag = SpcFlag::insufficient_baseline;
};

// One point per month of `monthly`. Throws InputError when baseline_months is 0, min_baseline is
// below 2 (an sd needs two months) or above baseline_months, sigmas is not positive, or a value is
// not finite.
std::vector<SpcPoint> spc_exceptions(std::span<const double> monthly, const SpcOptions& options = {});

// "The highest month since ...": the most recent index before `index` whose value is >= the value
// at `index`, or nullopt when no earlier value reaches it (the highest in the series so far).
// Throws InputError when index is out of range.
std::optional<std::size_t> highest_since(std::span<const double> series, std::size_t index);

}  // namespace csa::stats
