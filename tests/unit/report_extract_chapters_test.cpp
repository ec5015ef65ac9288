// The report chapters local extracts enable (src/report/extract_chapters.hpp), on the synthetic world
// of the report tests with the 240-row crime extract of tests/fixtures/extract_analysis loaded as a
// synthetic batch. District Alphaton; the extract ends in September 2025, so the chapters describe
// the year ending September 2025 against the year before.
//
// Expected figures, independently of csa:
//  - tests/fixtures/extract_analysis/expected.csv (make_fixture.py, plain Python): victim pyramid
//    cells (people: each victim id once, at its first crime in the period) and reporting-lag bands.
//  - computed with python3 from crimes.csv and the Home Office code list's offence_group column
//    (/work/shared/data/taxonomy/home-office-offence-codes-2024-25.csv), selecting rows of Alphaton
//    (ward E05000001-3, or LSOA E01000001-5) recorded 2024-10-01..2025-09-30 (earlier year:
//    2023-10-01..2024-09-30):
//      violence against the person 18 (earlier 17); sexual offences 7; domestic abuse marker ('D')
//      in All crime (fraud codes left out) 28, of which in VAP 8; hate marker ('H') on any crime 7.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "extract/date_format.hpp"
#include "report/analysis.hpp"
#include "report/build_report.hpp"
#include "report/classification.hpp"
#include "report/extract_chapters.hpp"
#include "report/self_checks.hpp"
#include "report_test_world.hpp"
#include "table/lookup.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {
namespace {

namespace tw = csa::testworld;
// Rows of the hierarchy tables, by their label (the report drops the id column and indents the label by
// its depth through the cell style, not with spaces).
const std::string kVap = "Violence against the person";
const std::string kDir = std::string(CSA_FIXTURES_DIR) + "/extract_analysis/";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, ',')) out.push_back(f);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

std::int32_t day_of(const std::string& iso) {
  return extract::days_from_civil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

extract::Sex sex_of(const std::string& s) {
  return s == "F" ? extract::Sex::female : s == "M" ? extract::Sex::male : extract::Sex::unknown;
}

// crimes.csv as records (the columns of make_fixture.py).
std::vector<extract::Record> fixture_crimes() {
  std::vector<extract::Record> out;
  std::ifstream in(kDir + "crimes.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto f = split(line);
    f.resize(15);
    extract::Record r;
    r.line = std::stoll(f[0]);
    r.ward_code = f[1];
    r.lsoa_code = f[2];
    r.recorded_day = day_of(f[3]);
    if (!f[4].empty()) r.start_day = day_of(f[4]);
    r.start_minute = static_cast<std::int16_t>(std::stoi(f[5]));
    r.code = f[6];
    r.victim_age = static_cast<std::int16_t>(std::stoi(f[7]));
    r.victim_sex = sex_of(f[8]);
    r.offender_age = static_cast<std::int16_t>(std::stoi(f[9]));
    r.offender_sex = sex_of(f[10]);
    r.victim_id = f[11];
    r.offender_id = f[12];
    if (f[13].find('D') != std::string::npos) r.markers |= extract::marker_domestic_abuse;
    if (f[13].find('H') != std::string::npos) r.markers |= extract::marker_hate;
    r.free_text = f[14];
    out.push_back(r);
  }
  return out;
}

std::map<std::string, std::int64_t> expected() {
  std::map<std::string, std::int64_t> out;
  std::ifstream in(kDir + "expected.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto comma = line.find(',');
    const std::string v = line.substr(comma + 1);
    if (!v.empty() && v.back() != '%') out[line.substr(0, comma)] = std::stoll(v);
  }
  return out;
}

struct Built {
  ReportConfig config;
  Analysis analysis;
  Recommendations recommendations;
  BuiltReport report;
};

class ReportExtractChapters : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new testing::LoadedWorld;
    store::ExtractBatchInfo info;
    info.kind = "crime";
    info.source = "fixture force";
    info.file_name = "crimes.csv";
    info.synthetic = true;
    info.content_hash = "fixture";
    info.rows_read = info.rows_stored = 240;
    world_->world.store->write_extract_batch(info, fixture_crimes(), {});
    built_ = build(world_->world.store.get()).release();
  }
  static void TearDownTestSuite() {
    delete built_;
    delete world_;
  }

  static std::unique_ptr<Built> build(const store::Store* store) {
    auto b = std::make_unique<Built>();
    b->config = testing::config_for(world_->geo->area(world_->area(tw::kAlphaton)).name);
    b->config.suppress_under = 5;
    b->analysis = analyse(*world_->cube, taxonomy::default_taxonomy(), world_->area(tw::kAlphaton), period::Month(2025, 12), 2,
                          world_->placed->months_loaded, b->config.classification.trend_min_years);
    b->recommendations = recommend(b->analysis, b->config);
    ReportInputs in;
    in.config = &b->config;
    in.analysis = &b->analysis;
    in.recommendations = &b->recommendations;
    in.store = store;
    in.months_loaded = world_->placed->months_loaded;
    in.generated_on = "1 January 2026";
    b->report = build_report(in);
    b->report.document.number();
    return b;
  }

  static const document::Document& doc() { return built_->report.document; }
  // The blocks of one chapter: from its heading to the next level-1 heading.
  static std::vector<const document::Block*> chapter(const std::string& id) {
    std::vector<const document::Block*> out;
    bool in = false;
    for (const auto& b : doc().blocks) {
      if (const auto* h = std::get_if<document::Heading>(&b); h && h->level == 1) in = h->id == id;
      if (in) out.push_back(&b);
    }
    return out;
  }
  static std::string text_of(const std::string& id) {
    std::string s;
    for (const auto* b : chapter(id))
      if (const auto* p = std::get_if<document::Paragraph>(b)) s += p->text + "\n";
    return s;
  }
  static const table::Table* table_of(const std::string& id) {
    for (const auto& b : doc().blocks)
      if (const auto* t = std::get_if<document::TableBlock>(&b); t && t->id == id) return &t->table;
    return nullptr;
  }
  static std::optional<double> cell(const std::string& table_id, const std::string& row, const std::string& column) {
    const auto* t = table_of(table_id);
    if (t == nullptr) return std::nullopt;
    const auto* c = table::find_cell(*t, row, column);
    return c ? c->value : std::nullopt;
  }
  static bool claimed(const std::string& table_id, const std::string& row, const std::string& column, double value) {
    for (const auto& c : built_->report.claims.all())
      if (c.table_id == table_id && c.row == row && c.column == column && c.value == value) return true;
    return false;
  }

  static inline testing::LoadedWorld* world_ = nullptr;
  static inline Built* built_ = nullptr;
};

TEST_F(ReportExtractChapters, EveryChapterTheCrimeExtractEnablesAppearsAndSaysItIsSynthetic) {
  for (const char* id : {"ch-extract-offences", "ch-extract-da", "ch-extract-hate", "ch-extract-sexual", "ch-extract-people",
                         "ch-extract-when"}) {
    auto blocks = chapter(id);
    ASSERT_GE(blocks.size(), 2u) << id << " is missing";
    const auto* warning = std::get_if<document::Paragraph>(blocks[1]);
    ASSERT_NE(warning, nullptr) << id;
    EXPECT_EQ(warning->style, document::Paragraph::Style::warning) << id;
    EXPECT_EQ(warning->text.rfind("SYNTHETIC DATA", 0), 0u) << id;
  }
  // No incident or partner extract is loaded: no chapter for them.
  EXPECT_TRUE(chapter("ch-extract-partners").empty());
  // The extract chapters come after the theme chapters and before the comparison with other places.
  int offences = -1, last_theme = -1, i = 0;
  for (const auto& b : doc().blocks) {
    if (const auto* h = std::get_if<document::Heading>(&b); h && h->level == 1) {
      if (h->id == "ch-extract-offences") offences = i;
      if (h->id.rfind("ch-", 0) == 0 && h->id.rfind("ch-extract", 0) != 0) last_theme = i;
    }
    ++i;
  }
  EXPECT_GT(offences, last_theme);
}

TEST_F(ReportExtractChapters, TheTextQuotesTheIndependentCountsAgainstTheirCells) {
  EXPECT_EQ(cell("tbl-extract-cadet", kVap, "count_later"), 18.0);
  EXPECT_EQ(cell("tbl-extract-cadet", kVap, "count_earlier"), 17.0);
  EXPECT_EQ(cell("tbl-extract-cadet", "Sexual offences", "count_later"), 7.0);
  EXPECT_TRUE(claimed("tbl-extract-cadet", kVap, "count_later", 18));
  EXPECT_TRUE(claimed("tbl-extract-cadet", kVap, "count_earlier", 17));
  EXPECT_TRUE(claimed("tbl-extract-da", "All crime (excluding fraud)", "count_marked", 28));
  EXPECT_TRUE(claimed("tbl-extract-da", kVap, "count_marked", 8));
  EXPECT_TRUE(claimed("tbl-extract-da", kVap, "count_all", 18));
  EXPECT_TRUE(claimed("tbl-extract-da", kVap, "share_of_group", 800.0 / 18.0));
  EXPECT_TRUE(claimed("tbl-extract-hate-strands", "All hate crimes", "count", 7));
  // 1-4 years + 5-9 years + 10 years or more, from make_fixture.py.
  auto e = expected();
  const double late = static_cast<double>(e.at("lag_1-4 years") + e.at("lag_5-9 years") + e.at("lag_10 years or more"));
  EXPECT_TRUE(claimed("tbl-extract-lag", "At least 12 months", "count_YE Sep 2025", late) ||
              claimed("tbl-extract-lag", "At least 12 months", "count_" + period::year_ending(period::Month(2025, 9)).label(), late));
  EXPECT_NE(text_of("ch-extract-offences").find("Violence against the person: 18 (from 17"), std::string::npos)
      << text_of("ch-extract-offences");
  // 17 -> 18 is well within chance: never called notable.
  EXPECT_EQ(text_of("ch-extract-offences").find("Violence against the person: 18 (from 17, + 5.9%, a notable"), std::string::npos);
}

TEST_F(ReportExtractChapters, TheVictimPyramidIsAFigureWithSuppressedCellsDrawnAsC) {
  const document::FigureBlock* fig = nullptr;
  for (const auto& b : doc().blocks)
    if (const auto* f = std::get_if<document::FigureBlock>(&b); f && f->id == "fig-extract-pyramid-victim") fig = f;
  ASSERT_NE(fig, nullptr);
  // CSA_SAMPLE_DIR=DIR writes the figure there, to look at (suppressed cells as [c]).
  if (const char* dir = std::getenv("CSA_SAMPLE_DIR")) std::ofstream(std::string(dir) + "/pyramid-victim-fixture.svg") << fig->svg;
  auto e = expected();
  // The fixture's crimes carry victim ids, so the cells are people (make_fixture.py: each victim id
  // once, at its first crime in the period). Female 25-34 = 9 and 75+ = 6 people are drawn as bars
  // (75+ is 7 crimes: a bar of 7 would be counting records); female 0-9 = 1 and male 0-9 = 2 are
  // suppressed.
  ASSERT_EQ(e.at("victim_F_25-34"), 9);
  EXPECT_NE(fig->svg.find("data-category=\"25-34, female\""), std::string::npos);
  EXPECT_NE(fig->svg.find("25-34, female: 9"), std::string::npos);
  ASSERT_EQ(e.at("victim_F_75+"), 6);
  ASSERT_EQ(e.at("victim_records_F_75+"), 7);
  EXPECT_NE(fig->svg.find("75+, female: 6"), std::string::npos);
  EXPECT_EQ(fig->svg.find("75+, female: 7"), std::string::npos);
  ASSERT_EQ(e.at("victim_F_0-9"), 1);
  ASSERT_EQ(e.at("victim_M_0-9"), 2);
  EXPECT_EQ(fig->svg.find("data-category=\"0-9, female\""), std::string::npos) << "a suppressed cell drawn as a bar";
  EXPECT_NE(fig->svg.find("[c]"), std::string::npos);
  EXPECT_NE(fig->alt_text.find("0-9 male [c], female [c]"), std::string::npos) << fig->alt_text;
  EXPECT_NE(fig->svg.find("each person once"), std::string::npos) << "the subtitle should say people were counted";
  // Every bar's value is a table cell of 5 or more, equal to the independent pyramid.
  const auto* t = table_of("tbl-extract-pyramid-victim");
  ASSERT_NE(t, nullptr);
  for (const char* band : {"25-34", "45-54", "65-74", "75+"}) {
    const auto f = e.at(std::string("victim_F_") + band);
    ASSERT_GE(f, 5) << band;
    EXPECT_EQ(cell("tbl-extract-pyramid-victim", band, "count_female"), static_cast<double>(f)) << band;
  }
  // The table's basis note: people, with Python's counts of ids and crimes without one.
  const std::string basis = fmt::format("Counts people, not records: {} distinct victim ids and {} records with no id",
                                        e.at("victims"), e.at("victim_records_without_id"));
  bool said = false;
  for (const auto& n : t->notes) said = said || n.rfind(basis, 0) == 0;
  EXPECT_TRUE(said) << basis;
}

TEST_F(ReportExtractChapters, SelfChecksPass) {
  auto r = run_self_checks(doc(), built_->report.claims, taxonomy::default_taxonomy(), 5);
  std::string s;
  for (const auto& f : r.failures) s += f.check + ": " + f.detail + "\n";
  EXPECT_TRUE(r.failures.empty()) << s;
}

TEST_F(ReportExtractChapters, ACellThatDisagreesWithTheTextFailsTheSelfChecks) {
  document::Document d = doc();
  bool changed = false;
  for (auto& b : d.blocks) {
    auto* t = std::get_if<document::TableBlock>(&b);
    if (t == nullptr || t->id != "tbl-extract-cadet") continue;
    for (auto& r : t->table.rows) {
      if (r.cells[0].text != kVap) continue;
      const auto col = *table::column_index(t->table, "count_later");
      r.cells[col] = {"19", 19.0};
      changed = true;
    }
  }
  ASSERT_TRUE(changed);
  auto r = run_self_checks(d, built_->report.claims, taxonomy::default_taxonomy(), 5);
  bool caught = false;
  for (const auto& f : r.failures) caught = caught || (f.check == "text equals tables" && f.detail.find("18") != std::string::npos);
  EXPECT_TRUE(caught);
}

TEST_F(ReportExtractChapters, WithoutExtractsNoChapterIsAdded) {
  tw::TempDir dir;
  auto empty = store::open_sqlite_store(dir / "empty.db");
  document::Document d;
  Claims claims;
  append_extract_chapters({.store = empty.get(), .geography = world_->geo.get(), .area = world_->area(tw::kAlphaton),
                           .latest_end = period::Month(2025, 12)},
                          d, claims);
  EXPECT_TRUE(d.blocks.empty());
  EXPECT_TRUE(claims.all().empty());
}

}  // namespace
}  // namespace csa::report
