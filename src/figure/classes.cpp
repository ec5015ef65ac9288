#include "figure/classes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace csa::figure {

std::size_t Classes::class_of(double value) const {
  // Number of inner edges at or below the value: edges[1..count-1].
  const auto inner_begin = edges.begin() + 1;
  const auto inner_end = edges.end() - 1;
  return static_cast<std::size_t>(std::upper_bound(inner_begin, inner_end, value) - inner_begin);
}

namespace {
double quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}
}  // namespace

Classes classify(std::vector<double> values, int classes, ClassMethod method, const std::vector<double>& edges) {
  if (values.empty()) throw InputError("map classes: no area has a value to classify");
  for (double v : values) {
    if (!std::isfinite(v)) throw InputError("map classes: a value is not a finite number");
  }
  std::sort(values.begin(), values.end());
  const double lo = values.front(), hi = values.back();

  if (method == ClassMethod::given) {
    if (edges.size() < 2)
      throw InputError(
          fmt::format("map classes: {} given break(s); give at least two edges, lowest first", edges.size()));
    for (std::size_t i = 1; i < edges.size(); ++i) {
      if (!(edges[i] > edges[i - 1])) {
        throw InputError(
            fmt::format("map classes: given breaks must rise strictly; {} follows {}", edges[i], edges[i - 1]));
      }
    }
    if (lo < edges.front() || hi > edges.back()) {
      throw InputError(
          fmt::format("map classes: value {} lies outside the given breaks {} to {}; widen the first or last break",
                      lo < edges.front() ? lo : hi, edges.front(), edges.back()));
    }
    return {edges};
  }
  if (classes < 1 || classes > 9)
    throw InputError(fmt::format("map classes: {} classes asked for; use 1 to 9", classes));
  if (lo == hi) return {{lo, hi}};

  Classes out;
  out.edges.push_back(lo);
  for (int i = 1; i < classes; ++i) {
    const double p = static_cast<double>(i) / classes;
    const double edge = method == ClassMethod::quantile ? quantile(values, p) : lo + p * (hi - lo);
    if (edge > out.edges.back() && edge < hi) out.edges.push_back(edge);
  }
  out.edges.push_back(hi);
  return out;
}

}  // namespace csa::figure
