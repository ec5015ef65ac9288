#include "workspace/kpi_status.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::workspace {

KpiStatus kpi_status(KpiDirection direction, std::optional<double> target, std::optional<double> actual) {
  if (!target || !actual) return KpiStatus::no_data;
  const double t = *target;
  const double a = *actual;
  if (direction == KpiDirection::higher) {
    if (a >= t) return KpiStatus::on_track;
    if (a >= (1.0 - kAtRiskTolerance) * t) return KpiStatus::at_risk;
    return KpiStatus::off_track;
  }
  if (a <= t) return KpiStatus::on_track;
  if (a <= (1.0 + kAtRiskTolerance) * t) return KpiStatus::at_risk;
  return KpiStatus::off_track;
}

KpiDirection parse_kpi_direction(std::string_view text) {
  if (text == "higher" || text == "up") return KpiDirection::higher;
  if (text == "lower" || text == "down") return KpiDirection::lower;
  throw InputError(fmt::format("KPI direction '{}' is not known; use higher (more is better) or lower (less is better)",
                               text));
}

std::string_view kpi_direction_name(KpiDirection d) { return d == KpiDirection::higher ? "higher" : "lower"; }

std::string_view kpi_status_name(KpiStatus s) {
  switch (s) {
    case KpiStatus::on_track: return "on track";
    case KpiStatus::at_risk: return "at risk";
    case KpiStatus::off_track: return "off track";
    case KpiStatus::no_data: break;
  }
  return "no data";
}

}  // namespace csa::workspace
