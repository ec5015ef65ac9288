// The part every ONS table reader shares: open a CSV through the project's reader, find columns
// by a name pattern rather than by position (ONS renames LSOA21CD to LSOA31CD and WD23CD to WD24CD
// with each vintage, and reorders columns between products), and run the row loop that keeps the
// read = kept + rejected accounting.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/read_report.hpp"
#include "ingest/csv_reader.hpp"

namespace csa::geo {

// A column wanted by a reader. pattern is an ECMAScript regex matched against the whole header
// name, case-insensitively (ONS writes LSOA21CD in lookups but lsoa21cd in some shapefiles); its
// first capture group, if any, is taken as the vintage year.
struct ColumnRule {
  std::string_view label;    // shown in messages: "LSOAyyCD (LSOA code)"
  std::string_view pattern;  // e.g. "LSOA(\\d\\d)CD"
  bool required = true;
};

struct FoundColumn {
  std::size_t index = 0;
  std::string name;  // as written in the header
  std::string year;  // the capture group, e.g. "21"; empty when the pattern has none
};

class CsvTable {
 public:
  // Opens the file and reads its header. Throws IoError when it cannot be opened, InputError
  // when it is empty or the header is not valid CSV.
  explicit CsvTable(const std::string& path);

  const std::vector<std::string>& header() const { return header_; }

  // One entry per rule, in rule order; nullopt for an optional column that is absent. Throws
  // InputError naming every missing required column, the columns found and what was expected
  // (expected_hint, e.g. "the ONS LSOA → ward → LAD best-fit lookup"), or naming the columns when
  // two match the same rule.
  std::vector<std::optional<FoundColumn>> match(const std::vector<ColumnRule>& rules,
                                                std::string_view expected_hint) const;

  // Calls check(fields) for each data row that has as many fields as the header (fields trimmed
  // of surrounding spaces); check returns a rejection reason or nullopt to keep the row. Rows that
  // are malformed CSV or have the wrong field count are rejected here. Blank lines are skipped and
  // not counted.
  using RowCheck = std::function<std::optional<std::string>(const std::vector<std::string_view>& fields,
                                                            std::uint64_t line)>;
  ReadReport read_rows(const RowCheck& check);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<ingest::CsvReader> reader_;
  std::vector<std::string> header_;
};

// Surrounding ASCII spaces and tabs removed (ONS fills empty Welsh names with a single space).
std::string_view trim(std::string_view s);

}  // namespace csa::geo
