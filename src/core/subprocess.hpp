// Running an external program (headless Chromium for the PDF, pandoc for the DOCX) without a shell:
// the argument vector goes to the program as it is, so paths with spaces or quotes need no quoting.
// Standard input is fed from a string, standard output and error are captured, and a program that
// runs past its timeout is killed together with the processes it started (its process group).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csa {

struct RunOptions {
  std::string stdin_text;                     // written to the program's standard input, then closed
  std::chrono::milliseconds timeout{120'000};  // killed (with its process group) after this long
  std::string working_dir;                    // empty: the caller's
};

struct RunResult {
  int exit_code = -1;      // the program's exit status; -1 when it was ended by a signal
  int signal = 0;          // the signal that ended it, 0 when it exited
  bool timed_out = false;  // killed by us after RunOptions::timeout
  std::string out;         // standard output
  std::string err;         // standard error

  bool ok() const { return exit_code == 0 && !timed_out; }
  // "exited with status 3", "was killed by signal 9", "did not finish within 120 s": for error messages.
  std::string describe() const;
  // The last lines of standard error (last_lines below), for an error message that shows why.
  std::string err_tail(std::size_t max_lines = 12) const;
};

// The last `max_lines` non-blank lines of `text`, joined by newlines.
std::string last_lines(std::string_view text, std::size_t max_lines = 12);

// Runs argv[0] (looked up on PATH when it has no slash) with arguments argv[1..]. Throws IoError when
// the program cannot be started at all (not found, not executable); a program that starts and fails
// is reported in the result, not thrown, so the caller can say what the failure means.
RunResult run_program(const std::vector<std::string>& argv, const RunOptions& options = {});

// The full path of an executable `name` on PATH (or `name` itself when it contains a slash and is
// executable); nullopt when there is none.
std::optional<std::string> find_program(std::string_view name);

}  // namespace csa
