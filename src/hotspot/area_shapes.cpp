#include "hotspot/area_shapes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "figure/map_geometry.hpp"
#include "figure/wkb_polygons.hpp"

namespace csa::hotspot {

std::vector<int> locate_cells(const Grid& g, const std::vector<Shape>& shapes) {
  std::vector<int> out(g.size(), -1);
  std::vector<double> crossings;
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    double ymin = std::numeric_limits<double>::infinity(), ymax = -ymin;
    for (const auto& ring : shapes[s].rings) {
      for (const auto& p : ring) ymin = std::min(ymin, p[1]), ymax = std::max(ymax, p[1]);
    }
    if (!(ymin <= ymax)) continue;
    const int r0 = std::max(0, static_cast<int>(std::floor((ymin - g.y0) / g.cell - 0.5)));
    const int r1 = std::min(g.rows - 1, static_cast<int>(std::ceil((ymax - g.y0) / g.cell - 0.5)));
    for (int r = r0; r <= r1; ++r) {
      const double y = g.centre_y(r);
      crossings.clear();
      for (const auto& ring : shapes[s].rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
          const auto& a = ring[i];
          const auto& b = ring[(i + 1) % n];  // a closed ring's last edge is then zero-length: no crossing
          // Half-open in y: an edge counts when y is in [min, max), so a vertex on the line is crossed once.
          if ((a[1] <= y) == (b[1] <= y)) continue;
          crossings.push_back(a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]));
        }
      }
      std::sort(crossings.begin(), crossings.end());
      const std::size_t base = static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns);
      for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
        // Centres x0 + (c + 0.5) cell in [from, to).
        const int c0 = std::max(0, static_cast<int>(std::ceil((crossings[k] - g.x0) / g.cell - 0.5)));
        int c1 = static_cast<int>(std::ceil((crossings[k + 1] - g.x0) / g.cell - 0.5)) - 1;
        c1 = std::min(c1, g.columns - 1);
        for (int c = c0; c <= c1; ++c) {
          int& cell = out[base + static_cast<std::size_t>(c)];
          if (cell < 0) cell = static_cast<int>(s);
        }
      }
    }
  }
  return out;
}

std::vector<Shape> shapes_from_wkb(const std::vector<std::vector<unsigned char>>& wkb) {
  std::vector<figure::MapShape> maps;
  maps.reserve(wkb.size());
  for (std::size_t i = 0; i < wkb.size(); ++i) maps.push_back(figure::read_wkb_polygons(wkb[i], fmt::format("boundary {}", i + 1)));
  figure::project_to_bng(maps, [](std::size_t i) { return fmt::format("boundary {}", i + 1); });
  std::vector<Shape> out(maps.size());
  for (std::size_t i = 0; i < maps.size(); ++i) {
    for (const auto& polygon : maps[i]) {
      for (const auto& ring : polygon) {
        ShapeRing r;
        r.reserve(ring.size());
        for (const auto& p : ring) r.push_back({p.x, p.y});
        out[i].rings.push_back(std::move(r));
      }
    }
  }
  return out;
}

Extent extent_of_shapes(const std::vector<Shape>& shapes) {
  Extent e{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (const auto& s : shapes) {
    for (const auto& ring : s.rings) {
      for (const auto& p : ring) {
        e.xmin = std::min(e.xmin, p[0]), e.xmax = std::max(e.xmax, p[0]);
        e.ymin = std::min(e.ymin, p[1]), e.ymax = std::max(e.ymax, p[1]);
      }
    }
  }
  if (!(e.xmin <= e.xmax)) throw InputError("the area's boundary has no points");
  return e;
}

}  // namespace csa::hotspot
