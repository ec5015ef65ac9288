// Class breaks for a choropleth: values cut into a few classes, each drawn in one colour.
//
// Quantiles put about the same number of areas in each class, so every colour is used and the map
// shows rank; equal intervals keep the classes' widths equal, so colour differences mean equal
// value differences; given edges let a series of maps share one scale (every year's map on the
// same classes). The report says which was used in the legend title or notes.
#pragma once

#include <cstddef>
#include <vector>

namespace csa::figure {

enum class ClassMethod { quantile, equal_interval, given };

struct Classes {
  // Ascending edges: class i holds edges[i] <= v < edges[i+1]; the last class also holds its top edge.
  std::vector<double> edges;

  std::size_t count() const { return edges.size() - 1; }
  std::size_t class_of(double value) const;  // values outside the edges go to the nearest end class
};

// `classes` is the number wanted (1..9); the result may have fewer when values tie across a break
// (quantiles of 3, 3, 3, 3, 9 give no class between the 3s), or one when all values are equal.
// Quantile edges are the sample quantiles with linear interpolation (Hyndman & Fan type 7, R's
// and Excel's default). With `given`, `edges` are used as they are (at least two, strictly
// ascending, covering every value). Throws InputError for no values, a non-finite value, a class
// count outside 1..9, or given edges that are not ascending or leave values out (the message says
// which value).
Classes classify(std::vector<double> values, int classes, ClassMethod method, const std::vector<double>& edges = {});

}  // namespace csa::figure
