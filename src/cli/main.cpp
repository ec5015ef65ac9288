// csa: command line entry point. Subcommands live one per file (cmd_*.cpp); this file only parses,
// dispatches, and turns the engine's exceptions into messages and exit codes (docs/USER_GUIDE.md).
#include <fmt/format.h>

#include "cli/command.hpp"
#include "core/error.hpp"

int& csa::cli::exit_status() {
  static int status = 0;
  return status;
}

int main(int argc, char** argv) {
  CLI::App app{"csa: community safety assessment from police.uk and partner data\n"
               "Ingest police.uk files, load ONS geography, and print checked tables by ward and theme.",
               "csa"};
  app.set_version_flag("--version", std::string("csa ") + CSA_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  csa::cli::add_ingest_command(app);
  csa::cli::add_geography_command(app);
  csa::cli::add_table_command(app);
  csa::cli::add_compare_command(app);
  csa::cli::add_series_command(app);
  csa::cli::add_report_command(app);
  csa::cli::add_hotspots_command(app);
  csa::cli::add_concentration_command(app);
  csa::cli::add_prevalence_command(app);
  csa::cli::add_serve_command(app);
  csa::cli::add_near_repeat_command(app);
  csa::cli::add_extract_table_command(app);
  csa::cli::add_workspace_command(app);
  csa::cli::add_synth_command(app);
  csa::cli::add_status_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(csa::ExitCode::input);
  } catch (const csa::InputError& e) {
    fmt::print(stderr, "csa: error: {}\n", e.what());
    return static_cast<int>(csa::ExitCode::input);
  } catch (const csa::IoError& e) {
    fmt::print(stderr, "csa: I/O error: {}\n", e.what());
    return static_cast<int>(csa::ExitCode::io);
  } catch (const std::exception& e) {
    fmt::print(stderr, "csa: internal error (please report it): {}\n", e.what());
    return static_cast<int>(csa::ExitCode::internal);
  }
  return csa::cli::exit_status();
}
