// The GEOS work happens in the native module (src/native/geos_point_index.cpp); this keeps the
// class callers use and the rules that do not need GEOS.
#include "geo/point_locator.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "geo/native_module.hpp"

namespace csa::geo {

struct PointLocator::Impl {
  std::unique_ptr<native::PointIndex> index;
};

PointLocator::PointLocator(const std::vector<BoundaryFeature>& features)
    : impl_(std::make_unique<Impl>(Impl{native::module().point_index(features)})) {}

PointLocator::~PointLocator() = default;
PointLocator::PointLocator(PointLocator&&) noexcept = default;
PointLocator& PointLocator::operator=(PointLocator&&) noexcept = default;

std::size_t PointLocator::size() const { return impl_ ? impl_->index->size() : 0; }
std::size_t PointLocator::repaired() const { return impl_ ? impl_->index->repaired() : 0; }

int PointLocator::locate(double lon, double lat) const {
  if (!impl_ || !std::isfinite(lon) || !std::isfinite(lat)) return -1;
  return impl_->index->locate(lon, lat);
}

std::vector<int> PointLocator::locate_all(const std::vector<double>& lon, const std::vector<double>& lat) const {
  if (lon.size() != lat.size()) {
    throw InternalError(fmt::format("PointLocator::locate_all: {} longitudes but {} latitudes", lon.size(),
                                    lat.size()));
  }
  std::vector<int> out(lon.size());
  for (std::size_t i = 0; i < lon.size(); ++i) out[i] = locate(lon[i], lat[i]);
  return out;
}

}  // namespace csa::geo
