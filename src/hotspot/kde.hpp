// Kernel density of incidents at the centre of each grid cell, with the quartic (biweight) kernel:
// a smooth surface of "incidents per km²" that does not jump at cell edges the way counts do.
//
//   density(c) = Σ_i (1/h²) · (3/π) · (1 − d_i²/h²)²   over incidents i with d_i < h,
//
// d_i the distance from the cell centre c to incident i, h the bandwidth (metres). The kernel
// integrates to 1 over its disc, so the surface integrates to the number of incidents (less what
// falls beyond the grid's edge); × 10⁶ turns per m² into per km².
#pragma once

#include <string>
#include <vector>

#include "hotspot/grid.hpp"

namespace csa::hotspot {

struct Bandwidth {
  double metres = 0;
  std::string rule;  // how it was chosen, for the summary and the notes
};

// R's MASS::bandwidth.nrd of one coordinate: 4 × 1.06 × min(sd, IQR/1.34) × n^(−1/5), with the
// sample sd (n − 1) and the IQR from R's default (type 7) quantiles. The 4 is there because
// bandwidth.nrd gives the full width of a kernel whose sd is a quarter of it.
double bandwidth_nrd(std::vector<double> v);

// The automatic rule, sfhotspot's: the mean of bandwidth_nrd over x and y. When the IQR of a
// coordinate is 0 (over half the points on one line) its sd is used instead, so a tight cluster
// does not give a zero bandwidth. Throws InputError for fewer than 2 points or when all coincide.
Bandwidth auto_bandwidth(const std::vector<double>& x, const std::vector<double>& y);

// A bandwidth the user gave; InputError unless positive and finite.
Bandwidth given_bandwidth(double metres);

// The density above at every cell centre of `grid` (grid.size() values, incidents per km²).
// Cost O(points × (h / cell)²): each point adds to the cells within h of it.
std::vector<double> quartic_kde(const Grid& grid, const std::vector<double>& x, const std::vector<double>& y,
                                double bandwidth);

// The same with a weight per point (e.g. an LSOA's residents at its centroid): Σ w_i K(d_i), so the
// surface integrates to Σ w_i, in weight per km². `weight` has x.size() entries.
std::vector<double> quartic_kde(const Grid& grid, const std::vector<double>& x, const std::vector<double>& y,
                                const std::vector<double>& weight, double bandwidth);

}  // namespace csa::hotspot
