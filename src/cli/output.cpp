#include "cli/output.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::cli {

Suppression suppression_from(int suppress_under) {
  if (suppress_under < 0) throw InputError("--suppress-under must be 0 (off) or a positive count");
  Suppression s;
  s.on = suppress_under > 1;
  if (s.on) s.rule.threshold = suppress_under;
  return s;
}

void print_table(const table::Table& t, table::Format format) {
  fmt::print("{}", table::render(t, format));
  if (format == table::Format::csv) {
    for (const auto& n : t.notes) fmt::print(stderr, "note: {}\n", n);
  }
}

}  // namespace csa::cli
