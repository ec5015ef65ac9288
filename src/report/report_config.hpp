// What a strategic assessment is about and the rules it applies, as the partnership writes them in a
// TOML file (examples/cambridge/csa.toml documents every key and its default). Paths in the file are
// relative to the file. The classification rules live here, not in code, so a partnership can
// change them and the report's technical notes print the rules in force.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace csa::report {

// How a theme is placed in one of the seeds' three categories (002_… lines 474-478).
struct ClassificationRules {
  // "Requires a high level of attention": the theme is at least this share (%) of all crime in the
  // latest year, or among the `high_volume_top` themes with the highest count.
  double high_volume_share = 10.0;
  int high_volume_top = 2;
  // "Has concerning trends": a rising trend over at least `trend_min_years` years ending (Poisson
  // regression, docs/METHODS.md §4), or with fewer years, a significant increase (exact test, 5%) in
  // each year compared.
  int trend_min_years = 3;
  // "Should be monitored": a significant change either way in the latest year, or a change of at
  // least `monitor_change_percent` % either way on a base of at least `min_base`.
  double monitor_change_percent = 20.0;
  std::int64_t min_base = 20;
};

struct GeographicRules {
  int top_wards = 3;            // wards named per theme ("the top 3 wards for shoplifting")
  int focus_wards = 3;          // wards recommended for focus at most
  // A ward is "top in all themes" when it ranks within this many wards in every theme with data.
  int top_rank_in_all = 4;
};

// The chapters from local extracts (docs/EXTRACTS.md, report/extract_chapters.hpp).
struct ExtractsConfig {
  int persistent_offender_threshold = 6;  // crimes in a year that make a persistent offender (2..100)
  std::string keywords;                   // resolved path to word lists (examples/keywords.toml); empty: none
};

struct ReportConfig {
  std::string path;             // the config file, for messages
  std::string title;            // default: "Community Safety Strategic Assessment: <area>"
  std::string area;             // district name or GSS code (required)
  std::string database;         // resolved path; --db overrides
  std::string year_ending;      // "2025-12"; empty: the latest loaded month
  int years = 4;                // years ending compared where the data allow (2..10)
  std::string author = "Community Safety Partnership research team";
  std::string version = "1";
  std::string taxonomy;         // resolved path; empty: the shipped themes
  std::string peers;            // resolved path to a Most Similar Group TOML; empty: none
  std::string harm_weights;     // resolved path to the CCHI weights CSV; empty: no harm section
  std::vector<std::string> themes;  // theme ids with a chapter each; empty: every theme
  std::int64_t suppress_under = 5;  // counts 1..N-1 print as <N at ward level; 0 or 1: none
  ClassificationRules classification;
  GeographicRules geography;
  ExtractsConfig extracts;
};

// Throws InputError naming the file, line and key on a malformed or unknown entry.
ReportConfig load_report_config(const std::string& path);

}  // namespace csa::report
