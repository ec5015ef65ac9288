// PROJ side of geo::BngProjector (its header says which transformation and how accurate), built
// into the native module.
#include "native/native_parts.hpp"

#include <fmt/format.h>
#include <proj.h>

#include "core/error.hpp"

namespace csa::native {
namespace {

class ProjBng final : public BngTransform {
 public:
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  std::string operation_;
  bool uses_grid_ = false;

  ProjBng() {
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

  ~ProjBng() override {
    proj_destroy(pj);
    proj_context_destroy(ctx);
  }

  ProjBng(const ProjBng&) = delete;
  ProjBng& operator=(const ProjBng&) = delete;

  const std::string& operation() const override { return operation_; }
  bool uses_grid() const override { return uses_grid_; }

  void forward(double* x, double* y, std::size_t n) const override {
    // In place, one call: PROJ walks the two arrays with the given strides.
    proj_trans_generic(pj, PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
    proj_errno_reset(pj);
  }

  void inverse(double* x, double* y, std::size_t n) const override {
    proj_trans_generic(pj, PJ_INV, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
    proj_errno_reset(pj);
  }

  // proj_create_crs_to_crs keeps several candidate operations and picks one per point; ask which
  // one it picks for a point in central England (near Leicester).
  void describe() {
    PJ_COORD c = proj_coord(-1.0, 52.6, 0, 0);
    proj_trans(pj, PJ_FWD, c);
    PJ* used = proj_trans_get_last_used_operation(pj);
    if (used == nullptr) {
      operation_ = proj_pj_info(pj).description != nullptr ? proj_pj_info(pj).description : "unknown";
      return;
    }
    PJ_PROJ_INFO info = proj_pj_info(used);
    operation_ = info.description != nullptr ? info.description : "unknown";
    uses_grid_ = proj_coordoperation_get_grid_used_count(ctx, used) > 0;
    proj_destroy(used);
    proj_errno_reset(pj);
  }
};

}  // namespace

std::unique_ptr<BngTransform> make_proj_bng_transform() { return std::make_unique<ProjBng>(); }

}  // namespace csa::native
