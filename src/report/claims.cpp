#include "report/claims.hpp"

namespace csa::report {

const std::string& Claims::add(Claim c) {
  claims_.push_back(std::move(c));
  return claims_.back().printed;
}

}  // namespace csa::report
