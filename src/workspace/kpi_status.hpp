// Whether a KPI is on track, from its target and its actual, by one rule (docs/WORKSPACE.md):
//   direction higher (more is better):  actual >= target           -> on track
//                                        actual >= 90% of target    -> at risk
//                                        otherwise                  -> off track
//   direction lower (less is better):   actual <= target           -> on track
//                                        actual <= 110% of target   -> at risk
//                                        otherwise                  -> off track
//   no target or no actual yet                                      -> no data
// A KPI's current status is that of its latest quarter with an actual, against that quarter's target
// or, when the quarter has none, the overall target. The 10% tolerance is kAtRiskTolerance.
#pragma once

#include <optional>
#include <string_view>

namespace csa::workspace {

enum class KpiStatus { no_data, on_track, at_risk, off_track };
enum class KpiDirection { higher, lower };

inline constexpr double kAtRiskTolerance = 0.10;

KpiStatus kpi_status(KpiDirection direction, std::optional<double> target, std::optional<double> actual);
KpiDirection parse_kpi_direction(std::string_view text);  // "higher" / "lower"; throws InputError
std::string_view kpi_direction_name(KpiDirection d);
std::string_view kpi_status_name(KpiStatus s);  // "on track", "at risk", "off track", "no data"

}  // namespace csa::workspace
