#include "hotspot/gistar.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "hotspot/fdr.hpp"

namespace csa::hotspot {

std::string_view cell_class_label(CellClass c) {
  switch (c) {
    case CellClass::hot99: return "hot (99%)";
    case CellClass::hot95: return "hot (95%)";
    case CellClass::hot90: return "hot (90%)";
    case CellClass::cold90: return "cold (90%)";
    case CellClass::cold95: return "cold (95%)";
    case CellClass::cold99: return "cold (99%)";
    case CellClass::none: break;
  }
  return "not significant";
}

std::string_view cell_class_id(CellClass c) {
  switch (c) {
    case CellClass::hot99: return "hot99";
    case CellClass::hot95: return "hot95";
    case CellClass::hot90: return "hot90";
    case CellClass::cold90: return "cold90";
    case CellClass::cold95: return "cold95";
    case CellClass::cold99: return "cold99";
    case CellClass::none: break;
  }
  return "none";
}

CellClass classify(double z, double p_adjusted) {
  if (std::isnan(z) || std::isnan(p_adjusted) || z == 0) return CellClass::none;
  int level = p_adjusted < 0.01 ? 3 : p_adjusted < 0.05 ? 2 : p_adjusted < 0.10 ? 1 : 0;
  return static_cast<CellClass>(z > 0 ? level : -level);
}

double default_band(double cell) { return cell * std::sqrt(2.0); }

std::vector<Offset> band_offsets(double cell, double distance) {
  double steps = distance / cell;
  double limit = steps * steps * (1 + 1e-9);
  int reach = static_cast<int>(std::floor(steps * (1 + 1e-9)));
  std::vector<Offset> out;
  for (int dr = -reach; dr <= reach; ++dr) {
    for (int dc = -reach; dc <= reach; ++dc) {
      if (static_cast<double>(dc * dc + dr * dr) <= limit) out.push_back({dc, dr});
    }
  }
  return out;
}

GiStar gistar(const Grid& g, const std::vector<double>& x, double distance, const std::vector<char>& in_area) {
  if (x.size() != g.size()) {
    throw InternalError(fmt::format("gistar: {} values for {} cells", x.size(), g.size()));
  }
  if (!in_area.empty() && in_area.size() != g.size()) {
    throw InternalError(fmt::format("gistar: {} cells marked in the area for {} cells", in_area.size(), g.size()));
  }
  auto kept = [&](std::size_t id) { return in_area.empty() || in_area[id] != 0; };
  std::size_t n_kept = 0;
  for (std::size_t id = 0; id < g.size(); ++id) n_kept += kept(id) ? 1 : 0;
  if (n_kept < 2) throw InputError("Gi* needs a grid of at least 2 cells in the area");
  GiStar out;
  if (distance > 0) {
    out.distance = distance;
    out.rule = fmt::format("neighbours within {:g} m of a cell's centre, the cell included (given)", distance);
  } else {
    out.distance = default_band(g.cell);
    out.rule = fmt::format("neighbours within {:g} m (cell × √2: the 8 cells around it, queen contiguity), "
                           "the cell included (automatic, as sfhotspot; set with --distance)",
                           out.distance);
  }
  auto offsets = band_offsets(g.cell, out.distance);
  if (offsets.size() < 2) {
    throw InputError(fmt::format("a Gi* distance band of {:g} m is narrower than the {:g} m cells: no cell would have a "
                                 "neighbour",
                                 out.distance, g.cell));
  }
  out.neighbours = static_cast<int>(offsets.size());

  const double n = static_cast<double>(n_kept);
  double sum = 0, sum2 = 0;
  for (std::size_t id = 0; id < x.size(); ++id) {
    if (!kept(id)) continue;
    sum += x[id];
    sum2 += x[id] * x[id];
  }
  const double mean = sum / n;
  const double s = std::sqrt(std::max(0.0, sum2 / n - mean * mean));

  out.z.assign(x.size(), std::nan(""));
  out.p.assign(x.size(), std::nan(""));
  if (s > 0) {
    for (int r = 0; r < g.rows; ++r) {
      for (int c = 0; c < g.columns; ++c) {
        std::size_t id = static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns) + static_cast<std::size_t>(c);
        if (!kept(id)) continue;
        double local = 0;
        int w = 0;
        for (const auto& o : offsets) {
          int cc = c + o.dc, rr = r + o.dr;
          if (cc < 0 || cc >= g.columns || rr < 0 || rr >= g.rows) continue;
          const std::size_t j = static_cast<std::size_t>(rr) * static_cast<std::size_t>(g.columns) + static_cast<std::size_t>(cc);
          if (!kept(j)) continue;
          local += x[j];
          ++w;
        }
        const double wi = w;
        // A neighbourhood that is the whole grid has nothing to be compared with: no statistic.
        if (w >= static_cast<int>(n_kept)) continue;
        const double z = (local - mean * wi) / (s * std::sqrt((n * wi - wi * wi) / (n - 1)));
        out.z[id] = z;
        out.p[id] = std::erfc(std::fabs(z) / std::sqrt(2.0));  // = 2 (1 − Φ(|z|)), accurate in the tail
      }
    }
  }
  out.p_adjusted = benjamini_hochberg(out.p);
  out.cell_class.resize(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) out.cell_class[i] = classify(out.z[i], out.p_adjusted[i]);
  return out;
}

}  // namespace csa::hotspot
