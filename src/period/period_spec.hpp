// The short period specs a user types on the command line (`--ye 2025-12`, `--period fy2024/25`),
// turned into a Window. Kept apart from window.hpp so the grammar and its help text live in one
// place, and the CLI and the report's settings file accept exactly the same forms.
#pragma once

#include <string_view>

#include "period/window.hpp"

namespace csa::period {

// Accepted forms (letters in any case; spaces around the spec are ignored):
//   2025-12 or ye2025-12      year ending December 2025 (the 12 months to that month)
//   fy2024 or fy2024/25       financial year April 2024–March 2025
//   cy2025                    calendar year 2025
//   fytd2025-09               financial year to date: April–September 2025
//   fy2023/24q3 or fy2023q3   quarter 3 of financial year 2023/24: October–December 2023
//   qe2025-06                 the quarter (3 months) ending June 2025
// Throws InputError naming the spec, what is wrong with it and the accepted forms; `context`
// (e.g. "--period") is put in front of the message.
Window parse_window_spec(std::string_view spec, std::string_view context = {});

// The list of accepted forms above, one per line, for --help and for error messages.
std::string_view window_spec_forms();

}  // namespace csa::period
