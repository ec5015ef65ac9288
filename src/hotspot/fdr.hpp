// Benjamini–Hochberg adjustment of p-values for the false discovery rate. A grid of 10,000 cells
// tested at 5% finds ~500 "hot spots" by chance alone; reading the adjusted p against 0.05 instead
// keeps the expected share of false hot spots among those flagged at 5%.
#pragma once

#include <vector>

namespace csa::hotspot {

// R's p.adjust(p, "BH"): p_(k) × n / k over the sorted p, made monotone from the largest down
// (cumulative minimum), capped at 1, returned in the input order. NaN entries stay NaN and are
// left out of n, as p.adjust does with its default n = sum(!is.na(p)).
std::vector<double> benjamini_hochberg(const std::vector<double>& p);

}  // namespace csa::hotspot
