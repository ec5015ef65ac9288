#include "config/toml_file.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "core/error.hpp"

namespace csa::config {

toml::table read_toml_file(const std::string& path, std::string_view example) {
  // toml++ reports an unreadable file as a parse error at line 0; say plainly that it cannot be read.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(fmt::format("{}: cannot open the file (no such file)", path));
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    if (at.line == 0) throw IoError(fmt::format("{}: cannot be read: {}", path, e.description()));
    const std::string hint = example.empty() ? std::string() : fmt::format(" (see {})", example);
    throw InputError(fmt::format("{}:{}:{}: not valid TOML: {}; fix the TOML syntax{}", path, at.line, at.column,
                                 e.description(), hint));
  }
}

}  // namespace csa::config
