#include "hotspot/fdr.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace csa::hotspot {

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
  std::vector<double> adjusted(p.size(), std::nan(""));
  std::vector<std::size_t> order;
  order.reserve(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!std::isnan(p[i])) order.push_back(i);
  }
  // Stable, so equal p keep input order; ties get equal adjusted values anyway through the minimum.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  const double n = static_cast<double>(order.size());
  double running = 1.0;
  for (std::size_t k = order.size(); k-- > 0;) {
    double value = p[order[k]] * n / static_cast<double>(k + 1);
    running = std::min(running, value);
    adjusted[order[k]] = running;
  }
  return adjusted;
}

}  // namespace csa::hotspot
