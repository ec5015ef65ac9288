// Assigns points (incidents, LSOA centroids) to the polygon that contains them: the
// point-in-polygon method, reported beside the ONS best-fit method because the two can differ
// (PRIMER.md section 2).
//
// Border rule: a point covered by several polygons — on a shared edge or vertex, or inside an
// overlap — goes to the one with the LOWEST index among those that cover it (GEOS "covers", so
// boundary points count as covered). The result is deterministic and each point is counted once.
// A point in no polygon (outside the area, or in a sliver gap between generalised boundaries)
// gets -1.
//
// Built on the GEOS C API with its own context handle: an STRtree on the polygons' envelopes
// finds candidates, prepared geometries answer "covers" quickly. An invalid polygon (a
// self-intersecting ring after generalisation) is repaired with GEOSMakeValid first.
//
// Not safe for concurrent use: GEOS prepared geometries and the context keep mutable state. Give
// each thread its own PointLocator (building one for 500 LSOAs takes milliseconds).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "geo/boundary_reader.hpp"

namespace csa::geo {

class PointLocator {
 public:
  // Throws InputError when a feature's WKB cannot be parsed (the message names its code).
  explicit PointLocator(const std::vector<BoundaryFeature>& features);
  ~PointLocator();
  PointLocator(PointLocator&&) noexcept;
  PointLocator& operator=(PointLocator&&) noexcept;
  PointLocator(const PointLocator&) = delete;
  PointLocator& operator=(const PointLocator&) = delete;

  // Index into the features given to the constructor, or -1. lon/lat in degrees WGS84; a NaN or
  // infinite coordinate gives -1.
  int locate(double lon, double lat) const;

  // locate() for each pair; lon and lat must have the same length (InternalError otherwise).
  std::vector<int> locate_all(const std::vector<double>& lon, const std::vector<double>& lat) const;

  std::size_t size() const;
  // How many input polygons were invalid and repaired with GEOSMakeValid.
  std::size_t repaired() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace csa::geo
