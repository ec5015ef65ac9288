// tables.xlsx writer: workbooks written from hand-made tables, read back by unzipping their XML parts
// (`unzip -p`): sheet names, a contents sheet with internal links, numbers as numeric cells only
// where the printed text is a plain rendering of the value, suppressed and worded cells as text,
// title, header, notes and the licence once; errors become IoError. Also the number rule itself.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "document/document.hpp"
#include "document/xlsx_writer.hpp"
#include "support/temp_dir.hpp"
#include "table/area_tables.hpp"
#include "table/table.hpp"

namespace csa::document {
namespace {

using table::Align;
using table::Cell;
using table::RowKind;

// One part of the .xlsx (a zip file), as text.
std::string unzip_part(const std::string& xlsx, const std::string& part) {
  std::string cmd = "unzip -p '" + xlsx + "' '" + part + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return "";
  std::string out;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  pclose(p);
  return out;
}

std::string xml_unescape(std::string s) {
  const std::pair<std::string, std::string> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  }
  return s;
}

// A cell as the sheet XML stores it: a shared string, or a number (its <v> text).
struct XCell {
  bool is_string = false;
  std::string text;  // the string, or the number as written
  std::string style; // the s="" attribute
};

// The workbook as read back: shared strings resolved, cells by reference ("B4").
class Workbook {
 public:
  explicit Workbook(std::string path) : path_(std::move(path)) {
    std::string sst = unzip_part(path_, "xl/sharedStrings.xml");
    std::regex si("<si>(.*?)</si>");
    std::regex t("<t[^>]*>(.*?)</t>");
    for (auto it = std::sregex_iterator(sst.begin(), sst.end(), si); it != std::sregex_iterator(); ++it) {
      std::string inner = (*it)[1];
      std::smatch m;
      strings_.push_back(std::regex_search(inner, m, t) ? xml_unescape(m[1]) : "");
    }
  }

  std::string part(const std::string& name) const { return unzip_part(path_, name); }

  std::map<std::string, XCell> cells(int sheet) const {
    std::string xml = part("xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
    std::map<std::string, XCell> out;
    std::regex c(R"re(<c r="([A-Z]+[0-9]+)"([^>]*?)(/>|>(.*?)</c>))re");
    std::regex v("<v>(.*?)</v>");
    std::regex s(R"re(s="([0-9]+)")re");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), c); it != std::sregex_iterator(); ++it) {
      XCell cell;
      std::string attrs = (*it)[2];
      std::string inner = (*it)[4];
      cell.is_string = attrs.find("t=\"s\"") != std::string::npos;
      std::smatch m;
      if (std::regex_search(attrs, m, s)) cell.style = m[1];
      if (std::regex_search(inner, m, v)) {
        cell.text = m[1];
        if (cell.is_string) cell.text = strings_.at(std::stoul(cell.text));
      }
      out[(*it)[1]] = cell;
    }
    return out;
  }

 private:
  std::string path_;
  std::vector<std::string> strings_;
};

table::Table shoplifting() {
  table::Table t;
  t.title = "Shoplifting by ward in Cambridge, YE Dec 2024 to YE Dec 2025";
  t.columns = {{"ward", "Ward", Align::left},
               {"count_2024", "YE Dec 2024", Align::right},
               {"count_2025", "YE Dec 2025", Align::right},
               {"change_1y", "Change YE Dec 2024 to YE Dec 2025", Align::right},
               {"share", "Share of all crime", Align::right},
               {"rate_per_1000", "Rate per 1,000", Align::right}};
  t.rows.push_back({{{"Market", std::nullopt},
                     {"1,234", 1234.0},
                     {"1500", 1500.0},
                     {"+22% (+266)", 21.56},
                     {"32%", 32.4},
                     {"12.3", 12.345}},
                    RowKind::body});
  t.rows.push_back({{{"Abbey", std::nullopt},
                     {"<5", std::nullopt},
                     {"7", 7.0},
                     {"No Calc", std::nullopt},
                     {"-", std::nullopt},
                     {"-", std::nullopt}},
                    RowKind::body});
  t.rows.push_back({{{"Cambridge (total)", std::nullopt},
                     {"1238", 1238.0},
                     {"1507", 1507.0},
                     {"+22% (+269)", 21.7},
                     {"100%", 100.0},
                     {"12.4", 12.4}},
                    RowKind::total});
  t.notes = {"Periods: YE Dec 2025 = year ending December 2025 (Jan 2025–Dec 2025).",
             "Counts from 1 to 4 are shown as <5, and figures derived from them are hidden (-).",
             "Source: police.uk street-level crime and ASB data. " + std::string(table::kOglAttribution)};
  return t;
}

XlsxWorkbookInfo info() {
  return {"Cambridge Community Safety Partnership: Strategic Assessment 2025", "Cambridge CSP research team",
          "Year ending December 2025", 1767225600};
}

std::size_t count_containing(const std::map<std::string, XCell>& cells, const std::string& what) {
  std::size_t n = 0;
  for (const auto& [ref, c] : cells) n += c.is_string && c.text.find(what) != std::string::npos;
  return n;
}

class XlsxWriterFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_ / "tables.xlsx";
    write_xlsx({{"Table 3", shoplifting(), "police.uk, Cambridgeshire Constabulary"}}, info(), path_);
  }
  csa::testing::TempDir dir_{"csa-xlsx"};
  std::string path_;
};

TEST_F(XlsxWriterFile, SheetNamesAreContentsThenTheTableLabels) {
  Workbook wb(path_);
  std::string xml = wb.part("xl/workbook.xml");
  auto contents = xml.find("<sheet name=\"Contents\"");
  auto table3 = xml.find("<sheet name=\"Table 3\"");
  ASSERT_NE(contents, std::string::npos) << xml;
  ASSERT_NE(table3, std::string::npos) << xml;
  EXPECT_LT(contents, table3);
  EXPECT_FALSE(std::filesystem::exists(path_ + ".partial"));
}

TEST_F(XlsxWriterFile, ExactValuesPrintedPlainlyAreNumbers) {
  auto cells = Workbook(path_).cells(2);
  // "1,234" with value 1234: a number, no shared-string type.
  ASSERT_TRUE(cells.count("B4"));
  EXPECT_FALSE(cells["B4"].is_string);
  EXPECT_EQ(cells["B4"].text, "1234");
  EXPECT_FALSE(cells["C4"].is_string);
  EXPECT_EQ(cells["C4"].text, "1500");
  // "32%" (value 32.4, percent units) holds the printed 32% as a fraction; "12.3" the printed 12.3.
  EXPECT_FALSE(cells["E4"].is_string);
  EXPECT_EQ(cells["E4"].text, "0.32");
  EXPECT_FALSE(cells["F4"].is_string);
  EXPECT_EQ(cells["F4"].text, "12.3");
  std::string xml = Workbook(path_).part("xl/worksheets/sheet2.xml");
  EXPECT_NE(xml.find("<c r=\"B4\" s=\"") , std::string::npos);
  EXPECT_EQ(xml.find("<c r=\"B4\" s=\"" + cells["B4"].style + "\" t=\"s\""), std::string::npos);
}

TEST_F(XlsxWriterFile, SuppressedWordedAndChangeCellsStayText) {
  auto cells = Workbook(path_).cells(2);
  EXPECT_TRUE(cells["B5"].is_string);
  EXPECT_EQ(cells["B5"].text, "<5");
  EXPECT_TRUE(cells["D5"].is_string);
  EXPECT_EQ(cells["D5"].text, "No Calc");
  EXPECT_TRUE(cells["D4"].is_string);
  EXPECT_EQ(cells["D4"].text, "+22% (+266)");
  EXPECT_TRUE(cells["E5"].is_string);
  EXPECT_EQ(cells["E5"].text, "-");
  // The shared strings hold "<5" escaped, and no number 5 appears in the sheet.
  EXPECT_NE(Workbook(path_).part("xl/sharedStrings.xml").find("&lt;5"), std::string::npos);
}

TEST_F(XlsxWriterFile, TitleHeaderTotalAndNotesRows) {
  auto cells = Workbook(path_).cells(2);
  EXPECT_EQ(cells["A1"].text, "Table 3: Shoplifting by ward in Cambridge, YE Dec 2024 to YE Dec 2025");
  EXPECT_FALSE(cells.count("A2"));  // the blank row
  EXPECT_EQ(cells["A3"].text, "Ward");
  EXPECT_EQ(cells["D3"].text, "Change YE Dec 2024 to YE Dec 2025");
  EXPECT_EQ(cells["A4"].text, "Market");
  // The total row: bold with a top border, so a style of its own, across every column.
  EXPECT_EQ(cells["A6"].text, "Cambridge (total)");
  EXPECT_EQ(cells["B6"].text, "1238");
  EXPECT_NE(cells["A6"].style, cells["A4"].style);
  EXPECT_NE(cells["B6"].style, cells["C4"].style);
  // Notes one per row after a blank row, then the source; the licence only once.
  EXPECT_FALSE(cells.count("A7"));
  EXPECT_EQ(cells["A8"].text, "Periods: YE Dec 2025 = year ending December 2025 (Jan 2025–Dec 2025).");
  EXPECT_EQ(cells["A9"].text, "Counts from 1 to 4 are shown as <5, and figures derived from them are hidden (-).");
  EXPECT_EQ(cells["A10"].text.rfind("Source: police.uk street-level crime", 0), 0u);
  EXPECT_EQ(cells["A11"].text, "Source: police.uk, Cambridgeshire Constabulary");
  EXPECT_FALSE(cells.count("A12"));
  EXPECT_EQ(count_containing(cells, "Open Government Licence"), 1u);
}

TEST_F(XlsxWriterFile, HeaderRowIsFrozenAndRepeatedOnPrint) {
  Workbook wb(path_);
  std::string sheet = wb.part("xl/worksheets/sheet2.xml");
  EXPECT_NE(sheet.find("ySplit=\"3\""), std::string::npos);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("fitToPage=\"1\""), std::string::npos);
  std::string workbook = wb.part("xl/workbook.xml");
  EXPECT_NE(workbook.find("_xlnm.Print_Titles"), std::string::npos);
  EXPECT_NE(workbook.find("'Table 3'!$3:$3"), std::string::npos) << workbook;
}

TEST_F(XlsxWriterFile, ContentsLinksEachTitleToItsSheet) {
  Workbook wb(path_);
  auto cells = wb.cells(1);
  EXPECT_EQ(cells["A1"].text, info().title);
  EXPECT_EQ(cells["A2"].text, info().subject);
  EXPECT_EQ(cells["A4"].text, "Table");
  EXPECT_EQ(cells["A5"].text, "Table 3");
  EXPECT_EQ(cells["B5"].text, "Shoplifting by ward in Cambridge, YE Dec 2024 to YE Dec 2025");
  EXPECT_EQ(cells["A7"].text, table::kOglAttribution);
  std::string sheet = wb.part("xl/worksheets/sheet1.xml");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(sheet, m, std::regex("<hyperlink ref=\"B5\"[^>]*location=\"([^\"]*)\"")))
      << sheet;
  EXPECT_EQ(xml_unescape(m[1]), "'Table 3'!A1");
}

TEST_F(XlsxWriterFile, DocumentPropertiesCarryTitleAuthorAndLicence) {
  std::string core = Workbook(path_).part("docProps/core.xml");
  EXPECT_NE(core.find("<dc:title>Cambridge Community Safety Partnership: Strategic Assessment 2025</dc:title>"),
            std::string::npos)
      << core;
  EXPECT_NE(core.find("<dc:creator>Cambridge CSP research team</dc:creator>"), std::string::npos);
  EXPECT_NE(core.find("<dc:subject>Year ending December 2025</dc:subject>"), std::string::npos);
  EXPECT_NE(core.find("Open Government Licence v3.0"), std::string::npos);
  EXPECT_NE(core.find("2026-01-01T00:00:00Z"), std::string::npos);
}

TEST(XlsxWriter, LicenceAddedWhenNoNoteCarriesItAndSheetNamesMadeValidAndUnique) {
  csa::testing::TempDir dir("csa-xlsx");
  table::Table t;
  t.title = "Calls";
  t.columns = {{"month", "Month", Align::left}, {"calls", "Calls", Align::right}};
  t.rows.push_back({{{"Jan 2025", std::nullopt}, {"12", 12.0}}, RowKind::body});
  std::string path = dir / "t.xlsx";
  write_xlsx({{"Table 1", t, ""}, {"table 1", t, ""}, {"A/B: [draft]? a very long label indeed, over 31", t, ""}},
             {"T", "", "", 0}, path);
  Workbook wb(path);
  std::string xml = wb.part("xl/workbook.xml");
  EXPECT_NE(xml.find("<sheet name=\"Table 1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<sheet name=\"table 1 (2)\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<sheet name=\"A B   draft   a very long label\""), std::string::npos) << xml;
  auto cells = wb.cells(2);
  EXPECT_EQ(cells["A4"].text, "Jan 2025");
  EXPECT_FALSE(cells.count("A5"));
  EXPECT_EQ(cells["A6"].text, table::kOglAttribution);
  EXPECT_FALSE(cells.count("A7"));
}

TEST(XlsxWriter, SheetNameRules) {
  EXPECT_EQ(xlsx_sheet_name("Table 3"), "Table 3");
  EXPECT_EQ(xlsx_sheet_name("'quoted'"), "quoted");
  EXPECT_EQ(xlsx_sheet_name("[]:*?/\\"), "Table");
  EXPECT_EQ(xlsx_sheet_name("ééééééééééééééééééééééééééééééééééé").size(), 31u * 2);  // 31 characters
}

TEST(XlsxWriter, DocumentTablesNumberedFromBlocksOrInOrder) {
  csa::testing::TempDir dir("csa-xlsx");
  Document doc;
  doc.meta.title = "Strategic Assessment";
  doc.meta.author = "CSP";
  doc.meta.subtitle = "Year ending December 2025";
  doc.blocks.push_back(Heading{1, "Crime", "crime", true});
  doc.blocks.push_back(TableBlock{"shop", shoplifting(), 0});
  doc.blocks.push_back(Paragraph{"See {ref:shop}.", Paragraph::Style::body});
  doc.blocks.push_back(TableBlock{"shop2", shoplifting(), 0});
  auto sheets = xlsx_sheets(doc);
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].label, "Table 1");
  EXPECT_EQ(sheets[1].label, "Table 2");
  std::get<TableBlock>(doc.blocks[3]).number = 7;
  EXPECT_EQ(xlsx_sheets(doc)[1].label, "Table 7");

  std::string path = dir / "doc.xlsx";
  write_xlsx(doc, path);
  Workbook wb(path);
  std::string xml = wb.part("xl/workbook.xml");
  EXPECT_NE(xml.find("<sheet name=\"Table 1\""), std::string::npos);
  EXPECT_NE(xml.find("<sheet name=\"Table 7\""), std::string::npos);
  EXPECT_EQ(wb.cells(1)["A1"].text, "Strategic Assessment");
  EXPECT_EQ(wb.cells(3)["A1"].text.rfind("Table 7: Shoplifting", 0), 0u);
}

TEST(XlsxWriter, UnwritablePathIsIoErrorNamingIt) {
  csa::testing::TempDir dir("csa-xlsx");
  std::string path = dir / "no-such-folder/tables.xlsx";
  try {
    write_xlsx({{"Table 1", shoplifting(), ""}}, info(), path);
    FAIL() << "no error";
  } catch (const IoError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find("No such file or directory"), std::string::npos) << msg;
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(XlsxWriter, NumberOnlyWhenTheTextPrintsTheValue) {
  auto num = [](std::string text, std::optional<double> value) { return xlsx_number(Cell{std::move(text), value}); };
  auto is = [&](std::string text, double value, double number, std::string format) {
    auto n = num(text, value);
    ASSERT_TRUE(n.has_value()) << text;
    EXPECT_DOUBLE_EQ(n->number, number) << text;
    EXPECT_EQ(n->num_format, format) << text;
  };
  is("1234", 1234, 1234, "0");
  is("1,234", 1234, 1234, "#,##0");
  is("1,234,567", 1234567, 1234567, "#,##0");
  is("12.3", 12.345, 12.3, "0.0");
  is("13.8", 13.75, 13.8, "0.0");  // a tie, rounded away from zero by src/measure
  is("2.0", 1.96, 2.0, "0.0");
  is("-38", -38, -38, "0");
  is("0", 0, 0, "0");
  is("32%", 32.4, 0.32, "0%");
  is("12.5%", 12.5, 0.125, "0.0%");
  is("0%", 0.3, 0, "0%");
  is("54203", 54202.5, 54203, "0");

  EXPECT_FALSE(num("<5", std::nullopt));
  EXPECT_FALSE(num("<5", 3.0));  // defensive: a suppressed figure never goes in as a number
  EXPECT_FALSE(num("No Calc", 0.0));
  EXPECT_FALSE(num("+32% (+677)", 32.0));
  EXPECT_FALSE(num("+ 11.3%", 11.3));
  EXPECT_FALSE(num("1234†", 1234.0));
  EXPECT_FALSE(num("1234", std::nullopt));
  EXPECT_FALSE(num("12", 13.0));       // the text does not print this value
  EXPECT_FALSE(num("32%", 0.32));      // src/table keeps percent cells in percent units
  EXPECT_FALSE(num("12,34", 1234.0));
  EXPECT_FALSE(num("1,2345", 12345.0));
  EXPECT_FALSE(num("1,", 1.0));
  EXPECT_FALSE(num("007", 7.0));
  EXPECT_FALSE(num("-0", 0.0));
  EXPECT_FALSE(num("1.", 1.0));
  EXPECT_FALSE(num(".5", 0.5));
  EXPECT_FALSE(num("-", 0.0));
  EXPECT_FALSE(num("", 0.0));
  EXPECT_FALSE(num("yes, p=0.003", 0.003));
  EXPECT_FALSE(num("1234567890123456", 1234567890123456.0));  // beyond Excel's 15 digits
}

}  // namespace
}  // namespace csa::document
