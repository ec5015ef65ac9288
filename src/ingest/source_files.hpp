// Turns what the user typed (files, folders, glob patterns) into the list of files to ingest.
#pragma once

#include <string>
#include <vector>

namespace csa::ingest {

struct SourceFiles {
  std::vector<std::string> files;    // sorted, de-duplicated
  std::vector<std::string> skipped;  // files in folders that are not street files, with the reason
};

// Folders are searched recursively for files whose name ends with `suffix` (e.g. "-street.csv");
// files named directly are taken as given. Throws InputError for a path or pattern that matches nothing.
SourceFiles find_source_files(const std::vector<std::string>& inputs, const std::string& suffix);

}  // namespace csa::ingest
