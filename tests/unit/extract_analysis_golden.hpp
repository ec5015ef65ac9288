// Reading ../shared/golden/*.csv in the offence and extract-analysis tests: rows addressed by their
// first-column label and columns by name. The files have a header row and no quoted fields
// (golden/README.md); an empty cell (a "-" in the source) reads as 0, as the seed totals reconcile.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace csa::testing {

class GoldenCsv {
 public:
  explicit GoldenCsv(const std::string& file_name) {
    const std::string path = std::string(CSA_SHARED_DIR) + "/golden/" + file_name;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::string line;
    std::getline(in, line);
    header_ = split(line);
    while (std::getline(in, line))
      if (!line.empty()) rows_.push_back(split(line));
  }
  const std::vector<std::vector<std::string>>& rows() const { return rows_; }
  std::size_t column(const std::string& name) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
      if (header_[i] == name) return i;
    throw std::runtime_error("no column " + name);
  }
  const std::vector<std::string>& row(const std::string& label) const {
    for (const auto& r : rows_)
      if (r[0] == label) return r;
    throw std::runtime_error("no row " + label);
  }
  std::string text(const std::string& label, const std::string& col) const { return row(label)[column(col)]; }
  std::int64_t count(const std::string& label, const std::string& col) const {
    const std::string t = text(label, col);
    return t.empty() ? 0 : std::stoll(t);
  }

 private:
  static std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
      std::size_t comma = line.find(',', start);
      out.push_back(line.substr(start, comma - start));
      if (comma == std::string::npos) return out;
      start = comma + 1;
    }
  }
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace csa::testing
