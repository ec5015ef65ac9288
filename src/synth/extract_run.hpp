// One run of `csa synth extract`: read the area's police.uk incidents, generate each requested
// kind, write the CSVs and SYNTHETIC.txt, and say what was written. Same store, options and seed
// give byte-identical files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "store/store.hpp"

namespace csa::synth {

struct ExtractOptions {
  std::string area;              // code or name, resolved through the geography
  std::string out_dir;
  std::uint64_t seed = 1;
  std::string first_month, last_month;  // YYYY-MM; empty = the store's first / last month
  double scale = 1.0;
  std::vector<std::string> kinds;       // crime, asb, da-incident, fire, ed-attendance, ambulance, series
  std::string offence_codes_path;       // Home Office code list
  std::string cchi_path;                // CCHI subgroups with national counts
  std::string golden_dir;               // for the treatment table
  std::string command_line;             // recorded in SYNTHETIC.txt
};

struct WrittenFile {
  std::string kind, path;
  std::int64_t rows = 0;
};

struct ExtractSummary {
  std::string area_name, area_code, first_month, last_month;
  std::int64_t source_incidents = 0, source_crimes = 0, source_asb = 0, scanned = 0, outside_area = 0;
  std::vector<WrittenFile> files;
  std::vector<std::string> calibration;  // achieved proportions beside their targets, one per line
};

// Defaults in the shared data folder baked in at build time (CMake CSA_SHARED_DIR).
std::string default_cchi_path();   // <shared>/data/harm/cchi-weights-by-subgroup.csv
std::string default_golden_dir();  // <shared>/golden

// The valid --kinds, in output order.
const std::vector<std::string>& extract_kinds();

ExtractSummary run_extract(const store::Store& store, const ExtractOptions& options, const ProgressFn& progress);

}  // namespace csa::synth
