// The whole report stage on the synthetic world (tests/fixtures/tables/README.md): analyse ->
// recommend -> build_report -> run_self_checks -> write_report. The figures the text quotes are
// checked against counts worked out by hand from the world, and the self-checks must pass on what
// the report builds itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "report/analysis.hpp"
#include "report/build_report.hpp"
#include "report/classification.hpp"
#include "report/self_checks.hpp"
#include "report/write_report.hpp"
#include "report_test_world.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {
namespace {

namespace fs = std::filesystem;
namespace tw = csa::testworld;
using period::Month;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct Built {
  ReportConfig config;
  Analysis analysis;
  Recommendations recommendations;
  BuiltReport report;
};

class ReportBuild : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = new testing::LoadedWorld; }
  static void TearDownTestSuite() { delete world_; }

  static std::unique_ptr<Built> build(const char* code, std::int64_t suppress_under = 5) {
    auto b = std::make_unique<Built>();
    b->config = testing::config_for(world_->geo->area(world_->area(code)).name);
    b->config.suppress_under = suppress_under;
    b->analysis = analyse(*world_->cube, taxonomy::default_taxonomy(), world_->area(code), Month(2025, 12), 2,
                          world_->placed->months_loaded, b->config.classification.trend_min_years);
    b->recommendations = recommend(b->analysis, b->config);
    ReportInputs in;
    in.config = &b->config;
    in.analysis = &b->analysis;
    in.recommendations = &b->recommendations;
    in.store = world_->world.store.get();
    in.months_loaded = world_->placed->months_loaded;
    in.generated_on = "1 January 2026";
    b->report = build_report(in);
    b->report.document.number();
    return b;
  }
  static SelfCheckReport checks(const Built& b) {
    return run_self_checks(b.report.document, b.report.claims, taxonomy::default_taxonomy(), b.config.suppress_under);
  }
  static std::string failures(const SelfCheckReport& r) {
    std::string s;
    for (const auto& f : r.failures) s += "  " + f.check + ": " + f.detail + "\n";
    return s;
  }
  static std::string paragraphs(const document::Document& d) {
    std::string s;
    for (const auto& b : d.blocks) {
      if (const auto* p = std::get_if<document::Paragraph>(&b)) s += p->text + "\n";
      if (const auto* l = std::get_if<document::BulletList>(&b)) {
        for (const auto& i : l->items) s += i + "\n";
      }
    }
    return s;
  }
  static const table::Table* table_of(const document::Document& d, const std::string& id) {
    for (const auto& b : d.blocks) {
      if (const auto* t = std::get_if<document::TableBlock>(&b); t != nullptr && t->id == id) return &t->table;
    }
    return nullptr;
  }
  static const table::Cell* cell(const table::Table& t, const std::string& row, const std::string& key) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].key != key) continue;
      for (const auto& r : t.rows) {
        if (r.cells[0].text == row) return &r.cells[c];
      }
    }
    return nullptr;
  }
  static inline testing::LoadedWorld* world_ = nullptr;
};

TEST_F(ReportBuild, BetabyPassesItsSelfChecks) {
  auto b = build(tw::kBetaby);
  auto r = checks(*b);
  EXPECT_TRUE(r.ok()) << failures(r);
  EXPECT_EQ(r.passed.size(), 6u);  // Betaby's wards lie partly outside Great Britain: no hot-spot map
  EXPECT_GT(b->report.claims.all().size(), 5u);
}

// Hot spots in the synthetic world, worked by hand: every placed incident sits at its ward's centre,
// so a theme's incidents fill one cell per ward. Alphaton's wards are three squares of 1° × 1° at
// latitude 52–53 (each about 67.8 km × 111.2 km = 7,540 km²), so the report's cells are 2 km
// (111 km / 50 rounded down) and the grid is clipped to the squares. All crime in 2025 puts 196
// incidents at Castle's centre, 138 at Abbey's and 17 at Market's: 351 incidents over some 5,700
// cells of 2 km is far too sparse for Gi* (an average neighbourhood of 9 cells holds 0.6, under the
// 5 needed), and so are 2.5 km (0.9) and 5 km (~905 cells: 3.5), so the cells grow to 10 km:
// 22,620 km² / 100 km² = 226 cells, 9 × 351 / 226 = 14. Then x̄ = 351/226 = 1.5531,
// Σx² = 196² + 138² + 17² = 57,749, s = √(57,749/226 − x̄²) = 15.910, and the denominator of a
// cell with 9 neighbours is s √((226·9 − 81)/225) = 46.873. A cell whose neighbourhood holds
// Castle's 196 has Gi* = (196 − 9 x̄) / 46.873 = 3.88 (p = 1.0e-4; × 226/9 after Benjamini–Hochberg
// = 0.0026: hot at 99%); Abbey's 138 gives 2.646 (p = 0.0081; × 226/18 = 0.102: just not hot at
// 90%); Market's 17 gives 0.06. So 9 hot cells, all at 99%, all in Castle. Burglary (116) is too
// sparse even at 10 km (9 × 116 / 226 = 4.6) and 20 km is more than a tenth of the shorter side:
// no map. Shoplifting (36 located) is under 50.
TEST_F(ReportBuild, HotSpotMapsAndTheirTableMatchTheHandWorkedGrid) {
  auto b = build(tw::kAlphaton);
  const auto& d = b->report.document;
  const table::Table* t = table_of(d, "tbl-all_crime-hotspots");
  ASSERT_NE(t, nullptr);
  // -1 when the row or column is missing, so a missing row fails rather than crashes.
  auto v = [&](const char* row, const char* key) {
    const auto* c = cell(*t, row, key);
    return c != nullptr && c->value ? *c->value : -1.0;
  };
  EXPECT_EQ(v("Castle", "hot_99"), 9.0);
  EXPECT_EQ(v("Castle", "hot_cells"), 9.0);
  EXPECT_EQ(v("Castle", "hot_95"), 0.0);
  EXPECT_EQ(cell(*t, "Abbey", "hot_cells"), nullptr);  // no hot cell: not listed
  EXPECT_EQ(cell(*t, "Market", "hot_cells"), nullptr);
  EXPECT_EQ(v("Alphaton", "hot_cells"), 9.0);
  EXPECT_EQ(v("Alphaton", "hot_99"), 9.0);
  const std::string text = paragraphs(d);
  EXPECT_TRUE(contains(text, "of the 226 grid cells of 10 km in the district (coarser than the report's 2 km, so that a "
                             "cell's neighbourhood holds 5 incidents or more on average), 9 are hot spots at 90% "
                             "confidence or more (9 at 99%), most of them in Castle (9)"))
      << text;
  EXPECT_EQ(table_of(d, "tbl-burglary-hotspots"), nullptr);
  EXPECT_TRUE(contains(text, "Burglary offences in Alphaton in YE December 2025 are too sparse for a hot-spot map")) << text;
  // Too few located: a sentence, no map, no table.
  EXPECT_TRUE(contains(text, "Fewer than 50 shoplifting offences in Alphaton in YE December 2025 have a location")) << text;
  bool shoplifting_map = false, all_crime_map = false;
  for (const auto& block : d.blocks) {
    if (const auto* f = std::get_if<document::FigureBlock>(&block)) {
      shoplifting_map |= f->id == "fig-shoplifting-hotspots";
      if (f->id == "fig-all_crime-hotspots") {
        all_crime_map = true;
        EXPECT_TRUE(contains(f->caption, "Benjamini")) << f->caption;
        EXPECT_TRUE(contains(f->caption, "on 10 km grid cells")) << f->caption;
        EXPECT_TRUE(contains(f->svg, "class=\"cell\"")) << "no cells drawn";
      }
    }
  }
  EXPECT_FALSE(shoplifting_map);
  EXPECT_TRUE(all_crime_map);
  // The claims are checked: a wrong hot-cell count in the text fails the self-checks.
  auto r = checks(*b);
  EXPECT_TRUE(r.ok()) << failures(r);
  Claims claims = b->report.claims;
  claims.add({"19", "tbl-all_crime-hotspots", "Alphaton", "hot_cells", 19});
  auto bad = run_self_checks(d, claims, taxonomy::default_taxonomy(), 5);
  EXPECT_FALSE(bad.ok());
}

TEST_F(ReportBuild, AHotSpotTableThatDoesNotAddUpFailsTheSelfChecks) {
  auto b = build(tw::kAlphaton);
  for (auto& block : b->report.document.blocks) {
    if (auto* t = std::get_if<document::TableBlock>(&block); t != nullptr && t->id == "tbl-all_crime-hotspots") {
      t->table.rows.front().cells[1].value = 8.0;  // Abbey's 99% column no longer adds up
    }
  }
  auto r = checks(*b);
  ASSERT_FALSE(r.ok());
  bool named = false;
  for (const auto& f : r.failures) named |= f.check == "hot-spot tables add up";
  EXPECT_TRUE(named) << failures(r);
}

TEST_F(ReportBuild, AlphatonWithoutSuppressionPassesItsSelfChecks) {
  auto b = build(tw::kAlphaton, 0);
  auto r = checks(*b);
  EXPECT_TRUE(r.ok()) << failures(r);
}

TEST_F(ReportBuild, TheExecutiveSummaryQuotesTheHandCountedFigures) {
  auto b = build(tw::kAlphaton);
  const std::string text = paragraphs(b->report.document);
  // All crime in Alphaton: 303 in 2024, 351 in 2025: +48 = +15.8% -> 16%; binom.test(351, 654)
  // p = 0.066, not significant.
  EXPECT_TRUE(contains(text, "Police recorded 351 crimes in Alphaton in YE December 2025; crime increased by 16% "
                             "(+48 offences) compared with YE December 2024."))
      << text.substr(0, 2000);
  EXPECT_TRUE(contains(text, "(p=0.066)")) << text.substr(0, 2000);
  // Burglary 113 -> 116: +2.7% -> 3%; binom.test(116, 229) p = 0.895.
  EXPECT_TRUE(contains(text, "**Burglary**: 116 offences in YE December 2025, which increased by 3% (+3 offences) compared "
                             "with YE December 2024, within normal variation (p=0.895)"))
      << text;
  // Shares: burglary 116 / 351 = 33.05%.
  EXPECT_TRUE(contains(text, "33.0% of all crime") || contains(text, "33% of all crime")) << text;
  // The overview table agrees with the hand count.
  const table::Table* ov = table_of(b->report.document, "tbl-overview");
  ASSERT_NE(ov, nullptr);
  ASSERT_NE(cell(*ov, "All crime", "count_2025"), nullptr);
  EXPECT_EQ(cell(*ov, "All crime", "count_2025")->value, 351.0);
  EXPECT_EQ(cell(*ov, "All crime", "count_2024")->value, 303.0);
  EXPECT_EQ(cell(*ov, "Burglary", "count_2025")->value, 116.0);
  // The title page.
  EXPECT_EQ(b->report.document.meta.title, "Community Safety Strategic Assessment: Alphaton");
  EXPECT_EQ(b->report.document.meta.subtitle, "Alphaton: YE December 2025");
}

TEST_F(ReportBuild, EveryClaimIsRegisteredWithTheNumberTheTextPrints) {
  auto b = build(tw::kBetaby);
  const std::string text = paragraphs(b->report.document);
  bool all_crime_count = false;
  for (const auto& c : b->report.claims.all()) {
    EXPECT_TRUE(contains(text, c.printed)) << "claim '" << c.printed << "' is not in the text";
    if (c.table_id == "tbl-overview" && c.row == "All crime" && c.column == "count_2025") {
      all_crime_count = true;
      EXPECT_EQ(c.value, 75.0);  // Market (Betaby): burglary 45 + violence 30
      EXPECT_EQ(c.printed, "75");
    }
  }
  EXPECT_TRUE(all_crime_count);
}

// The claims whose cited cell prints no number (suppressed "<5", secondary "[c]" or missing), for
// tables whose id matches `table_id` (all tables when empty).
std::vector<std::string> hidden_claims(const BuiltReport& r, const std::string& table_id = {}) {
  std::vector<std::string> out;
  for (const auto& c : r.claims.all()) {
    if (!table_id.empty() && c.table_id != table_id) continue;
    const table::Table* t = nullptr;
    for (const auto& b : r.document.blocks) {
      if (const auto* tb = std::get_if<document::TableBlock>(&b); tb != nullptr && tb->id == c.table_id) t = &tb->table;
    }
    std::string shows = "(no such cell)";
    if (t != nullptr) {
      for (std::size_t k = 0; k < t->columns.size(); ++k) {
        if (t->columns[k].key != c.column) continue;
        for (const auto& row : t->rows) {
          if (row.cells[0].text == c.row) shows = row.cells[k].value ? std::string() : row.cells[k].text;
        }
      }
    }
    if (!shows.empty()) out.push_back("'" + c.printed + "' cites " + c.table_id + " / " + c.row + " / " + c.column + ", which shows '" + shows + "'");
  }
  return out;
}

std::string lines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "  " + x + "\n";
  return s;
}

// With the default threshold the Alphaton report must pass its own checks too.
TEST_F(ReportBuild, AlphatonWithSuppressionPassesItsSelfChecks) {
  auto b = build(tw::kAlphaton);
  auto r = checks(*b);
  EXPECT_TRUE(r.ok()) << failures(r);
}

// Robbery 2025 in Alphaton: Castle 9, Abbey 7, Market 2 (<5), total 18. Secondary suppression hides
// Abbey's 7 (and its rate) as [c]; the text must not then print "Abbey (7, 3.5 per 1,000 residents)".
TEST_F(ReportBuild, TextNeverQuotesASecondarySuppressedWardCount) {
  auto b = build(tw::kAlphaton);
  const table::Table* t = table_of(b->report.document, "tbl-robbery-wards");
  ASSERT_NE(t, nullptr);
  ASSERT_NE(cell(*t, "Abbey", "count_2025"), nullptr);
  EXPECT_EQ(cell(*t, "Abbey", "count_2025")->text, "[c]");  // the table side is right
  auto hidden = hidden_claims(b->report, "tbl-robbery-wards");
  EXPECT_TRUE(hidden.empty()) << lines(hidden);
}

// Drugs 2025 in Alphaton: one offence (Castle). The overview table suppresses district counts under
// 5 as well ("<5"), so the key findings may not say "1 offence".
TEST_F(ReportBuild, TextNeverQuotesADistrictCountTheOverviewSuppresses) {
  auto b = build(tw::kAlphaton);
  const table::Table* ov = table_of(b->report.document, "tbl-overview");
  ASSERT_NE(ov, nullptr);
  ASSERT_NE(cell(*ov, "Drugs", "count_2025"), nullptr);
  EXPECT_EQ(cell(*ov, "Drugs", "count_2025")->text, "<5");
  auto hidden = hidden_claims(b->report, "tbl-overview");
  EXPECT_TRUE(hidden.empty()) << lines(hidden);
}

// Drugs 2025 in Alphaton: Castle 1 (<5), Abbey 0, Market 0. No other ward has a count to hide, so a
// printed total of 1 would give the count away; the total must be hidden too.
TEST_F(ReportBuild, ALoneSmallCountIsNotGivenAwayByItsTotal) {
  auto b = build(tw::kAlphaton);
  const table::Table* t = table_of(b->report.document, "tbl-drugs-wards");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(cell(*t, "Castle", "count_2025")->text, "<5");
  const table::Cell* total = cell(*t, "Alphaton (total)", "count_2025");
  ASSERT_NE(total, nullptr);
  EXPECT_NE(total->text, "1");
  EXPECT_FALSE(total->value);
  auto r = checks(*b);
  for (const auto& f : r.failures) EXPECT_NE(f.check, "suppression") << f.detail;
}

// report_config.hpp and examples/cambridge/csa.toml say the area may be a district or a county, and
// analyse() accepts a county: Testshire's report is built and passes its checks (no suppression, so
// the small-count slips above do not interfere). All crime in Testshire: 303 + 75 = 378 in 2024,
// 351 + 75 = 426 in 2025.
TEST_F(ReportBuild, ACountyReportIsBuilt) {
  auto b = build(tw::kCounty, 0);
  auto r = checks(*b);
  EXPECT_TRUE(r.ok()) << failures(r);
  EXPECT_TRUE(contains(paragraphs(b->report.document), "Police recorded 426 crimes in Testshire in YE December 2025"));
}

TEST_F(ReportBuild, WriteReportWritesTheFilesAndTheChecks) {
  auto b = build(tw::kBetaby);
  tw::TempDir dir;
  const std::string out = (dir.path() / "out").string();
  OutputOptions o;
  o.pdf = false;
  o.docx = false;
  std::vector<std::string> steps;
  auto written = write_report(b->report.document, b->report.claims, taxonomy::default_taxonomy(), 5, out, o,
                              [&](const std::string& s) { steps.push_back(s); });
  EXPECT_TRUE(written.checks.ok());
  EXPECT_TRUE(fs::exists(fs::path(out) / "report.html"));
  EXPECT_TRUE(fs::exists(fs::path(out) / "tables.xlsx"));
  EXPECT_FALSE(fs::exists(fs::path(out) / "report.pdf"));
  EXPECT_FALSE(fs::exists(fs::path(out) / "report.docx"));
  std::size_t svg = 0, png = 0;
  for (const auto& e : fs::directory_iterator(fs::path(out) / "figures")) {
    if (e.path().extension() == ".svg") ++svg;
    if (e.path().extension() == ".png") {
      ++png;
      EXPECT_GT(fs::file_size(e.path()), 100u) << e.path();
    }
  }
  EXPECT_GT(svg, 0u);
  EXPECT_EQ(svg, png);
  std::ifstream in(fs::path(out) / "self-checks.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string checks_txt = ss.str();
  EXPECT_EQ(checks_txt.rfind("Self-checks passed:\n", 0), 0u) << checks_txt;
  std::size_t lines = 0;
  for (std::size_t p = checks_txt.find("\n  - "); p != std::string::npos; p = checks_txt.find("\n  - ", p + 1)) ++lines;
  EXPECT_EQ(lines, 6u) << checks_txt;
  EXPECT_EQ(steps.front(), "self-checks");
  // The HTML says what the text says.
  std::ifstream h(fs::path(out) / "report.html");
  std::stringstream hs;
  hs << h.rdbuf();
  EXPECT_TRUE(contains(hs.str(), "Police recorded 75 crimes in Betaby")) << "report.html lacks the summary";
}

TEST_F(ReportBuild, AFailedSelfCheckWritesNothing) {
  auto b = build(tw::kBetaby);
  Claims tampered = b->report.claims;
  tampered.add({"76", "tbl-overview", "All crime", "count_2025", 76});
  tw::TempDir dir;
  const fs::path out = dir.path() / "out";
  OutputOptions o;
  o.pdf = false;
  o.docx = false;
  try {
    write_report(b->report.document, tampered, taxonomy::default_taxonomy(), 5, out.string(), o, [](const std::string&) {});
    FAIL() << "a failed self-check must stop the report";
  } catch (const InternalError& e) {
    EXPECT_TRUE(contains(e.what(), "failed 1 self-check(s); nothing was written")) << e.what();
    EXPECT_TRUE(contains(e.what(), "'76'")) << e.what();
  }
  EXPECT_FALSE(fs::exists(out / "report.html"));
  EXPECT_FALSE(fs::exists(out / "self-checks.txt"));
}

}  // namespace
}  // namespace csa::report

