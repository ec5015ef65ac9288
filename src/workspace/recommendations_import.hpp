// Recommendations imported from the strategic assessment, so a priority can cite the evidence it came
// from (`priority add --recommendation ID`). `csa report` writes no machine-readable recommendations,
// so they are read through the report's own classification API: the same analyse() and recommend()
// the report runs, on the same config and data store, so the workspace and the report cannot disagree.
#pragma once

#include <string>

#include "workspace/workspace.hpp"

namespace csa::workspace {

struct ImportSummary {
  std::string source;   // "Cambridge, YE December 2025"
  int themes = 0;       // themes with a category (not "none")
  int wards = 0;        // focus wards
};

// `db` overrides the config's database when not empty. Importing again updates the same rows.
ImportSummary import_recommendations(Workspace& w, const Actor& a, const std::string& report_config,
                                     const std::string& db);

}  // namespace csa::workspace
