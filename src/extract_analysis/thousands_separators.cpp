#include "extract_analysis/thousands_separators.hpp"

#include <cmath>
#include <cstdint>
#include <string>

#include "core/thousands.hpp"

namespace csa::extract_analysis {

table::Table with_thousands_separators(table::Table t) {
  for (auto& r : t.rows) {
    for (auto& c : r.cells) {
      if (!c.value || !(std::abs(*c.value) < 1e15) || *c.value != std::trunc(*c.value)) continue;
      const auto n = static_cast<std::int64_t>(*c.value);
      if (c.text == std::to_string(n)) c.text = with_commas(n);
    }
  }
  return t;
}

}  // namespace csa::extract_analysis
