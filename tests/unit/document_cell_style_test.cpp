// Cell styles in the document model (document/cell_style.hpp): a RAG-style fill with bold text and a
// hierarchy indent, written by every writer and read back from the output itself: the HTML text, the
// DOCX's word/document.xml (the fill as w:shd on the cell's w:tcPr, the indent as w:ind on its
// paragraph) and the XLSX's sheet and styles.xml (the cell's xf has the fill and the indent). The
// expected colours are the ones the test sets; the cell is found by its text, not by position.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "core/error.hpp"
#include "core/subprocess.hpp"
#include "document/docx_writer.hpp"
#include "document/html_writer.hpp"
#include "document/xlsx_writer.hpp"
#include "document/zip_part.hpp"
#include "support/temp_dir.hpp"

namespace csa::document {
namespace {

using table::Align;
using table::Cell;

Cell text(std::string s) { return Cell{std::move(s), std::nullopt}; }

// Three rows: a parent, its indented child, a grandchild; the status column shaded on the child.
Document styled_document() {
  table::Table t;
  t.title = "Actions";
  t.columns = {{"label", "Category", Align::left}, {"count", "Count", Align::right}, {"rag", "RAG", Align::left}};
  t.rows = {{{text("All crime"), Cell{"1,204", 1204.0}, text("GREEN")}},
            {{text("  Violence with injury"), Cell{"75", 75.0}, text("RED")}},
            {{text("    Assault & <b>"), Cell{"3", 3.0}, text("")}}};
  TableBlock b{"tbl-styled", t};
  indent_from_leading_spaces(b, 0);
  b.styles[{1, 2}] = CellStyle{"#f4c7c3", "", true, 0};
  b.styles[{0, 2}] = CellStyle{"#cce2d8", "#0b0c0c", false, 0};
  Document doc;
  doc.meta.title = "Styles";
  doc.blocks.push_back(Heading{1, "Tables", "tables"});
  doc.blocks.push_back(b);
  return doc;
}

// The XML of the one element `tag` (e.g. "w:tc") that holds `needle`, from its start tag to its end.
std::string element_holding(const std::string& xml, const std::string& tag, const std::string& needle) {
  std::size_t at = xml.find(needle);
  if (at == std::string::npos) return {};
  std::size_t open = xml.rfind("<" + tag + ">", at);
  std::size_t open_attr = xml.rfind("<" + tag + " ", at);
  if (open == std::string::npos || (open_attr != std::string::npos && open_attr > open)) open = open_attr;
  std::size_t close = xml.find("</" + tag + ">", at);
  if (open == std::string::npos || close == std::string::npos) return {};
  return xml.substr(open, close - open);
}

TEST(DocumentCellStyle, IndentFromLeadingSpacesStripsTheTextAndSetsTheLevel) {
  auto doc = styled_document();
  const auto& b = std::get<TableBlock>(doc.blocks[1]);
  EXPECT_EQ(b.table.rows[1].cells[0].text, "Violence with injury");
  EXPECT_EQ(b.table.rows[2].cells[0].text, "Assault & <b>");
  EXPECT_EQ(style_of(b.styles, 1, 0)->indent, 1);
  EXPECT_EQ(style_of(b.styles, 2, 0)->indent, 2);
  EXPECT_EQ(style_of(b.styles, 0, 0), nullptr);
}

TEST(DocumentCellStyle, ColoursMustBeSixHexDigits) {
  EXPECT_EQ(rgb_of("#f4c7c3"), 0xf4c7c3u);
  EXPECT_EQ(hex_digits("#0b0c0c"), "0B0C0C");
  EXPECT_FALSE(rgb_of("red"));
  EXPECT_FALSE(rgb_of("#f4c7c"));
  EXPECT_THROW(hex_digits("#gggggg"), InternalError);
}

TEST(DocumentCellStyle, HtmlCarriesFillBoldAndIndentOnTheRightCells) {
  std::string html = render_html(styled_document());
  EXPECT_NE(html.find("<td style=\"background:#F4C7C3;font-weight:bold;padding-left:0.4rem;\">RED</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td style=\"background:#CCE2D8;color:#0B0C0C;padding-left:0.4rem;\">GREEN</td>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\" style=\"padding-left:calc(0.5rem + 1.2em);\">Violence with injury</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\" style=\"padding-left:calc(0.5rem + 2.4em);\">Assault &amp; &lt;b&gt;</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\">All crime</th>"), std::string::npos) << "unstyled cells stay plain";
  EXPECT_NE(html.find("<td class=\"num\">75</td>"), std::string::npos);
}

TEST(DocumentCellStyle, DocxShadesTheCellAndIndentsTheParagraph) {
  csa::testing::TempDir dir("csa-doc-style-docx");
  const std::string path = dir / "styled.docx";
  write_docx(styled_document(), path, dir.path().string());
  const std::string xml = read_zip_part(path, "word/document.xml");
  EXPECT_EQ(xml.find("csa-cell"), std::string::npos) << "every marker is replaced";

  const std::string red = element_holding(xml, "w:tc", ">RED<");
  ASSERT_FALSE(red.empty()) << xml;
  EXPECT_NE(red.find("<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F4C7C3\" /></w:tcPr>"), std::string::npos) << red;
  EXPECT_NE(red.find("<w:b />"), std::string::npos) << "bold: " << red;

  const std::string green = element_holding(xml, "w:tc", ">GREEN<");
  EXPECT_NE(green.find("w:fill=\"CCE2D8\""), std::string::npos) << green;
  EXPECT_NE(green.find("<w:color w:val=\"0B0C0C\"/>"), std::string::npos) << green;

  const std::string child = element_holding(xml, "w:tc", ">Violence with injury<");
  EXPECT_NE(child.find("<w:ind w:left=\"240\" /><w:jc w:val=\"left\" />"), std::string::npos) << child;
  EXPECT_EQ(child.find("w:shd"), std::string::npos);
  const std::string grandchild = element_holding(xml, "w:tc", "Assault");
  EXPECT_NE(grandchild.find("<w:ind w:left=\"480\" />"), std::string::npos) << grandchild;
  EXPECT_NE(grandchild.find("Assault &amp; &lt;b&gt;"), std::string::npos) << grandchild;

  const std::string plain = element_holding(xml, "w:tc", ">1,204<");
  EXPECT_EQ(plain.find("w:shd"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("w:ind"), std::string::npos) << plain;

  // Still a valid Word file: unzip lists it and pandoc reads it back with the cells' text.
  ASSERT_TRUE(run_program({"unzip", "-tq", path}).ok());
  RunResult back = run_program({"pandoc", "-f", "docx", "-t", "plain", path});
  ASSERT_TRUE(back.ok()) << back.err;
  EXPECT_NE(back.out.find("Violence with injury"), std::string::npos) << back.out;
  EXPECT_NE(back.out.find("RED"), std::string::npos);
}

TEST(DocumentCellStyle, XlsxCellFormatHasTheFillAndIndent) {
  csa::testing::TempDir dir("csa-doc-style-xlsx");
  const std::string path = dir / "styled.xlsx";
  auto doc = styled_document();
  doc.number();
  write_xlsx(doc, path);
  const std::string sheet = read_zip_part(path, "xl/worksheets/sheet2.xml");
  const std::string styles = read_zip_part(path, "xl/styles.xml");
  const std::string strings = read_zip_part(path, "xl/sharedStrings.xml");

  // The shared-string index of a text, then the s="" of the cell holding it.
  auto style_index_of = [&](const std::string& s) -> int {
    std::regex si("<si>.*?</si>");
    int i = 0;
    for (auto it = std::sregex_iterator(strings.begin(), strings.end(), si); it != std::sregex_iterator(); ++it, ++i) {
      if (it->str().find(">" + s + "<") == std::string::npos) continue;
      std::smatch m;
      std::regex cell("<c r=\"[A-Z]+[0-9]+\" s=\"([0-9]+)\" t=\"s\"><v>" + std::to_string(i) + "</v></c>");
      return std::regex_search(sheet, m, cell) ? std::stoi(m[1]) : -1;
    }
    return -1;
  };
  auto xf = [&](int index) -> std::string {
    const std::size_t from = styles.find("<cellXfs"), to = styles.find("</cellXfs>");
    if (from == std::string::npos || to == std::string::npos) return {};
    const std::string cell_xfs = styles.substr(from, to - from);
    std::regex one("<xf [^>]*?(/>|>.*?</xf>)");
    int i = 0;
    for (auto it = std::sregex_iterator(cell_xfs.begin(), cell_xfs.end(), one); it != std::sregex_iterator(); ++it, ++i)
      if (i == index) return it->str();
    return {};
  };
  auto fill = [&](const std::string& x) -> std::string {
    std::smatch m;
    if (!std::regex_search(x, m, std::regex("fillId=\"([0-9]+)\""))) return {};
    std::string fills = element_holding(styles, "fills", "<fill>");
    std::regex one("<fill>.*?</fill>");
    int i = 0, want = std::stoi(m[1]);
    for (auto it = std::sregex_iterator(fills.begin(), fills.end(), one); it != std::sregex_iterator(); ++it, ++i)
      if (i == want) return it->str();
    return {};
  };

  const int red = style_index_of("RED");
  ASSERT_GE(red, 0) << sheet;
  EXPECT_NE(fill(xf(red)).find("<fgColor rgb=\"FFF4C7C3\"/>"), std::string::npos) << xf(red) << fill(xf(red));
  const int green = style_index_of("GREEN");
  EXPECT_NE(fill(xf(green)).find("FFCCE2D8"), std::string::npos);
  const int child = style_index_of("Violence with injury");
  EXPECT_NE(xf(child).find("indent=\"1\""), std::string::npos) << xf(child);
  const int grandchild = style_index_of("Assault &amp; &lt;b&gt;");
  EXPECT_NE(xf(grandchild).find("indent=\"2\""), std::string::npos) << xf(grandchild);
  const int parent = style_index_of("All crime");
  EXPECT_EQ(xf(parent).find("indent"), std::string::npos);
  EXPECT_EQ(fill(xf(parent)).find("rgb="), std::string::npos);
}

}  // namespace
}  // namespace csa::document
