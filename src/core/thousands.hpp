// 167962 -> "167,962": for sentences and summaries. Most tables print plain integers, as the seeds do;
// the extract tables the seeds print with separators use extract_analysis/thousands_separators.hpp.
#pragma once

#include <cstdint>
#include <string>

namespace csa {

std::string with_commas(std::int64_t n);

}  // namespace csa
