#include "geo/dissolve.hpp"

#include "geo/native_module.hpp"

namespace csa::geo {

std::vector<unsigned char> dissolve(const std::vector<std::vector<unsigned char>>& polygons) {
  return native::module().union_wkb(polygons);
}

}  // namespace csa::geo
