#include "report/classification.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/thousands.hpp"
#include "report/narrative.hpp"

namespace csa::report {

std::string_view category_title(Category c) {
  switch (c) {
    case Category::high_attention: return "Requires a high level of attention";
    case Category::concerning_trend: return "Has concerning trends";
    case Category::monitor: return "Should be monitored";
    case Category::none: return "No category";
  }
  return "?";
}

std::string_view category_reason(Category c) {
  switch (c) {
    case Category::high_attention: return "high volume of offences";
    case Category::concerning_trend: return "steady year-on-year increases";
    case Category::monitor: return "fluctuations or a recent change in volume";
    case Category::none: return "none of the rules applies";
  }
  return "?";
}

namespace {

std::string percent_text(const measure::Change& c) {
  return c.percent ? measure::format_whole_percent_change(*c.percent) : "n/a (zero base)";
}

ThemeDecision decide(const Analysis& a, const ThemeFacts& t, std::size_t volume_rank, const ClassificationRules& r) {
  ThemeDecision d;
  d.theme = &t;
  const std::string& label = t.selection.label;
  // 1. Volume.
  if (t.share_of_all_crime && *t.share_of_all_crime >= r.high_volume_share) {
    d.category = Category::high_attention;
    d.evidence = fmt::format("{} is {:.1f}% of all crime in {} (rule: at least {:g}%)", label, *t.share_of_all_crime,
                             a.latest().description(), r.high_volume_share);
    return d;
  }
  if (static_cast<int>(volume_rank) <= r.high_volume_top) {
    d.category = Category::high_attention;
    d.evidence = fmt::format("{} has the {} count of the themes in {} ({}; rule: among the {} highest)", label,
                             rank_words(volume_rank), a.latest().description(), with_commas(t.latest()), r.high_volume_top);
    return d;
  }
  // 2. Trend.
  if (t.trend) {
    if (t.trend->direction == stats::TrendDirection::rising) {
      d.category = Category::concerning_trend;
      d.evidence = fmt::format("rising trend over {} years: rate ratio {:.2f} a year (95% CI {:.2f}–{:.2f})", t.counts.size(),
                               t.trend->rate_ratio, t.trend->rate_ratio_interval.lower, t.trend->rate_ratio_interval.upper);
      return d;
    }
  } else if (t.test_1y.significant && t.test_1y.direction == stats::ChangeDirection::increase &&
             t.counts[t.counts.size() - 2] >= r.min_base) {
    d.category = Category::concerning_trend;
    d.evidence = fmt::format("only {} years ending are loaded, too few for a trend (rule: {}); the one change, {}, is a "
                             "significant increase ({})",
                             t.counts.size(), r.trend_min_years, percent_text(t.change_1y), p_value_text(t.test_1y.p_value));
    return d;
  }
  // 3. Fluctuation.
  double pct = t.change_1y.percent ? t.change_1y.percent->to_double() : 0.0;
  if (t.test_1y.significant) {
    d.category = Category::monitor;
    d.evidence = fmt::format("significant {} in the latest year: {} ({})",
                             t.test_1y.direction == stats::ChangeDirection::increase ? "increase" : "decrease",
                             percent_text(t.change_1y), p_value_text(t.test_1y.p_value));
    return d;
  }
  if (std::abs(pct) >= r.monitor_change_percent && t.counts[t.counts.size() - 2] >= r.min_base) {
    d.category = Category::monitor;
    d.evidence = fmt::format("changed by {} in the latest year (rule: at least {:g}% either way on a base of {} or more), "
                             "though not significantly ({})",
                             percent_text(t.change_1y), r.monitor_change_percent, r.min_base, p_value_text(t.test_1y.p_value));
    return d;
  }
  d.category = Category::none;
  d.evidence = fmt::format("{} offences, {} of all crime; change {} ({}, not significant)", with_commas(t.latest()),
                           t.share_of_all_crime ? fmt::format("{:.1f}%", *t.share_of_all_crime) : std::string("n/a"),
                           percent_text(t.change_1y), p_value_text(t.test_1y.p_value));
  return d;
}

}  // namespace

Recommendations recommend(const Analysis& a, const ReportConfig& config) {
  Recommendations rec;
  const auto& r = config.classification;
  // Volume ranks among the themes (competition ranking on the latest count).
  std::vector<std::int64_t> latest;
  for (const auto& t : a.themes) latest.push_back(t.latest());
  for (std::size_t i = 0; i < a.themes.size(); ++i) {
    std::size_t rank = 1;
    for (auto n : latest) rank += n > latest[i] ? 1 : 0;
    rec.themes.push_back(decide(a, a.themes[i], rank, r));
  }
  rec.rules = {
      fmt::format("{}: a theme that is at least {:g}% of all crime in the latest year, or has one of the {} highest "
                  "counts of all themes.",
                  category_title(Category::high_attention), r.high_volume_share, r.high_volume_top),
      fmt::format("{}: a rising trend over at least {} years ending (Poisson regression of the yearly counts, the "
                  "whole 95% interval of the yearly rate ratio above 1); with fewer years, a statistically significant "
                  "increase in the latest year on a base of at least {}.",
                  category_title(Category::concerning_trend), r.trend_min_years, r.min_base),
      fmt::format("{}: a statistically significant change either way in the latest year (exact test, 5%), or a change "
                  "of at least {:g}% either way on a base of at least {}.",
                  category_title(Category::monitor), r.monitor_change_percent, r.min_base),
      "A theme takes the first category whose rule it meets, in the order above.",
  };

  // Geographic focus: wards by the seeds' three kinds of reason, most compelling first.
  const auto& g = a.cube->geography();
  const auto& geo = config.geography;
  std::vector<const ThemeFacts*> crime_themes;
  for (const auto& t : a.themes) {
    if (t.latest() > 0 && !t.wards.empty()) crime_themes.push_back(&t);
  }
  std::map<int, WardFocus> focus;
  std::vector<int> order;
  auto add_reason = [&](int ward, std::string reason) {
    if (!focus.contains(ward)) {
      if (static_cast<int>(order.size()) >= geo.focus_wards) return;
      focus[ward] = {ward, g.area(ward).name, {}};
      order.push_back(ward);
    }
    focus[ward].reasons.push_back(std::move(reason));
  };
  // (1) The ward with the highest count in the most themes.
  std::map<int, std::vector<std::string>> firsts;
  for (const auto* t : crime_themes) {
    for (const auto& w : t->wards) {
      if (w.rank == 1) firsts[w.area].push_back(t->selection.label);
    }
  }
  std::vector<std::pair<int, std::vector<std::string>>> by_firsts(firsts.begin(), firsts.end());
  std::stable_sort(by_firsts.begin(), by_firsts.end(), [](const auto& x, const auto& y) { return x.second.size() > y.second.size(); });
  if (!by_firsts.empty() && by_firsts.front().second.size() >= 2) {
    const auto& [ward, themes] = by_firsts.front();
    add_reason(ward, fmt::format("the highest count in {} of the {} themes with offences in {} ({})", themes.size(),
                                 crime_themes.size(), a.latest().description(), join_list(themes)));
  }
  // (2) Wards within the top N in every theme.
  for (int ward : g.children(a.area, dataset::Level::ward)) {
    bool all = !crime_themes.empty();
    for (const auto* t : crime_themes) {
      auto it = std::find_if(t->wards.begin(), t->wards.end(), [&](const WardFacts& w) { return w.area == ward; });
      // A ward with none of a theme's offences is not "near the top" however the ties fall.
      if (it == t->wards.end() || it->counts.back() == 0 || static_cast<int>(it->rank) > geo.top_rank_in_all) all = false;
    }
    if (all) {
      add_reason(ward, fmt::format("in the top {} wards in every one of the {} themes with offences", geo.top_rank_in_all,
                                   crime_themes.size()));
    }
  }
  // (3) The largest statistically significant increases (all crime, then the themes).
  struct Rise {
    int ward;
    std::string theme;
    measure::Change change;
    double p;
  };
  std::vector<Rise> rises;
  for (const auto* t : crime_themes) {
    for (const auto& w : t->wards) {
      const std::size_t n = w.counts.size();
      if (w.latest_test.significant && w.latest_test.direction == stats::ChangeDirection::increase &&
          w.counts[n - 2] >= config.classification.min_base) {
        rises.push_back({w.area, t->selection.label, measure::compute_change(w.counts[n - 2], w.counts[n - 1]),
                         w.latest_test.p_value});
      }
    }
  }
  std::stable_sort(rises.begin(), rises.end(), [](const Rise& x, const Rise& y) { return x.change.diff > y.change.diff; });
  for (const auto& rise : rises) {
    add_reason(rise.ward, fmt::format("{} {} between {} and {}, a statistically significant increase ({})",
                                      to_lower_first(rise.theme), change_phrase(rise.change, "offence"),
                                      a.years[a.years.size() - 2].description(), a.latest().description(),
                                      p_value_text(rise.p)));
  }
  for (int w : order) rec.wards.push_back(focus[w]);
  return rec;
}

}  // namespace csa::report
