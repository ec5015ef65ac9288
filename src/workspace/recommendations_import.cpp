#include "workspace/recommendations_import.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "report/analysis.hpp"
#include "report/classification.hpp"
#include "report/report_config.hpp"
#include "store/store.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::workspace {

ImportSummary import_recommendations(Workspace& w, const Actor& a, const std::string& report_config,
                                     const std::string& db_override) {
  require_role(a, Role::editor, "import recommendations");
  auto config = report::load_report_config(report_config);
  std::string db = db_override.empty() ? config.database : db_override;
  if (db.empty()) throw InputError(fmt::format("{}: no database: give --db or [report] database = \"…\"", report_config));
  auto store = store::open_sqlite_store(db);
  auto taxonomy = config.taxonomy.empty() ? taxonomy::load_default_taxonomy() : taxonomy::load_taxonomy(config.taxonomy);
  auto geography = dataset::Geography::from_store(*store);
  int area = geography.resolve(config.area);
  auto placed = dataset::place_incidents(*store, geography, dataset::Assignment::lsoa_best_fit);
  if (placed.size() == 0) throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", db));
  auto cube = cube::Cube::build(placed, geography);
  period::Month ye = config.year_ending.empty() ? *placed.months_loaded.rbegin()
                                                : period::Month::parse(config.year_ending, config.path + ": year_ending");
  auto analysis = report::analyse(cube, taxonomy, area, ye, config.years, placed.months_loaded,
                                  config.classification.trend_min_years);
  auto rec = report::recommend(analysis, config);
  ImportSummary s;
  s.source = fmt::format("{}, {}", geography.area(area).name, analysis.latest().description());
  for (const auto& d : rec.themes) {
    if (d.category == report::Category::none) continue;
    w.add_recommendation(a, s.source, "theme", d.theme->selection.label, std::string(report::category_title(d.category)),
                         d.evidence);
    ++s.themes;
  }
  for (const auto& f : rec.wards) {
    w.add_recommendation(a, s.source, "ward", f.name, "Ward for focus", fmt::format("{}", fmt::join(f.reasons, " ")));
    ++s.wards;
  }
  return s;
}

}  // namespace csa::workspace
