#include "hotspot/cells_output.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>

#include "core/error.hpp"

namespace csa::hotspot {

namespace {

// A number with enough digits to be read back, or `missing` for NaN.
std::string number(double v, std::string_view missing) {
  return std::isnan(v) ? std::string(missing) : fmt::format("{:.10g}", v);
}

void write_file(const std::filesystem::path& path, const fmt::memory_buffer& text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw IoError(fmt::format("cannot write {}", path.string()));
}

// The columns shared by the CSV row and the GeoJSON properties, in one place so they cannot drift.
struct CellValues {
  std::size_t id;
  int column, row;
  double x, y;
  std::int64_t count;
  double kde, z, p, q;
  std::string_view cls;
  double residents, rate;  // NaN without the dual density
};

CellValues values_of(const HotspotResult& r, std::size_t id) {
  const Grid& g = r.grid;
  int c = g.column_of(id), w = g.row_of(id);
  return CellValues{id,          c,           w,          g.centre_x(c),           g.centre_y(w),
                    g.count[id], r.kde.empty() ? std::nan("") : r.kde[id],       r.gi.z[id],
                    r.gi.p[id],  r.gi.p_adjusted[id], cell_class_id(r.gi.cell_class[id]),
                    r.residents_kde.empty() ? std::nan("") : r.residents_kde[id],
                    r.dual_rate.empty() ? std::nan("") : r.dual_rate[id]};
}

}  // namespace

void write_cells_csv(const std::filesystem::path& path, const HotspotResult& r) {
  fmt::memory_buffer out;
  const bool dual = !r.dual_rate.empty();
  fmt::format_to(std::back_inserter(out), "cell_id,column,row,x,y,count,kde,gi_z,p,p_adjusted,class{}\n",
                 dual ? ",residents_kde,kde_per_1000" : "");
  for (std::size_t id = 0; id < r.grid.size(); ++id) {
    if (!r.kept(id)) continue;
    auto v = values_of(r, id);
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{},{},{},{}", v.id, v.column, v.row,
                   number(v.x, ""), number(v.y, ""), v.count, number(v.kde, ""), number(v.z, ""), number(v.p, ""),
                   number(v.q, ""), v.cls);
    if (dual) fmt::format_to(std::back_inserter(out), ",{},{}", number(v.residents, ""), number(v.rate, ""));
    fmt::format_to(std::back_inserter(out), "\n");
  }
  write_file(path, out);
}

std::vector<CellRing> cell_rings_lon_lat(const Grid& grid, const std::vector<std::size_t>& ids,
                                         const geo::BngProjector& projector) {
  const double half = grid.cell / 2;
  std::vector<double> e, n, lon, lat;
  e.reserve(ids.size() * 4);
  n.reserve(ids.size() * 4);
  for (std::size_t id : ids) {
    const double cx = grid.centre_x(grid.column_of(id)), cy = grid.centre_y(grid.row_of(id));
    const double xs[4] = {cx - half, cx + half, cx + half, cx - half};
    const double ys[4] = {cy - half, cy - half, cy + half, cy + half};
    e.insert(e.end(), xs, xs + 4);
    n.insert(n.end(), ys, ys + 4);
  }
  projector.to_lon_lat(e, n, lon, lat);
  std::vector<CellRing> rings(ids.size());
  for (std::size_t i = 0; i < lon.size(); ++i) {
    if (std::isnan(lon[i]) || std::isnan(lat[i])) {
      throw InputError(fmt::format("cannot project the hot-spot grid corner ({:.0f}, {:.0f}) back to lon/lat", e[i], n[i]));
    }
    rings[i / 4][i % 4] = {lon[i], lat[i]};
  }
  for (auto& ring : rings) ring[4] = ring[0];
  return rings;
}

void write_cells_geojson(const std::filesystem::path& path, const HotspotResult& r,
                         const geo::BngProjector& projector) {
  std::vector<std::size_t> ids;
  for (std::size_t id = 0; id < r.grid.size(); ++id) {
    if (r.kept(id)) ids.push_back(id);
  }
  const auto rings = cell_rings_lon_lat(r.grid, ids, projector);
  // 1e-7 degrees is about 1 cm: more digits would only be noise.
  auto deg = [](double v) { return fmt::format("{:.7f}", v); };
  fmt::memory_buffer out;
  auto put = std::back_inserter(out);
  fmt::format_to(put, "{{\"type\":\"FeatureCollection\",\n\"features\":[\n");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::size_t id = ids[i];
    auto v = values_of(r, id);
    fmt::format_to(put, "{{\"type\":\"Feature\",\"id\":{},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[", v.id);
    for (std::size_t c = 0; c < 5; ++c) {
      fmt::format_to(put, "{}[{},{}]", c == 0 ? "" : ",", deg(rings[i][c].lon), deg(rings[i][c].lat));
    }
    fmt::format_to(put, "]]}},");
    fmt::format_to(put, "\"properties\":{{\"cell_id\":{},\"column\":{},\"row\":{},\"x\":{},\"y\":{},\"count\":{},\"kde\":{},"
        "\"gi_z\":{},\"p\":{},\"p_adjusted\":{},\"class\":\"{}\"",
        v.id, v.column, v.row, number(v.x, "null"), number(v.y, "null"), v.count, number(v.kde, "null"),
        number(v.z, "null"), number(v.p, "null"), number(v.q, "null"), v.cls);
    if (!r.dual_rate.empty()) {
      fmt::format_to(put, ",\"residents_kde\":{},\"kde_per_1000\":{}", number(v.residents, "null"), number(v.rate, "null"));
    }
    fmt::format_to(put, "}}}}{}\n", i + 1 < ids.size() ? "," : "");
  }
  fmt::format_to(put, "]}}\n");
  write_file(path, out);
}

// A label is user-facing text ("2024/25"): quoted, as RFC 4180 allows any field to be.
void write_periods_csv(const std::filesystem::path& path, const std::vector<const HotspotResult*>& periods,
                       const std::vector<std::string>& labels) {
  if (labels.size() != periods.size()) throw InternalError("write_periods_csv: a label per period");
  fmt::memory_buffer out;
  auto put = std::back_inserter(out);
  fmt::format_to(put, "cell_id,period,count,gi_z,p_adjusted,class\n");
  for (std::size_t id = 0; id < (periods.empty() ? 0 : periods.front()->grid.size()); ++id) {
    if (!periods.back()->kept(id)) continue;
    for (std::size_t t = 0; t < periods.size(); ++t) {
      auto v = values_of(*periods[t], id);
      fmt::format_to(put, "{},\"{}\",{},{},{},{}\n", v.id, labels[t], v.count, number(v.z, ""), number(v.q, ""), v.cls);
    }
  }
  write_file(path, out);
}

void write_history_csv(const std::filesystem::path& path, const Grid& g, const std::vector<CellHistory>& history,
                       const std::vector<char>& in_area) {
  if (history.size() != g.size()) throw InternalError("write_history_csv: a history per cell");
  fmt::memory_buffer out;
  auto put = std::back_inserter(out);
  fmt::format_to(put, "cell_id,x,y,count_first,count_last,change,change_p,history\n");
  for (std::size_t id = 0; id < g.size(); ++id) {
    if (!in_area.empty() && in_area[id] == 0) continue;
    const auto& h = history[id];
    fmt::format_to(put, "{},{},{},{},{},{},{},{}\n", id, number(g.centre_x(g.column_of(id)), ""),
                   number(g.centre_y(g.row_of(id)), ""), h.first, h.last, h.last - h.first, number(h.change_p, ""),
                   history_id(h.history));
  }
  write_file(path, out);
}

}  // namespace csa::hotspot
