// Each subcommand registers itself on the CLI11 app; main.cpp maps exceptions to exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "core/thousands.hpp"

namespace csa::cli {

void add_ingest_command(CLI::App& app);
void add_geography_command(CLI::App& app);
void add_table_command(CLI::App& app);
void add_status_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_series_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_hotspots_command(CLI::App& app);
void add_concentration_command(CLI::App& app);
void add_prevalence_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_near_repeat_command(CLI::App& app);
void add_extract_table_command(CLI::App& app);
void add_workspace_command(CLI::App& app);
void add_synth_command(CLI::App& app);

using csa::with_commas;

// Set by a command that finished but found problems (e.g. a file that could not be ingested).
int& exit_status();

// The default database file, so `--db` can be left out in a project folder.
inline constexpr const char* kDefaultDb = "csa.db";

}  // namespace csa::cli
