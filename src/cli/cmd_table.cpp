#include "cli/command.hpp"
namespace csa::cli {
void add_table_command(CLI::App& app) { app.add_subcommand("table", "Tables (in progress)"); }
}  // namespace csa::cli
