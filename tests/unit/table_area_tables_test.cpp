// table::ward_table and table::theme_table on the synthetic world
// (tests/fixtures/tables/synthetic_world.hpp). Every printed figure below is worked out by hand from
// the world's counts and populations (Castle 2,500, Abbey 2,000, Market/Alphaton 800 with one LSOA
// lacking a population, Market/Betaby 3,000; Alphaton 5,300, Testshire 8,300); the comments show
// the arithmetic.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "table/area_tables.hpp"

namespace csa::table {
namespace {
namespace tw = csa::testworld;
using period::Month;
using period::Window;
using Texts = std::vector<std::string>;

Texts texts(const Row& r) {
  Texts out;
  for (const auto& c : r.cells) out.push_back(c.text);
  return out;
}
Texts titles(const Table& t) {
  Texts out;
  for (const auto& c : t.columns) out.push_back(c.title);
  return out;
}
Texts keys(const Table& t) {
  Texts out;
  for (const auto& c : t.columns) out.push_back(c.key);
  return out;
}
bool has_note(const Table& t, const std::string& note) {
  return std::find(t.notes.begin(), t.notes.end(), note) != t.notes.end();
}
Texts notes_starting(const Table& t, const std::string& prefix) {
  Texts out;
  for (const auto& n : t.notes) {
    if (n.rfind(prefix, 0) == 0) out.push_back(n);
  }
  return out;
}
std::string all_notes(const Table& t) {
  std::string s;
  for (const auto& n : t.notes) s += "  " + n + "\n";
  return s;
}

const std::string kSource =
    "Source: police.uk street-level crime and ASB data. Contains public sector information licensed under the Open "
    "Government Licence v3.0 (police.uk); Source: Office for National Statistics.";
const std::string kSuppressionNote =
    "Counts from 1 to 4 are shown as <5, and figures derived from them are hidden (-).";

std::string not_placed(std::int64_t n, const std::string& what, const std::string& period, const std::string& area,
                       const std::string& reason) {
  return "Not placed: " + std::to_string(n) + " " + what + " incident(s) in " + period +
         " from the force file(s) covering " + area + " could not be placed in any ward (" + reason +
         "); they are not in the counts above.";
}

class TableAreaTables : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new tw::World;
    geo_ = new dataset::Geography(dataset::Geography::from_store(*world_->store));
    incidents_ =
        new dataset::PlacedCounts(dataset::place_incidents(*world_->store, *geo_, dataset::Assignment::lsoa_best_fit));
    cube_ = new cube::Cube(cube::Cube::build(*incidents_, *geo_));
  }
  static void TearDownTestSuite() {
    delete cube_;
    delete incidents_;
    delete geo_;
    delete world_;
  }
  static AreaTableRequest request(const char* area, std::vector<Window> windows, bool suppress = true) {
    AreaTableRequest r;
    r.area = geo_->find_code(area);
    r.windows = std::move(windows);
    r.suppress = suppress;
    r.months_loaded = incidents_->months_loaded;
    r.assignment = incidents_->assignment;
    return r;
  }
  static std::vector<Window> years_2024_2025() {
    return {period::year_ending(Month(2024, 12)), period::year_ending(Month(2025, 12))};
  }
  static taxonomy::Selection theme(const char* id) { return taxonomy::default_taxonomy().resolve(id); }
  static const cube::Cube& c() { return *cube_; }

  static inline tw::World* world_ = nullptr;
  static inline dataset::Geography* geo_ = nullptr;
  static inline dataset::PlacedCounts* incidents_ = nullptr;
  static inline cube::Cube* cube_ = nullptr;
};

// --- ward_table ----------------------------------------------------------------------------------------

TEST_F(TableAreaTables, WardTableBurglaryInAlphaton) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kAlphaton, years_2024_2025()));
  EXPECT_EQ(t.title, "Burglary by ward in Alphaton, 2024 to 2025 (YE December 2025)");
  EXPECT_EQ(titles(t), (Texts{"Ward", "Code", "2024", "2025", "Change 2024 to 2025", "Rate per 1,000", "Rank"}));
  EXPECT_EQ(keys(t), (Texts{"ward", "ward_code", "count_2024", "count_2025", "change_1y", "rate_per_1000", "rank"}));
  EXPECT_EQ(t.columns[0].align, Align::left);
  EXPECT_EQ(t.columns[2].align, Align::right);
  ASSERT_EQ(t.rows.size(), 4u);
  // Castle 50 -> 66: +16 = +32% of 50; 66 per 2,500 = 26.4 per 1,000.
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "50", "66", "+32% (+16)", "26.4", "1"}));
  // Abbey 60 -> 45: -15 = -25%; 45 per 2,000 = 22.5.
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Abbey", "E05000002", "60", "45", "-25% (-15)", "22.5", "2"}));
  // Market 3 -> 5: 3 is suppressed and so is the change; 5 per 800 = 6.25, half away from zero 6.3.
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "<5", "5", "-", "6.3", "3"}));
  // Alphaton 113 -> 116: +3 = 2.65% -> +3%; 116 per 5,300 = 21.89 -> 21.9.
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "113", "116", "+3% (+3)", "21.9", ""}));
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(t.rows[i].kind, RowKind::body);
  EXPECT_EQ(t.rows[3].kind, RowKind::total);
}

TEST_F(TableAreaTables, WardTableCellValuesBehindTheText) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kAlphaton, years_2024_2025()));
  ASSERT_EQ(t.rows.size(), 4u);
  const Row& castle = t.rows[0];
  EXPECT_FALSE(castle.cells[0].value);
  EXPECT_EQ(castle.cells[2].value, 50.0);
  EXPECT_EQ(castle.cells[3].value, 66.0);
  ASSERT_TRUE(castle.cells[4].value);
  EXPECT_DOUBLE_EQ(*castle.cells[4].value, 32.0);
  ASSERT_TRUE(castle.cells[5].value);
  EXPECT_DOUBLE_EQ(*castle.cells[5].value, 26.4);
  EXPECT_EQ(castle.cells[6].value, 1.0);
  const Row& market = t.rows[2];
  EXPECT_FALSE(market.cells[2].value);  // "<5" carries no number
  EXPECT_EQ(market.cells[3].value, 5.0);
  EXPECT_FALSE(market.cells[4].value);
  ASSERT_TRUE(market.cells[5].value);
  EXPECT_DOUBLE_EQ(*market.cells[5].value, 6.25);
  EXPECT_FALSE(t.rows[3].cells[6].value);
}

TEST_F(TableAreaTables, WardTableTotalRowEqualsTheDistrictCountAndTheSumOfWards) {
  const std::vector<Window> windows = years_2024_2025();
  for (const char* id : {"burglary", "robbery", "violence_and_sexual_offences", "all_crime", "asb"}) {
    auto sel = theme(id);
    Table t = ward_table(c(), sel, request(tw::kAlphaton, years_2024_2025(), false));
    ASSERT_EQ(t.rows.size(), 4u) << id;
    for (std::size_t col : {2u, 3u}) {
      double sum = 0;
      for (std::size_t r = 0; r < 3; ++r) sum += t.rows[r].cells[col].value.value();
      const Window& w = windows[col - 2];
      EXPECT_EQ(t.rows[3].cells[col].value.value(), sum) << id << " " << w.label();
      EXPECT_EQ(t.rows[3].cells[col].value.value(),
                static_cast<double>(c().count(geo_->find_code(tw::kAlphaton), sel.crime_types, w)))
          << id;
    }
  }
  // By hand: violence 2024 100 + 40 + 10 = 150, 2025 120 + 50 + 10 = 180.
  Table v = ward_table(c(), theme("violence_and_sexual_offences"), request(tw::kAlphaton, years_2024_2025()));
  EXPECT_EQ(texts(v.rows[3]), (Texts{"Alphaton (total)", "E07000901", "150", "180", "+20% (+30)", "34.0", ""}));
}

TEST_F(TableAreaTables, WardTableCompetitionRanksWithTiesInNameOrder) {
  AreaTableRequest r = request(tw::kCounty, years_2024_2025());
  r.zero_change_text = "No Change";
  Table t = ward_table(c(), theme("burglary"), r);
  ASSERT_EQ(t.rows.size(), 5u);
  // 2025: Castle 66, Abbey 45, Market (Betaby) 45, Market (Alphaton) 5 -> ranks 1, 2, 2, 4; the tie
  // keeps name order (Abbey before Market).
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "50", "66", "+32% (+16)", "26.4", "1"}));
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Abbey", "E05000002", "60", "45", "-25% (-15)", "22.5", "2"}));
  // 45 -> 45: the request's zero-change text; 45 per 3,000 = 15.0 (trailing zero kept).
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000004", "45", "45", "No Change", "15.0", "2"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Market", "E05000003", "<5", "5", "-", "6.3", "4"}));
  // 158 -> 161: +3 = 1.9% -> +2%; 161 per 8,300 = 19.40 -> 19.4.
  EXPECT_EQ(texts(t.rows[4]), (Texts{"Testshire (total)", "E10000099", "158", "161", "+2% (+3)", "19.4", ""}));
  EXPECT_EQ(t.title, "Burglary by ward in Testshire, 2024 to 2025 (YE December 2025)");
}

TEST_F(TableAreaTables, WardTableTopNKeepsTiesAndTheTotal) {
  AreaTableRequest r = request(tw::kCounty, years_2024_2025());
  r.top = 2;
  Table t = ward_table(c(), theme("burglary"), r);
  // Ranks 1, 2, 2, 4: the top 2 holds three wards; the total is still the county's.
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].cells[0].text, "Castle");
  EXPECT_EQ(t.rows[1].cells[1].text, "E05000002");
  EXPECT_EQ(t.rows[2].cells[1].text, "E05000004");
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Testshire (total)", "E10000099", "158", "161", "+2% (+3)", "19.4", ""}));
  EXPECT_TRUE(has_note(t, "Top 2 wards by count in the latest period (ties kept): 3 of 4 wards shown."))
      << all_notes(t);
  r.top = 1;
  EXPECT_EQ(ward_table(c(), theme("burglary"), r).rows.size(), 2u);
}

TEST_F(TableAreaTables, WardTableDefaultZeroChangeTextAndAOneWardDistrict) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kBetaby, years_2024_2025()));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Market", "E05000004", "45", "45", "0% (0)", "15.0", "1"}));
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Betaby (total)", "E07000902", "45", "45", "0% (0)", "15.0", ""}));
  // Every LSOA of Betaby has a population, so the note names no shortfall.
  EXPECT_TRUE(has_note(t, "Rates per 1,000 residents of the latest period; population of Betaby = 3,000 (" +
                              std::string(tw::kPopulationLabel) + ")."))
      << all_notes(t);
}

TEST_F(TableAreaTables, WardTableHalfAwayPercentsAndSuppressedRates) {
  Table t = ward_table(c(), theme("robbery"), request(tw::kAlphaton, years_2024_2025()));
  ASSERT_EQ(t.rows.size(), 4u);
  // 8 -> 9: +12.5% -> +13%; 9 per 2,500 = 3.6.
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "8", "9", "+13% (+1)", "3.6", "1"}));
  // 8 -> 7: -12.5% -> -13%; 7 per 2,000 = 3.5.
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Abbey", "E05000002", "8", "7", "-13% (-1)", "3.5", "2"}));
  // 0 -> 2: zero is shown, 2 is not, nor its change or rate.
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "0", "<5", "-", "-", "3"}));
  // 16 -> 18: +12.5% -> +13%; 18 per 5,300 = 3.40 -> 3.4.
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "16", "18", "+13% (+2)", "3.4", ""}));
  EXPECT_TRUE(has_note(t, kSuppressionNote)) << all_notes(t);
}

TEST_F(TableAreaTables, WardTableWithoutSuppressionShowsSmallCounts) {
  Table t = ward_table(c(), theme("robbery"), request(tw::kAlphaton, years_2024_2025(), false));
  ASSERT_EQ(t.rows.size(), 4u);
  // 0 -> 2: no percent on a zero base, only the volume; 2 per 800 = 2.5.
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "0", "2", "(+2)", "2.5", "3"}));
  EXPECT_EQ(t.rows[2].cells[3].value, 2.0);
  EXPECT_FALSE(t.rows[2].cells[4].value);  // no percent to carry
  Table b = ward_table(c(), theme("burglary"), request(tw::kAlphaton, years_2024_2025(), false));
  // 3 -> 5: +2 = +66.7% -> +67%.
  EXPECT_EQ(texts(b.rows[2]), (Texts{"Market", "E05000003", "3", "5", "+67% (+2)", "6.3", "3"}));
  EXPECT_TRUE(notes_starting(b, "Counts from 1 to").empty()) << all_notes(b);
  // 0 -> 0 in Betaby: "(0)", never the zero-change text (which claims a percent).
  Table z = ward_table(c(), theme("robbery"), request(tw::kBetaby, years_2024_2025(), false));
  EXPECT_EQ(texts(z.rows[0]), (Texts{"Market", "E05000004", "0", "0", "(0)", "0.0", "1"}));
}

TEST_F(TableAreaTables, WardTableAnotherThreshold) {
  AreaTableRequest r = request(tw::kAlphaton, years_2024_2025());
  r.suppression.threshold = 10;
  Table t = ward_table(c(), theme("robbery"), r);
  // Castle 8 -> 9 and Abbey 8 -> 7 are now all under 10.
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "<10", "<10", "-", "-", "1"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "16", "18", "+13% (+2)", "3.4", ""}));
  EXPECT_TRUE(has_note(t, "Counts from 1 to 9 are shown as <10, and figures derived from them are hidden (-)."))
      << all_notes(t);
}

TEST_F(TableAreaTables, WardTableNotesPopulationMethodSourceAndTheme) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kAlphaton, years_2024_2025()));
  EXPECT_TRUE(has_note(t, "Theme 'Burglary' covers police.uk crime type(s): Burglary.")) << all_notes(t);
  EXPECT_TRUE(has_note(t, "Rank 1 = the highest count in the latest period; tied wards share a rank.")) << all_notes(t);
  EXPECT_TRUE(has_note(t,
                       "Periods: 2024 = YE December 2024 (Jan 2024–Dec 2024); 2025 = YE December 2025 "
                       "(Jan 2025–Dec 2025)."))
      << all_notes(t);
  // Alphaton = 2,500 + 2,000 + 800; E01000005 has no population row.
  EXPECT_TRUE(has_note(t, "Rates per 1,000 residents of the latest period; population of Alphaton = 5,300 (" +
                              std::string(tw::kPopulationLabel) + "; 4 of 5 LSOAs have a population)."))
      << all_notes(t);
  EXPECT_TRUE(has_note(t, std::string(dataset::assignment_sentence(dataset::Assignment::lsoa_best_fit))));
  EXPECT_TRUE(has_note(t, kSuppressionNote)) << all_notes(t);
  EXPECT_TRUE(has_note(t, kSource)) << all_notes(t);
  EXPECT_NE(kSource.find(kOglAttribution), std::string::npos);
  EXPECT_TRUE(notes_starting(t, "†").empty()) << all_notes(t);
}

TEST_F(TableAreaTables, WardTableNotPlacedNotesCountTheAreasForcesOnly) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kAlphaton, years_2024_2025()));
  // testforce 2025 burglaries: no location Mar 1 + Nov 3 = 4; LSOA not in the lookup Jul 3. The
  // farforce file (3 + 1 in June 2025) placed nothing in Alphaton, so it is not counted.
  EXPECT_EQ(notes_starting(t, "Not placed:"),
            (Texts{not_placed(4, "Burglary", "2025", "Alphaton", "no location or LSOA"),
                   not_placed(3, "Burglary", "2025", "Alphaton", "LSOA not in the loaded lookup")}));
  // Robbery: one without a location in Feb 2025, none outside the lookup (no zero note).
  Table r = ward_table(c(), theme("robbery"), request(tw::kAlphaton, years_2024_2025()));
  EXPECT_EQ(notes_starting(r, "Not placed:"),
            (Texts{not_placed(1, "Robbery", "2025", "Alphaton", "no location or LSOA")}));
  // Shoplifting: every incident placed, no note.
  Table s = ward_table(c(), theme("shoplifting"), request(tw::kAlphaton, years_2024_2025()));
  EXPECT_TRUE(notes_starting(s, "Not placed:").empty()) << all_notes(s);
  // The latest window decides: for 2024 it is May 2 and Aug 1.
  Table e = ward_table(c(), theme("burglary"), request(tw::kAlphaton, {period::year_ending(Month(2024, 12))}));
  EXPECT_EQ(notes_starting(e, "Not placed:"),
            (Texts{not_placed(2, "Burglary", "2024", "Alphaton", "no location or LSOA"),
                   not_placed(1, "Burglary", "2024", "Alphaton", "LSOA not in the loaded lookup")}));
}

TEST_F(TableAreaTables, WardTableOneWindowHasNoChangeColumn) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kAlphaton, {period::year_ending(Month(2025, 12))}));
  EXPECT_EQ(t.title, "Burglary by ward in Alphaton, 2025 (YE December 2025)");
  EXPECT_EQ(titles(t), (Texts{"Ward", "Code", "2025", "Rate per 1,000", "Rank"}));
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "66", "26.4", "1"}));
}

TEST_F(TableAreaTables, WardTablePartWindowsAreMarkedAndNotCompared) {
  // YE June 2024 = Jul 2023–Jun 2024: only Jan–Jun 2024 loaded. Castle 2024 = 50 spread 5,5,4,4,…:
  // Jan–Jun 26; Abbey 5 a month: 30; Market 1,1,1: 3.
  // YE June 2025 = Jul 2024–Jun 2025: Castle 24 + 36 = 60, Abbey 30 + 24 = 54, Market 0 + 5 = 5.
  Table t =
      ward_table(c(), theme("burglary"),
                 request(tw::kAlphaton, {period::year_ending(Month(2024, 6)), period::year_ending(Month(2025, 6))}));
  EXPECT_EQ(titles(t),
            (Texts{"Ward", "Code", "2023/24", "2024/25", "Change 2023/24 to 2024/25", "Rate per 1,000", "Rank"}));
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "26†", "60", "not comparable", "24.0", "1"}));
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Abbey", "E05000002", "30†", "54", "not comparable", "27.0", "2"}));
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "<5†", "5", "not comparable", "6.3", "3"}));
  // 119 per 5,300 = 22.45 -> 22.5.
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "59†", "119", "not comparable", "22.5", ""}));
  EXPECT_EQ(notes_starting(t, "†"), (Texts{"† 2023/24: no data for Jul 2023–Dec 2023 (6 of 12 months missing)"}));
  // Not placed in Jul 2024–Jun 2025: no location Mar 2025 (1); not in lookup Aug 2024 (1).
  EXPECT_EQ(notes_starting(t, "Not placed:"),
            (Texts{not_placed(1, "Burglary", "2024/25", "Alphaton", "no location or LSOA"),
                   not_placed(1, "Burglary", "2024/25", "Alphaton", "LSOA not in the loaded lookup")}));
}

TEST_F(TableAreaTables, WardTableLatestWindowPartOrEmpty) {
  // 2026 has no data at all: n/a counts, no rate, no comparison; every ward ties on 0 and the rows
  // keep name order.
  Table t =
      ward_table(c(), theme("burglary"),
                 request(tw::kAlphaton, {period::year_ending(Month(2025, 12)), period::year_ending(Month(2026, 12))}));
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Abbey", "E05000002", "45", "n/a", "not comparable", "n/a", "1"}));
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Castle", "E05000001", "66", "n/a", "not comparable", "n/a", "1"}));
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "5", "n/a", "not comparable", "n/a", "1"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "116", "n/a", "not comparable", "n/a", ""}));
  EXPECT_FALSE(t.rows[0].cells[3].value);
  EXPECT_EQ(notes_starting(t, "†"), (Texts{"† 2026: no data for Jan 2026–Dec 2026 (12 of 12 months missing)"}));

  // YE June 2026 = Jul 2025–Jun 2026, half loaded: Castle Jul–Dec 2025 = 5 × 6 = 30, marked; no rate
  // for a part year.
  Table p =
      ward_table(c(), theme("burglary"),
                 request(tw::kAlphaton, {period::year_ending(Month(2025, 6)), period::year_ending(Month(2026, 6))}));
  EXPECT_EQ(texts(p.rows[0]), (Texts{"Castle", "E05000001", "60", "30†", "not comparable", "n/a", "1"}));
}

TEST_F(TableAreaTables, WardTableThreeWindowsWithAnEmptyFirst) {
  Table t = ward_table(c(), theme("burglary"), request(tw::kAlphaton, period::years_back(Month(2025, 12), 3)));
  EXPECT_EQ(titles(t), (Texts{"Ward", "Code", "2023", "2024", "2025", "Change 2024 to 2025", "Change 2023 to 2025",
                              "Rate per 1,000", "Rank"}));
  EXPECT_EQ(keys(t)[6], "change_2y");
  EXPECT_EQ(texts(t.rows[0]),
            (Texts{"Castle", "E05000001", "n/a", "50", "66", "+32% (+16)", "not comparable", "26.4", "1"}));
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "n/a", "<5", "5", "-", "not comparable", "6.3", "3"}));
  EXPECT_EQ(t.title, "Burglary by ward in Alphaton, 2023 to 2025 (YE December 2025)");
}

TEST_F(TableAreaTables, WardTableMonthMissingFromTheLoadedMonths) {
  AreaTableRequest r = request(tw::kAlphaton, years_2024_2025());
  r.months_loaded.erase(Month(2025, 3));
  Table t = ward_table(c(), theme("burglary"), r);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "50", "66†", "not comparable", "n/a", "1"}));
  EXPECT_EQ(notes_starting(t, "†"), (Texts{"† 2025: no data for Mar 2025 (1 of 12 months missing)"}));
}

TEST_F(TableAreaTables, WardTableNeedsADistrictOrCounty) {
  try {
    ward_table(c(), theme("burglary"), request(tw::kCastle, years_2024_2025()));
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("Castle (E05000001) is a ward"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ward_table(c(), theme("burglary"), request(tw::kL1, years_2024_2025())), InputError);
  EXPECT_THROW(ward_table(c(), theme("burglary"), request(tw::kAlphaton, {})), InternalError);
}

TEST_F(TableAreaTables, WardTableForAGroup) {
  // All crime in Alphaton 2025: Castle 66 + 9 + 120 + 1 = 196; Abbey 45 + 7 + 50 + 36 = 138;
  // Market 5 + 2 + 10 = 17. 2024: Castle 158, Abbey 132, Market 13.
  Table t = ward_table(c(), theme("all_crime"), request(tw::kAlphaton, years_2024_2025()));
  EXPECT_EQ(t.title, "All crime by ward in Alphaton, 2024 to 2025 (YE December 2025)");
  // 158 -> 196: +38 = 24.05% -> +24%; 196 per 2,500 = 78.4.
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "158", "196", "+24% (+38)", "78.4", "1"}));
  // 132 -> 138: +6 = 4.55% -> +5%; 138 per 2,000 = 69.0.
  EXPECT_EQ(texts(t.rows[1]), (Texts{"Abbey", "E05000002", "132", "138", "+5% (+6)", "69.0", "2"}));
  // 13 -> 17: +4 = 30.77% -> +31%; 17 per 800 = 21.25 -> 21.3.
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "13", "17", "+31% (+4)", "21.3", "3"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "303", "351", "+16% (+48)", "66.2", ""}));
}

// --- point-in-polygon tables ------------------------------------------------------------------------

class TableAreaTablesPip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new tw::World;
    geo_ = new dataset::Geography(dataset::Geography::from_store(*world_->store));
    incidents_ =
        new dataset::PlacedCounts(dataset::place_incidents(*world_->store, *geo_, dataset::Assignment::point_in_polygon));
    cube_ = new cube::Cube(cube::Cube::build(*incidents_, *geo_));
  }
  static void TearDownTestSuite() {
    delete cube_;
    delete incidents_;
    delete geo_;
    delete world_;
  }
  static AreaTableRequest request() {
    AreaTableRequest r;
    r.area = geo_->find_code(tw::kAlphaton);
    r.windows = {period::year_ending(Month(2024, 12)), period::year_ending(Month(2025, 12))};
    r.months_loaded = incidents_->months_loaded;
    r.assignment = incidents_->assignment;
    return r;
  }
  static inline tw::World* world_ = nullptr;
  static inline dataset::Geography* geo_ = nullptr;
  static inline dataset::PlacedCounts* incidents_ = nullptr;
  static inline cube::Cube* cube_ = nullptr;
};

TEST_F(TableAreaTablesPip, SameCountsAndThePointInPolygonSentence) {
  Table t = ward_table(*cube_, taxonomy::default_taxonomy().resolve("burglary"), request());
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "50", "66", "+32% (+16)", "26.4", "1"}));
  EXPECT_EQ(texts(t.rows[3]), (Texts{"Alphaton (total)", "E07000901", "113", "116", "+3% (+3)", "21.9", ""}));
  EXPECT_TRUE(has_note(t, std::string(dataset::assignment_sentence(dataset::Assignment::point_in_polygon))))
      << all_notes(t);
  EXPECT_TRUE(has_note(t, not_placed(4, "Burglary", "2025", "Alphaton", "no location or LSOA"))) << all_notes(t);
}

// Suspected bug (reported, not fixed): with point-in-polygon, the 3 testforce burglaries of 2025
// whose coordinates fall outside every ward polygon are neither counted nor noted, because
// add_common_notes (src/table/area_tables.cpp) lists only no_location and ward_not_in_lookup for this
// method, never outside_boundaries. Enable when that is settled.
TEST_F(TableAreaTablesPip, IncidentsOutsideTheBoundariesAreNoted) {
  Table t = ward_table(*cube_, taxonomy::default_taxonomy().resolve("burglary"), request());
  EXPECT_TRUE(has_note(t, not_placed(3, "Burglary", "2025", "Alphaton", "outside the loaded ward boundaries")))
      << all_notes(t);
}

// --- theme_table --------------------------------------------------------------------------------------

TEST_F(TableAreaTables, ThemeTableAlphaton) {
  const auto& tax = taxonomy::default_taxonomy();
  Table t = theme_table(c(), tax, request(tw::kAlphaton, years_2024_2025()));
  EXPECT_EQ(t.title, "Police recorded crime and ASB by theme in Alphaton, 2024 to 2025 (YE December 2025)");
  EXPECT_EQ(titles(t), (Texts{"Theme", "2024", "2025", "Change 2024 to 2025", "Share of all crime", "Rate per 1,000"}));
  EXPECT_EQ(keys(t), (Texts{"theme", "count_2024", "count_2025", "change_1y", "share_of_all_crime", "rate_per_1000"}));
  // All crime 2025 = 180 + 18 + 116 + 36 + 1 = 351 (the share base); population 5,300.
  const std::vector<Texts> expected = {
      {"Violence and sexual offences", "150", "180", "+20% (+30)", "51%", "34.0"},  // 180/351 = 51.3%
      {"Robbery", "16", "18", "+13% (+2)", "5%", "3.4"},
      {"Burglary", "113", "116", "+3% (+3)", "33%", "21.9"},
      {"Vehicle crime", "0", "0", "(0)", "0%", "0.0"},
      {"Theft from the person", "0", "0", "(0)", "0%", "0.0"},
      {"Bicycle theft", "0", "0", "(0)", "0%", "0.0"},
      {"Shoplifting", "24", "36", "+50% (+12)", "10%", "6.8"},  // 36/351 = 10.3%; 36 per 5,300 = 6.79
      {"Other theft", "0", "0", "(0)", "0%", "0.0"},
      {"Criminal damage and arson", "0", "0", "(0)", "0%", "0.0"},
      {"Drugs", "0", "<5", "-", "-", "-"},
      {"Possession of weapons", "0", "0", "(0)", "0%", "0.0"},
      {"Public order", "0", "0", "(0)", "0%", "0.0"},
      {"Other crime", "0", "0", "(0)", "0%", "0.0"},
      {"Anti-social behaviour", "30", "40", "+33% (+10)", "n/a", "7.5"},  // ASB is not crime: no share
      // Groups.
      {"All crime", "303", "351", "+16% (+48)", "100%", "66.2"},         // 48/303 = 15.8%
      {"Acquisitive crime", "153", "170", "+11% (+17)", "48%", "32.1"},  // 170/351 = 48.4%
      {"Theft", "24", "36", "+50% (+12)", "10%", "6.8"},
      {"Crimes that impact the community", "30", "40", "+33% (+10)", "n/a", "7.5"},  // includes ASB
      {"Victim-based crime", "303", "350", "+16% (+47)", "100%", "66.0"},            // 350/351 = 99.7%
      {"Other crimes against society", "0", "<5", "-", "-", "-"},
      {"All crime and ASB", "333", "391", "+17% (+58)", "n/a", "73.8"},  // 58/333 = 17.4%
  };
  ASSERT_EQ(t.rows.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(texts(t.rows[i]), expected[i]) << "row " << i;
    EXPECT_EQ(t.rows[i].kind, i < 14 ? RowKind::body : RowKind::total) << "row " << i;
  }
}

TEST_F(TableAreaTables, ThemeTableRowsFollowTheTaxonomy) {
  const auto& tax = taxonomy::default_taxonomy();
  Table t = theme_table(c(), tax, request(tw::kCounty, years_2024_2025()));
  ASSERT_EQ(t.rows.size(), tax.themes().size() + tax.groups().size());
  for (std::size_t i = 0; i < tax.themes().size(); ++i) EXPECT_EQ(t.rows[i].cells[0].text, tax.themes()[i].label);
  for (std::size_t g = 0; g < tax.groups().size(); ++g) {
    EXPECT_EQ(t.rows[tax.themes().size() + g].cells[0].text, tax.groups()[g].label);
  }
}

TEST_F(TableAreaTables, ThemeTableGroupsAreSumsOfTheirThemes) {
  const auto& tax = taxonomy::default_taxonomy();
  for (const char* area : {tw::kAlphaton, tw::kBetaby, tw::kCounty, tw::kCastle}) {
    Table t = theme_table(c(), tax, request(area, years_2024_2025(), false));
    for (std::size_t g = 0; g < tax.groups().size(); ++g) {
      const Row& group_row = t.rows[tax.themes().size() + g];
      for (std::size_t col : {1u, 2u}) {
        double sum = 0;
        for (std::size_t th : tax.groups()[g].themes) sum += t.rows[th].cells[col].value.value();
        EXPECT_EQ(group_row.cells[col].value.value(), sum) << area << " " << tax.groups()[g].id << " col " << col;
      }
    }
  }
  // By hand, the county in 2025: all crime = Alphaton 351 + Betaby 75 = 426; with ASB 466.
  Table county = theme_table(c(), tax, request(tw::kCounty, years_2024_2025(), false));
  EXPECT_EQ(county.rows[14].cells[2].text, "426");
  EXPECT_EQ(county.rows[20].cells[2].text, "466");
}

TEST_F(TableAreaTables, ThemeTableShareOfAllCrime) {
  // Betaby 2025: burglary 45 and violence 30 of 75 crimes -> 60% and 40%; 45 per 3,000 = 15.0.
  Table t = theme_table(c(), taxonomy::default_taxonomy(), request(tw::kBetaby, years_2024_2025()));
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Violence and sexual offences", "30", "30", "0% (0)", "40%", "10.0"}));
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Burglary", "45", "45", "0% (0)", "60%", "15.0"}));
  EXPECT_EQ(texts(t.rows[13]), (Texts{"Anti-social behaviour", "0", "0", "(0)", "n/a", "0.0"}));
  EXPECT_EQ(texts(t.rows[14]), (Texts{"All crime", "75", "75", "0% (0)", "100%", "25.0"}));
  ASSERT_TRUE(t.rows[2].cells[4].value);
  EXPECT_DOUBLE_EQ(*t.rows[2].cells[4].value, 60.0);
  EXPECT_FALSE(t.rows[13].cells[4].value);
}

TEST_F(TableAreaTables, ThemeTableWithoutSuppression) {
  Table t = theme_table(c(), taxonomy::default_taxonomy(), request(tw::kAlphaton, years_2024_2025(), false));
  // Drugs 0 -> 1: "(+1)"; 1/351 = 0.28% -> 0%; 1 per 5,300 = 0.19 -> 0.2.
  EXPECT_EQ(texts(t.rows[9]), (Texts{"Drugs", "0", "1", "(+1)", "0%", "0.2"}));
  EXPECT_TRUE(notes_starting(t, "Counts from 1 to").empty());
}

TEST_F(TableAreaTables, ThemeTableNotes) {
  Table t = theme_table(c(), taxonomy::default_taxonomy(), request(tw::kAlphaton, years_2024_2025()));
  // 2025, testforce: no location = burglary 4 + robbery 1 + ASB 2 = 7; not in the lookup = 3.
  EXPECT_EQ(notes_starting(t, "Not placed:"),
            (Texts{not_placed(7, "crime and ASB", "2025", "Alphaton", "no location or LSOA"),
                   not_placed(3, "crime and ASB", "2025", "Alphaton", "LSOA not in the loaded lookup")}));
  EXPECT_TRUE(has_note(t, kSource)) << all_notes(t);
  EXPECT_TRUE(has_note(t, kSuppressionNote)) << all_notes(t);
  EXPECT_TRUE(has_note(t, "Rates per 1,000 residents of the latest period; population of Alphaton = 5,300 (" +
                              std::string(tw::kPopulationLabel) + "; 4 of 5 LSOAs have a population)."))
      << all_notes(t);
  EXPECT_EQ(notes_starting(t, "Themes and groups from the taxonomy ").size(), 1u) << all_notes(t);
  EXPECT_EQ(notes_starting(t, "Share of all crime:").size(), 1u) << all_notes(t);
}

TEST_F(TableAreaTables, ThemeTableForAWardAndAnEmptyWindow) {
  // A ward's own theme table: Castle 2025 all crime 196, rate 196 per 2,500 = 78.4.
  Table w = theme_table(c(), taxonomy::default_taxonomy(), request(tw::kCastle, years_2024_2025()));
  EXPECT_EQ(texts(w.rows[14]), (Texts{"All crime", "158", "196", "+24% (+38)", "100%", "78.4"}));
  // The latest window empty: n/a everywhere it is read; share of a zero base is "-".
  Table e =
      theme_table(c(), taxonomy::default_taxonomy(),
                  request(tw::kAlphaton, {period::year_ending(Month(2025, 12)), period::year_ending(Month(2026, 12))}));
  EXPECT_EQ(texts(e.rows[2]), (Texts{"Burglary", "116", "n/a", "not comparable", "-", "n/a"}));
  EXPECT_EQ(texts(e.rows[13]), (Texts{"Anti-social behaviour", "40", "n/a", "not comparable", "n/a", "n/a"}));
}

TEST_F(TableAreaTables, NoPopulationMeansNoRates) {
  tw::TempDir dir;
  auto s = store::open_sqlite_store(dir / "nopop.db");
  tw::load_geography(*s, false);
  s->replace_population({}, {"population", "", "", 0, 0, 0, ""});
  tw::write_file(*s, "testforce", 202501, {tw::incident(202501, "Burglary", tw::kL1, tw::Point{0.5, 52.5})});
  auto g = dataset::Geography::from_store(*s);
  ASSERT_FALSE(g.has_population());
  auto inc = dataset::place_incidents(*s, g, dataset::Assignment::lsoa_best_fit);
  auto cube = cube::Cube::build(inc, g);
  AreaTableRequest r;
  r.area = g.find_code(tw::kAlphaton);
  r.windows = {Window(Month(2025, 1), Month(2025, 1))};
  r.months_loaded = inc.months_loaded;
  r.suppress = false;
  Table t = ward_table(cube, taxonomy::default_taxonomy().resolve("burglary"), r);
  EXPECT_EQ(texts(t.rows[0]), (Texts{"Castle", "E05000001", "1", "n/a", "1"}));
  EXPECT_TRUE(has_note(t, "Rates: no population loaded (csa geography load --population …).")) << all_notes(t);
}

// Suspected bug (reported, not fixed): area_tables.hpp documents "threshold 0 or less: no
// suppression", but with suppress = true a threshold of 0 reaches measure::is_suppressed, which
// throws InputError("suppression threshold 0 is invalid …"). Enable when that is settled.
TEST_F(TableAreaTables, ThresholdZeroMeansNoSuppression) {
  AreaTableRequest r = request(tw::kAlphaton, years_2024_2025());
  r.suppression.threshold = 0;
  Table t = ward_table(c(), theme("robbery"), r);
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "0", "2", "(+2)", "2.5", "3"}));
}

TEST_F(TableAreaTables, ThresholdOneHidesNoCount) {
  AreaTableRequest r = request(tw::kAlphaton, years_2024_2025());
  r.suppression.threshold = 1;
  Table t = ward_table(c(), theme("robbery"), r);
  EXPECT_EQ(texts(t.rows[2]), (Texts{"Market", "E05000003", "0", "2", "(+2)", "2.5", "3"}));
}

// Suspected bug (reported, not fixed): with threshold 1 nothing is suppressed, yet the note reads
// "Counts from 1 to 0 are shown as <1, and figures derived from them are hidden (-)."
// (src/table/area_tables.cpp, add_common_notes). Enable when that is settled.
TEST_F(TableAreaTables, ThresholdOneHasNoSuppressionNote) {
  AreaTableRequest r = request(tw::kAlphaton, years_2024_2025());
  r.suppression.threshold = 1;
  Table t = ward_table(c(), theme("robbery"), r);
  EXPECT_TRUE(notes_starting(t, "Counts from 1 to 0").empty()) << all_notes(t);
}

}  // namespace
}  // namespace csa::table
