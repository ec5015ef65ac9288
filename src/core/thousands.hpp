// 167962 -> "167,962": for sentences and summaries. Tables follow the seeds and print plain integers.
#pragma once

#include <cstdint>
#include <string>

namespace csa {

std::string with_commas(std::int64_t n);

}  // namespace csa
