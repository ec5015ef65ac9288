// Longitude/latitude (WGS84, EPSG:4326) to British National Grid easting/northing in metres
// (EPSG:27700), the grid local police extracts and distance-based analysis use.
//
// Accuracy depends on what PROJ has installed: with Ordnance Survey's OSTN15 grid
// (uk_os_OSTN15_NTv2_OSGBtoETRS.tif, PROJ-data) the transformation is the definitive one, to about
// 0.1 m; without it PROJ falls back to the 7-parameter Helmert "OSGB36 to WGS 84 (6)", good to
// about 2 m in Great Britain (EPSG says 2 m; OS test points differ by up to ~2.5 m). Both are far
// below police.uk's snap-point anonymisation. uses_grid() says which one is in force so the
// caller can announce it.
//
// One BngProjector owns its own PROJ context, so separate instances may be used on separate
// threads; one instance must not be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace csa::geo {

struct LonLat {
  double lon = 0;  // degrees
  double lat = 0;  // degrees
};

struct BngPoint {
  double easting = 0;   // metres
  double northing = 0;  // metres
};

class BngProjector {
 public:
  // Throws InternalError when PROJ cannot build the transformation (no proj.db).
  BngProjector();
  ~BngProjector();
  BngProjector(BngProjector&&) noexcept;
  BngProjector& operator=(BngProjector&&) noexcept;
  BngProjector(const BngProjector&) = delete;
  BngProjector& operator=(const BngProjector&) = delete;

  // lon/lat in degrees. A point PROJ cannot transform (not finite, or far outside any area of
  // use) gives NaN easting and northing.
  BngPoint to_bng(double lon, double lat) const;

  // The same for many points at once; easting/northing are resized to lon.size(). lon and lat must
  // have the same length (InternalError otherwise).
  void to_bng(const std::vector<double>& lon, const std::vector<double>& lat, std::vector<double>& easting,
              std::vector<double>& northing) const;

  // The inverse: British National Grid easting/northing in metres to WGS84 lon/lat in degrees
  // (the same PROJ operation run backwards; a round trip agrees to well under 1e-6 degrees). A
  // point PROJ cannot transform, or not finite, gives NaN.
  LonLat to_lon_lat(double easting, double northing) const;
  void to_lon_lat(const std::vector<double>& easting, const std::vector<double>& northing, std::vector<double>& lon,
                  std::vector<double>& lat) const;

  // The operation PROJ uses for a point in central England, e.g. "Inverse of OSGB36 to WGS 84 (6)
  // + British National Grid", and whether it uses a grid (OSTN15) rather than Helmert parameters.
  const std::string& operation() const;
  bool uses_grid() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace csa::geo
