#include "ingest/source_files.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"

namespace csa::ingest {
namespace fs = std::filesystem;

namespace {
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void add_folder(const fs::path& dir, const std::string& suffix, SourceFiles& out) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string p = it->path().string();
    if (ends_with(it->path().filename().string(), suffix)) {
      out.files.push_back(p);
    } else if (ends_with(p, ".csv")) {
      out.skipped.push_back(fmt::format("{} (not a '*{}' file)", p, suffix));
    }
  }
  if (ec) throw IoError(fmt::format("{}: cannot list the folder: {}", dir.string(), ec.message()));
}
}  // namespace

SourceFiles find_source_files(const std::vector<std::string>& inputs, const std::string& suffix) {
  SourceFiles out;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      add_folder(input, suffix, out);
      continue;
    }
    if (fs::is_regular_file(input, ec)) {
      out.files.push_back(input);
      continue;
    }
    glob_t g{};
    int rc = ::glob(input.c_str(), 0, nullptr, &g);
    if (rc == 0) {
      for (std::size_t i = 0; i < g.gl_pathc; ++i) {
        std::string p = g.gl_pathv[i];
        if (fs::is_directory(p, ec)) add_folder(p, suffix, out); else out.files.push_back(p);
      }
    }
    globfree(&g);
    if (rc != 0) {
      throw InputError(fmt::format("{}: no such file or folder, and no file matches it as a pattern; "
                                   "give a police.uk '*{}' file, a folder of them, or a quoted glob such as "
                                   "'data/2025-*/*{}'",
                                   input, suffix, suffix));
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  std::sort(out.skipped.begin(), out.skipped.end());
  return out;
}

}  // namespace csa::ingest
