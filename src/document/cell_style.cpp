#include "document/cell_style.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace csa::document {

const CellStyle* style_of(const CellStyles& styles, std::size_t row, std::size_t column) {
  auto it = styles.find({row, column});
  return it == styles.end() ? nullptr : &it->second;
}

std::optional<std::uint32_t> rgb_of(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return std::nullopt;
  std::uint32_t v = 0;
  for (char c : colour.substr(1)) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return std::nullopt;
    v = v * 16 + static_cast<std::uint32_t>(d);
  }
  return v;
}

std::uint32_t rgb_value(std::string_view colour) {
  auto v = rgb_of(colour);
  if (!v) throw InternalError(fmt::format("document: cell colour '{}' is not #rrggbb", colour));
  return *v;
}

std::string hex_digits(std::string_view colour) { return fmt::format("{:06X}", rgb_value(colour)); }

}  // namespace csa::document
