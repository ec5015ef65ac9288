// Local-extract tables against the published tables of seed 002 (../shared/golden, README sections
// 3-6): the CADET builder's parent totals and change texts on the golden VAP and acquisitive counts,
// Table 6's proportions (the correct ones, and the seed's slip noted), and Table 7's shares and
// changes as exact strings. Plus the CADET text rules on the seeds' own CADET rows (seed 003 586-621).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/error.hpp"
#include "dataset/geography.hpp"
#include "extract_analysis/cadet.hpp"
#include "extract_analysis/domestic_abuse_incidents.hpp"
#include "extract_analysis/partner_series.hpp"
#include "extract_analysis/thousands_separators.hpp"
#include "extract_analysis_golden.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "offence/hierarchy.hpp"
#include "period/window.hpp"

namespace csa::extract_analysis {
namespace {

namespace tw = csa::testworld;
using testing::GoldenCsv;

const offence::Hierarchy& hierarchy() {
  static const offence::Hierarchy h = offence::load_default_hierarchy(std::string(CSA_SHARED_DIR) +
                                                                      "/data/taxonomy/home-office-offence-codes-2024-25.csv");
  return h;
}

struct World {
  World() {
    auto s = store::open_sqlite_store(dir / "w.db");
    tw::load_geography(*s, false);
    geography = dataset::Geography::from_store(*s);
  }
  tw::TempDir dir;
  dataset::Geography geography;
};
World& world() {
  static World w;
  return w;
}
CadetRequest request(period::Window earlier, period::Window later) {
  return CadetRequest{std::move(earlier), std::move(later), CadetRequest::ChangeStyle::cadet, {}, true, true};
}
SeriesRequest treatment() {
  SeriesRequest r;
  r.series = "treatment";
  return r;
}

Scope district_scope() { return scope_for(world().geography, world().geography.resolve(tw::kAlphaton)); }

// Leaf counts of one year from the golden VAP and acquisitive sub-group tables, rolled up by the tree.
HierarchyCounts golden_counts(const char* year) {
  const auto& h = hierarchy();
  GoldenCsv vap("sa2024-vap-subgroups.csv"), acq("sa2024-acquisitive-subgroups.csv");
  HierarchyCounts c;
  c.nodes.assign(h.nodes().size(), std::int64_t{0});  // other leaves 0
  for (std::size_t i = 0; i < h.nodes().size(); ++i)
    if (!h.node(static_cast<int>(i)).leaf()) c.nodes[i].reset();
  auto set = [&](const char* id, std::int64_t v) { c.nodes[static_cast<std::size_t>(h.find(id))] = v; };
  set("homicide", vap.count("Homicide", year));
  set("stalking_harassment", vap.count("Stalking And Harassment", year));
  set("violence_with_injury", vap.count("Violence With Injury", year));
  set("violence_without_injury", vap.count("Violence Without Injury", year));
  set("burglary_residential", acq.count("Burglary - Residential", year));
  set("burglary_business", acq.count("Burglary - Business And Community", year));
  set("robbery_business", acq.count("Robbery Of Business Property", year));
  set("robbery_personal", acq.count("Robbery Of Personal Property", year));
  set("aggravated_vehicle_taking", acq.count("Aggravated Vehicle Taking", year));
  set("interfering_with_vehicle", acq.count("Interfering With A Motor Vehicle", year));
  set("theft_from_or_of_vehicle", acq.count("Theft From or Of a Vehicle", year));
  set("theft_from_person", acq.count("Theft From The Person", year));
  set("bicycle_theft", acq.count("Bicycle Theft", year));
  set("shoplifting", acq.count("Shoplifting", year));
  set("other_theft", acq.count("Other Theft", year));
  c.nodes = offence::roll_up(h, c.nodes);
  c.markers.assign(h.markers().size(), 0);
  return c;
}

// Row of a table by its first cell (node id).
std::map<std::string, std::vector<std::string>> by_id(const table::Table& t) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (const auto& c : r.cells) cells.push_back(c.text);
    out[r.cells[0].text] = cells;
  }
  return out;
}

TEST(ExtractAnalysisGolden, CadetTableInTheSeedsStyleReproducesTables4And5) {
  auto req = request(period::year_ending(period::Month(2023, 9)), period::year_ending(period::Month(2024, 9)));
  req.style = CadetRequest::ChangeStyle::seeds;
  req.seeds_style.zero_change_text = "No Change";  // Table 5 (Homicide 2 -> 2)
  auto t = cadet_table_from_counts(hierarchy(), golden_counts("ye_sep_2023"), golden_counts("ye_sep_2024"), req, district_scope());
  auto rows = by_id(t);
  ASSERT_EQ(t.columns.size(), 5u);
  ASSERT_EQ(t.columns[4].key, "change");
  GoldenCsv vap("sa2024-vap-subgroups.csv"), acq("sa2024-acquisitive-subgroups.csv"), groups("sa2024-acquisitive-groups.csv");
  const std::map<std::string, std::pair<const GoldenCsv*, std::string>> expected = {
      {"homicide", {&vap, "Homicide"}},
      {"stalking_harassment", {&vap, "Stalking And Harassment"}},
      {"violence_with_injury", {&vap, "Violence With Injury"}},
      {"violence_without_injury", {&vap, "Violence Without Injury"}},
      {"vap", {&vap, "Total"}},
      {"burglary_residential", {&acq, "Burglary - Residential"}},
      {"burglary_business", {&acq, "Burglary - Business And Community"}},
      {"robbery_business", {&acq, "Robbery Of Business Property"}},
      {"robbery_personal", {&acq, "Robbery Of Personal Property"}},
      {"aggravated_vehicle_taking", {&acq, "Aggravated Vehicle Taking"}},
      {"interfering_with_vehicle", {&acq, "Interfering With A Motor Vehicle"}},
      {"theft_from_or_of_vehicle", {&acq, "Theft From or Of a Vehicle"}},
      {"theft_from_person", {&acq, "Theft From The Person"}},
      {"bicycle_theft", {&acq, "Bicycle Theft"}},
      {"shoplifting", {&acq, "Shoplifting"}},
      {"other_theft", {&acq, "Other Theft"}},
      {"burglary", {&groups, "Burglary"}},
      {"robbery", {&groups, "Robbery"}},
      {"vehicle_offences", {&groups, "Vehicle Offences"}},
  };
  for (const auto& [id, src] : expected) {
    const auto& row = rows.at(id);
    EXPECT_EQ(row[2], std::to_string(src.first->count(src.second, "ye_sep_2023"))) << id;  // parents: the printed totals
    EXPECT_EQ(row[3], std::to_string(src.first->count(src.second, "ye_sep_2024"))) << id;
    EXPECT_EQ(row[4], src.first->text(src.second, "change_1y_text")) << id;
  }
  // Theft offences = Table 3's Burglary + Theft + Vehicle Offences; all acquisitive less robbery.
  EXPECT_EQ(rows.at("theft")[3], std::to_string(718 + 5781 + 703));
}

TEST(ExtractAnalysisGolden, CadetTableFourYearChangeWithAMissingBase) {
  auto req = request(period::year_ending(period::Month(2021, 9)), period::year_ending(period::Month(2024, 9)));
  req.style = CadetRequest::ChangeStyle::seeds;
  auto rows = by_id(cadet_table_from_counts(hierarchy(), golden_counts("ye_sep_2021"), golden_counts("ye_sep_2024"), req,
                                            district_scope()));
  GoldenCsv vap("sa2024-vap-subgroups.csv");
  EXPECT_EQ(rows.at("homicide")[4], vap.text("Homicide", "change_4y_text"));  // "(+2)": no base
  EXPECT_EQ(rows.at("vap")[4], vap.text("Total", "change_4y_text"));
  EXPECT_EQ(rows.at("violence_with_injury")[4], vap.text("Violence With Injury", "change_4y_text"));
}

TEST(ExtractAnalysisGolden, CadetStyleOnTheSeedsCadetRows) {
  // Seed 003 lines 586, 591, 594: 7,416 -> 8,257 "841" "+ 11.3%"; 0 -> 42 "No Calc"; 8 -> 0 "- 100.0%".
  const auto& h = hierarchy();
  HierarchyCounts a, b;
  a.nodes.assign(h.nodes().size(), std::int64_t{0});
  b.nodes.assign(h.nodes().size(), std::int64_t{0});
  a.markers.assign(h.markers().size(), 0);
  b.markers.assign(h.markers().size(), 0);
  a.nodes[static_cast<std::size_t>(h.all_crime())] = 7416;
  b.nodes[static_cast<std::size_t>(h.all_crime())] = 8257;
  b.markers[3] = 42;  // CSE, 0 -> 42
  a.nodes[static_cast<std::size_t>(h.find("homicide"))] = 8;
  auto req = request(period::calendar_year(2015), period::calendar_year(2016));
  auto t = cadet_table_from_counts(h, a, b, req, district_scope());
  auto rows = by_id(t);
  EXPECT_EQ(rows.at("all_crime")[4], "841");
  EXPECT_EQ(rows.at("all_crime")[5], "+ 11.3%");
  EXPECT_EQ(rows.at("marker_cse")[5], "No Calc");
  EXPECT_EQ(rows.at("homicide")[4], "-8");
  EXPECT_EQ(rows.at("homicide")[5], "- 100.0%");
  EXPECT_EQ(t.rows.front().cells[1].text, "All crime (excluding fraud)");
  EXPECT_EQ(t.rows[1].cells[1].text, "  Victim-based crime");
  // As the seed prints them (line 586: "7,416  8,257  841  + 11.3%"): separators on counts only, the
  // worded and suppressed cells and the values untouched.
  auto published = by_id(with_thousands_separators(t));
  EXPECT_EQ(published.at("all_crime")[2], "7,416");
  EXPECT_EQ(published.at("all_crime")[3], "8,257");
  EXPECT_EQ(published.at("all_crime")[4], "841");
  EXPECT_EQ(published.at("all_crime")[5], "+ 11.3%");
  EXPECT_EQ(published.at("marker_cse")[5], "No Calc");
  EXPECT_EQ(published.at("homicide")[4], "-8");
  const auto raw = with_thousands_separators(t);
  EXPECT_EQ(raw.rows.front().cells[2].value, 7416.0);
  EXPECT_EQ(raw.rows[1].cells[1].text, "  Victim-based crime") << "labels keep their indent for the terminal";
}

TEST(ExtractAnalysisGolden, ThousandsSeparatorsOnlyOnPlainIntegers) {
  table::Table t;
  t.columns = {{"a", "A"}};
  t.rows = {{{{"1234567", 1234567.0}}}, {{{"-1077", -1077.0}}}, {{{"<5", std::nullopt}}}, {{{"1234 *", 1234.0}}},
            {{{"12.5", 12.5}}}, {{{"999", 999.0}}}};
  auto out = with_thousands_separators(t);
  const char* want[] = {"1,234,567", "-1,077", "<5", "1234 *", "12.5", "999"};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(out.rows[i].cells[0].text, want[i]) << i;
}

TEST(ExtractAnalysisGolden, DomesticAbuseTable6ProportionsAndTheSeedsSlip) {
  GoldenCsv da("sa2024-domestic-abuse.csv");
  std::vector<period::Window> windows;
  std::vector<DaYearCounts> counts;
  const char* years[] = {"ye_sep_2021", "ye_sep_2022", "ye_sep_2023", "ye_sep_2024"};
  for (int y = 0; y < 4; ++y) {
    windows.push_back(period::year_ending(period::Month(2021 + y, 9)));
    counts.push_back({da.count("Total DA marked crimes", years[y]), da.count("Incidents that result in a crime being recorded", years[y]),
                      da.count("Incidents that remain as incident only", years[y]), 0});
  }
  auto t = da_incidents_table_from_counts(windows, counts, district_scope());
  ASSERT_EQ(t.rows.size(), 7u);  // Table 6's rows, no "not stated" row
  // Recomputed proportions of the correct formula (golden/README.md section 5 table): 66, 66, 63, 62.
  const char* correct[] = {"66%", "66%", "63%", "62%"};
  for (int y = 0; y < 4; ++y) {
    const auto col = static_cast<std::size_t>(y + 1);
    for (std::size_t r = 0; r < 5; ++r) {
      EXPECT_EQ(t.rows[r].cells[col].text, da.rows()[r][col]) << da.rows()[r][0] << " " << years[y];  // every count row
    }
    EXPECT_EQ(t.rows[5].cells[col].text, da.text("Proportion of incidents that were 'crimed'", years[y]));
    EXPECT_EQ(t.rows[6].cells[col].text, correct[y]);
    EXPECT_NE(t.rows[6].cells[col].text, da.text("Proportion of total recorded DA that were crimes", years[y]));
  }
  bool noted = false;
  for (const auto& n : t.notes) noted = noted || n.find("counts crimed incidents twice") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(ExtractAnalysisGolden, TreatmentTable7SharesAndChangesExactly) {
  GoldenCsv g("sa2024-treatment.csv");
  std::vector<extract::SeriesValue> values;
  for (const auto& r : g.rows()) {
    values.push_back({"treatment", r[0], "ye2023-09", static_cast<double>(std::stoll(r[1]))});
    values.push_back({"treatment", r[0], "ye2024-09", static_cast<double>(std::stoll(r[2]))});
  }
  auto t = series_table(values, treatment());
  ASSERT_EQ(t.rows.size(), g.rows().size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    EXPECT_EQ(t.rows[i].cells[0].text, g.rows()[i][0]);
    EXPECT_EQ(t.rows[i].cells[3].text, g.rows()[i][g.column("share_text")]) << g.rows()[i][0];
    EXPECT_EQ(t.rows[i].cells[4].text, g.rows()[i][g.column("change_text")]) << g.rows()[i][0];
  }
  EXPECT_EQ(t.rows.back().kind, table::RowKind::total);
  // A total that is not the sum of its categories is refused.
  values[1].value = 601;
  EXPECT_THROW(series_table(values, treatment()), InputError);
}

}  // namespace
}  // namespace csa::extract_analysis
