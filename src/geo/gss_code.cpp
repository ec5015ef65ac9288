#include "geo/gss_code.hpp"

namespace csa::geo {

bool is_gss_code(std::string_view code) {
  if (code.size() != 9) return false;
  if (code[0] < 'A' || code[0] > 'Z') return false;
  for (std::size_t i = 1; i < code.size(); ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

std::string_view gss_entity(std::string_view code) {
  return is_gss_code(code) ? code.substr(0, 3) : std::string_view{};
}

}  // namespace csa::geo
