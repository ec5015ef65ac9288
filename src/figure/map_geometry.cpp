#include "figure/map_geometry.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "figure/svg.hpp"
#include "figure/theme.hpp"
#include "geo/projection.hpp"

namespace csa::figure {
namespace {
constexpr double kGrid = 0.5;  // px
}  // namespace

void project_to_bng(std::vector<MapShape>& shapes, const std::function<std::string(std::size_t)>& name_of) {
  std::vector<double> lon, lat, e, n;
  for (const MapShape& s : shapes) {
    for (const Polygon& p : s) {
      for (const Ring& r : p) {
        for (const XY& xy : r) lon.push_back(xy.x), lat.push_back(xy.y);
      }
    }
  }
  const geo::BngProjector projector;
  projector.to_bng(lon, lat, e, n);
  std::size_t k = 0;
  for (std::size_t si = 0; si < shapes.size(); ++si) {
    for (Polygon& p : shapes[si]) {
      for (Ring& r : p) {
        for (XY& xy : r) {
          const bool on_grid = std::isfinite(e[k]) && std::isfinite(n[k]) && e[k] > -100'000 && e[k] < 800'000 &&
                               n[k] > -100'000 && n[k] < 1'400'000;
          if (!on_grid) {
            throw InputError(fmt::format("{}: point (longitude {}, latitude {}) is not in Great Britain; boundaries must "
                                         "be longitude/latitude (WGS84) in Great Britain",
                                         name_of(si), xy.x, xy.y));
          }
          xy = {e[k], n[k]};
          ++k;
        }
      }
    }
  }
}

std::string map_path_data(const MapShape& shape, const MapTransform& t) {
  std::string d;
  for (const Polygon& polygon : shape) {
    for (const Ring& ring : polygon) {
      std::vector<XY> pts;
      for (const XY& p : ring) {
        const XY q = t(p);
        const XY snapped{std::round(q.x / kGrid) * kGrid, std::round(q.y / kGrid) * kGrid};
        if (pts.empty() || snapped.x != pts.back().x || snapped.y != pts.back().y) pts.push_back(snapped);
      }
      while (pts.size() > 1 && pts.front().x == pts.back().x && pts.front().y == pts.back().y) pts.pop_back();
      std::vector<XY> kept;
      for (std::size_t i = 0; i < pts.size(); ++i) {
        const XY& a = kept.empty() ? pts[(i + pts.size() - 1) % pts.size()] : kept.back();
        const XY& b = pts[i];
        const XY& c = pts[(i + 1) % pts.size()];
        // Exact on the half-pixel grid: the products are sums of multiples of 0.25.
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross != 0) kept.push_back(b);
      }
      if (kept.size() < 3) continue;
      d += fmt::format("M{} {}L", coord(kept[0].x), coord(kept[0].y));
      for (std::size_t i = 1; i < kept.size(); ++i) {
        d += fmt::format("{}{} {}", i > 1 ? " " : "", coord(kept[i].x), coord(kept[i].y));
      }
      d += 'Z';
    }
  }
  return d;
}

double scale_bar_metres(double px_per_metre, double max_px) {
  double best = 1;
  for (double magnitude = 1; magnitude <= 1e7; magnitude *= 10) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * magnitude * px_per_metre <= max_px) best = m * magnitude;
    }
  }
  return best;
}

std::string distance_label(double metres, double unit) {
  const double v = metres / unit;
  return format_value(v, std::fmod(v, 1.0) != 0 ? 1 : 0);
}

void draw_map_outline(SvgWriter& svg, const MapShape& outline, const MapTransform& t, double width) {
  svg.element("path", {{"class", "outline"},
                       {"d", map_path_data(outline, t)},
                       {"fill", "none"},
                       {"stroke", theme::text},
                       {"stroke-width", width},
                       {"stroke-linejoin", "round"},
                       {"fill-rule", "evenodd"}});
}

void draw_scale_bar(SvgWriter& svg, double x, double y, double px_per_metre, double max_px) {
  const double metres = scale_bar_metres(px_per_metre, max_px);
  const double bar = metres * px_per_metre;
  const double bar_y = y + 16;
  svg.text(x, y + 8, "Scale", {.size = theme::source_size, .colour = theme::text_secondary});
  svg.element("rect", {{"class", "scale-bar"}, {"x", x}, {"y", bar_y}, {"width", bar / 2}, {"height", 6},
                       {"fill", theme::text}, {"stroke", theme::text}, {"stroke-width", 0.75}});
  svg.element("rect", {{"x", x + bar / 2}, {"y", bar_y}, {"width", bar / 2}, {"height", 6},
                       {"fill", theme::background}, {"stroke", theme::text}, {"stroke-width", 0.75}});
  const TextStyle small{.size = theme::source_size, .colour = theme::text, .anchor = Anchor::middle};
  const double label_y = bar_y + 6 + 14;
  const bool km = metres >= 1000;
  const double unit = km ? 1000 : 1;
  svg.text(x, label_y, "0", small);
  svg.text(x + bar / 2, label_y, distance_label(metres / 2, unit), small);
  svg.text(x + bar, label_y, distance_label(metres, unit) + (km ? " km" : " m"), small);
}

void draw_north_arrow(SvgWriter& svg, double cx, double y) {
  const double top = y + 8;
  svg.element("path", {{"class", "north-arrow"},
                       {"d", fmt::format("M{} {}L{} {}L{} {}L{} {}Z", coord(cx), coord(top), coord(cx + 8), coord(top + 24),
                                         coord(cx), coord(top + 18), coord(cx - 8), coord(top + 24))},
                       {"fill", theme::text}});
  svg.text(cx, top + 24 + 16, "N", {.size = theme::label_size, .colour = theme::text, .anchor = Anchor::middle, .bold = true});
}

}  // namespace csa::figure
