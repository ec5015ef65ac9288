// csa ingest police-uk FILES... : load police.uk street-level files into the store.
// csa ingest extract FILES... --mapping M.toml : load local extracts through a mapping (docs/EXTRACTS.md).
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <algorithm>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "extract/extract_ingest.hpp"
#include "extract/mapping.hpp"
#include "offence/offence_codes.hpp"
#include "ingest/police_uk_ingest.hpp"
#include "ingest/source_files.hpp"
#include "store/store.hpp"

namespace csa::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db = kDefaultDb;
  bool quiet = false;
  int threads = 0;
  int show_reasons = 3;
};

std::string action_text(const ingest::FileIngestResult& r) {
  if (!r.write) return "FAILED";
  switch (r.write->action) {
    case store::BatchWriteResult::Action::loaded: return "loaded";
    case store::BatchWriteResult::Action::unchanged: return "unchanged";
    case store::BatchWriteResult::Action::replaced: return "replaced";
  }
  return "?";
}

void print_file(const ingest::FileIngestResult& r, int show_reasons) {
  std::string name = std::filesystem::path(r.path).filename().string();
  if (!r.write) {
    fmt::print("{:<40} FAILED     nothing stored: {}\n", name, r.error);
    return;
  }
  fmt::print("{:<40} {:<10} read {:>7} = stored {:>7} + quarantined {:>5}", name, action_text(r),
             with_commas(r.rows_read), with_commas(r.rows_stored), with_commas(r.rows_quarantined));
  if (r.rows_without_location > 0) fmt::print("  ({} without location)", with_commas(r.rows_without_location));
  if (r.rows_sharing_crime_id > 0) {
    fmt::print("  ({} share a Crime ID with an earlier row: kept, police.uk lists them apart)",
               with_commas(r.rows_sharing_crime_id));
  }
  fmt::print("\n");
  if (r.write->action == store::BatchWriteResult::Action::unchanged) {
    fmt::print("{:<40} identical to the release loaded {}: the database is unchanged\n", "",
               r.write->previous->loaded_at);
  } else if (r.write->action == store::BatchWriteResult::Action::replaced) {
    fmt::print("{:<40} newer release of {} {:04d}-{:02d} replaces the one loaded {}: {} outcomes updated, "
               "{} crimes added, {} removed\n",
               "", r.key.force, r.key.month / 100, r.key.month % 100, r.write->previous->loaded_at,
               r.write->outcomes_updated, r.write->crimes_added, r.write->crimes_removed);
  }
  int shown = 0;
  for (const auto& [reason, n] : r.quarantine_reasons) {
    if (shown++ == show_reasons) {
      fmt::print("{:<40}   (additional reasons not shown; see `csa status --quarantine`)\n", "");
      break;
    }
    fmt::print("{:<40}   quarantined {}: {}\n", "", with_commas(n), reason);
  }
}

void run_ingest(const IngestArgs& args) {
  auto found = ingest::find_source_files(args.inputs, "-street.csv");
  if (found.files.empty()) {
    throw InputError(fmt::format("no police.uk '*-street.csv' files found in {}", fmt::join(args.inputs, ", ")));
  }
  auto store = store::open_sqlite_store(args.db);
  if (!args.quiet) {
    fmt::print(stderr, "csa ingest: {} file(s) into {}\n", found.files.size(), store->describe());
    for (const auto& s : found.skipped) fmt::print(stderr, "csa ingest: skipped {}\n", s);
  }
  auto start = std::chrono::steady_clock::now();
  ingest::IngestSummary summary;
  {
    ProgressBar bar(args.quiet);
    summary = ingest::ingest_police_uk(*store, found.files, {args.threads}, bar.callback());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& f : summary.files) print_file(f, args.show_reasons);
  std::int64_t no_location = 0;
  for (const auto& f : summary.files) no_location += f.write ? f.rows_without_location : 0;
  fmt::print("total: {} file(s), read {} = stored {} + quarantined {}", summary.files.size() - summary.files_failed,
             with_commas(summary.rows_read), with_commas(summary.rows_stored), with_commas(summary.rows_quarantined));
  if (summary.files_failed > 0) fmt::print("; {} file(s) FAILED and stored nothing", summary.files_failed);
  fmt::print("\n");
  if (no_location > 0) {
    fmt::print("note: {} stored rows have no location; tables count them apart as 'not placed', never drop them\n",
               with_commas(no_location));
  }
  if (!args.quiet) {
    fmt::print(stderr, "csa ingest: {:.2f} s, {:.0f} rows/s; database now holds {} incidents\n", seconds,
               seconds > 0 ? static_cast<double>(summary.rows_read) / seconds : 0.0,
               with_commas(store->incident_count()));
  }
  if (summary.files_failed > 0) exit_status() = static_cast<int>(ExitCode::input);
}


struct ExtractArgs {
  std::vector<std::string> files;
  std::string mapping;
  std::string offence_codes;
  std::string db = kDefaultDb;
  bool quiet = false;
  int show_reasons = 5;
};

void print_extract_file(const extract::ExtractFileResult& r, const extract::Mapping& m, int show_reasons) {
  std::string name = std::filesystem::path(r.path).filename().string();
  if (!r.write) {
    fmt::print("{:<32} FAILED     nothing stored: {}\n", name, r.error);
    return;
  }
  std::string action;
  switch (r.write->action) {
    case store::BatchWriteResult::Action::loaded: action = "loaded"; break;
    case store::BatchWriteResult::Action::unchanged: action = "unchanged"; break;
    case store::BatchWriteResult::Action::replaced: action = "replaced"; break;
  }
  fmt::print("{:<32} {:<10} {} read {:>7} = stored {:>7} + quarantined {:>5}{}\n", name, action, m.kind_name(),
             with_commas(r.rows_read), with_commas(r.rows_stored), with_commas(r.rows_quarantined),
             m.synthetic ? "  SYNTHETIC" : "");
  if (r.rows_without_location > 0) {
    fmt::print("{:<32}   {} stored rows have no coordinates, LSOA or ward\n", "", with_commas(r.rows_without_location));
  }
  if (!r.total_check.empty()) fmt::print("{:<32}   {}\n", "", r.total_check);
  if (r.write->action == store::BatchWriteResult::Action::unchanged) {
    fmt::print("{:<32}   identical to the file loaded {}: the database is unchanged\n", "", r.write->previous->loaded_at);
  } else if (r.write->action == store::BatchWriteResult::Action::replaced) {
    fmt::print("{:<32}   replaces the release of this file loaded {} (read {} = stored {} + quarantined {})\n", "",
               r.write->previous->loaded_at, with_commas(r.write->previous->rows_read),
               with_commas(r.write->previous->rows_stored), with_commas(r.write->previous->rows_quarantined));
  }
  // Most frequent reasons first.
  std::vector<std::pair<std::string, std::int64_t>> reasons(r.quarantine_reasons.begin(), r.quarantine_reasons.end());
  std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  int shown = 0;
  for (const auto& [reason, n] : reasons) {
    if (shown++ == show_reasons) {
      fmt::print("{:<32}   ({} more reason(s); see `csa status --quarantine --file {}`)\n", "",
                 reasons.size() - static_cast<std::size_t>(show_reasons),
                 std::filesystem::absolute(r.path).lexically_normal().string());
      break;
    }
    fmt::print("{:<32}   quarantined {}: {}\n", "", with_commas(n), reason);
  }
}

void run_extract(const ExtractArgs& args) {
  extract::Mapping mapping = extract::read_mapping(args.mapping);
  std::optional<offence::OffenceCodeList> codes;
  if (!mapping.is_series && mapping.kind == extract::DatasetKind::crime) {
    const std::string path = args.offence_codes.empty() ? offence::default_offence_codes_path() : args.offence_codes;
    std::error_code ec;
    if (args.offence_codes.empty() && !std::filesystem::is_regular_file(path, ec)) {
      throw InputError(fmt::format(
          "{} maps crimes, whose offence codes are checked against the Home Office code list, and it is not at {}: "
          "give it with --offence-codes FILE (offence_code,offence_description,offence_group,offence_subgroup)",
          args.mapping, path));
    }
    codes = offence::read_offence_codes(path);
  }
  auto store = store::open_sqlite_store(args.db);
  if (!args.quiet) {
    fmt::print(stderr, "csa ingest extract: {} file(s) as {} '{}'{} into {}\n", args.files.size(), mapping.kind_name(),
               mapping.source_name, mapping.synthetic ? " (SYNTHETIC)" : "", store->describe());
    if (codes) fmt::print(stderr, "csa ingest extract: offence codes from {} ({} codes)\n", codes->source(), codes->size());
  }
  auto start = std::chrono::steady_clock::now();
  extract::ExtractIngestSummary summary;
  {
    ProgressBar bar(args.quiet);
    summary = extract::ingest_extracts(*store, args.files, mapping, codes ? &*codes : nullptr, bar.callback());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& f : summary.files) print_extract_file(f, mapping, args.show_reasons);
  fmt::print("total: {} file(s), read {} = stored {} + quarantined {}",
             summary.files.size() - static_cast<std::size_t>(summary.files_failed), with_commas(summary.rows_read),
             with_commas(summary.rows_stored), with_commas(summary.rows_quarantined));
  if (summary.files_failed > 0) fmt::print("; {} file(s) FAILED and stored nothing", summary.files_failed);
  fmt::print("\n");
  if (!args.quiet) {
    fmt::print(stderr, "csa ingest extract: {:.2f} s, {:.0f} rows/s\n", seconds,
               seconds > 0 ? static_cast<double>(summary.rows_read) / seconds : 0.0);
  }
  if (summary.files_failed > 0) exit_status() = static_cast<int>(ExitCode::input);
}

}  // namespace

void add_ingest_command(CLI::App& app) {
  auto* ingest = app.add_subcommand("ingest", "Load data files into the database");
  ingest->require_subcommand(1);
  auto args = std::make_shared<IngestArgs>();
  auto* police = ingest->add_subcommand(
      "police-uk",
      "Load police.uk street-level CSV files (files, folders searched for *-street.csv, or quoted globs).\n"
      "Each file is one transaction. Loading the same file again changes nothing; a newer release of a\n"
      "force's month replaces the older one and updates outcomes by Crime ID. Rows that cannot be used\n"
      "are quarantined with file, line and reason; every file prints read = stored + quarantined.");
  police->add_option("inputs", args->inputs, "police.uk files, folders or glob patterns")->required();
  police->add_option("--db", args->db, "Database file (created if missing)")->capture_default_str();
  police->add_option("--threads", args->threads, "Parser threads (0 = cores - 1)")->capture_default_str();
  police->add_option("--show-reasons", args->show_reasons, "Quarantine reasons to list per file")->capture_default_str();
  police->add_flag("-q,--quiet", args->quiet, "No progress or timing on stderr");
  police->callback([args] { run_ingest(*args); });

  auto extract_args = std::make_shared<ExtractArgs>();
  auto* ex = ingest->add_subcommand(
      "extract",
      "Load local extracts (police crimes, ASB, DA incidents, fires, ED attendances, ambulance call-outs, or a\n"
      "partner's aggregate table) through a mapping file that says which column holds what (docs/EXTRACTS.md;\n"
      "examples in examples/mappings/). Each file is one transaction; loading it again changes nothing; a\n"
      "changed file of the same name and source replaces the older release. Rows that cannot be used are\n"
      "quarantined with file, line and reason; every file prints read = stored + quarantined.");
  ex->add_option("files", extract_args->files, "Extract CSV files")->required()->check(CLI::ExistingFile);
  ex->add_option("--mapping", extract_args->mapping, "Mapping file (TOML)")->required()->check(CLI::ExistingFile);
  ex->add_option("--offence-codes", extract_args->offence_codes,
                 std::string("Home Office offence code list for crime extracts (default: the shared folder's ") +
                     offence::kOffenceCodesRelative + ")");
  ex->add_option("--db", extract_args->db, "Database file (created if missing)")->capture_default_str();
  ex->add_option("--show-reasons", extract_args->show_reasons, "Quarantine reasons to list per file")->capture_default_str();
  ex->add_flag("-q,--quiet", extract_args->quiet, "No progress or timing on stderr");
  ex->callback([extract_args] { run_extract(*extract_args); });
}

}  // namespace csa::cli
