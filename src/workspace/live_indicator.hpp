// Live indicators: a KPI or priority bound to a measure from the data (theme × area × period, e.g.
// violence in Market ward, year ending the latest month), evaluated against the data store with the
// same code the tables and the report use: the ward cube's count (cube/cube.hpp), the change and its
// seeds' text (measure/change.hpp), the exact Poisson test of the change (stats/change_test.hpp) and
// small-number suppression below district level (measure/suppression.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "workspace/workspace.hpp"

namespace csa::workspace {

struct IndicatorBinding {
  std::string theme;   // theme or group id or label ("violence_and_sexual_offences", "all_crime")
  std::string area;    // any level: GSS code or name (a ward: "Market")
  std::string period;  // a period spec (period/period_spec.hpp); empty: year ending the latest month loaded
};

struct LiveIndicator {
  std::string theme, area, period, previous_period;  // labels
  std::int64_t latest = 0, previous = 0;
  std::string latest_text, previous_text;  // "<5" for 1-4 below district level
  std::string change_text;                 // "+32% (+677)", hidden when a count is suppressed
  double p_value = 1.0;
  bool significant = false;
  bool complete = true;                    // both windows fully loaded
  std::string sentence() const;            // "Violence … in Market, 2025: 812, +5% (+40) on 2024 (not significant, p = 0.37)"
};

// The data store loaded once (geography, placed counts, cube); evaluates any number of bindings.
class IndicatorSource {
 public:
  explicit IndicatorSource(const std::string& db_path);
  ~IndicatorSource();
  LiveIndicator evaluate(const IndicatorBinding& b) const;

 private:
  struct Data;
  std::unique_ptr<Data> d_;
};

// Binds a KPI (or a priority) to a measure; validated against the data when `source` is given.
Json bind_kpi_indicator(Workspace& w, const Actor& a, std::int64_t kpi_id, const IndicatorBinding& b);
Json bind_priority_indicator(Workspace& w, const Actor& a, const std::string& priority, const IndicatorBinding& b);

}  // namespace csa::workspace
