// Writes a built, self-checked report to a folder: report.html (self-contained), report.pdf
// (Chromium), report.docx (pandoc, real Word styles), tables.xlsx (every table on its own sheet) and
// figures/ (SVG and PNG), plus self-checks.txt with what was checked. The self-checks run first; a
// failure throws and nothing is written, so a wrong report is never published.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "report/claims.hpp"
#include "report/self_checks.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {

struct OutputOptions {
  bool pdf = true;
  bool docx = true;
  bool xlsx = true;
  bool png = true;
};

struct WrittenReport {
  std::vector<std::string> files;  // what was written, in order
  SelfCheckReport checks;
};

// `progress` is told each step ("figures", "report.html", …) before it starts.
WrittenReport write_report(document::Document doc, const Claims& claims, const taxonomy::Taxonomy& taxonomy,
                           std::int64_t suppress_under, const std::string& out_dir, const OutputOptions& options,
                           const std::function<void(const std::string&)>& progress);

}  // namespace csa::report
