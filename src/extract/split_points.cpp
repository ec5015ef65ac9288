#include "extract/split_points.hpp"

#include <cstring>

#include "ingest/csv_reader.hpp"

namespace csa::extract {
namespace {

// Whether [p, end) holds an odd number of quotes (memchr skips the long quote-free stretches).
bool odd_quotes(const char* p, const char* end) {
  bool odd = false;
  while (p < end) {
    const void* q = std::memchr(p, '"', static_cast<std::size_t>(end - p));
    if (q == nullptr) break;
    odd = !odd;
    p = static_cast<const char*>(q) + 1;
  }
  return odd;
}

}  // namespace

std::vector<std::uint64_t> split_points(const std::string& path, std::uint64_t from, std::uint64_t range_bytes) {
  std::vector<std::uint64_t> points;
  if (range_bytes == 0) return points;
  ingest::FileSource source(path);
  std::string buffer(1 << 20, '\0');
  std::uint64_t base = 0;  // file offset of buffer[0]
  bool odd = false;        // an odd number of quotes before the scan position
  std::uint64_t target = from + range_bytes;
  std::size_t got = 0;
  while ((got = source.read(buffer.data(), buffer.size())) > 0) {
    const char* buf = buffer.data();
    const char* end = buf + got;
    const char* p = buf;
    while (p < end) {
      if (base + static_cast<std::uint64_t>(p - buf) < target) {  // before the next cut: count quotes only
        const char* stop = target - base < got ? buf + (target - base) : end;
        if (odd_quotes(p, stop)) odd = !odd;
        p = stop;
        continue;
      }
      const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      const char* stop = nl == nullptr ? end : static_cast<const char*>(nl) + 1;
      if (odd_quotes(p, stop)) odd = !odd;
      p = stop;
      if (nl != nullptr && !odd) {
        points.push_back(base + static_cast<std::uint64_t>(p - buf));
        target = points.back() + range_bytes;
      }
    }
    base += got;
  }
  if (!points.empty() && points.back() >= base) points.pop_back();  // a cut at the very end splits nothing
  return points;
}

}  // namespace csa::extract
