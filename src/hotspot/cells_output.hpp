// The cells of a hot-spot analysis as files: a tidy CSV (one row per cell) and GeoJSON (one square
// polygon per cell, with the same columns as properties), for a GIS or a web map.
//
// The GeoJSON is in WGS84 longitude/latitude as RFC 7946 requires (no "crs" member), so a web map
// reads it as it is: each cell's four British National Grid corners are projected back to lon/lat
// (geo::BngProjector::to_lon_lat). The squares of the grid become very slightly skewed
// quadrilaterals in degrees; the centre x, y in the properties stay in BNG metres, as in the CSV.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/projection.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/history.hpp"

namespace csa::hotspot {

// Only the cells kept (HotspotResult::kept: inside the area when the grid is clipped); a cell's id
// stays its id on the whole grid, so files of the same grid join on it.
// The squares of the given cells as lon/lat rings (SW, SE, NE, NW, SW: counter-clockwise, as RFC
// 7946 asks), the corners projected in one call. Throws InputError for a corner PROJ cannot project.
using CellRing = std::array<geo::LonLat, 5>;
std::vector<CellRing> cell_rings_lon_lat(const Grid& grid, const std::vector<std::size_t>& ids,
                                         const geo::BngProjector& projector);

// Columns: cell_id, column, row, x, y (centre, metres), count, kde (per km², empty when not
// computed), gi_z, p, p_adjusted (empty when undefined) and class (hot99 … none … cold99).
// Throws IoError when the file cannot be written.
void write_cells_csv(const std::filesystem::path& path, const HotspotResult& result);

// A FeatureCollection of the cells with the CSV's columns as properties (null where empty), the
// polygons in lon/lat through `projector`.
void write_cells_geojson(const std::filesystem::path& path, const HotspotResult& result,
                         const geo::BngProjector& projector);

// Periods compared on one grid (history.hpp), earliest first, with their labels:
// `periods.csv`, one row per cell and period (cell_id, period, count, gi_z, p_adjusted, class), and
// `history.csv`, one row per cell (cell_id, x, y, count_first, count_last, change, change_p,
// history).
void write_periods_csv(const std::filesystem::path& path, const std::vector<const HotspotResult*>& periods,
                       const std::vector<std::string>& labels);
void write_history_csv(const std::filesystem::path& path, const Grid& grid, const std::vector<CellHistory>& history,
                       const std::vector<char>& in_area = {});

}  // namespace csa::hotspot
