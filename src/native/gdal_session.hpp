// GDAL process-wide setup and per-call error capture. GDAL's drivers must be registered once per
// process before any open, and by default GDAL prints its errors on stderr; the engine never
// prints, so readers silence GDAL for the duration of a call and put its last message into their
// own exception instead.
#pragma once

#include <string>

namespace csa::geo {

// Registers all GDAL/OGR drivers exactly once, whichever thread calls first (std::call_once).
void ensure_gdal_registered();

// While alive, GDAL errors raised on this thread are kept quiet (GDAL's handler stack is
// per-thread) and can be read back with message().
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

  // Whether GDAL raised an error on this thread since construction.
  bool has_message() const;
  // GDAL's last error message on this thread, or "no detail from GDAL".
  std::string message() const;
};

}  // namespace csa::geo
