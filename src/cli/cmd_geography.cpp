#include "cli/command.hpp"
namespace csa::cli {
void add_geography_command(CLI::App& app) { app.add_subcommand("geography", "Load ONS geography (in progress)"); }
}  // namespace csa::cli
