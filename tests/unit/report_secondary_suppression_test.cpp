// table::apply_secondary_suppression: a column of ward counts with exactly one "<5" and a printed
// total gets its smallest other non-zero count hidden as [c], with the figures derived from it; on
// hand-made tables and on the synthetic world's ward tables (tests/fixtures/tables/README.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report_test_world.hpp"
#include "table/area_tables.hpp"
#include "table/secondary_suppression.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::table {
namespace {

using Texts = std::vector<std::string>;
namespace tw = csa::testworld;

Texts texts(const Row& r) {
  Texts out;
  for (const auto& c : r.cells) out.push_back(c.text);
  return out;
}

Cell n(double v) {
  std::string s = std::to_string(static_cast<long long>(v));
  return {s, v};
}
Cell text(const std::string& s) { return {s, std::nullopt}; }
Cell val(const std::string& s, double v) { return {s, v}; }

// Ward | 2024 | 2025 | Change | Significant | Rate | Rank, with a total row.
Table ward_table_by_hand(std::vector<Row> body, Row total) {
  Table t;
  t.title = "Burglary by ward";
  t.columns = {{"ward", "Ward", Align::left},
               {"count_2024", "2024", Align::right},
               {"count_2025", "2025", Align::right},
               {"change_1y", "Change 2024 to 2025", Align::right},
               {"change_1y_significant", "Significant", Align::right},
               {"rate_per_1000", "Rate per 1,000", Align::right},
               {"rank", "Rank", Align::right}};
  t.rows = std::move(body);
  total.kind = RowKind::total;
  t.rows.push_back(std::move(total));
  return t;
}

TEST(ReportSecondarySuppression, OneHiddenCountAndAPrintedTotalHidesTheSmallestOther) {
  // 2024: A 50, B 60, C 3 (<5), D 0; total 113 printed: C = 113 - 50 - 60 could be worked back.
  Table t = ward_table_by_hand(
      {
          {{text("A"), n(50), n(66), val("+32% (+16)", 32.0), val("no, p=0.163", 0.163), val("26.4", 26.4), n(1)}},
          {{text("B"), n(60), n(45), val("-25% (-15)", -25.0), val("no, p=0.172", 0.172), val("22.5", 22.5), n(2)}},
          {{text("C"), text("<5"), n(5), text("-"), text("-"), val("6.3", 6.25), n(3)}},
          {{text("D"), n(0), n(0), text("(0)"), val("no, p=1.000", 1.0), val("0.0", 0.0), n(4)}},
      },
      {{text("Total"), n(113), n(116), val("+3% (+3)", 2.65), val("no, p=0.895", 0.895), val("21.9", 21.9), text("")}});
  EXPECT_EQ(apply_secondary_suppression(t), 1);
  // A's 2024 count is the smallest other non-zero one (0 is not a candidate: it hides nothing);
  // its change and the change's test are derived from 2024; its rate (2025) and rank are not.
  EXPECT_EQ(texts(t.rows[0]), (Texts{"A", "[c]", "66", "[c]", "[c]", "26.4", "1"}));
  EXPECT_FALSE(t.rows[0].cells[1].value);
  EXPECT_FALSE(t.rows[0].cells[3].value);
  EXPECT_FALSE(t.rows[0].cells[4].value);
  EXPECT_EQ(t.rows[0].cells[2].value, 66.0);
  EXPECT_EQ(texts(t.rows[1]), (Texts{"B", "60", "45", "-25% (-15)", "no, p=0.172", "22.5", "2"}));
  EXPECT_EQ(texts(t.rows[2]), (Texts{"C", "<5", "5", "-", "-", "6.3", "3"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"D", "0", "0", "(0)", "no, p=1.000", "0.0", "4"}));
  EXPECT_EQ(texts(t.rows[4]), (Texts{"Total", "113", "116", "+3% (+3)", "no, p=0.895", "21.9", ""}));
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_NE(t.notes[0].find("[c]"), std::string::npos) << t.notes[0];
  EXPECT_NE(t.notes[0].find("secondary suppression"), std::string::npos) << t.notes[0];
  EXPECT_STREQ(kSecondarySuppressed, "[c]");
}

TEST(ReportSecondarySuppression, TheLatestYearHidesTheRateToo) {
  // 2025: A 9, B 7, C 2 (<5); total 18: B's 7 is hidden with its change, test and rate.
  Table t = ward_table_by_hand(
      {
          {{text("A"), n(8), n(9), val("+13% (+1)", 12.5), val("no, p=1.000", 1.0), val("3.6", 3.6), n(1)}},
          {{text("B"), n(8), n(7), val("-13% (-1)", -12.5), val("no, p=1.000", 1.0), val("3.5", 3.5), n(2)}},
          {{text("C"), n(0), text("<5"), text("-"), text("-"), text("-"), n(3)}},
      },
      {{text("Total"), n(16), n(18), val("+13% (+2)", 12.5), val("no, p=0.864", 0.864), val("3.4", 3.4), text("")}});
  EXPECT_EQ(apply_secondary_suppression(t), 1);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"A", "8", "9", "+13% (+1)", "no, p=1.000", "3.6", "1"}));
  EXPECT_EQ(texts(t.rows[1]), (Texts{"B", "8", "[c]", "[c]", "[c]", "[c]", "2"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Total", "16", "18", "+13% (+2)", "no, p=0.864", "3.4", ""}));
}

TEST(ReportSecondarySuppression, TwoHiddenCountsNeedNothingMore) {
  Table t = ward_table_by_hand(
      {
          {{text("A"), n(50), n(66), val("+32% (+16)", 32.0), val("p", 0.1), val("26.4", 26.4), n(1)}},
          {{text("B"), text("<5"), n(45), text("-"), text("-"), val("22.5", 22.5), n(2)}},
          {{text("C"), text("<5"), n(5), text("-"), text("-"), val("6.3", 6.25), n(3)}},
      },
      {{text("Total"), n(55), n(116), val("+111% (+61)", 110.9), val("p", 0.001), val("21.9", 21.9), text("")}});
  const Table before = t;
  EXPECT_EQ(apply_secondary_suppression(t), 0);
  for (std::size_t r = 0; r < t.rows.size(); ++r) EXPECT_EQ(texts(t.rows[r]), texts(before.rows[r])) << r;
  EXPECT_TRUE(t.notes.empty());
}

TEST(ReportSecondarySuppression, NoPrintedTotalNeedsNothing) {
  // No total row at all, and a total that is itself hidden: the single "<5" cannot be worked back.
  Table t;
  t.columns = {{"ward", "Ward", Align::left}, {"count_2025", "2025", Align::right}};
  t.rows = {{{text("A"), n(50)}}, {{text("B"), text("<5")}}};
  EXPECT_EQ(apply_secondary_suppression(t), 0);
  EXPECT_EQ(t.rows[0].cells[1].text, "50");
  t.rows.push_back({{text("Total"), text("-")}, RowKind::total});
  EXPECT_EQ(apply_secondary_suppression(t), 0);
  EXPECT_EQ(t.rows[0].cells[1].text, "50");
  EXPECT_TRUE(t.notes.empty());
}

TEST(ReportSecondarySuppression, EachColumnOnItsOwn) {
  // 2024: one hidden (B) -> C (10) is the smallest other; 2025: one hidden (C) -> B (20) is hidden.
  Table t = ward_table_by_hand(
      {
          {{text("A"), n(100), n(100), val("0% (0)", 0.0), val("p", 1.0), val("1.0", 1.0), n(1)}},
          {{text("B"), text("<5"), n(20), text("-"), text("-"), val("2.0", 2.0), n(2)}},
          {{text("C"), n(10), text("<5"), text("-"), text("-"), text("-"), n(3)}},
      },
      {{text("Total"), n(112), n(123), val("+10% (+11)", 9.8), val("p", 0.5), val("1.2", 1.2), text("")}});
  EXPECT_EQ(apply_secondary_suppression(t), 2);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"A", "100", "100", "0% (0)", "p", "1.0", "1"}));
  EXPECT_EQ(texts(t.rows[1]), (Texts{"B", "<5", "[c]", "-", "-", "[c]", "2"}));
  EXPECT_EQ(texts(t.rows[2]), (Texts{"C", "[c]", "<5", "-", "-", "-", "3"}));
  EXPECT_EQ(t.notes.size(), 1u);  // one note however many cells
}

TEST(ReportSecondarySuppression, ThreeYearsHideTheChangesThatUseTheYear) {
  // 2023 | 2024 | 2025 | change 1y (2024->2025) | change 2y (2023->2025) | rate (2025)
  auto table = [] {
    Table t;
    t.columns = {{"ward", "Ward", Align::left},          {"count_2023", "2023", Align::right},
                 {"count_2024", "2024", Align::right},   {"count_2025", "2025", Align::right},
                 {"change_1y", "1y", Align::right},      {"change_2y", "2y", Align::right},
                 {"rate_per_1000", "Rate", Align::right}};
    return t;
  };
  // The oldest year: only the change from it (2y) goes.
  Table first = table();
  first.rows = {{{text("A"), n(30), n(40), n(50), val("+25%", 25.0), val("+67%", 66.7), val("5.0", 5.0)}},
                {{text("B"), text("<5"), n(40), n(50), val("+25%", 25.0), text("-"), val("5.0", 5.0)}},
                {{text("T"), n(33), n(80), n(100), val("+25%", 25.0), val("+203%", 203.0), val("5.0", 5.0)}, RowKind::total}};
  EXPECT_EQ(apply_secondary_suppression(first), 1);
  EXPECT_EQ(texts(first.rows[0]), (Texts{"A", "[c]", "40", "50", "+25%", "[c]", "5.0"}));
  // The middle year: only the one-year change goes.
  Table middle = table();
  middle.rows = {{{text("A"), n(30), n(40), n(50), val("+25%", 25.0), val("+67%", 66.7), val("5.0", 5.0)}},
                 {{text("B"), n(30), text("<5"), n(50), text("-"), val("+67%", 66.7), val("5.0", 5.0)}},
                 {{text("T"), n(60), n(43), n(100), val("+133%", 133.0), val("+67%", 66.7), val("5.0", 5.0)}, RowKind::total}};
  EXPECT_EQ(apply_secondary_suppression(middle), 1);
  EXPECT_EQ(texts(middle.rows[0]), (Texts{"A", "30", "[c]", "50", "[c]", "+67%", "5.0"}));
}

// --- on the synthetic world --------------------------------------------------------------------------

class ReportSecondarySuppressionWorld : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = new report::testing::LoadedWorld; }
  static void TearDownTestSuite() { delete world_; }
  static Table ward(const char* theme, bool with_stats) {
    AreaTableRequest r;
    r.area = world_->area(tw::kAlphaton);
    r.windows = period::years_back(period::Month(2025, 12), 2);
    r.months_loaded = world_->placed->months_loaded;
    r.with_stats = with_stats;
    return ward_table(*world_->cube, taxonomy::default_taxonomy().resolve(theme), r);
  }
  static int column(const Table& t, const std::string& key) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].key == key) return static_cast<int>(i);
    }
    return -1;
  }
  static const Row& row(const Table& t, const std::string& name) {
    for (const auto& r : t.rows) {
      if (r.cells[0].text == name) return r;
    }
    throw std::runtime_error("no row " + name);
  }
  static inline report::testing::LoadedWorld* world_ = nullptr;
};

TEST_F(ReportSecondarySuppressionWorld, BurglaryInAlphatonHidesCastle2024) {
  // Burglary 2024: Castle 50, Abbey 60, Market 3 (<5), total 113 printed: Castle's 50 goes.
  Table t = ward("burglary", false);
  EXPECT_EQ(apply_secondary_suppression(t), 1);
  const Row& castle = row(t, "Castle");
  EXPECT_EQ(castle.cells[static_cast<std::size_t>(column(t, "count_2024"))].text, "[c]");
  EXPECT_EQ(castle.cells[static_cast<std::size_t>(column(t, "count_2025"))].text, "66");
  EXPECT_EQ(castle.cells[static_cast<std::size_t>(column(t, "change_1y"))].text, "[c]");
  EXPECT_EQ(castle.cells[static_cast<std::size_t>(column(t, "rate_per_1000"))].text, "26.4");
  EXPECT_EQ(row(t, "Abbey").cells[static_cast<std::size_t>(column(t, "count_2024"))].text, "60");
  EXPECT_EQ(row(t, "Alphaton (total)").cells[static_cast<std::size_t>(column(t, "count_2024"))].text, "113");
  // 2025 hides nothing: Castle 66, Abbey 45, Market 5.
  for (const auto& r : t.rows) EXPECT_TRUE(r.cells[static_cast<std::size_t>(column(t, "count_2025"))].value);
}

TEST_F(ReportSecondarySuppressionWorld, RobberyInAlphatonHidesAbbey2025) {
  // Robbery 2025: Castle 9, Abbey 7, Market 2 (<5), total 18: Abbey's 7 goes, with its change and rate.
  Table t = ward("robbery", false);
  EXPECT_EQ(apply_secondary_suppression(t), 1);
  const Row& abbey = row(t, "Abbey");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "count_2024"))].text, "8");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "count_2025"))].text, "[c]");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "change_1y"))].text, "[c]");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "rate_per_1000"))].text, "[c]");
  EXPECT_EQ(row(t, "Castle").cells[static_cast<std::size_t>(column(t, "count_2025"))].text, "9");
}

// The report's ward tables carry the statistics columns (build_report.cpp ward_section: with_stats).
// The rate's 95% interval and the funnel position are derived from the hidden count too: the exact
// Garwood interval of a count per 2,000 residents gives the count back.
TEST_F(ReportSecondarySuppressionWorld, WithStatsTheIntervalOfAHiddenCountIsHiddenToo) {
  Table t = ward("robbery", true);
  apply_secondary_suppression(t);
  const Row& abbey = row(t, "Abbey");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "count_2025"))].text, "[c]");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "change_1y_significant"))].text, "[c]");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "rate_per_1000"))].text, "[c]");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "rate_ci_95"))].text, "[c]");
  EXPECT_EQ(abbey.cells[static_cast<std::size_t>(column(t, "vs_area_rate"))].text, "[c]");
}

}  // namespace
}  // namespace csa::table
