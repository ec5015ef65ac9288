// Getis–Ord Gi* per grid cell: is the count in a cell and the cells around it higher (or lower)
// than the area's average would give by chance? The statistic is spdep's localG with binary
// weights that include the cell itself (Getis & Ord 1992; Ord & Getis 1995):
//
//   Gi* = (Σ_j w_ij x_j − x̄ W_i) / ( s · sqrt( (n W_i − W_i²) / (n − 1) ) )
//
// over all n cells of the grid, w_ij = 1 when cell j's centre is within the distance band of cell
// i's (j = i included), W_i = Σ_j w_ij, x̄ the mean count and s = sqrt(Σ x² / n − x̄²) (the
// population sd). Gi* is a z-score: two-sided p = 2 (1 − Φ(|Gi*|)), then Benjamini–Hochberg
// adjusted over all cells (fdr.hpp), and the cell classed hot or cold at 99/95/90% on the adjusted
// p. Cells at the grid's edge simply have fewer neighbours (smaller W_i); the formula allows for it.
//
// Why offsets: on a regular grid "within d of the centre" is the same set of (column, row)
// offsets for every cell, so the neighbour sum is a loop over a short list, O(cells × neighbours),
// with no spatial index and no neighbour lists in memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hotspot/grid.hpp"

namespace csa::hotspot {

enum class CellClass : signed char { cold99 = -3, cold95 = -2, cold90 = -1, none = 0, hot90 = 1, hot95 = 2, hot99 = 3 };
// "hot (99%)", "cold (90%)", "not significant"
std::string_view cell_class_label(CellClass c);
// "hot99", "cold90", "none": the machine form for CSV and GeoJSON
std::string_view cell_class_id(CellClass c);
// The class of a z-score with adjusted p: hot when z > 0, cold when z < 0, at the highest of 99/95/90%
// whose level the adjusted p is below (p < 0.01, 0.05, 0.10); none otherwise or when p is NaN.
CellClass classify(double z, double p_adjusted);

struct Offset {
  int dc = 0, dr = 0;  // column and row steps
};

// The offsets (the cell itself included) whose centres are within `distance` metres of a cell's
// centre on a grid of `cell` metres. A relative tolerance of 1e-9 keeps a neighbour exactly on the
// band (the diagonal at the default cell × √2) in, whatever the rounding of √2.
std::vector<Offset> band_offsets(double cell, double distance);

struct GiStar {
  double distance = 0;         // metres
  std::string rule;            // how the distance was chosen
  int neighbours = 0;          // W_i of a cell away from the edges (the cell itself included)
  std::vector<double> z;       // Gi*, one per cell; NaN when every cell has the same count, or
                               // for a cell whose neighbourhood is the whole grid
  std::vector<double> p;       // two-sided, normal
  std::vector<double> p_adjusted;  // Benjamini–Hochberg over all cells
  std::vector<CellClass> cell_class;
};

// The default band: cell × √2, i.e. the 8 cells around a cell (queen contiguity) and the cell.
double default_band(double cell);

// Gi* of `values` (grid.size() of them, e.g. grid.count as doubles) over the grid's cells.
// distance <= 0 means default_band(grid.cell). `in_area` (grid.size() entries, or empty for every
// cell) leaves the cells marked 0 out altogether: they are not among the n cells, add nothing to
// the mean, the sd or any neighbourhood (a kept cell beside them is treated as at an edge), and get
// no statistic (NaN, class none). Throws InputError when fewer than 2 cells are kept or the band is
// narrower than the cell (no neighbour but itself).
GiStar gistar(const Grid& grid, const std::vector<double>& values, double distance = 0,
              const std::vector<char>& in_area = {});

}  // namespace csa::hotspot
