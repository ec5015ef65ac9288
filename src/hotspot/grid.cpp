#include "hotspot/grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace csa::hotspot {

std::string metres_text(double m) {
  if (m >= 1000 && std::fmod(m, 1000) == 0) return fmt::format("{:g} km", m / 1000);
  return fmt::format("{:g} m", m);
}

namespace {

void check_same_length(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) {
    throw InternalError(fmt::format("hotspot grid: {} x values but {} y values", x.size(), y.size()));
  }
}

}  // namespace

Extent extent_of(const std::vector<double>& x, const std::vector<double>& y) {
  check_same_length(x, y);
  if (x.empty()) throw InputError("no incidents with coordinates to place on a grid");
  auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
  auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
  return Extent{*xmin, *ymin, *xmax, *ymax};
}

double nice_floor(double value) {
  if (!(value > 0) || !std::isfinite(value)) throw InternalError(fmt::format("nice_floor({})", value));
  double power = std::pow(10.0, std::floor(std::log10(value)));
  // Largest first; a tiny tolerance so 250 (log10 rounding) stays 250 rather than 200.
  for (double m : {5.0, 2.5, 2.0, 1.0}) {
    if (m * power <= value * (1 + 1e-12)) return m * power;
  }
  return power;  // unreachable: value >= power
}

double nice_next(double value) {
  if (!(value > 0) || !std::isfinite(value)) throw InternalError(fmt::format("nice_next({})", value));
  double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double p : {power, power * 10}) {
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      if (m * p > value * (1 + 1e-12)) return m * p;
    }
  }
  return power * 10;  // unreachable
}

CellSize auto_cell_size(const Extent& e) {
  double shorter = std::min(e.width(), e.height());
  double longer = std::max(e.width(), e.height());
  if (!(longer > 0)) {
    throw InputError("every incident is at the same point, so no cell size can be chosen automatically; give --cell-size");
  }
  bool degenerate = !(shorter > 0);
  double side = degenerate ? longer : shorter;
  double size = nice_floor(side / 50);
  return CellSize{size, fmt::format("{} cells: the {} side of the bounding box of the incidents (and of the area, "
                                    "when clipped) ({}) / 50, rounded down to a "
                                    "nice number (automatic; set with --cell-size)",
                                    metres_text(size), degenerate ? "longer" : "shorter",
                                    metres_text(std::round(side)))};
}

CellSize given_cell_size(double metres, const Extent& e) {
  if (!(metres > 0) || !std::isfinite(metres)) {
    throw InputError(fmt::format("cell size {} must be a positive number of metres", metres));
  }
  double shorter = std::min(e.width(), e.height());
  if (metres > shorter) {
    throw InputError(fmt::format("cell size {} is larger than the area: the bounding box of the incidents (and the "
                                 "area) is {} × {}, so "
                                 "cells must be at most {} (the shorter side) for there to be cells around cells",
                                 metres_text(metres), metres_text(std::round(e.width())),
                                 metres_text(std::round(e.height())), metres_text(std::floor(shorter))));
  }
  return CellSize{metres, fmt::format("{} cells (given)", metres_text(metres))};
}

Grid make_grid(const Extent& e, double cell) {
  if (!(cell > 0)) throw InternalError(fmt::format("hotspot grid: cell size {}", cell));
  Grid g;
  g.cell = cell;
  g.x0 = std::floor(e.xmin / cell) * cell;
  g.y0 = std::floor(e.ymin / cell) * cell;
  // The cell holding the maximum is the last one, so the north/east edge points are inside.
  double columns = std::floor((e.xmax - g.x0) / cell) + 1;
  double rows = std::floor((e.ymax - g.y0) / cell) + 1;
  if (columns * rows > 50e6) {
    throw InputError(fmt::format("a {} m cell size gives {:.0f} × {:.0f} cells; choose a larger --cell-size", cell,
                                 columns, rows));
  }
  g.columns = static_cast<int>(columns);
  g.rows = static_cast<int>(rows);
  g.count.assign(g.size(), 0);
  return g;
}

std::int64_t count_points(Grid& g, const std::vector<double>& x, const std::vector<double>& y) {
  check_same_length(x, y);
  std::int64_t outside = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    double c = std::floor((x[i] - g.x0) / g.cell);
    double r = std::floor((y[i] - g.y0) / g.cell);
    if (!(c >= 0 && c < g.columns && r >= 0 && r < g.rows)) {  // NaN lands here too
      ++outside;
      continue;
    }
    ++g.count[static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns) + static_cast<std::size_t>(c)];
  }
  return outside;
}

}  // namespace csa::hotspot
