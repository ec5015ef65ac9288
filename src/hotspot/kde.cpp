#include "hotspot/kde.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace csa::hotspot {

namespace {

// R's quantile(type = 7) of sorted data.
double quantile7(const std::vector<double>& sorted, double p) {
  double h = (static_cast<double>(sorted.size()) - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - std::floor(h)) * (sorted[hi] - sorted[lo]);
}

double sample_sd(const std::vector<double>& v) {
  double mean = 0;
  for (double a : v) mean += a;
  mean /= static_cast<double>(v.size());
  double ss = 0;
  for (double a : v) ss += (a - mean) * (a - mean);
  return std::sqrt(ss / (static_cast<double>(v.size()) - 1));
}

// bandwidth_nrd, but falling back to the sd when the IQR is 0.
double nrd_or_sd(std::vector<double> v) {
  double h = bandwidth_nrd(v);
  if (h > 0) return h;
  return 4 * 1.06 * sample_sd(v) * std::pow(static_cast<double>(v.size()), -0.2);
}

}  // namespace

double bandwidth_nrd(std::vector<double> v) {
  if (v.size() < 2) throw InputError("a bandwidth needs at least 2 incidents with coordinates");
  std::sort(v.begin(), v.end());
  double iqr = quantile7(v, 0.75) - quantile7(v, 0.25);
  return 4 * 1.06 * std::min(sample_sd(v), iqr / 1.34) * std::pow(static_cast<double>(v.size()), -0.2);
}

Bandwidth auto_bandwidth(const std::vector<double>& x, const std::vector<double>& y) {
  double h = (nrd_or_sd(x) + nrd_or_sd(y)) / 2;
  if (!(h > 0)) throw InputError("every incident is at the same point, so no bandwidth can be chosen; give --bandwidth");
  return Bandwidth{h, fmt::format("{:.0f} m: the mean over easting and northing of R's MASS::bandwidth.nrd, "
                                  "4 × 1.06 × min(sd, IQR/1.34) × n^(-1/5) (automatic, as sfhotspot; set with --bandwidth)",
                                  h)};
}

Bandwidth given_bandwidth(double metres) {
  if (!(metres > 0) || !std::isfinite(metres)) {
    throw InputError(fmt::format("bandwidth {} must be a positive number of metres", metres));
  }
  return Bandwidth{metres, fmt::format("{:g} m (given)", metres)};
}

std::vector<double> quartic_kde(const Grid& g, const std::vector<double>& x, const std::vector<double>& y,
                                double h) {
  return quartic_kde(g, x, y, {}, h);
}

std::vector<double> quartic_kde(const Grid& g, const std::vector<double>& x, const std::vector<double>& y,
                                const std::vector<double>& weight, double h) {
  if (x.size() != y.size()) throw InternalError("quartic_kde: x and y differ in length");
  if (!weight.empty() && weight.size() != x.size()) throw InternalError("quartic_kde: a weight per point");
  if (!(h > 0)) throw InternalError(fmt::format("quartic_kde: bandwidth {}", h));
  std::vector<double> density(g.size(), 0.0);
  const double h2 = h * h;
  const double scale = 3.0 / (std::numbers::pi * h2) * 1e6;  // per m² → per km²
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    const double w = weight.empty() ? 1.0 : weight[i];
    // Only the cells whose centre can be within h: rows whose centre y is in [y − h, y + h], and
    // in each row the columns within the disc's chord at that row (a quarter fewer than the square).
    int r0 = std::max(0, static_cast<int>(std::ceil((y[i] - h - g.y0) / g.cell - 0.5)));
    int r1 = std::min(g.rows - 1, static_cast<int>(std::floor((y[i] + h - g.y0) / g.cell - 0.5)));
    for (int r = r0; r <= r1; ++r) {
      double dy = g.centre_y(r) - y[i];
      double half = std::sqrt(std::max(0.0, h2 - dy * dy));
      int c0 = std::max(0, static_cast<int>(std::ceil((x[i] - half - g.x0) / g.cell - 0.5)));
      int c1 = std::min(g.columns - 1, static_cast<int>(std::floor((x[i] + half - g.x0) / g.cell - 0.5)));
      std::size_t base = static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns);
      for (int c = c0; c <= c1; ++c) {
        double dx = g.centre_x(c) - x[i];
        double u = 1 - (dx * dx + dy * dy) / h2;
        if (u > 0) density[base + static_cast<std::size_t>(c)] += w * scale * u * u;
      }
    }
  }
  return density;
}

}  // namespace csa::hotspot
