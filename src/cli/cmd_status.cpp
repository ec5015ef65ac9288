// csa status: what the database holds (batches, local extracts, rows, quarantine, geography), for checking a load.
#include <fmt/format.h>

#include <map>
#include <memory>

#include "cli/command.hpp"
#include "store/store.hpp"

namespace csa::cli {
namespace {

struct StatusArgs {
  std::string db = kDefaultDb;
  bool quarantine = false;
  std::string file;
  std::int64_t limit = 20;
};

void run_status(const StatusArgs& args) {
  auto store = store::open_sqlite_store(args.db);
  auto batches = store->batches();
  fmt::print("{} (schema version {})\n", store->describe(), store->schema_version());
  std::map<std::string, std::vector<const store::BatchInfo*>> by_force;
  for (const auto& b : batches) by_force[b.key.force].push_back(&b);
  std::int64_t read = 0, stored = 0, quarantined = 0;
  for (const auto& [force, list] : by_force) {
    std::int64_t r = 0, s = 0, q = 0;
    for (const auto* b : list) {
      r += b->rows_read;
      s += b->rows_stored;
      q += b->rows_quarantined;
    }
    fmt::print("  {:<28} {:>3} month(s) {:04d}-{:02d}..{:04d}-{:02d}  read {} = stored {} + quarantined {}\n", force,
               list.size(), list.front()->key.month / 100, list.front()->key.month % 100, list.back()->key.month / 100,
               list.back()->key.month % 100, with_commas(r), with_commas(s), with_commas(q));
    read += r;
    stored += s;
    quarantined += q;
  }
  fmt::print("  all: {} batch(es), read {} = stored {} + quarantined {}; incidents in the database: {}\n",
             batches.size(), with_commas(read), with_commas(stored), with_commas(quarantined),
             with_commas(store->incident_count()));
  for (const auto& e : store->extract_batches()) {
    fmt::print("extract {:<13} {} / {}: read {} = stored {} + quarantined {}, loaded {}{}\n", e.kind, e.source,
               e.file_name, with_commas(e.rows_read), with_commas(e.rows_stored), with_commas(e.rows_quarantined),
               e.loaded_at, e.synthetic ? "  SYNTHETIC" : "");
  }
  auto sources = store->geography_sources();
  if (sources.empty()) {
    fmt::print("geography: none loaded (run `csa geography load --help`)\n");
  }
  for (const auto& s : sources) {
    fmt::print("geography {:<18} {} ({}): read {} = kept {} + rejected {}\n", s.kind, s.path, s.label,
               with_commas(s.rows_read), with_commas(s.rows_kept), with_commas(s.rows_rejected));
  }
  if (args.quarantine) {
    for (const auto& q : store->quarantine_summary()) {
      fmt::print("quarantine: {}: {} row(s): {}\n", q.file, with_commas(q.rows), q.reason);
    }
    for (const auto& r : store->quarantine_rows(args.file, args.limit)) {
      fmt::print("  line {}: {}\n    {}\n", r.line, r.reason, r.raw);
    }
  }
}

}  // namespace

void add_status_command(CLI::App& app) {
  auto args = std::make_shared<StatusArgs>();
  auto* cmd = app.add_subcommand("status", "Show what the database holds: batches, row counts, quarantine, geography");
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_flag("--quarantine", args->quarantine, "List quarantined rows with their reasons");
  cmd->add_option("--file", args->file, "Only quarantined rows of this source file (absolute path)");
  cmd->add_option("--limit", args->limit, "Quarantined rows to list")->capture_default_str();
  cmd->callback([args] { run_status(*args); });
}

}  // namespace csa::cli
