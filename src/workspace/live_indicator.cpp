#include "workspace/live_indicator.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "measure/change.hpp"
#include "measure/suppression.hpp"
#include "period/coverage.hpp"
#include "period/period_spec.hpp"
#include "stats/change_test.hpp"
#include "store/store.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::workspace {

struct IndicatorSource::Data {
  std::unique_ptr<store::Store> store;
  taxonomy::Taxonomy taxonomy;
  dataset::Geography geography;
  dataset::PlacedCounts placed;
  cube::Cube cube;
};

IndicatorSource::IndicatorSource(const std::string& db_path) {
  auto st = store::open_sqlite_store(db_path);
  auto tax = taxonomy::load_default_taxonomy();
  auto geo = dataset::Geography::from_store(*st);
  auto placed = dataset::place_incidents(*st, geo, dataset::Assignment::lsoa_best_fit);
  if (placed.size() == 0) throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", db_path));
  d_ = std::unique_ptr<Data>(new Data{std::move(st), std::move(tax), std::move(geo), std::move(placed), cube::Cube{}});
  d_->cube = cube::Cube::build(d_->placed, d_->geography);  // the cube points at the geography now in place
}

IndicatorSource::~IndicatorSource() = default;

LiveIndicator IndicatorSource::evaluate(const IndicatorBinding& b) const {
  auto theme = d_->taxonomy.resolve(b.theme);
  int area = d_->geography.resolve(b.area);
  const auto& place = d_->geography.area(area);
  period::Window window = b.period.empty() ? period::year_ending(*d_->placed.months_loaded.rbegin())
                                           : period::parse_window_spec(b.period, "indicator period");
  period::Window before = window.shifted_years(-1);
  LiveIndicator li;
  li.theme = theme.label;
  li.area = place.name;
  li.period = window.label();
  li.previous_period = before.label();
  li.latest = d_->cube.count(area, theme.crime_types, window);
  li.previous = d_->cube.count(area, theme.crime_types, before);
  li.complete = period::coverage(window, d_->placed.months_loaded).complete() &&
                period::coverage(before, d_->placed.months_loaded).complete();
  // Counts 1-4 below district level are shown as <5, and a change that would reveal them is hidden.
  const bool small_area = place.level == dataset::Level::ward || place.level == dataset::Level::lsoa;
  measure::SuppressionRule rule;
  li.latest_text = small_area ? measure::format_count(li.latest, rule) : fmt::format("{}", li.latest);
  li.previous_text = small_area ? measure::format_count(li.previous, rule) : fmt::format("{}", li.previous);
  const bool hidden = small_area && measure::derived_figure_hidden({li.previous, li.latest}, rule);
  li.change_text = hidden ? "not shown (small numbers)"
                          : measure::format_percent_and_volume(measure::compute_change(li.previous, li.latest));
  auto test = stats::test_change(li.previous, li.latest);
  li.p_value = test.p_value;
  li.significant = test.significant;
  return li;
}

std::string LiveIndicator::sentence() const {
  return fmt::format("{} in {}, {}: {}, {} on {} ({}, p = {:.3f}){}", theme, area, period, latest_text, change_text,
                     previous_period, significant ? "significant" : "not significant", p_value,
                     complete ? "" : " [incomplete data]");
}

namespace {
Json binding_json(const IndicatorBinding& b) {
  return {{"indicator_theme", required_text(b.theme, "indicator theme")},
          {"indicator_area", required_text(b.area, "indicator area")},
          {"indicator_period", b.period.empty() ? Json(nullptr) : Json(b.period)}};
}
}  // namespace

Json bind_kpi_indicator(Workspace& w, const Actor& a, std::int64_t kpi_id, const IndicatorBinding& b) {
  require_role(a, Role::editor, "change the workspace");
  if (!b.period.empty()) period::parse_window_spec(b.period, "indicator period");
  Transaction tx(w.db());
  auto k = fetch(w.db(), entity("kpi"), kpi_id);
  if (!k) throw InputError(fmt::format("there is no KPI {}", kpi_id));
  auto out = update(w.db(), a.name, entity("kpi"), kpi_id, (*k)["version"], binding_json(b));
  tx.commit();
  return out;
}

Json bind_priority_indicator(Workspace& w, const Actor& a, const std::string& priority, const IndicatorBinding& b) {
  require_role(a, Role::editor, "change the workspace");
  if (!b.period.empty()) period::parse_window_spec(b.period, "indicator period");
  Transaction tx(w.db());
  auto p = w.priority_by_code(priority);
  auto out = update(w.db(), a.name, entity("priority"), p["id"], p["version"], binding_json(b));
  tx.commit();
  return out;
}

}  // namespace csa::workspace
