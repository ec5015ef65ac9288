// write_docx: the sample document converted by pandoc with data/report/reference.docx, read back with
// `unzip -p`: Word headings, a real table with its Table Caption, notes in Source Note, the figure as
// a picture with alt text and an Image Caption, the contents field, our styles. Also the pandoc JSON
// itself, the SVG fallback and the error for a figure without a picture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.hpp"
#include "core/subprocess.hpp"
#include "document/docx_writer.hpp"
#include "document_sample.hpp"
#include "support/temp_dir.hpp"

namespace csa::document {
namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A 4 x 2 pixel PNG in the accent blue: enough for pandoc to read a size from.
const unsigned char kPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf0, 0xca, 0xea, 0x34, 0x00, 0x00, 0x00, 0x10, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x50, 0x48, 0x98, 0x0a, 0x47, 0x0c, 0xc8, 0x1c, 0x00, 0x6c, 0xfa, 0x08, 0xa9,
    0x9a, 0x31, 0x5b, 0x05, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string unzip_part(const std::string& zip, const std::string& part) {
  RunResult r = run_program({"unzip", "-p", zip, part});
  EXPECT_TRUE(r.ok()) << "unzip " << zip << " " << part << ": " << r.err;
  return r.out;
}

TEST(DocumentDocx, WritesWordHeadingsTablesCaptionsAndFigures) {
  csa::testing::TempDir dir("csa-doc-docx");
  std::filesystem::create_directory(dir / "figures");
  write_file(dir / "figures/shoplifting-by-ward.png", std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));
  write_docx(testing::sample_document(), dir / "report.docx", dir / "figures");

  std::string body = unzip_part(dir / "report.docx", "word/document.xml");
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"Title\" />")) << "title block";
  EXPECT_TRUE(has(body, "TOC \\o &quot;1-2&quot;")) << "contents field, levels 1-2";
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"Heading1\" />"));
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"Heading2\" />"));
  EXPECT_TRUE(has(body, "<w:bookmarkStart w:id=\"")) << "headings keep their ids as bookmarks";
  EXPECT_TRUE(has(body, "w:name=\"shoplifting\""));
  EXPECT_TRUE(has(body, "<w:tbl>"));
  EXPECT_TRUE(has(body, "<w:tblStyle w:val=\"Table\" />"));
  EXPECT_TRUE(has(body, "<w:tblHeader")) << "header row repeats on each page";
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"TableCaption\" />"));
  EXPECT_TRUE(has(body, "Table 1: Shoplifting by ward, Cambridge, years ending December 2024 and 2025"));
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"SourceNote\" />"));
  EXPECT_TRUE(has(body, "Counts under 5 are shown as &lt;5. See Figure 1 for the same counts as bars."));
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"ImageCaption\" />"));
  EXPECT_TRUE(has(body, "Figure 1: Shoplifting by ward, Cambridge, year ending December 2025"));
  EXPECT_TRUE(has(body, "descr=\"Bar chart: Market has by far the most shoplifting")) << "alt text";
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"Lead\" />"));
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"Warning\" />"));
  EXPECT_TRUE(has(body, "<w:pStyle w:val=\"Note\" />"));
  EXPECT_TRUE(has(body, "Petersfield &amp; &lt;Mill Road&gt;"));
  std::string page = body.substr(body.find("<w:pgSz"), 60);
  EXPECT_TRUE(has(page, "w:w=\"11906\"") && has(page, "w:h=\"16838\"")) << "A4 from the reference document: " << page;

  RunResult list = run_program({"unzip", "-l", dir / "report.docx"});
  EXPECT_TRUE(has(list.out, "word/media/")) << list.out;

  std::string styles = unzip_part(dir / "report.docx", "word/styles.xml");
  for (const char* id : {"Heading1", "Heading2", "TableCaption", "ImageCaption", "Lead", "Warning", "Note",
                         "SourceNote", "Table"}) {
    EXPECT_TRUE(has(styles, std::string("w:styleId=\"") + id + "\"")) << id;
  }
  EXPECT_TRUE(has(styles, "w:ascii=\"Arial\""));
  EXPECT_TRUE(has(styles, "w:fill=\"F3F2F1\"")) << "shaded table header";
}

TEST(DocumentDocx, FallsBackToTheSvgAndNamesAMissingPicture) {
  csa::testing::TempDir dir("csa-doc-docx");
  Document d;
  d.meta.title = "Figures";
  d.blocks = {FigureBlock{"f", "A chart", "alt", testing::sample_svg(), "chart", "", 0}};
  try {
    write_docx(d, dir / "a.docx", dir.path().string());
    FAIL() << "no picture: expected IoError";
  } catch (const IoError& e) {
    EXPECT_TRUE(has(e.what(), (dir / "chart") + ".png")) << e.what();
  }
  write_file(dir / "chart.svg", testing::sample_svg());
  write_docx(d, dir / "a.docx", dir.path().string());
  RunResult list = run_program({"unzip", "-l", dir / "a.docx"});
  EXPECT_TRUE(has(list.out, ".svg")) << list.out;
}

TEST(DocumentDocx, PandocJsonHasTheApiVersionAndStyledBlocks) {
  csa::testing::TempDir dir("csa-doc-docx");
  write_file(dir / "shoplifting-by-ward.png", std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));
  Document d = testing::sample_document();
  d.number();
  auto j = nlohmann::json::parse(pandoc_json(d, dir.path().string()));
  EXPECT_EQ(j["pandoc-api-version"], nlohmann::json::array({1, 22, 2, 1}));
  EXPECT_EQ(j["meta"]["lang"]["c"][0]["c"], "en-GB");
  EXPECT_EQ(j["meta"]["toc-title"]["c"][0]["c"], "Contents");
  const auto& blocks = j["blocks"];
  EXPECT_EQ(blocks[0]["t"], "Header");
  EXPECT_EQ(blocks[0]["c"][1][0], "summary");
  EXPECT_EQ(blocks[1]["t"], "Div");
  EXPECT_EQ(blocks[1]["c"][0][2][0], nlohmann::json::array({"custom-style", "Lead"}));
  // "**31%**" is Strong, words and spaces are separate inlines.
  const auto& lead = blocks[1]["c"][1][0]["c"];
  EXPECT_EQ(lead[0], nlohmann::json({{"t", "Str"}, {"c", "Shoplifting"}}));
  EXPECT_EQ(lead[1], nlohmann::json({{"t", "Space"}}));
  EXPECT_EQ(lead[6]["t"], "Strong");
  // The table: caption, right-aligned numbers, widths adding up to the page, bold total row.
  const nlohmann::json* table = nullptr;
  for (const auto& b : blocks) {
    if (b["t"] == "Table") table = &b;
  }
  ASSERT_NE(table, nullptr);
  const auto& c = (*table)["c"];
  EXPECT_EQ(c[1][1][0]["c"][0]["c"], "Table");
  EXPECT_EQ(c[2][0][0]["t"], "AlignLeft");
  EXPECT_EQ(c[2][1][0]["t"], "AlignRight");
  double width = 0;
  for (const auto& spec : c[2]) width += spec[1]["c"].get<double>();
  EXPECT_NEAR(width, 1.0, 1e-9);
  const auto& total_row = c[4][0][3].back();
  EXPECT_EQ(total_row[1][0][4][0]["c"][0]["t"], "Strong");
}

}  // namespace
}  // namespace csa::document
