#include "extract/offence_codes.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"

namespace csa::extract {

std::string expected_offence_codes_path() { return std::string(CSA_SHARED_DATA_DIR) + "/" + kOffenceCodesRelative; }

std::string default_offence_codes_path() {
  std::string path = expected_offence_codes_path();
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? path : std::string();
}

std::string OffenceCodeList::normalise(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  for (char c : code) {
    if (c == ' ' || c == '\t') continue;
    if (c == '0' && out.empty()) continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (out.empty() && code.find('0') != std::string_view::npos) out.push_back('0');  // "00" is code 0
  return out;
}

OffenceCodeList OffenceCodeList::read(const std::string& path) {
  OffenceCodeList list;
  list.path_ = path;
  ingest::CsvReader reader(std::make_unique<ingest::FileSource>(path));
  ingest::CsvRecord record;
  std::size_t code_column = SIZE_MAX;
  while (true) {
    auto status = reader.next(record);
    if (status == ingest::CsvReader::Status::end) break;
    if (status == ingest::CsvReader::Status::malformed) {
      throw InputError(fmt::format("{}:{}: {}", path, record.line, reader.error()));
    }
    if (record.raw.empty()) continue;
    if (code_column == SIZE_MAX) {
      for (std::size_t i = 0; i < record.fields.size(); ++i) {
        if (record.fields[i] == "offence_code") code_column = i;
      }
      if (code_column == SIZE_MAX) {
        throw InputError(fmt::format("{}:{}: not an offence code list: no 'offence_code' column in the header",
                                     path, record.line));
      }
      continue;
    }
    if (code_column >= record.fields.size() || record.fields[code_column].empty()) {
      throw InputError(fmt::format("{}:{}: no offence code on this line", path, record.line));
    }
    std::string code(record.fields[code_column]);
    list.codes_.emplace(normalise(code), code);
  }
  if (list.codes_.empty()) throw InputError(fmt::format("{}: the offence code list has no codes", path));
  return list;
}

std::optional<std::string_view> OffenceCodeList::find(std::string_view code) const {
  auto it = codes_.find(normalise(code));
  if (it == codes_.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace csa::extract
