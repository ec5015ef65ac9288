#include "geo/csv_table.hpp"

#include <fmt/format.h>

#include <regex>

#include "core/error.hpp"

namespace csa::geo {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

namespace {
std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n.empty() ? std::string("(empty)") : n;
  }
  return out;
}
}  // namespace

CsvTable::CsvTable(const std::string& path) : path_(path) {
  reader_ = std::make_unique<ingest::CsvReader>(std::make_unique<ingest::FileSource>(path));
  ingest::CsvRecord record;
  ingest::CsvReader::Status status;
  // Blank lines before the header are tolerated; the header is the first non-blank record.
  do {
    status = reader_->next(record);
  } while (status == ingest::CsvReader::Status::ok && record.raw.empty());
  if (status == ingest::CsvReader::Status::end) {
    throw InputError(fmt::format("{}:1: the file is empty; no header row; export the table again as CSV "
                                 "with its header row",
                                 path));
  }
  if (status == ingest::CsvReader::Status::malformed) {
    throw InputError(fmt::format("{}:{}: the header row is not valid CSV ({}); seen: {}; fix the header "
                                 "row or export the table again as CSV",
                                 path, record.line, reader_->error(), record.raw.substr(0, 200)));
  }
  for (auto f : record.fields) header_.emplace_back(trim(f));
}

std::vector<std::optional<FoundColumn>> CsvTable::match(const std::vector<ColumnRule>& rules,
                                                        std::string_view expected_hint) const {
  std::vector<std::optional<FoundColumn>> found(rules.size());
  std::vector<std::string> missing;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const std::regex re(std::string(rules[r].pattern), std::regex::ECMAScript | std::regex::icase);
    std::vector<std::string> hits;
    for (std::size_t i = 0; i < header_.size(); ++i) {
      std::smatch m;
      if (!std::regex_match(header_[i], m, re)) continue;
      hits.push_back(header_[i]);
      if (!found[r]) {
        FoundColumn col;
        col.index = i;
        col.name = header_[i];
        if (m.size() > 1 && m[1].matched) col.year = m[1].str();
        found[r] = std::move(col);
      }
    }
    if (hits.size() > 1) {
      // Two vintages side by side (LSOA11CD and LSOA21CD): choosing one silently would join on the
      // wrong geography, so ask for a file with one.
      throw InputError(fmt::format("{}:1: several columns match {}; seen: {}; keep one of them (a lookup "
                                   "with one vintage per level)",
                                   path_, rules[r].label, quoted_list(hits)));
    }
    if (!found[r] && rules[r].required) missing.emplace_back(rules[r].label);
  }
  if (!missing.empty()) {
    std::vector<std::string> expected;
    for (const auto& rule : rules) {
      expected.push_back(std::string(rule.label) + (rule.required ? "" : " (optional)"));
    }
    throw InputError(fmt::format("{}:1: missing required column{} {}; columns found: {}; expected {} with "
                                 "columns {} (yy = any two-digit year, case ignored)",
                                 path_, missing.size() > 1 ? "s" : "", quoted_list(missing),
                                 quoted_list(header_), expected_hint, quoted_list(expected)));
  }
  return found;
}

ReadReport CsvTable::read_rows(const RowCheck& check) {
  ReadReport report;
  report.path = path_;
  report.had_bom = reader_->had_bom();
  ingest::CsvRecord record;
  std::vector<std::string_view> fields;
  while (true) {
    auto status = reader_->next(record);
    if (status == ingest::CsvReader::Status::end) break;
    if (status == ingest::CsvReader::Status::ok && record.raw.empty()) continue;  // blank line
    ++report.rows_read;
    std::optional<std::string> reason;
    if (status == ingest::CsvReader::Status::malformed) {
      reason = fmt::format("not valid CSV: {}", reader_->error());
    } else if (record.fields.size() != header_.size()) {
      reason = fmt::format("has {} fields, the header has {}; check for an unquoted comma in a name",
                           record.fields.size(), header_.size());
    } else {
      fields.clear();
      for (auto f : record.fields) fields.push_back(trim(f));
      reason = check(fields, record.line);
    }
    if (reason) {
      report.rejected.push_back(RejectedRow{record.line, std::move(*reason), std::string(record.raw)});
    } else {
      ++report.rows_kept;
    }
  }
  return report;
}

}  // namespace csa::geo
