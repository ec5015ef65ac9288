// SVG to PNG through librsvg and cairo: a real PNG of the expected pixel size, and clear errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "figure/png.hpp"
#include "figure/svg.hpp"

namespace csa::figure {
namespace {

std::vector<unsigned char> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t big_endian(const std::vector<unsigned char>& b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}

std::string small_svg() {
  SvgWriter svg(300, 150, "Test", "A red square");
  svg.element("rect", {{"x", 10}, {"y", 10}, {"width", 50}, {"height", 50}, {"fill", "#D55E00"}});
  svg.text(80, 40, "Text renders", {});
  return svg.finish();
}

TEST(FigurePng, WritesAPngOfTheScaledSize) {
  const std::string path = ::testing::TempDir() + "/figure_png_test.png";
  svg_to_png(small_svg(), path, 2.0);
  const auto bytes = read_all(path);
  ASSERT_GT(bytes.size(), 33u);
  const unsigned char signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  EXPECT_TRUE(std::equal(std::begin(signature), std::end(signature), bytes.begin()));
  // The first chunk is IHDR: length (4), "IHDR" (4), width (4), height (4).
  EXPECT_EQ(std::string(bytes.begin() + 12, bytes.begin() + 16), "IHDR");
  EXPECT_EQ(big_endian(bytes, 16), 600u);
  EXPECT_EQ(big_endian(bytes, 20), 300u);

  svg_to_png(small_svg(), path, 1.0);
  EXPECT_EQ(big_endian(read_all(path), 16), 300u);
}

TEST(FigurePng, MalformedSvgIsABug) {
  const std::string path = ::testing::TempDir() + "/figure_png_bad.png";
  // Figures are csa's own output: SVG librsvg cannot parse is a bug in the figure code.
  EXPECT_THROW(svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><g></svg>", path),
               InternalError);
  EXPECT_THROW(svg_to_png("not svg at all", path), InternalError);
}

TEST(FigurePng, UnwritablePathIsAnIoError) {
  EXPECT_THROW(svg_to_png(small_svg(), "/nonexistent-dir/figure.png"), IoError);
}

}  // namespace
}  // namespace csa::figure
