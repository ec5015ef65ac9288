#include "ingest/police_uk_ingest.hpp"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <future>
#include <regex>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/hashing_source.hpp"
#include "ingest/police_uk_row.hpp"

namespace csa::ingest {
namespace {

constexpr const char* kKind = "police-uk-street";

// A quarantine reason with its particular values taken out ('…' for quoted text, N for numbers,
// parenthesised detail dropped, the advice after ';' dropped), so the per-file summary groups like
// with like: "Month '…' is not a valid YYYY-MM month", "expected N fields as in the header, found N".
std::string reason_kind(const std::string& reason) {
  std::string kind;
  bool in_quote = false;
  int depth = 0;
  for (std::size_t i = 0; i < reason.size(); ++i) {
    char c = reason[i];
    if (c == ';' && !in_quote && depth == 0) break;
    if (c == '\'') {
      if (!in_quote) kind += "'…'";
      in_quote = !in_quote;
      continue;
    }
    if (in_quote) continue;
    if (c == '(') ++depth;
    if (depth > 0) {
      if (c == ')') --depth;
      continue;
    }
    if (c >= '0' && c <= '9') {
      if (kind.empty() || kind.back() != 'N') kind += 'N';
      continue;
    }
    if (c == '-' && !kind.empty() && kind.back() == 'N' && i + 1 < reason.size() && reason[i + 1] >= '0' &&
        reason[i + 1] <= '9') {
      continue;  // 2025-13 reads as one number
    }
    kind += c;
  }
  while (!kind.empty() && (kind.back() == ' ' || kind.back() == ',')) kind.pop_back();
  return kind.empty() ? reason : kind;
}

std::string slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

std::optional<store::BatchKey> batch_key_from_file_name(const std::string& path) {
  static const std::regex pattern(R"(^(\d{4}-\d{2})-(.+)-street\.csv$)");
  std::string name = std::filesystem::path(path).filename().string();
  std::smatch m;
  if (!std::regex_match(name, m, pattern)) return std::nullopt;
  auto month = parse_year_month(m[1].str());
  if (!month) return std::nullopt;
  return store::BatchKey{kKind, m[2].str(), *month};
}

ParsedFile parse_police_uk_file(const std::string& path) {
  ParsedFile parsed;
  parsed.result.path = path;
  auto from_name = batch_key_from_file_name(path);
  int expected_month = from_name ? from_name->month : 0;

  auto source = std::make_unique<HashingSource>(path);
  HashingSource* hashing = source.get();
  CsvReader reader(std::move(source));
  CsvRecord record;
  std::optional<PoliceUkHeader> header;
  TextMap<std::int64_t> first_line_of_id;  // Crime ID (a view into parsed.texts) -> first line
  store::IncidentRecord row;
  TextPool& texts = parsed.texts;

  while (true) {
    auto status = reader.next(record);
    if (status == CsvReader::Status::end) break;
    bool blank = record.raw.empty();
    if (blank && status == CsvReader::Status::ok) continue;  // an empty line is not a row
    if (!header) {
      if (status != CsvReader::Status::ok) {
        throw InputError(fmt::format("{}:{}: the header line cannot be read: {}", path, record.line, reader.error()));
      }
      header.emplace(record.fields, path);
      // A police.uk line is about 200 bytes: size the row vector once, from the file's size.
      std::error_code ec;
      auto bytes = std::filesystem::file_size(path, ec);
      if (!ec) parsed.incidents.reserve(static_cast<std::size_t>(bytes / 180 + 16));
      continue;
    }
    ++parsed.result.rows_read;
    std::optional<std::string> reason;
    if (status == CsvReader::Status::malformed) {
      reason = reader.error();
    } else {
      reason = parse_police_uk_row(record.fields, *header, expected_month, row);
      if (!reason && !row.crime_id.empty()) {
        bool fresh = false;
        auto& slot = first_line_of_id.find_or_claim(row.crime_id, TextMap<std::int64_t>::hash_of(row.crime_id), fresh);
        if (fresh) {
          row.crime_id = texts.copy(row.crime_id);
          slot.data = row.crime_id.data();
          slot.size = row.crime_id.size();
          slot.value = static_cast<std::int64_t>(record.line);
        } else {
          // police.uk publishes some crimes as several rows under one Crime ID, at different places
          // and with different outcomes (about 0.2% of rows nationally, 3% in some forces): they are
          // distinct records and police.uk counts each, so they are kept, and counted apart.
          row.crime_id = std::string_view(slot.data, slot.size);
          ++parsed.result.rows_sharing_crime_id;
        }
      }
    }
    if (reason) {
      parsed.quarantine.push_back({static_cast<std::int64_t>(record.line), *reason, std::string(record.raw)});
      ++parsed.result.quarantine_reasons[reason_kind(*reason)];
      continue;
    }
    row.line = static_cast<std::int64_t>(record.line);
    if (!row.lon) ++parsed.result.rows_without_location;
    if (row.lsoa_code.empty()) ++parsed.result.rows_without_lsoa;
    // Keep the row's text past this record: repeated values (forces, types, places) once each.
    row.reported_by = texts.intern(row.reported_by);
    row.falls_within = texts.intern(row.falls_within);
    row.location = texts.intern(row.location);
    row.lsoa_code = texts.intern(row.lsoa_code);
    row.lsoa_name = texts.intern(row.lsoa_name);
    row.crime_type = texts.intern(row.crime_type);
    row.outcome = texts.intern(row.outcome);
    row.context = texts.copy(row.context);
    parsed.incidents.push_back(row);
  }
  if (!header) throw InputError(fmt::format("{}: the file is empty (no header line)", path));

  store::BatchKey key;
  if (from_name) {
    key = *from_name;
  } else if (!parsed.incidents.empty()) {
    key = {kKind, slug(parsed.incidents.front().reported_by), parsed.incidents.front().month};
  } else {
    throw InputError(fmt::format("{}: cannot tell which force and month this file holds: its name is not "
                                 "'YYYY-MM-force-street.csv' and it has no usable row",
                                 path));
  }
  parsed.result.key = key;
  parsed.result.rows_stored = static_cast<std::int64_t>(parsed.incidents.size());
  parsed.result.rows_quarantined = static_cast<std::int64_t>(parsed.quarantine.size());

  parsed.batch.key = key;
  parsed.batch.source_path = std::filesystem::absolute(path).lexically_normal().string();
  parsed.batch.content_hash = hashing->hex();
  parsed.batch.file_bytes = hashing->bytes();
  parsed.batch.rows_read = parsed.result.rows_read;
  parsed.batch.rows_stored = parsed.result.rows_stored;
  parsed.batch.rows_quarantined = parsed.result.rows_quarantined;
  return parsed;
}

IngestSummary ingest_police_uk(store::Store& store, const std::vector<std::string>& files,
                               const IngestOptions& options, const ProgressFn& progress) {
  int threads = options.parser_threads > 0
                    ? options.parser_threads
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
  // Parse ahead on worker threads while this thread writes, in file order; at most `threads + 1`
  // parsed files wait in memory, so memory does not grow with the number of files.
  std::deque<std::future<ParsedFile>> pending;
  std::size_t next = 0;
  auto launch = [&] {
    while (next < files.size() && pending.size() < static_cast<std::size_t>(threads) + 1) {
      pending.push_back(std::async(std::launch::async, parse_police_uk_file, files[next]));
      ++next;
    }
  };
  IngestSummary summary;
  launch();
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::future<ParsedFile> parsing = std::move(pending.front());
    pending.pop_front();
    launch();
    FileIngestResult result;
    try {
      ParsedFile parsed = parsing.get();
      result = std::move(parsed.result);
      result.write = store.write_batch(std::move(parsed.batch), parsed.incidents, parsed.quarantine);
      summary.rows_read += result.rows_read;
      summary.rows_stored += result.rows_stored;
      summary.rows_quarantined += result.rows_quarantined;
    } catch (const Error& e) {
      // The whole file failed (not police.uk data, unreadable, or the database refused the write):
      // nothing of it is stored, and the summary says so.
      result.path = files[i];
      result.error = e.what();
      result.write.reset();
      ++summary.files_failed;
    }
    summary.files.push_back(std::move(result));
    if (progress) progress({"ingest", files[i], i + 1, files.size()});
  }
  return summary;
}

}  // namespace csa::ingest
