// Writes the strategic assessment as a document::Document from the analysis: document details,
// contents, executive summary with recommendations, key findings, crime overview, one chapter per
// theme, comparison with other places, geographic analysis and technical notes, in the order and
// register of seed 002 (lines 281-2347). Every figure quoted in the text is registered as a claim
// against the table that shows it, for the self-checks.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "dataset/incidents.hpp"
#include "document/document.hpp"
#include "report/analysis.hpp"
#include "report/claims.hpp"
#include "report/classification.hpp"
#include "report/report_config.hpp"
#include "store/store.hpp"

namespace csa::report {

struct ReportInputs {
  const ReportConfig* config = nullptr;
  const Analysis* analysis = nullptr;
  const Recommendations* recommendations = nullptr;
  const store::Store* store = nullptr;
  std::set<period::Month> months_loaded;
  dataset::Assignment assignment = dataset::Assignment::lsoa_best_fit;
  std::string generated_on;          // "21 November 2026"
  std::vector<std::string> only_themes;  // theme ids with a chapter (empty: every theme)
  bool deep_dive = false;                // one theme: its chapter gains an end-of-year review by month
};

struct BuiltReport {
  document::Document document;
  Claims claims;
};

BuiltReport build_report(const ReportInputs& in);

}  // namespace csa::report
