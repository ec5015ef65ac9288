#include "native/gdal_session.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace csa::geo {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCapture::GdalErrorCapture() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

bool GdalErrorCapture::has_message() const {
  const char* msg = CPLGetLastErrorMsg();
  return msg != nullptr && *msg != '\0';
}

std::string GdalErrorCapture::message() const {
  const char* msg = CPLGetLastErrorMsg();
  if (msg == nullptr || *msg == '\0') return "no detail from GDAL";
  return msg;
}

}  // namespace csa::geo
