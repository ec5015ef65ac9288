// The PROJ work happens in the native module (src/native/proj_bng_projection.cpp); this keeps the
// class callers use and csa's rule for points PROJ cannot transform.
#include "geo/projection.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "geo/native_module.hpp"

namespace csa::geo {

struct BngProjector::Impl {
  std::unique_ptr<native::BngTransform> transform;
};

BngProjector::BngProjector() : impl_(std::make_unique<Impl>(Impl{native::module().bng_transform()})) {}
BngProjector::~BngProjector() = default;
BngProjector::BngProjector(BngProjector&&) noexcept = default;
BngProjector& BngProjector::operator=(BngProjector&&) noexcept = default;

const std::string& BngProjector::operation() const { return impl_->transform->operation(); }
bool BngProjector::uses_grid() const { return impl_->transform->uses_grid(); }

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// PROJ marks a failed point with HUGE_VAL; csa uses NaN, which every later stage treats as missing.
double clean(double v) { return std::isfinite(v) ? v : kNaN; }
}  // namespace

BngPoint BngProjector::to_bng(double lon, double lat) const {
  if (!std::isfinite(lon) || !std::isfinite(lat)) return {kNaN, kNaN};
  double x = lon, y = lat;
  impl_->transform->forward(&x, &y, 1);
  return {clean(x), clean(y)};
}

void BngProjector::to_bng(const std::vector<double>& lon, const std::vector<double>& lat,
                          std::vector<double>& easting, std::vector<double>& northing) const {
  if (lon.size() != lat.size()) {
    throw InternalError(fmt::format("BngProjector::to_bng: {} longitudes but {} latitudes", lon.size(), lat.size()));
  }
  easting.assign(lon.begin(), lon.end());
  northing.assign(lat.begin(), lat.end());
  if (lon.empty()) return;
  impl_->transform->forward(easting.data(), northing.data(), easting.size());
  for (std::size_t i = 0; i < easting.size(); ++i) {
    if (!std::isfinite(lon[i]) || !std::isfinite(lat[i])) {
      easting[i] = northing[i] = kNaN;
    } else {
      easting[i] = clean(easting[i]);
      northing[i] = clean(northing[i]);
    }
  }
}

LonLat BngProjector::to_lon_lat(double easting, double northing) const {
  if (!std::isfinite(easting) || !std::isfinite(northing)) return {kNaN, kNaN};
  double x = easting, y = northing;
  impl_->transform->inverse(&x, &y, 1);
  return {clean(x), clean(y)};
}

void BngProjector::to_lon_lat(const std::vector<double>& easting, const std::vector<double>& northing,
                              std::vector<double>& lon, std::vector<double>& lat) const {
  if (easting.size() != northing.size()) {
    throw InternalError(
        fmt::format("BngProjector::to_lon_lat: {} eastings but {} northings", easting.size(), northing.size()));
  }
  lon.assign(easting.begin(), easting.end());
  lat.assign(northing.begin(), northing.end());
  if (easting.empty()) return;
  impl_->transform->inverse(lon.data(), lat.data(), lon.size());
  for (std::size_t i = 0; i < lon.size(); ++i) {
    if (!std::isfinite(easting[i]) || !std::isfinite(northing[i])) {
      lon[i] = lat[i] = kNaN;
    } else {
      lon[i] = clean(lon[i]);
      lat[i] = clean(lat[i]);
    }
  }
}

}  // namespace csa::geo
