// The seeds' recommendations (002_… lines 433-518), by rule instead of by hand: each theme lands in
// one of three categories, and a few wards are named for focus, each with its reason. The rules and
// their thresholds come from the report config (report_config.hpp); every decision keeps the
// evidence it was made on, which the technical notes print theme by theme.
#pragma once

#include <string>
#include <vector>

#include "report/analysis.hpp"
#include "report/report_config.hpp"

namespace csa::report {

enum class Category { high_attention, concerning_trend, monitor, none };
std::string_view category_title(Category c);   // "Requires a high level of attention", …
std::string_view category_reason(Category c);  // "High volume of offences", …

struct ThemeDecision {
  const ThemeFacts* theme = nullptr;
  Category category = Category::none;
  std::string evidence;  // why, in a sentence with the numbers: "12.4% of all crime (rule: at least 10%)"
};

struct WardFocus {
  int area = -1;
  std::string name;
  std::vector<std::string> reasons;  // one sentence each
};

struct Recommendations {
  std::vector<ThemeDecision> themes;  // every crime theme (ASB included), taxonomy order
  std::vector<WardFocus> wards;       // at most GeographicRules::focus_wards
  std::vector<std::string> rules;     // the rules in force, in words, for the technical notes
};

Recommendations recommend(const Analysis& a, const ReportConfig& config);

}  // namespace csa::report
