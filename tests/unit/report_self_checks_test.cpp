// report::run_self_checks on a document built by hand: a correct one passes all five checks, and
// each check fails when its rule is broken (a tampered claim, a missing cell, a group that does not
// add up, a change or share that does not recompute, a small count printed, a hidden count that the
// total gives away, a table number used twice). Groups come from the shipped taxonomy.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "report/claims.hpp"
#include "report/self_checks.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {
namespace {

using document::TableBlock;
using table::Cell;
using table::Column;
using table::Row;
using table::RowKind;
using table::Table;

Cell text(const std::string& s) { return {s, std::nullopt}; }
Cell num(double v) { return {std::to_string(static_cast<long long>(v)), v}; }
Cell pct(double earlier, double later) {
  double p = (later - earlier) * 100.0 / earlier;
  return {std::to_string(p) + "%", p};
}

// Counts by theme label, 2024 and 2025 (made up).
struct ThemeCounts {
  const char* label;
  double y2024;
  double y2025;
};
const std::vector<ThemeCounts>& theme_counts() {
  static const std::vector<ThemeCounts> v = {
      {"Violence and sexual offences", 1000, 1100}, {"Robbery", 50, 40},
      {"Burglary", 200, 250},                       {"Vehicle crime", 150, 150},
      {"Theft from the person", 30, 45},            {"Bicycle theft", 400, 380},
      {"Shoplifting", 300, 360},                    {"Other theft", 500, 520},
      {"Criminal damage and arson", 250, 240},      {"Drugs", 100, 90},
      {"Possession of weapons", 20, 25},            {"Public order", 300, 330},
      {"Other crime", 40, 44},                      {"Anti-social behaviour", 800, 700},
  };
  return v;
}
// By hand: all crime (every theme but ASB) and acquisitive crime (robbery, burglary, vehicle, theft
// from the person, bicycle, shoplifting, other theft).
constexpr double kAll2024 = 1000 + 50 + 200 + 150 + 30 + 400 + 300 + 500 + 250 + 100 + 20 + 300 + 40;  // 3,340
constexpr double kAll2025 = 1100 + 40 + 250 + 150 + 45 + 380 + 360 + 520 + 240 + 90 + 25 + 330 + 44;   // 3,574
constexpr double kAcq2024 = 50 + 200 + 150 + 30 + 400 + 300 + 500;                                     // 1,630
constexpr double kAcq2025 = 40 + 250 + 150 + 45 + 380 + 360 + 520;                                     // 1,745

Table overview() {
  Table t;
  t.title = "Crime by theme";
  t.columns = {{"theme", "Theme", table::Align::left},
               {"count_2024", "2024", table::Align::right},
               {"count_2025", "2025", table::Align::right},
               {"change_1y", "Change", table::Align::right},
               {"share_of_all_crime", "Share", table::Align::right},
               {"rate_per_1000", "Rate", table::Align::right}};
  for (const auto& tc : theme_counts()) {
    bool asb = std::string(tc.label) == "Anti-social behaviour";
    Cell share = asb ? text("n/a") : Cell{"x%", tc.y2025 * 100.0 / kAll2025};
    t.rows.push_back({{text(tc.label), num(tc.y2024), num(tc.y2025), pct(tc.y2024, tc.y2025), share, {"1.0", 1.0}}});
  }
  t.rows.push_back({{text("Acquisitive crime"), num(kAcq2024), num(kAcq2025), pct(kAcq2024, kAcq2025),
                     Cell{"x%", kAcq2025 * 100.0 / kAll2025}, {"1.0", 1.0}},
                    RowKind::total});
  t.rows.push_back(
      {{text("All crime"), num(kAll2024), num(kAll2025), pct(kAll2024, kAll2025), text("n/a"), {"1.0", 1.0}}, RowKind::total});
  return t;
}

// Burglary by ward: two counts under 5 in each year, so neither can be worked back from the total.
Table wards() {
  Table t;
  t.title = "Burglary by ward";
  t.columns = {{"ward", "Ward", table::Align::left},      {"ward_code", "Code", table::Align::left},
               {"count_2024", "2024", table::Align::right}, {"count_2025", "2025", table::Align::right},
               {"change_1y", "Change", table::Align::right}, {"rate_per_1000", "Rate", table::Align::right},
               {"rank", "Rank", table::Align::right}};
  t.rows = {
      {{text("Alpha"), text("E05000001"), num(120), num(150), pct(120, 150), {"6.0", 6.0}, num(1)}},
      {{text("Beta"), text("E05000002"), num(74), num(96), pct(74, 96), {"4.8", 4.8}, num(2)}},
      {{text("Gamma"), text("E05000003"), text("<5"), text("<5"), text("-"), text("-"), num(3)}},
      {{text("Delta"), text("E05000004"), text("<5"), text("<5"), text("-"), text("-"), num(3)}},
      {{text("Testville (total)"), text("E07000001"), num(200), num(250), pct(200, 250), {"5.0", 5.0}, text("")},
       RowKind::total},
  };
  return t;
}

document::Document document_of(Table ov, Table wd) {
  document::Document doc;
  doc.blocks.push_back(document::Heading{1, "Crime overview", "overview"});
  doc.blocks.push_back(document::Paragraph{"{ref:tbl-overview} shows crime by theme."});
  doc.blocks.push_back(TableBlock{"tbl-overview", std::move(ov), 0});
  doc.blocks.push_back(TableBlock{"tbl-burglary-wards", std::move(wd), 0});
  doc.number();
  return doc;
}

Claims good_claims() {
  Claims c;
  c.add({"3,574", "tbl-overview", "All crime", "count_2025", kAll2025});
  c.add({"increased by 7% (+234 offences)", "tbl-overview", "All crime", "change_1y", (kAll2025 - kAll2024) * 100.0 / kAll2024});
  c.add({"150", "tbl-burglary-wards", "Alpha", "count_2025", 150});
  c.add({"6.0", "tbl-burglary-wards", "Alpha", "rate_per_1000", 6.0, 1e-9});
  return c;
}

SelfCheckReport check(const document::Document& doc, const Claims& claims, std::int64_t threshold = 5) {
  return run_self_checks(doc, claims, taxonomy::default_taxonomy(), threshold);
}

std::vector<CheckResult> failures_of(const SelfCheckReport& r, const std::string& check) {
  std::vector<CheckResult> out;
  for (const auto& f : r.failures) {
    if (f.check == check) out.push_back(f);
  }
  return out;
}

std::string all_failures(const SelfCheckReport& r) {
  std::string s;
  for (const auto& f : r.failures) s += "  " + f.check + ": " + f.detail + "\n";
  return s;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Row* row(Table& t, const std::string& label) {
  for (auto& r : t.rows) {
    if (r.cells[0].text == label) return &r;
  }
  return nullptr;
}

TEST(ReportSelfChecks, ACorrectDocumentPassesEveryCheck) {
  auto doc = document_of(overview(), wards());
  auto r = check(doc, good_claims());
  EXPECT_TRUE(r.ok()) << all_failures(r);
  ASSERT_EQ(r.passed.size(), 5u);
  EXPECT_EQ(r.passed[0], "text equals tables: 4 figures quoted in the text match their table cells");
  // All crime and acquisitive crime, two years each.
  EXPECT_EQ(r.passed[1], "groups add up: 4 group totals equal the sum of their themes");
  // Overview: 16 rows with a change, 14 with a share (ASB and all crime have none); wards: Alpha,
  // Beta and the total have a change.
  EXPECT_EQ(r.passed[2], "changes and shares recompute: 33 cells");
  EXPECT_EQ(r.passed[3], "numbering: 2 tables and 0 figures, each number once, every reference resolved");
  EXPECT_EQ(r.passed[4], "suppression: 2 ward count columns, none prints a count under 5 or lets one be worked back");
}

TEST(ReportSelfChecks, AClaimThatDiffersFromItsCellFails) {
  auto doc = document_of(overview(), wards());
  Claims c = good_claims();
  c.add({"3,575", "tbl-overview", "All crime", "count_2025", 3575});
  auto r = check(doc, c);
  EXPECT_FALSE(r.ok());
  auto f = failures_of(r, "text equals tables");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "'3,575'")) << f[0].detail;
  EXPECT_TRUE(contains(f[0].detail, "table 1 shows '3574'")) << f[0].detail;
  EXPECT_EQ(r.failures.size(), 1u) << all_failures(r);
  // A change one point out, and a rate outside its tolerance.
  c = good_claims();
  c.add({"+8%", "tbl-overview", "All crime", "change_1y", (kAll2025 - kAll2024) * 100.0 / kAll2024 + 1.0});
  c.add({"6.1", "tbl-burglary-wards", "Alpha", "rate_per_1000", 6.1, 1e-9});
  EXPECT_EQ(failures_of(check(doc, c), "text equals tables").size(), 2u);
}

TEST(ReportSelfChecks, AClaimWithoutItsCellFails) {
  auto doc = document_of(overview(), wards());
  struct Case {
    Claim claim;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"12", "tbl-missing", "All crime", "count_2025", 12}, "which is not in the document"},
      {{"12", "tbl-overview", "Nowhere", "count_2025", 12}, "which it lacks"},
      {{"12", "tbl-overview", "All crime", "count_2030", 12}, "which it lacks"},
      // A suppressed cell carries no value: the text may not quote it.
      {{"3", "tbl-burglary-wards", "Gamma", "count_2025", 3}, "shows '<5'"},
  };
  for (const auto& k : cases) {
    Claims c = good_claims();
    c.add(k.claim);
    auto r = check(doc, c);
    auto f = failures_of(r, "text equals tables");
    ASSERT_EQ(f.size(), 1u) << k.claim.table_id << " " << k.claim.row << " " << k.claim.column << "\n" << all_failures(r);
    EXPECT_TRUE(contains(f[0].detail, k.says)) << f[0].detail;
  }
}

TEST(ReportSelfChecks, AGroupThatIsNotTheSumOfItsThemesFails) {
  Table ov = overview();
  // Acquisitive crime 2025 one too many (its change and share kept consistent with the new count).
  Row* acq = row(ov, "Acquisitive crime");
  acq->cells[2] = num(kAcq2025 + 1);
  acq->cells[3] = pct(kAcq2024, kAcq2025 + 1);
  acq->cells[4] = {"x%", (kAcq2025 + 1) * 100.0 / kAll2025};
  auto r = check(document_of(ov, wards()), good_claims());
  auto f = failures_of(r, "groups add up");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "Acquisitive crime in 2025 is 1746, but its themes add up to 1745")) << f[0].detail;
  EXPECT_EQ(r.failures.size(), 1u) << all_failures(r);

  // A theme changed without its groups: both groups holding burglary fail, in 2024.
  ov = overview();
  Row* burglary = row(ov, "Burglary");
  burglary->cells[1] = num(199);
  burglary->cells[3] = pct(199, 250);
  r = check(document_of(ov, wards()), good_claims());
  EXPECT_EQ(failures_of(r, "groups add up").size(), 2u) << all_failures(r);
}

TEST(ReportSelfChecks, AChangeOrShareThatDoesNotRecomputeFails) {
  Table ov = overview();
  row(ov, "Burglary")->cells[3] = {"+26% (+50)", 26.0};  // 200 -> 250 is +25%
  auto r = check(document_of(ov, wards()), good_claims());
  auto f = failures_of(r, "changes recompute");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "Burglary")) << f[0].detail;
  EXPECT_TRUE(contains(f[0].detail, "25.000%")) << f[0].detail;

  // In a ward table too.
  Table wd = wards();
  row(wd, "Beta")->cells[4] = {"+30% (+22)", 30.0};  // 74 -> 96 is +29.7%
  r = check(document_of(overview(), wd), good_claims());
  f = failures_of(r, "changes recompute");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "Beta")) << f[0].detail;

  // A share of all crime that is not the count over the all-crime count.
  ov = overview();
  row(ov, "Shoplifting")->cells[4] = {"10.1%", 10.1};  // 360 / 3,574 = 10.07%
  r = check(document_of(ov, wards()), good_claims());
  f = failures_of(r, "shares recompute");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "Shoplifting")) << f[0].detail;
}

TEST(ReportSelfChecks, ASmallCountPrintedInAWardTableFails) {
  Table wd = wards();
  // Gamma 2025 printed as 3 and Delta's 2025 made 5 so the column keeps no lone hidden count:
  // 150 + 96 + 3 + 5 = 254.
  row(wd, "Gamma")->cells[3] = num(3);
  row(wd, "Delta")->cells[3] = num(5);
  row(wd, "Testville (total)")->cells[3] = num(254);
  row(wd, "Testville (total)")->cells[4] = pct(200, 254);
  auto r = check(document_of(overview(), wd), good_claims());
  auto f = failures_of(r, "suppression");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "Gamma: the count 3 is printed, under the threshold of 5")) << f[0].detail;
  EXPECT_EQ(r.failures.size(), 1u) << all_failures(r);
  // Under a threshold of 3, 3 may be printed; with none, nothing is checked.
  EXPECT_TRUE(check(document_of(overview(), wd), good_claims(), 3).ok());
  auto none = check(document_of(overview(), wd), good_claims(), 0);
  EXPECT_TRUE(none.ok()) << all_failures(none);
  EXPECT_TRUE(contains(none.passed.back(), "not applied")) << none.passed.back();
  EXPECT_TRUE(check(document_of(overview(), wd), good_claims(), 1).ok());
  // The same count in a table that is not a ward table (district level) is not a ward count.
  Table ov = overview();
  auto doc = document_of(ov, wards());
  std::get<TableBlock>(doc.blocks[2]).table.rows[0].cells[1] = num(3);
  EXPECT_TRUE(failures_of(check(doc, good_claims()), "suppression").empty());
}

TEST(ReportSelfChecks, OneHiddenCountBesideAPrintedTotalFails) {
  Table wd = wards();
  row(wd, "Delta")->cells[3] = num(5);  // 2025: Gamma alone is hidden; 250 + 5 printed as the total
  row(wd, "Testville (total)")->cells[3] = num(255);
  row(wd, "Testville (total)")->cells[4] = pct(200, 255);
  auto r = check(document_of(overview(), wd), good_claims());
  auto f = failures_of(r, "suppression");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "column 2025: one count is hidden but the total is printed")) << f[0].detail;
  // Hidden by secondary suppression ([c]) the second count makes it safe again.
  row(wd, "Alpha")->cells[3] = {"[c]", std::nullopt};
  row(wd, "Alpha")->cells[4] = {"[c]", std::nullopt};
  row(wd, "Alpha")->cells[5] = {"[c]", std::nullopt};
  Claims c;  // the claims on Alpha's 2025 count and rate would now fail, rightly
  r = check(document_of(overview(), wd), c);
  EXPECT_TRUE(r.ok()) << all_failures(r);
  // "n/a" (no data) is not a hidden count.
  wd = wards();
  row(wd, "Delta")->cells[3] = text("n/a");
  r = check(document_of(overview(), wd), good_claims());
  EXPECT_EQ(failures_of(r, "suppression").size(), 1u) << all_failures(r);
  // A total that is not printed gives nothing away.
  wd = wards();
  row(wd, "Delta")->cells[3] = num(5);
  row(wd, "Testville (total)")->cells[3] = text("-");
  row(wd, "Testville (total)")->cells[4] = text("-");
  r = check(document_of(overview(), wd), good_claims());
  EXPECT_TRUE(failures_of(r, "suppression").empty()) << all_failures(r);
}

TEST(ReportSelfChecks, ATableNumberUsedTwiceFails) {
  document::Document doc;
  doc.blocks.push_back(TableBlock{"tbl-overview", overview(), 1});
  doc.blocks.push_back(TableBlock{"tbl-burglary-wards", wards(), 1});  // not numbered by number()
  auto r = check(doc, good_claims());
  auto f = failures_of(r, "numbering");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "table number 1 used twice")) << f[0].detail;
  doc.blocks.push_back(TableBlock{"tbl-other", wards(), 0});
  std::get<TableBlock>(doc.blocks[2]).table.title = "unset";
  EXPECT_EQ(failures_of(check(doc, good_claims()), "numbering").size(), 2u);
}

}  // namespace
}  // namespace csa::report

namespace csa::report {
namespace {

// Suppression across tables: ward Alpha's all-crime count is printed in tbl-all_crime-wards and its
// crime themes are printed in their ward tables, except one. One theme printed nowhere is given back
// by subtraction (all crime minus the twelve others), so the check fails; a second hidden theme, or
// the all-crime count hidden, passes. Counts made up: every theme 10 in Alpha, all crime 130.
document::Document linked_document(const std::vector<std::string>& hidden_themes, bool all_crime_hidden) {
  const auto& tax = taxonomy::default_taxonomy();
  document::Document doc;
  auto ward_table = [](const std::string& title, Cell alpha) {
    Table t;
    t.title = title;
    t.columns = {{"ward", "Ward", table::Align::left}, {"ward_code", "Code", table::Align::left},
                 {"count_2025", "2025", table::Align::right}};
    t.rows = {{{text("Alpha"), text("E05000001"), alpha}}, {{text("Beta"), text("E05000002"), num(20)}},
              {{text("District (total)"), text("E07000001"), text("-")}, RowKind::total}};
    return t;
  };
  doc.blocks.push_back(TableBlock{"tbl-all_crime-wards", ward_table("All crime", all_crime_hidden ? text("[c]") : num(130)), 0});
  for (const auto& th : tax.themes()) {
    if (th.id == "asb") continue;
    bool hide = std::find(hidden_themes.begin(), hidden_themes.end(), th.id) != hidden_themes.end();
    doc.blocks.push_back(TableBlock{"tbl-" + th.id + "-wards", ward_table(th.label, hide ? text("<5") : num(10)), 0});
  }
  doc.number();
  return doc;
}

TEST(ReportSelfChecksLinked, OneThemePrintedNowhereIsGivenBackByTheWardTotal) {
  auto r = check(linked_document({"drugs"}, false), Claims{});
  auto f = failures_of(r, "suppression across tables");
  ASSERT_EQ(f.size(), 1u) << all_failures(r);
  EXPECT_TRUE(contains(f[0].detail, "Alpha (E05000001), 2025: Drugs")) << f[0].detail;
}

TEST(ReportSelfChecksLinked, TwoHiddenThemesOrAHiddenTotalPass) {
  EXPECT_TRUE(failures_of(check(linked_document({"drugs", "robbery"}, false), Claims{}), "suppression across tables").empty());
  EXPECT_TRUE(failures_of(check(linked_document({"drugs"}, true), Claims{}), "suppression across tables").empty());
  auto r = check(linked_document({}, false), Claims{});
  EXPECT_TRUE(failures_of(r, "suppression across tables").empty());
  EXPECT_NE(std::find_if(r.passed.begin(), r.passed.end(),
                         [](const std::string& s) { return s.rfind("suppression across tables: 2 ward-years", 0) == 0; }),
            r.passed.end());
}

}  // namespace
}  // namespace csa::report
