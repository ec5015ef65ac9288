// table renderers: text (aligned columns, code-point widths), CSV (RFC 4180 quoting), Markdown
// (escaped pipes, bold totals), JSON (numbers with a _text companion, total_row), and parse_format.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "table/area_tables.hpp"
#include "table/table.hpp"

namespace csa::table {
namespace {
namespace tw = csa::testworld;

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A fixed table: every column has a value in every row, so every line of the body is as wide.
Table sample() {
  Table t;
  t.title = "Crime | by ward, 2025";
  t.columns = {{"ward", "Ward", Align::left},
               {"count_2025", "2025", Align::right},
               {"change_1y", "Change", Align::right},
               {"rate", "Rate per 1,000", Align::right}};
  t.rows.push_back(
      {{{"Cambridge, City", std::nullopt}, {"1234", 1234.0}, {"+32% (+677)", 32.4}, {"12.5", 12.5}}, RowKind::body});
  t.rows.push_back(
      {{{"Say \"hi\"", std::nullopt}, {"<5", std::nullopt}, {"-", std::nullopt}, {"-", std::nullopt}}, RowKind::body});
  t.rows.push_back({{{"Pipe|Ward", std::nullopt}, {"7†", 7.0}, {"not comparable", std::nullopt}, {"n/a", std::nullopt}},
                    RowKind::body});
  t.rows.push_back(
      {{{"All (total)", std::nullopt}, {"1241", 1241.0}, {"–", std::nullopt}, {"12.4", 12.4}}, RowKind::total});
  t.notes = {"A note with | pipe", "Source: x"};
  return t;
}

TEST(TableRenderText, ColumnsAlignedAndEveryBodyLineAsWide) {
  std::string out = render_text(sample());
  auto ls = lines(out);
  // title, blank, header, rule, 3 rows, rule, total, blank, 2 notes
  ASSERT_EQ(ls.size(), 12u) << out;
  EXPECT_EQ(ls[0], "Crime | by ward, 2025");
  EXPECT_EQ(ls[1], "");
  // Widths: Ward 15 ("Cambridge, City"), 2025 4, Change 14 ("not comparable"), Rate 14 (its title).
  const std::size_t width = 15 + 2 + 4 + 2 + 14 + 2 + 14;
  for (std::size_t i = 2; i <= 8; ++i) EXPECT_EQ(code_points(ls[i]), width) << "line " << i << ": '" << ls[i] << "'";
  EXPECT_EQ(ls[2], "Ward             2025          Change  Rate per 1,000");
  EXPECT_EQ(ls[3], std::string(width, '-'));
  EXPECT_EQ(ls[4], "Cambridge, City  1234     +32% (+677)            12.5");
  EXPECT_EQ(ls[5], "Say \"hi\"           <5               -               -");
  // "7†" is two code points wide, so it takes two spaces of padding.
  EXPECT_EQ(ls[6], "Pipe|Ward          7†  not comparable             n/a");
  EXPECT_EQ(ls[7], std::string(width, '-'));  // a rule before the first total row
  EXPECT_EQ(ls[8], "All (total)      1241               –            12.4");
  EXPECT_EQ(ls[9], "");
  EXPECT_EQ(ls[10], "Note: A note with | pipe");
  EXPECT_EQ(ls[11], "Note: Source: x");
  EXPECT_EQ(out.back(), '\n');
}

TEST(TableRenderText, TrailingBlanksAreTrimmedAndShortRowsPadded) {
  Table t;
  t.title = "T";
  t.columns = {{"a", "A", Align::left}, {"b", "Bee", Align::left}};
  t.rows.push_back({{{"xx", std::nullopt}, {"", std::nullopt}}, RowKind::body});
  t.rows.push_back({{{"y", std::nullopt}}, RowKind::body});  // fewer cells than columns
  auto ls = lines(render_text(t));
  ASSERT_EQ(ls.size(), 6u);
  EXPECT_EQ(ls[2], "A   Bee");
  EXPECT_EQ(ls[3], "-------");
  EXPECT_EQ(ls[4], "xx");
  EXPECT_EQ(ls[5], "y");
}

TEST(TableRenderCsv, QuotesCommasQuotesAndNewlines) {
  std::string out = render_csv(sample());
  EXPECT_EQ(out,
            "ward,count_2025,change_1y,rate\n"
            "\"Cambridge, City\",1234,+32% (+677),12.5\n"
            "\"Say \"\"hi\"\"\",<5,-,-\n"
            "Pipe|Ward,7†,not comparable,n/a\n"
            "All (total),1241,–,12.4\n");
  Table t;
  t.columns = {{"a,b", "A", Align::left}, {"c", "C", Align::left}};
  t.rows.push_back({{{"line one\nline two", std::nullopt}, {"cr\rhere", std::nullopt}}, RowKind::body});
  t.rows.push_back({{{"only one cell", std::nullopt}}, RowKind::body});
  EXPECT_EQ(render_csv(t), "\"a,b\",c\n\"line one\nline two\",\"cr\rhere\"\nonly one cell,\n");
}

TEST(TableRenderMarkdown, EscapesPipesAndBoldsTotals) {
  std::string out = render_markdown(sample());
  EXPECT_EQ(out,
            "**Crime \\| by ward, 2025**\n"
            "\n"
            "| Ward | 2025 | Change | Rate per 1,000 |\n"
            "| :--- | ---: | ---: | ---: |\n"
            "| Cambridge, City | 1234 | +32% (+677) | 12.5 |\n"
            "| Say \"hi\" | <5 | - | - |\n"
            "| Pipe\\|Ward | 7† | not comparable | n/a |\n"
            "| **All (total)** | **1241** | **–** | **12.4** |\n"
            "\n"
            "- A note with \\| pipe\n"
            "- Source: x\n");
}

TEST(TableRenderJson, IntegerCountsWithTextCompanionAndTotalRow) {
  std::string out = render_json(sample());
  EXPECT_EQ(out.back(), '\n');
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["title"], "Crime | by ward, 2025");
  ASSERT_EQ(j["columns"].size(), 4u);
  EXPECT_EQ(j["columns"][1]["key"], "count_2025");
  EXPECT_EQ(j["columns"][1]["title"], "2025");
  ASSERT_EQ(j["rows"].size(), 4u);
  const auto& r0 = j["rows"][0];
  EXPECT_TRUE(r0["count_2025"].is_number_integer());
  EXPECT_EQ(r0["count_2025"].get<std::int64_t>(), 1234);
  EXPECT_EQ(r0["count_2025_text"], "1234");
  EXPECT_TRUE(r0["change_1y"].is_number_float());
  EXPECT_DOUBLE_EQ(r0["change_1y"].get<double>(), 32.4);
  EXPECT_EQ(r0["change_1y_text"], "+32% (+677)");
  EXPECT_EQ(r0["ward"], "Cambridge, City");
  EXPECT_FALSE(r0.contains("ward_text"));
  EXPECT_EQ(r0["total_row"], false);
  // A suppressed count is its text alone.
  const auto& r1 = j["rows"][1];
  EXPECT_EQ(r1["count_2025"], "<5");
  EXPECT_FALSE(r1.contains("count_2025_text"));
  // A marked count keeps its number; the mark stays in the text.
  EXPECT_EQ(j["rows"][2]["count_2025"].get<std::int64_t>(), 7);
  EXPECT_EQ(j["rows"][2]["count_2025_text"], "7†");
  EXPECT_EQ(j["rows"][3]["total_row"], true);
  EXPECT_EQ(j["rows"][3]["count_2025"].get<std::int64_t>(), 1241);
  EXPECT_EQ(j["notes"], (nlohmann::json{"A note with | pipe", "Source: x"}));
}

TEST(TableRenderJson, KeysFollowTheColumnOrder) {
  auto j = nlohmann::ordered_json::parse(render_json(sample()));
  std::vector<std::string> keys;
  for (auto it = j["rows"][0].begin(); it != j["rows"][0].end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"ward", "count_2025", "count_2025_text", "change_1y", "change_1y_text",
                                            "rate", "rate_text", "total_row"}));
  std::vector<std::string> top;
  for (auto it = j.begin(); it != j.end(); ++it) top.push_back(it.key());
  EXPECT_EQ(top, (std::vector<std::string>{"title", "columns", "rows", "notes"}));
}

TEST(TableRenderFormat, ParseFormatNamesAndDispatch) {
  EXPECT_EQ(parse_format("text"), Format::text);
  EXPECT_EQ(parse_format("table"), Format::text);
  EXPECT_EQ(parse_format("csv"), Format::csv);
  EXPECT_EQ(parse_format("markdown"), Format::markdown);
  EXPECT_EQ(parse_format("md"), Format::markdown);
  EXPECT_EQ(parse_format("json"), Format::json);
  try {
    parse_format("xlsx");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("'xlsx'"), std::string::npos) << msg;
    for (const char* f : {"text", "csv", "markdown", "json"}) EXPECT_NE(msg.find(f), std::string::npos) << msg;
  }
  EXPECT_THROW(parse_format("CSV"), InputError);  // names are exact
  EXPECT_THROW(parse_format(""), InputError);
  Table t = sample();
  EXPECT_EQ(render(t, Format::text), render_text(t));
  EXPECT_EQ(render(t, Format::csv), render_csv(t));
  EXPECT_EQ(render(t, Format::markdown), render_markdown(t));
  EXPECT_EQ(render(t, Format::json), render_json(t));
}

// The renderers on a real ward table from the synthetic world.
class TableRenderWardTable : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new tw::World;
    geo_ = new dataset::Geography(dataset::Geography::from_store(*world_->store));
    auto inc = dataset::place_incidents(*world_->store, *geo_, dataset::Assignment::lsoa_best_fit);
    cube_ = new cube::Cube(cube::Cube::build(inc, *geo_));
    AreaTableRequest r;
    r.area = geo_->find_code(tw::kAlphaton);
    r.windows = period::years_back(period::Month(2025, 12), 2);
    r.months_loaded = inc.months_loaded;
    table_ = new Table(ward_table(*cube_, taxonomy::default_taxonomy().resolve("burglary"), r));
  }
  static void TearDownTestSuite() {
    delete table_;
    delete cube_;
    delete geo_;
    delete world_;
  }
  static inline tw::World* world_ = nullptr;
  static inline dataset::Geography* geo_ = nullptr;
  static inline cube::Cube* cube_ = nullptr;
  static inline Table* table_ = nullptr;
};

TEST_F(TableRenderWardTable, TextBodyLinesAreAsWideAsTheHeader) {
  auto ls = lines(render_text(*table_));
  // title, blank, header, rule, Castle, Abbey, Market, rule, total, blank, notes…
  ASSERT_GT(ls.size(), 9u);
  const std::size_t width = code_points(ls[2]);
  for (std::size_t i = 3; i <= 7; ++i) EXPECT_EQ(code_points(ls[i]), width) << "line " << i << ": '" << ls[i] << "'";
  EXPECT_EQ(ls[4].rfind("Castle", 0), 0u) << ls[4];
  EXPECT_EQ(ls[8].rfind("Alphaton (total)", 0), 0u) << ls[8];
  // The total row's empty rank is trimmed, not padded.
  EXPECT_LT(code_points(ls[8]), width);
  EXPECT_EQ(ls[8].back(), '9');  // ... 21.9
}

TEST_F(TableRenderWardTable, JsonCarriesNumbersTextsAndTheTotalRow) {
  auto j = nlohmann::json::parse(render_json(*table_));
  ASSERT_EQ(j["rows"].size(), 4u);
  const auto& castle = j["rows"][0];
  EXPECT_EQ(castle["ward"], "Castle");
  EXPECT_EQ(castle["ward_code"], "E05000001");
  EXPECT_TRUE(castle["count_2025"].is_number_integer());
  EXPECT_EQ(castle["count_2025"].get<std::int64_t>(), 66);
  EXPECT_EQ(castle["count_2025_text"], "66");
  EXPECT_EQ(castle["change_1y"].get<std::int64_t>(), 32);  // exactly 32%: an integer
  EXPECT_EQ(castle["change_1y_text"], "+32% (+16)");
  EXPECT_DOUBLE_EQ(castle["rate_per_1000"].get<double>(), 26.4);
  EXPECT_EQ(castle["rate_per_1000_text"], "26.4");
  EXPECT_EQ(castle["rank"].get<std::int64_t>(), 1);
  EXPECT_EQ(castle["total_row"], false);
  const auto& market = j["rows"][2];
  EXPECT_EQ(market["count_2024"], "<5");
  EXPECT_EQ(market["change_1y"], "-");
  const auto& total = j["rows"][3];
  EXPECT_EQ(total["total_row"], true);
  EXPECT_EQ(total["count_2025"].get<std::int64_t>(), 116);
  EXPECT_EQ(total["rank"], "");
  bool ogl = false;
  for (const auto& n : j["notes"])
    ogl = ogl || n.get<std::string>().find("Open Government Licence v3.0") != std::string::npos;
  EXPECT_TRUE(ogl);
}

TEST_F(TableRenderWardTable, CsvAndMarkdownOfTheWardTable) {
  auto csv = lines(render_csv(*table_));
  ASSERT_EQ(csv.size(), 5u);
  EXPECT_EQ(csv[0], "ward,ward_code,count_2024,count_2025,change_1y,rate_per_1000,rank");
  EXPECT_EQ(csv[1], "Castle,E05000001,50,66,+32% (+16),26.4,1");
  EXPECT_EQ(csv[3], "Market,E05000003,<5,5,-,6.3,3");
  EXPECT_EQ(csv[4], "Alphaton (total),E07000901,113,116,+3% (+3),21.9,");
  auto md = lines(render_markdown(*table_));
  ASSERT_GT(md.size(), 7u);
  EXPECT_EQ(md[0], "**Burglary by ward in Alphaton, 2024 to 2025 (YE December 2025)**");
  EXPECT_EQ(md[2], "| Ward | Code | 2024 | 2025 | Change 2024 to 2025 | Rate per 1,000 | Rank |");
  EXPECT_EQ(md[3], "| :--- | :--- | ---: | ---: | ---: | ---: | ---: |");
  EXPECT_EQ(md[7], "| **Alphaton (total)** | **E07000901** | **113** | **116** | **+3% (+3)** | **21.9** |  |");
}

}  // namespace
}  // namespace csa::table
