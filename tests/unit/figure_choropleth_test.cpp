// The ward map: WKB of either byte order, Polygon and MultiPolygon with holes, classes and their
// counts in the legend, no-data hatching, shapes on British National Grid (not stretched), the
// attribution, and the real 14 wards of Cambridge.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "figure/choropleth.hpp"
#include "figure/png.hpp"
#include "figure/theme.hpp"
#include "figure/wkb_polygons.hpp"
#include "figure_cambridge_wards.hpp"
#include "figure_svg_inspect.hpp"

namespace csa::figure {
namespace {

using inspect::find;

// Hand-made WKB, so the reader is tested against the format rather than against another writer.
class Wkb {
 public:
  explicit Wkb(bool little_endian) : little_(little_endian) {}

  // A ring of lon/lat points; closed by the caller.
  using Ring = std::vector<std::pair<double, double>>;

  Wkb& polygon(const std::vector<Ring>& rings) { return polygon_as(3, rings, 0); }
  // A polygon under another type word (ISO 1003 = Polygon Z; EWKB flags), with `extra` values
  // (Z, M) after each x, y, and an SRID when the EWKB flag asks for one.
  Wkb& polygon_as(std::uint32_t type_word, const std::vector<Ring>& rings, int extra) {
    header(type_word);
    if ((type_word & 0x20000000u) != 0) u32(4326);
    u32(static_cast<std::uint32_t>(rings.size()));
    for (const Ring& r : rings) {
      u32(static_cast<std::uint32_t>(r.size()));
      for (const auto& [x, y] : r) {
        f64(x), f64(y);
        for (int i = 0; i < extra; ++i) f64(99.0);
      }
    }
    return *this;
  }
  Wkb& multipolygon(const std::vector<std::vector<Ring>>& polygons) {
    header(6);
    u32(static_cast<std::uint32_t>(polygons.size()));
    for (const auto& p : polygons) polygon(p);
    return *this;
  }
  Wkb& point(double x, double y) {
    header(1);
    f64(x), f64(y);
    return *this;
  }
  std::vector<unsigned char> bytes() const { return bytes_; }

 private:
  void header(std::uint32_t type) {
    bytes_.push_back(little_ ? 1 : 0);
    u32(type);
  }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<unsigned char>(v >> (little_ ? 8 * i : 8 * (3 - i))));
  }
  void f64(double d) {
    std::uint64_t v;
    std::memcpy(&v, &d, 8);
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<unsigned char>(v >> (little_ ? 8 * i : 8 * (7 - i))));
  }
  bool little_;
  std::vector<unsigned char> bytes_;
};

// A square 0.1° on a side at (lon, lat) in Cambridge.
Wkb::Ring square(double lon, double lat, double side = 0.1) {
  return {{lon, lat}, {lon + side, lat}, {lon + side, lat + side}, {lon, lat + side}, {lon, lat}};
}

ChoroplethSpec two_squares() {
  ChoroplethSpec spec;
  spec.text = {"Two squares", "Test values", "", "Source: made up"};
  spec.legend_title = "Value";
  spec.classes = 2;
  spec.areas = {{"E05000001", "West", Wkb(true).polygon({square(0.0, 52.2)}).bytes(), 10.0},
                {"E05000002", "East", Wkb(false).polygon({square(0.1, 52.2)}).bytes(), 20.0}};
  return spec;
}

std::set<std::pair<double, double>> vertices(const std::string& d) {
  std::string numbers = d;
  for (char& c : numbers) {
    if (c == 'M' || c == 'L' || c == 'Z') c = ' ';
  }
  std::istringstream in(numbers);
  std::set<std::pair<double, double>> out;
  double x, y;
  while (in >> x >> y) out.insert({x, y});
  return out;
}

struct Box {
  double min_x = std::numeric_limits<double>::infinity(), min_y = min_x, max_x = -min_x, max_y = -min_x;
};
Box path_box(const std::string& d) {
  Box b;
  for (const auto& [x, y] : vertices(d)) {
    b.min_x = std::min(b.min_x, x), b.max_x = std::max(b.max_x, x);
    b.min_y = std::min(b.min_y, y), b.max_y = std::max(b.max_y, y);
  }
  return b;
}

TEST(FigureChoropleth, ReadsPolygonsInEitherByteOrder) {
  const auto little = read_wkb_polygons(Wkb(true).polygon({square(0, 52)}).bytes(), "test");
  const auto big = read_wkb_polygons(Wkb(false).polygon({square(0, 52)}).bytes(), "test");
  ASSERT_EQ(little.size(), 1u);
  ASSERT_EQ(big.size(), 1u);
  ASSERT_EQ(little[0].size(), 1u);
  ASSERT_EQ(little[0][0].size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(little[0][0][i].x, big[0][0][i].x);
    EXPECT_EQ(little[0][0][i].y, big[0][0][i].y);
  }
  EXPECT_DOUBLE_EQ(little[0][0][2].x, 0.1);
  EXPECT_DOUBLE_EQ(little[0][0][2].y, 52.1);
}

TEST(FigureChoropleth, ReadsMultiPolygonsWithHoles) {
  const auto parts = read_wkb_polygons(
      Wkb(true).multipolygon({{square(0, 52, 0.2), square(0.05, 52.05, 0.05)}, {square(1, 52)}}).bytes(), "test");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].size(), 2u);  // exterior and hole
  EXPECT_EQ(parts[1].size(), 1u);
}

TEST(FigureChoropleth, ReadsZAndMAndExtendedWkb) {
  const auto plain = read_wkb_polygons(Wkb(true).polygon({square(0, 52)}).bytes(), "test");
  for (const auto& [type, extra] : std::vector<std::pair<std::uint32_t, int>>{
           {1003, 1}, {2003, 1}, {3003, 2}, {0x80000003u, 1}, {0xC0000003u, 2}, {0xA0000003u, 1}, {0x20000003u, 0}}) {
    for (bool little : {true, false}) {
      const auto read = read_wkb_polygons(Wkb(little).polygon_as(type, {square(0, 52)}, extra).bytes(), "test");
      ASSERT_EQ(read.size(), 1u) << type;
      ASSERT_EQ(read[0][0].size(), 5u) << type;
      for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(read[0][0][i].x, plain[0][0][i].x) << type;
        EXPECT_EQ(read[0][0][i].y, plain[0][0][i].y) << type;
      }
    }
  }
}

TEST(FigureChoropleth, MalformedWkbIsAnInputErrorSayingWhere) {
  const auto good = Wkb(true).polygon({square(0, 52)}).bytes();
  auto message = [](const std::vector<unsigned char>& bytes) {
    try {
      read_wkb_polygons(bytes, "area X");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({good.begin(), good.begin() + 7}).find("truncated at byte 5 of 7"), std::string::npos);
  EXPECT_NE(message({good.begin(), good.end() - 3}).find("not valid WKB"),
            std::string::npos);  // a point count too big for what is left
  EXPECT_NE(message({good.begin(), good.end() - 3}).find("area X"), std::string::npos);
  auto longer = good;
  longer.push_back(0);
  EXPECT_NE(message(longer).find("1 bytes follow"), std::string::npos);
  auto bad_order = good;
  bad_order[0] = 7;
  EXPECT_NE(message(bad_order).find("byte order 7"), std::string::npos);
  auto huge = good;
  huge[5] = huge[6] = huge[7] = huge[8] = 0xFF;  // ring count 4 billion
  EXPECT_NE(message(huge).find("more than the"), std::string::npos);
  // A collection part that is not a polygon.
  auto multi = Wkb(true).multipolygon({{square(0, 52)}}).bytes();
  multi[10] = 2;  // the part's type: LineString
  EXPECT_NE(message(multi).find("part 1 of the MultiPolygon is a LineString"), std::string::npos);
  EXPECT_NE(message(Wkb(true).polygon({}).bytes()).find("empty"), std::string::npos);
  EXPECT_NE(message(Wkb(true).polygon({{{0, 52}, {std::nan(""), 52}, {0, 53}, {0, 52}}}).bytes()).find("finite"),
            std::string::npos);
}

TEST(FigureChoropleth, OtherGeometriesAreInputErrorsNamingTheArea) {
  try {
    read_wkb_polygons(Wkb(true).point(0, 52).bytes(), "area E05000009 (Nowhere)");
    FAIL() << "a point is not an area";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("area E05000009 (Nowhere)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Point"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_wkb_polygons({1, 2, 3}, "junk"), InputError);
  EXPECT_THROW(read_wkb_polygons({}, "nothing"), InputError);
  ChoroplethSpec spec = two_squares();
  spec.areas[1].wkb = Wkb(true).point(0, 52).bytes();
  EXPECT_THROW(choropleth(spec), InputError);
}

TEST(FigureChoropleth, TwoSquaresOneClassEach) {
  const ChoroplethSpec spec = two_squares();
  const std::string svg = choropleth(spec);
  EXPECT_EQ(inspect::unbalanced(svg), "");
  const auto areas = find(svg, "path", "area");
  ASSERT_EQ(areas.size(), 2u);
  const auto colours = theme::sequential(2);
  EXPECT_EQ(areas[0].at("fill"), colours[0]);  // 10: the lower class
  EXPECT_EQ(areas[1].at("fill"), colours[1]);
  EXPECT_EQ(areas[0].tooltip, "West: 10.0");
  EXPECT_EQ(areas[1].tooltip, "East: 20.0");
  EXPECT_EQ(areas[0].at("data-code"), "E05000001");

  // Side by side, West on the left, sharing their edge's two corners exactly (snapped alike).
  const Box west = path_box(areas[0].at("d")), east = path_box(areas[1].at("d"));
  EXPECT_LT(west.min_x, east.min_x);
  EXPECT_LT(west.max_x, east.max_x);
  const auto west_points = vertices(areas[0].at("d")), east_points = vertices(areas[1].at("d"));
  std::vector<std::pair<double, double>> shared;
  std::set_intersection(west_points.begin(), west_points.end(), east_points.begin(), east_points.end(),
                        std::back_inserter(shared));
  EXPECT_EQ(shared.size(), 2u);
  // On the grid, not stretched: 0.1° of longitude at 52.2° N is 6.85 km, 0.1° of latitude 11.13 km
  // (drawn in plain lon/lat the square would be 1:1). The square sits slightly turned on the grid,
  // which the tolerance allows.
  const double ratio = (west.max_x - west.min_x) / (west.max_y - west.min_y);
  EXPECT_NEAR(ratio, 6.85 / 11.13, 0.02);

  std::vector<std::string> labels, counts;
  for (const auto& t : find(svg, "text", "legend-label")) labels.push_back(t.text);
  for (const auto& t : find(svg, "text", "legend-count")) counts.push_back(t.text);
  EXPECT_EQ(labels, (std::vector<std::string>{"10.0 to 15.0", "15.0 to 20.0"}));
  EXPECT_EQ(counts, (std::vector<std::string>{"1", "1"}));
}

TEST(FigureChoropleth, HolesAreSubpathsFilledEvenOdd) {
  ChoroplethSpec spec = two_squares();
  spec.areas[0].wkb = Wkb(true).polygon({square(0.0, 52.2), square(0.03, 52.23, 0.04)}).bytes();
  const std::string svg = choropleth(spec);
  const std::string d = find(svg, "path", "area")[0].at("d");
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2);
  EXPECT_NE(svg.find("fill-rule=\"evenodd\""), std::string::npos);
}

TEST(FigureChoropleth, AreasWithoutValuesAreHatchedAndCounted) {
  ChoroplethSpec spec = two_squares();
  spec.areas.push_back({"E05000003", "North", Wkb(true).polygon({square(0.05, 52.3)}).bytes(), std::nullopt});
  const std::string svg = choropleth(spec);
  const auto areas = find(svg, "path", "area");
  ASSERT_EQ(areas.size(), 3u);
  EXPECT_EQ(areas[2].at("fill").rfind("url(#", 0), 0u);
  EXPECT_EQ(areas[2].tooltip, "North: No data or suppressed");
  EXPECT_FALSE(areas[2].has("data-value"));
  const auto labels = find(svg, "text", "legend-label");
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[2].text, "No data or suppressed");
  EXPECT_EQ(find(svg, "text", "legend-count")[2].text, "1");
  EXPECT_EQ(find(svg, "pattern").size(), 1u);

  for (auto& a : spec.areas) a.value.reset();  // all suppressed: still a map
  EXPECT_EQ(find(choropleth(spec), "path", "area").size(), 3u);
}

TEST(FigureChoropleth, CarriesTheBoundaryAttributionAndAScaleBar) {
  ChoroplethSpec spec = two_squares();
  spec.boundary_year = "2025";
  const std::string svg = choropleth(spec);
  std::string all_text;
  for (const auto& t : find(svg, "text")) all_text += t.text + "\n";
  EXPECT_NE(all_text.find("Contains OS data \u00A9 Crown copyright and database right 2025."), std::string::npos);
  EXPECT_NE(all_text.find("Open Government Licence v3.0"), std::string::npos);
  EXPECT_NE(all_text.find("Source: made up"), std::string::npos);
  EXPECT_NE(all_text.find(" km"), std::string::npos);
  EXPECT_EQ(find(svg, "rect", "scale-bar").size(), 1u);
  EXPECT_EQ(find(svg, "path", "north-arrow").size(), 1u);
  spec.north_arrow = false;
  EXPECT_TRUE(find(choropleth(spec), "path", "north-arrow").empty());
}

TEST(FigureChoropleth, ScaleBarLengthMatchesTheMapScale) {
  // The two squares span 0.2° of longitude at 52.2° N: 13.7 km on the grid.
  const std::string svg = choropleth(two_squares());
  const auto areas = find(svg, "path", "area");
  const double px_per_km = (path_box(areas[1].at("d")).max_x - path_box(areas[0].at("d")).min_x) / 13.7;
  const auto bar = find(svg, "rect", "scale-bar");
  ASSERT_EQ(bar.size(), 1u);
  std::string end_label;
  for (const auto& t : find(svg, "text")) {
    if (t.text.size() > 3 && t.text.substr(t.text.size() - 3) == " km") end_label = t.text;
  }
  ASSERT_FALSE(end_label.empty());
  const double km = std::stod(end_label);
  EXPECT_NEAR(2 * bar[0].num("width"), km * px_per_km, km * px_per_km * 0.02);
}

TEST(FigureChoropleth, GivenBreaksAndEqualIntervals) {
  ChoroplethSpec spec = two_squares();
  spec.method = ClassMethod::given;
  spec.breaks = {0, 15, 30};
  EXPECT_EQ(choropleth_classes(spec).edges, (std::vector<double>{0, 15, 30}));
  spec.breaks = {0, 15};
  EXPECT_THROW(choropleth(spec), InputError);  // 20 lies above the last break
  spec.method = ClassMethod::equal_interval;
  spec.classes = 5;
  EXPECT_EQ(choropleth_classes(spec).edges, (std::vector<double>{10, 12, 14, 16, 18, 20}));
}

TEST(FigureChoropleth, OutsideGreatBritainIsAnInputError) {
  ChoroplethSpec spec = two_squares();
  spec.areas[0].wkb = Wkb(true).polygon({square(150, -30)}).bytes();  // Australia
  EXPECT_THROW(choropleth(spec), InputError);
}

TEST(FigureChoropleth, CambridgeHasFourteenWardPaths) {
  if (!testing::shared_data_present()) GTEST_SKIP() << "shared data absent: " << testing::kWardFile;
  const auto wards = testing::cambridge_wards();
  ASSERT_EQ(wards.size(), 14u);
  ChoroplethSpec spec;
  spec.text = {"Cambridge wards", "Test", "", "Source: test"};
  spec.legend_title = "Value";
  double v = 1;
  for (const auto& w : wards) spec.areas.push_back({w.code, w.name, w.wkb, v++});
  spec.outline = testing::union_wkb(wards);
  const std::string svg = choropleth(spec);
  EXPECT_EQ(inspect::unbalanced(svg), "");
  const auto areas = find(svg, "path", "area");
  ASSERT_EQ(areas.size(), 14u);
  std::map<std::string, std::string> tooltip_of;
  for (const auto& a : areas) tooltip_of[a.at("data-code")] = a.tooltip;
  EXPECT_EQ(tooltip_of.at("E05013057"), "Market: 8.0");
  EXPECT_EQ(tooltip_of.at("E05013056"), "King's Hedges: 7.0");
  EXPECT_EQ(find(svg, "path", "outline").size(), 1u);
  // Quantiles of 1..14 in five classes: every class used, counts adding to 14.
  int total = 0;
  for (const auto& c : find(svg, "text", "legend-count")) total += std::stoi(c.text);
  EXPECT_EQ(total, 14);
  EXPECT_LT(svg.size(), 60'000u) << "simplified to the drawing's resolution";
  EXPECT_NO_THROW(svg_to_png(svg, ::testing::TempDir() + "/figure_cambridge.png", 1.0));
}

}  // namespace
}  // namespace csa::figure
