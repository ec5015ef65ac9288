// Where a large extract may be cut into byte ranges that are parsed at the same time (range_stream.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace csa::extract {

// Offsets in the file at `path`, at least range_bytes apart and the first at least range_bytes after
// `from`, each just after a line end with an even number of quote characters before it in the file.
// In well-formed CSV that is outside every quoted field, so a record starts there; in a file where a
// quote stands inside an unquoted field the count can mislead, which is why the reader of each range
// checks that it did not end inside a quoted field (CsvReader::ended_inside_quotes) before the next
// range's rows are used. Throws IoError when the file cannot be read.
std::vector<std::uint64_t> split_points(const std::string& path, std::uint64_t from, std::uint64_t range_bytes);

}  // namespace csa::extract
