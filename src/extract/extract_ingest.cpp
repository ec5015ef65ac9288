#include "extract/extract_ingest.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <future>

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/hashing_source.hpp"
#include "extract/row_mapper.hpp"

namespace csa::extract {
namespace {

constexpr std::uint64_t kProgressRows = 1u << 16;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A series cell: a number, thousands separators allowed ("1,238").
std::optional<double> cell_value(std::string_view text) {
  std::string digits;
  for (char c : trim(text)) {
    if (c != ',') digits += c;
  }
  double v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::string number_text(double v) { return fmt::format("{}", v); }

}  // namespace

ParsedExtract parse_extract_file(const std::string& path, const Mapping& m, const OffenceCodeList* codes,
                                 const ProgressFn& progress) {
  ParsedExtract parsed;
  parsed.result.path = path;
  auto source = std::make_unique<ingest::HashingSource>(path);
  ingest::HashingSource* hashing = source.get();
  ingest::CsvReader reader(std::move(source));
  ingest::CsvRecord record;
  std::optional<BoundColumns> columns;
  std::unique_ptr<RowMapper> mapper;
  std::uint64_t records_seen = 0;
  // Series: the total row's values and the sums of the stored categories, per period.
  std::optional<std::pair<std::int64_t, std::vector<double>>> total_row;
  std::vector<double> sums(m.series.periods.size(), 0.0);
  Record row;

  auto quarantine = [&](const ingest::CsvRecord& rec, const std::string& kind, const std::string& reason) {
    parsed.quarantine.push_back({static_cast<std::int64_t>(rec.line), reason, std::string(rec.raw)});
    ++parsed.result.quarantine_reasons[kind];
  };

  while (true) {
    auto status = reader.next(record);
    if (status == ingest::CsvReader::Status::end) break;
    if (record.raw.empty() && status == ingest::CsvReader::Status::ok) continue;  // an empty line is not a row
    ++records_seen;
    if (!columns) {
      if (records_seen < static_cast<std::uint64_t>(m.header_line)) continue;  // the preamble before the header
      if (status != ingest::CsvReader::Status::ok) {
        throw InputError(fmt::format("{}:{}: the header line cannot be read: {}", path, record.line, reader.error()));
      }
      columns = bind_columns(m, record.fields, path);
      // Size the record vector once from the file's size (extract lines are 150-300 bytes), rather
      // than moving every Record each time it grows.
      std::error_code ec;
      auto bytes = std::filesystem::file_size(path, ec);
      if (!ec && !m.is_series) parsed.records.reserve(static_cast<std::size_t>(bytes / 160 + 16));
      if (!m.is_series) mapper = std::make_unique<RowMapper>(m, *columns, codes);
      continue;
    }
    if (status == ingest::CsvReader::Status::malformed) {
      ++parsed.result.rows_read;
      quarantine(record, "the row is not well-formed CSV", reader.error());
      continue;
    }
    if (m.is_series) {
      std::string_view category = trim(record.fields.size() == columns->header_fields
                                           ? record.fields[columns->at(Field::category)]
                                           : std::string_view());
      if (!m.series.total_row.empty() && category == m.series.total_row) {
        if (total_row) {
          throw InputError(fmt::format("{}:{}: a second total row '{}' (the first is on line {})", path, record.line,
                                       category, total_row->first));
        }
        std::vector<double> totals;
        for (std::size_t p = 0; p < columns->period.size(); ++p) {
          auto v = cell_value(record.fields[columns->period[p]]);
          if (!v) {
            throw InputError(fmt::format("{}:{}: total row '{}', column {}: '{}' is not a number", path, record.line,
                                         category, m.series.periods[p].first, record.fields[columns->period[p]]));
          }
          totals.push_back(*v);
        }
        total_row.emplace(static_cast<std::int64_t>(record.line), std::move(totals));
        continue;  // a check, not a row
      }
      ++parsed.result.rows_read;
      if (record.fields.size() != columns->header_fields) {
        quarantine(record, "the row does not have as many fields as the header",
                   fmt::format("expected {} fields as in the header, found {}", columns->header_fields,
                               record.fields.size()));
        continue;
      }
      if (category.empty()) {
        quarantine(record, "the category is empty", fmt::format("the category (column '{}') is empty", m.column(Field::category)));
        continue;
      }
      std::vector<double> values;
      std::optional<std::string> bad;
      for (std::size_t p = 0; p < columns->period.size() && !bad; ++p) {
        auto v = cell_value(record.fields[columns->period[p]]);
        if (!v) {
          bad = fmt::format("'{}' for {} in column {} is not a number", record.fields[columns->period[p]], category,
                            m.series.periods[p].first);
        } else {
          values.push_back(*v);
        }
      }
      if (bad) {
        quarantine(record, "a value is not a number", *bad);
        continue;
      }
      for (std::size_t p = 0; p < values.size(); ++p) {
        parsed.values.push_back({m.series.name, std::string(category), m.series.periods[p].second, values[p]});
        sums[p] += values[p];
      }
      continue;
    }
    ++parsed.result.rows_read;
    if (auto rejected = mapper->map(record.fields, row)) {
      quarantine(record, rejected->kind, rejected->reason);
    } else {
      row.line = static_cast<std::int64_t>(record.line);
      if (!row.located() && row.lsoa_code.empty() && row.ward_code.empty()) ++parsed.result.rows_without_location;
      parsed.records.push_back(std::move(row));
    }
    if (progress && parsed.result.rows_read % kProgressRows == 0) {
      progress({"ingest extract (rows)", path, static_cast<std::uint64_t>(parsed.result.rows_read), 0});
    }
  }
  if (!columns) {
    throw InputError(fmt::format("{}: no header: the file has {} non-empty line(s) and the mapping {} puts the header "
                                 "on line {} ([format] header_row)",
                                 path, records_seen, m.path, m.header_line));
  }
  if (m.is_series && !m.series.total_row.empty()) {
    if (!total_row) {
      throw InputError(fmt::format("{}: no total row '{}' (the mapping {} says [series] total_row = \"{}\"); remove "
                                   "the key if the file has none",
                                   path, m.series.total_row, m.path, m.series.total_row));
    }
    for (std::size_t p = 0; p < sums.size(); ++p) {
      // Values are whole numbers or short decimals: a difference above rounding noise is a real one.
      if (std::fabs(sums[p] - total_row->second[p]) > 1e-9 * std::max(1.0, std::fabs(sums[p]))) {
        throw InputError(fmt::format(
            "{}:{}: total row '{}', column {}: {} but the {} stored categories sum to {}{}; nothing of the file is "
            "stored",
            path, total_row->first, m.series.total_row, m.series.periods[p].first, number_text(total_row->second[p]),
            parsed.result.rows_read - static_cast<std::int64_t>(parsed.quarantine.size()), number_text(sums[p]),
            parsed.quarantine.empty() ? "" : fmt::format(" ({} row(s) quarantined)", parsed.quarantine.size())));
      }
    }
    parsed.result.total_check = fmt::format("total row '{}' (line {}) equals the sum of the categories in all {} period(s)",
                                            m.series.total_row, total_row->first, sums.size());
  }
  parsed.result.rows_quarantined = static_cast<std::int64_t>(parsed.quarantine.size());
  parsed.result.rows_stored = parsed.result.rows_read - parsed.result.rows_quarantined;

  store::ExtractBatchInfo& b = parsed.batch;
  b.kind = m.kind_name();
  b.source = m.source_name;
  b.file_name = std::filesystem::path(path).filename().string();
  b.synthetic = m.synthetic;
  b.source_path = std::filesystem::absolute(path).lexically_normal().string();
  b.content_hash = hashing->hex();
  b.file_bytes = hashing->bytes();
  b.rows_read = parsed.result.rows_read;
  b.rows_stored = parsed.result.rows_stored;
  b.rows_quarantined = parsed.result.rows_quarantined;
  return parsed;
}

ExtractIngestSummary ingest_extracts(store::Store& store, const std::vector<std::string>& files, const Mapping& m,
                                     const OffenceCodeList* codes, const ProgressFn& progress) {
  ExtractIngestSummary summary;
  // The next file is parsed on another thread while this one writes the current file, in file order,
  // as the police.uk ingest does; at most two parsed files are in memory. A single file reports its
  // rows as it goes; with several, the progress is per file (the callback runs on this thread only).
  const ProgressFn row_progress = files.size() == 1 ? progress : ProgressFn();
  auto parse = [&](std::size_t i) {
    return std::async(std::launch::async, [&, i] { return parse_extract_file(files[i], m, codes, row_progress); });
  };
  std::future<ParsedExtract> next;
  if (!files.empty()) next = parse(0);
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::future<ParsedExtract> current = std::move(next);
    if (i + 1 < files.size()) next = parse(i + 1);
    ExtractFileResult result;
    try {
      ParsedExtract parsed = current.get();
      result = std::move(parsed.result);
      result.write = m.is_series ? store.write_series_batch(std::move(parsed.batch), parsed.values, parsed.quarantine)
                                 : store.write_extract_batch(std::move(parsed.batch), parsed.records, parsed.quarantine);
      summary.rows_read += result.rows_read;
      summary.rows_stored += result.rows_stored;
      summary.rows_quarantined += result.rows_quarantined;
    } catch (const Error& e) {
      // The whole file failed (its header does not fit the mapping, it cannot be read, a total does not
      // add up, or the database refused the write): nothing of it is stored, and the summary says so.
      result = ExtractFileResult{};
      result.path = files[i];
      result.error = e.what();
      ++summary.files_failed;
    }
    summary.files.push_back(std::move(result));
    if (progress) progress({"ingest extract", files[i], i + 1, files.size()});
  }
  return summary;
}

}  // namespace csa::extract
