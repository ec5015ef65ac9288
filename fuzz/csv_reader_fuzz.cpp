// libFuzzer target for the CSV reader: any bytes, any chunking, must never crash, hang or leak,
// and every byte must be accounted for (consumed == input size once the reader reports the end).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "ingest/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // The first two bytes choose the read size and chunk size, so records split at every boundary.
  std::size_t max_read = 1 + data[0] % 64;
  std::size_t chunk = 1 + data[1] % 128;
  std::string_view input(reinterpret_cast<const char*>(data + 2), size - 2);
  csa::ingest::CsvReader reader(std::make_unique<csa::ingest::MemorySource>(input, max_read), chunk, 256);
  csa::ingest::CsvRecord record;
  std::uint64_t last_line = 0;
  while (true) {
    auto status = reader.next(record);
    if (status == csa::ingest::CsvReader::Status::end) break;
    if (record.line < last_line) std::abort();  // lines only move forward
    last_line = record.line;
    for (auto f : record.fields) {
      volatile char sink = f.empty() ? 0 : f.back();
      (void)sink;
    }
  }
  if (reader.bytes_consumed() != input.size()) std::abort();
  return 0;
}
