// The engine never prints: long work reports through this callback, and the CLI draws it on stderr.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace csa {

struct ProgressEvent {
  std::string_view stage;  // e.g. "ingest"
  std::string_view item;   // e.g. the file being read
  std::uint64_t done = 0;  // units finished (rows, files)
  std::uint64_t total = 0; // 0 when unknown
};

using ProgressFn = std::function<void(const ProgressEvent&)>;

}  // namespace csa
