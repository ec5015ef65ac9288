// What a table reader did with each row, so the caller can print "read = kept + rejected" and show
// the rejected rows themselves: a bad row is a counted diagnostic, not a reason to stop.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace csa::geo {

struct RejectedRow {
  std::uint64_t line = 0;  // 1-based physical line in the file
  std::string reason;      // the problem, the value seen and how to fix it
  std::string raw;         // the row as it stands in the file, without its line end
};

struct ReadReport {
  std::string path;
  std::uint64_t rows_read = 0;  // data rows, header and blank lines not counted
  std::uint64_t rows_kept = 0;
  std::vector<RejectedRow> rejected;
  bool had_bom = false;

  std::uint64_t rows_rejected() const { return rejected.size(); }
  // Holds by construction; tests and the CLI check it anyway.
  bool balanced() const { return rows_read == rows_kept + rows_rejected(); }
};

// The project's bad-input form, "file:line: problem; value seen; how to fix".
inline std::string describe(const ReadReport& report, const RejectedRow& row) {
  return report.path + ":" + std::to_string(row.line) + ": " + row.reason;
}

}  // namespace csa::geo
