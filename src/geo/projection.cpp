#include "geo/projection.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace csa::geo {

struct BngProjector::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  std::string operation;
  bool uses_grid = false;

  Impl() {
    ctx = proj_context_create();
    if (ctx == nullptr) throw InternalError("proj_context_create failed");
    // PROJ logs to stderr by default; the engine never prints, errors come back through errno.
    proj_log_func(ctx, nullptr, [](void*, int, const char*) {});
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4326", "EPSG:27700", nullptr);
    if (raw == nullptr) {
      std::string why = proj_context_errno_string(ctx, proj_context_errno(ctx));
      proj_context_destroy(ctx);
      throw InternalError("PROJ cannot build EPSG:4326 → EPSG:27700 (" + why +
                          "); check that proj.db is installed (PROJ_DATA)");
    }
    // EPSG:4326 is latitude-first by definition; normalise so x = longitude, y = latitude.
    pj = proj_normalize_for_visualization(ctx, raw);
    proj_destroy(raw);
    if (pj == nullptr) {
      proj_context_destroy(ctx);
      throw InternalError("proj_normalize_for_visualization failed for EPSG:4326 → EPSG:27700");
    }
    describe();
  }

  ~Impl() {
    proj_destroy(pj);
    proj_context_destroy(ctx);
  }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // proj_create_crs_to_crs keeps several candidate operations and picks one per point; ask which
  // one it picks for a point in central England (near Leicester).
  void describe() {
    PJ_COORD c = proj_coord(-1.0, 52.6, 0, 0);
    proj_trans(pj, PJ_FWD, c);
    PJ* used = proj_trans_get_last_used_operation(pj);
    if (used == nullptr) {
      operation = proj_pj_info(pj).description != nullptr ? proj_pj_info(pj).description : "unknown";
      return;
    }
    PJ_PROJ_INFO info = proj_pj_info(used);
    operation = info.description != nullptr ? info.description : "unknown";
    uses_grid = proj_coordoperation_get_grid_used_count(ctx, used) > 0;
    proj_destroy(used);
    proj_errno_reset(pj);
  }
};

BngProjector::BngProjector() : impl_(std::make_unique<Impl>()) {}
BngProjector::~BngProjector() = default;
BngProjector::BngProjector(BngProjector&&) noexcept = default;
BngProjector& BngProjector::operator=(BngProjector&&) noexcept = default;

const std::string& BngProjector::operation() const { return impl_->operation; }
bool BngProjector::uses_grid() const { return impl_->uses_grid; }

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// PROJ marks a failed point with HUGE_VAL; csa uses NaN, which every later stage treats as missing.
double clean(double v) { return std::isfinite(v) ? v : kNaN; }
}  // namespace

BngPoint BngProjector::to_bng(double lon, double lat) const {
  if (!std::isfinite(lon) || !std::isfinite(lat)) return {kNaN, kNaN};
  PJ_COORD out = proj_trans(impl_->pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
  proj_errno_reset(impl_->pj);
  return {clean(out.xy.x), clean(out.xy.y)};
}

void BngProjector::to_bng(const std::vector<double>& lon, const std::vector<double>& lat,
                          std::vector<double>& easting, std::vector<double>& northing) const {
  if (lon.size() != lat.size()) {
    throw InternalError(fmt::format("BngProjector::to_bng: {} longitudes but {} latitudes", lon.size(), lat.size()));
  }
  easting.assign(lon.begin(), lon.end());
  northing.assign(lat.begin(), lat.end());
  if (lon.empty()) return;
  // In place, one call: PROJ walks the two arrays with the given strides.
  proj_trans_generic(impl_->pj, PJ_FWD, easting.data(), sizeof(double), easting.size(), northing.data(),
                     sizeof(double), northing.size(), nullptr, 0, 0, nullptr, 0, 0);
  proj_errno_reset(impl_->pj);
  for (std::size_t i = 0; i < easting.size(); ++i) {
    if (!std::isfinite(lon[i]) || !std::isfinite(lat[i])) {
      easting[i] = northing[i] = kNaN;
    } else {
      easting[i] = clean(easting[i]);
      northing[i] = clean(northing[i]);
    }
  }
}

}  // namespace csa::geo
