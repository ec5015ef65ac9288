#include "figure/wkb_polygons.hpp"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace csa::figure {

namespace {

constexpr std::uint32_t kPolygon = 3, kMultiPolygon = 6;
// PostGIS extended WKB flags on the type word; ISO WKB adds 1000 (Z), 2000 (M) or 3000 (ZM) instead.
constexpr std::uint32_t kEwkbZ = 0x80000000u, kEwkbM = 0x40000000u, kEwkbSrid = 0x20000000u;

std::string_view type_name(std::uint32_t base) {
  switch (base) {
    case 1:
      return "Point";
    case 2:
      return "LineString";
    case 3:
      return "Polygon";
    case 4:
      return "MultiPoint";
    case 5:
      return "MultiLineString";
    case 6:
      return "MultiPolygon";
    case 7:
      return "GeometryCollection";
    case 15:
      return "PolyhedralSurface";
    case 16:
      return "TIN";
    case 17:
      return "Triangle";
    default:
      return "geometry of unknown type";
  }
}

class Reader {
 public:
  Reader(const std::vector<unsigned char>& bytes, std::string_view what) : bytes_(bytes), what_(what) {}

  struct Header {
    bool little = true;
    std::uint32_t base = 0;  // 1 Point … 7 GeometryCollection
    int dims = 2;            // values per point: 2, 3 (Z or M) or 4
  };

  Header header() {
    Header h;
    const unsigned char order = byte();
    if (order > 1) fail(fmt::format("byte order {} at byte {} (expected 0 or 1)", order, pos_ - 1));
    h.little = order == 1;
    std::uint32_t type = u32(h.little);
    const bool z = (type & kEwkbZ) != 0, m = (type & kEwkbM) != 0;
    if ((type & kEwkbSrid) != 0) u32(h.little);  // the SRID; boundaries are lon/lat whatever it says
    type &= ~(kEwkbZ | kEwkbM | kEwkbSrid);
    h.base = type % 1000;
    const std::uint32_t iso_dims = type / 1000;  // 0 XY, 1 Z, 2 M, 3 ZM
    if (iso_dims > 3) fail(fmt::format("type code {} is not a WKB geometry type", type));
    h.dims = 2 + (z || iso_dims == 1 || iso_dims == 3 ? 1 : 0) + (m || iso_dims == 2 || iso_dims == 3 ? 1 : 0);
    return h;
  }

  Polygon polygon(const Header& h) {
    const std::uint32_t rings = count(h.little, 4);
    Polygon out;
    out.reserve(rings);
    for (std::uint32_t r = 0; r < rings; ++r) {
      const std::uint32_t points = count(h.little, 8 * static_cast<std::size_t>(h.dims));
      Ring ring(points);
      for (XY& p : ring) {
        p.x = f64(h.little);
        p.y = f64(h.little);
        for (int extra = 2; extra < h.dims; ++extra) f64(h.little);
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
          fail(fmt::format("a coordinate is not a finite number (before byte {})", pos_));
      }
      out.push_back(std::move(ring));
    }
    return out;
  }

  void expect_end() const {
    if (pos_ != bytes_.size())
      fail(fmt::format("{} bytes follow the geometry's end at byte {}", bytes_.size() - pos_, pos_));
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw InputError(
        fmt::format("{}: the geometry is not valid WKB: {}; expected a Polygon or MultiPolygon", what_, why));
  }

  // A count of items, each at least `item_bytes` long: checked against what is left, so a corrupt
  // count cannot ask for gigabytes.
  std::uint32_t count(bool little, std::size_t item_bytes) {
    const std::uint32_t n = u32(little);
    if (static_cast<std::uint64_t>(n) * item_bytes > bytes_.size() - pos_) {
      fail(fmt::format("a count of {} at byte {} is more than the {} bytes left hold", n, pos_ - 4,
                       bytes_.size() - pos_));
    }
    return n;
  }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - pos_ < n) fail(fmt::format("truncated at byte {} of {}", pos_, bytes_.size()));
  }
  unsigned char byte() {
    need(1);
    return bytes_[pos_++];
  }
  std::uint64_t unsigned_of(std::size_t n, bool little) {
    need(n);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t at = little ? pos_ + n - 1 - i : pos_ + i;  // most significant byte first
      v = (v << 8) | bytes_[at];
    }
    pos_ += n;
    return v;
  }
  std::uint32_t u32(bool little) { return static_cast<std::uint32_t>(unsigned_of(4, little)); }
  double f64(bool little) { return std::bit_cast<double>(unsigned_of(8, little)); }

  const std::vector<unsigned char>& bytes_;
  std::string_view what_;
  std::size_t pos_ = 0;
};

bool has_points(const Polygon& p) { return !p.empty() && !p.front().empty(); }

}  // namespace

std::vector<Polygon> read_wkb_polygons(const std::vector<unsigned char>& wkb, std::string_view what) {
  Reader reader(wkb, what);
  const Reader::Header top = reader.header();
  std::vector<Polygon> out;
  if (top.base == kPolygon) {
    Polygon p = reader.polygon(top);
    if (has_points(p)) out.push_back(std::move(p));
  } else if (top.base == kMultiPolygon) {
    const std::uint32_t parts = reader.count(top.little, 9);  // each part: a header of at least 9 bytes
    for (std::uint32_t i = 0; i < parts; ++i) {
      const Reader::Header part = reader.header();
      if (part.base != kPolygon) {
        throw InputError(fmt::format("{}: part {} of the MultiPolygon is a {}; a map area must be made of polygons",
                                     what, i + 1, type_name(part.base)));
      }
      Polygon p = reader.polygon(part);
      if (has_points(p)) out.push_back(std::move(p));
    }
  } else {
    throw InputError(fmt::format("{}: the geometry is a {}; a map area must be a Polygon or MultiPolygon", what,
                                 type_name(top.base)));
  }
  reader.expect_end();
  if (out.empty()) throw InputError(fmt::format("{}: the geometry is empty; a map area needs a shape", what));
  return out;
}

}  // namespace csa::figure
