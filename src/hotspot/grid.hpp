// A regular square grid over an area in British National Grid metres, and the number of incidents in
// each cell: the unit every hot-spot statistic (kde.hpp, gistar.hpp) is computed on.
//
// Why a grid and not wards: wards differ in size by a factor of 100 and their edges cut through
// streets, so a concentration on a ward edge is split in two. Equal cells make counts comparable.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace csa::hotspot {

// The bounding box of the points, in metres.
struct Extent {
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
  double width() const { return xmax - xmin; }
  double height() const { return ymax - ymin; }
};

// The bounding box of x/y (equal lengths). Throws InputError when there are no points.
Extent extent_of(const std::vector<double>& x, const std::vector<double>& y);

// A cell size and the sentence that announces how it was chosen, for the summary and the notes.
struct CellSize {
  double metres = 0;
  std::string rule;
};

// The automatic rule, after sfhotspot: the shorter side of the bounding box divided by 50, rounded
// DOWN to a "nice" number (1, 2, 2.5 or 5 × a power of ten), so the shorter side has at least 50
// cells and the size reads well on a map ("250 m cells"). When every point lies on one line the
// longer side is used; when every point is the same point there is nothing to divide and it throws
// InputError asking for --cell-size.
CellSize auto_cell_size(const Extent& extent);

// A size the user gave. Throws InputError when it is not positive, or larger than the shorter side
// of the bounding box (then the grid would be a single row or column of cells, and "hot compared
// with the cells around it" loses its meaning).
CellSize given_cell_size(double metres, const Extent& extent);

// A length for the announcement and the report: "250 m", "12.5 m", "2 km".
std::string metres_text(double metres);

// The largest nice number (1, 2, 2.5, 5 × 10^k) not above `value` (> 0).
double nice_floor(double value);
// The smallest nice number above `value` (> 0): 100 → 200 → 250 → 500 → 1,000.
double nice_next(double value);

// Cells are numbered row by row from the south-west: id = row * columns + column. The origin is
// snapped to a multiple of the cell size, so grids of the same cell size over different periods or
// areas line up cell for cell (a cell's id changes with the extent; its corner does not).
struct Grid {
  double x0 = 0, y0 = 0;  // south-west corner of cell 0, metres
  double cell = 0;        // side, metres
  int columns = 0, rows = 0;
  std::vector<std::int64_t> count;  // incidents per cell, size() entries

  std::size_t size() const { return static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows); }
  int column_of(std::size_t id) const { return static_cast<int>(id % static_cast<std::size_t>(columns)); }
  int row_of(std::size_t id) const { return static_cast<int>(id / static_cast<std::size_t>(columns)); }
  double centre_x(int column) const { return x0 + (column + 0.5) * cell; }
  double centre_y(int row) const { return y0 + (row + 0.5) * cell; }
};

// An empty grid (all counts 0) of square cells of side `cell` covering `extent`: every point of the
// extent, its north and east edges included, falls in a cell.
Grid make_grid(const Extent& extent, double cell);

// Adds each point to its cell. Returns how many points fell outside the grid (not counted), so a
// caller can report them; with a grid made from the points' own extent that is always 0.
std::int64_t count_points(Grid& grid, const std::vector<double>& x, const std::vector<double>& y);

}  // namespace csa::hotspot
