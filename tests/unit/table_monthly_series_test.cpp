// table::monthly_series on a synthetic store built for it: the synthetic world's geography
// (tests/fixtures/tables/synthetic_world.hpp) with 60 months of incidents, January 2021 to December
// 2025, and no batch at all for March 2022 (a month police.uk never delivered).
//
//   Castle burglary: 20, 21, 22 repeating (month index from Jan 2021 mod 3), except
//     Nov 2023 = 35, Dec 2024 = 33, Mar 2025 = 40 (a designed spike), Jun 2025 = 5 (a designed dip).
//   Abbey shoplifting: 6 a month, except Feb 2025 = 3 (suppressed under the default rule).
//   Market (Alphaton) burglary: 1 a month in 2025 (so Alphaton = Castle + 1 in 2025).
//   One burglary with no location in Apr 2025 (not placed).
//
// Every expected figure was worked out by hand and checked with a separate Python script (Python's
// statistics.stdev for the SPC limits); the comments show the arithmetic.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "table/monthly_series.hpp"

namespace csa::table {
namespace {
namespace tw = csa::testworld;
using period::Month;
using period::Window;
using Texts = std::vector<std::string>;

int castle_burglary(Month m) {
  if (m == Month(2023, 11)) return 35;
  if (m == Month(2024, 12)) return 33;
  if (m == Month(2025, 3)) return 40;
  if (m == Month(2025, 6)) return 5;
  return 20 + (m - Month(2021, 1)) % 3;
}
int abbey_shoplifting(Month m) { return m == Month(2025, 2) ? 3 : 6; }

struct SeriesWorld {
  tw::TempDir dir;
  std::unique_ptr<store::Store> store;
  SeriesWorld() : store(store::open_sqlite_store(dir / "series.db")) {
    tw::load_geography(*store, false);
    for (Month m = Month(2021, 1); m <= Month(2025, 12); ++m) {
      if (m == Month(2022, 3)) continue;  // no file for this month
      std::vector<store::IncidentRecord> rows;
      std::int64_t line = 2;
      const int yyyymm = m.yyyymm();
      for (int k = 0; k < castle_burglary(m); ++k)
        rows.push_back(tw::incident(yyyymm, "Burglary", tw::lsoa_of(tw::kCastle, k), tw::centre_of(tw::kCastle), line++));
      for (int k = 0; k < abbey_shoplifting(m); ++k)
        rows.push_back(tw::incident(yyyymm, "Shoplifting", tw::kL3, tw::centre_of(tw::kAbbey), line++));
      if (m.year() == 2025) rows.push_back(tw::incident(yyyymm, "Burglary", tw::kL4, tw::centre_of(tw::kMarketA), line++));
      if (m == Month(2025, 4)) rows.push_back(tw::incident(yyyymm, "Burglary", "", std::nullopt, line++));
      tw::write_file(*store, "testforce", yyyymm, rows);
    }
  }
};

Texts texts(const Row& r) {
  Texts out;
  for (const auto& c : r.cells) out.push_back(c.text);
  return out;
}
bool has_note(const Table& t, const std::string& note) {
  return std::find(t.notes.begin(), t.notes.end(), note) != t.notes.end();
}
std::string note_starting(const Table& t, const std::string& prefix) {
  for (const auto& n : t.notes) {
    if (n.rfind(prefix, 0) == 0) return n;
  }
  return "(no note starting '" + prefix + "')";
}
std::string all_notes(const Table& t) {
  std::string s;
  for (const auto& n : t.notes) s += "  " + n + "\n";
  return s;
}
// The row of a month ("Mar 2025"); fails the test when absent.
const Row& row_of(const Table& t, const std::string& month) {
  for (const auto& r : t.rows) {
    if (!r.cells.empty() && r.cells[0].text == month) return r;
  }
  throw std::runtime_error("no row for " + month);
}
// One column of every row, keyed by the month.
std::string cell(const Table& t, const std::string& month, std::size_t column) { return row_of(t, month).cells.at(column).text; }
enum Col : std::size_t { kMonth, kCount, kAverage, kYearEarlier, kChange, kSpc, kHighest };

class TableMonthlySeries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new SeriesWorld;
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
  static MonthlySeriesRequest request(const char* area, std::optional<Window> window = std::nullopt,
                                      bool suppress = true) {
    MonthlySeriesRequest r;
    r.area = geo_->find_code(area);
    r.window = std::move(window);
    r.suppress = suppress;
    r.months_loaded = incidents_->months_loaded;
    r.assignment = incidents_->assignment;
    return r;
  }
  static taxonomy::Selection theme(const char* id) { return taxonomy::default_taxonomy().resolve(id); }
  static Table castle() { return monthly_series(*cube_, theme("burglary"), request(tw::kCastle)); }

  static inline SeriesWorld* world_ = nullptr;
  static inline dataset::Geography* geo_ = nullptr;
  static inline dataset::PlacedCounts* incidents_ = nullptr;
  static inline cube::Cube* cube_ = nullptr;
};

TEST_F(TableMonthlySeries, ColumnsTitleAndOneRowPerLoadedSpanMonth) {
  Table t = castle();
  EXPECT_EQ(t.title, "Burglary by month in Castle, January 2021–December 2025");
  Texts keys, titles;
  for (const auto& c : t.columns) {
    keys.push_back(c.key);
    titles.push_back(c.title);
  }
  EXPECT_EQ(keys, (Texts{"month", "count", "rolling_12m_average", "year_earlier", "change_on_year_earlier", "spc",
                         "highest_since"}));
  EXPECT_EQ(titles, (Texts{"Month", "Count", "12-month average", "Year earlier", "Change on year earlier",
                           "SPC (24 months, 3 sd)", "Highest since"}));
  ASSERT_EQ(t.rows.size(), 60u);  // Jan 2021 … Dec 2025, the missing month included
  EXPECT_EQ(t.rows.front().cells[kMonth].text, "Jan 2021");
  EXPECT_EQ(t.rows.back().cells[kMonth].text, "Dec 2025");
}

TEST_F(TableMonthlySeries, CountsMatchTheDesignedSeries) {
  Table t = castle();
  for (const auto& r : t.rows) {
    if (r.cells[kMonth].text == "Mar 2022") continue;
    bool found = false;
    for (Month m = Month(2021, 1); m <= Month(2025, 12); ++m) {
      if (m.short_name() != r.cells[kMonth].text) continue;
      found = true;
      EXPECT_EQ(r.cells[kCount].text, std::to_string(castle_burglary(m))) << m.short_name();
      EXPECT_EQ(r.cells[kCount].value, static_cast<double>(castle_burglary(m)));
    }
    EXPECT_TRUE(found) << r.cells[kMonth].text;
  }
  // A district is the sum of its wards: Alphaton = Castle + Market's 1 a month in 2025.
  Table d = monthly_series(*cube_, theme("burglary"), request(tw::kAlphaton));
  EXPECT_EQ(cell(d, "Mar 2025", kCount), "41");
  EXPECT_EQ(cell(d, "Mar 2024", kCount), "22");
}

TEST_F(TableMonthlySeries, MissingMonthIsNotAvailableNeverZero) {
  Table t = castle();
  // March 2022 has no batch: n/a, and nothing derived from it.
  EXPECT_EQ(texts(row_of(t, "Mar 2022")), (Texts{"Mar 2022", "n/a", "", "22", "", "", ""}));
  EXPECT_FALSE(row_of(t, "Mar 2022").cells[kCount].value.has_value());
  // A year later its year-earlier cell is n/a and there is no change.
  EXPECT_EQ(cell(t, "Mar 2023", kYearEarlier), "n/a");
  EXPECT_EQ(cell(t, "Mar 2023", kChange), "");
  // A table of the months around it says which month is missing.
  Table w = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, Window(Month(2022, 1), Month(2022, 6))));
  EXPECT_EQ(w.title, "Burglary by month in Castle, January–June 2022");
  ASSERT_EQ(w.rows.size(), 6u);
  EXPECT_EQ(cell(w, "Mar 2022", kCount), "n/a");
  EXPECT_TRUE(has_note(w, "Jan–Jun 2022: no data for Mar 2022 (1 of 6 months missing). A month without data shows "
                          "n/a, not 0, and the averages, changes and SPC baselines that need it are left blank."))
      << all_notes(w);
  EXPECT_EQ(note_starting(t, "Jan 2021–Dec 2025: no data"),
            "Jan 2021–Dec 2025: no data for Mar 2022 (1 of 60 months missing). A month without data shows n/a, not 0, "
            "and the averages, changes and SPC baselines that need it are left blank.");
  // A complete period carries no such note.
  Table full = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, period::calendar_year(2024)));
  for (const auto& n : full.notes) EXPECT_EQ(n.find("no data for"), std::string::npos) << n;
}

TEST_F(TableMonthlySeries, RollingAverageOnlyWithTwelveMonthsOfData) {
  Table t = castle();
  EXPECT_EQ(cell(t, "Nov 2021", kAverage), "");      // 11 months so far
  EXPECT_EQ(cell(t, "Dec 2021", kAverage), "21.0");  // 4 × (20 + 21 + 22) / 12 = 252 / 12
  EXPECT_EQ(row_of(t, "Dec 2021").cells[kAverage].value, 21.0);
  EXPECT_EQ(cell(t, "Feb 2022", kAverage), "21.0");
  // Every 12 months containing March 2022 (Mar 2022 … Feb 2023) is left blank.
  for (const char* m : {"Mar 2022", "Apr 2022", "Dec 2022", "Feb 2023"}) EXPECT_EQ(cell(t, m, kAverage), "") << m;
  EXPECT_EQ(cell(t, "Mar 2023", kAverage), "21.0");
  EXPECT_EQ(cell(t, "Nov 2023", kAverage), "22.2");  // 266 / 12 = 22.1667 (the 35 replaces a 21)
  EXPECT_EQ(cell(t, "Nov 2024", kAverage), "21.0");  // Dec 2023 … Nov 2024, the 35 has left
  EXPECT_EQ(cell(t, "Dec 2024", kAverage), "21.9");  // 263 / 12 = 21.9167
  EXPECT_EQ(cell(t, "Mar 2025", kAverage), "23.4");  // 281 / 12 = 23.4167
  EXPECT_EQ(cell(t, "Dec 2025", kAverage), "21.1");  // 253 / 12 = 21.0833
}

TEST_F(TableMonthlySeries, YearEarlierAndChangeInSeedsStyle) {
  Table t = castle();
  EXPECT_EQ(cell(t, "Dec 2021", kYearEarlier), "n/a");  // before the data
  EXPECT_EQ(cell(t, "Dec 2021", kChange), "");
  EXPECT_EQ(texts(row_of(t, "Jan 2022")), (Texts{"Jan 2022", "20", "21.0", "20", "0% (0)", "", ""}));
  EXPECT_EQ(cell(t, "Nov 2023", kChange), "+67% (+14)");   // 21 -> 35: 66.7%
  EXPECT_EQ(cell(t, "Nov 2024", kYearEarlier), "35");
  EXPECT_EQ(cell(t, "Nov 2024", kChange), "-40% (-14)");   // 35 -> 21
  EXPECT_EQ(cell(t, "Dec 2024", kChange), "+50% (+11)");   // 22 -> 33
  EXPECT_EQ(cell(t, "Mar 2025", kChange), "+82% (+18)");   // 22 -> 40: 81.8%
  EXPECT_EQ(cell(t, "Jun 2025", kChange), "-77% (-17)");   // 22 -> 5: -77.3%
  EXPECT_EQ(cell(t, "Dec 2025", kChange), "-33% (-11)");   // 33 -> 22
  EXPECT_NEAR(*row_of(t, "Mar 2025").cells[kChange].value, 1800.0 / 22.0, 1e-9);
}

TEST_F(TableMonthlySeries, SpcFlagsTheDesignedSpikeAndDip) {
  Table t = castle();
  // The first run of loaded months (Jan 2021 – Feb 2022) is 14 months, and the second starts in
  // Apr 2022: a month needs 24 earlier months of data in a row, so Apr 2024 is the first judged.
  for (const char* m : {"Jan 2021", "Feb 2022", "Nov 2023", "Mar 2024"}) EXPECT_EQ(cell(t, m, kSpc), "") << m;
  // Dec 2024 = 33 against Dec 2022 … Nov 2024: mean 21.583, sd 2.977, upper 30.51.
  EXPECT_EQ(cell(t, "Dec 2024", kSpc), "above");
  EXPECT_NEAR(*row_of(t, "Dec 2024").cells[kSpc].value, 3.835, 0.001);
  // Mar 2025 = 40 against Mar 2023 … Feb 2025: mean 22.042, sd 3.782, upper 33.39.
  EXPECT_EQ(cell(t, "Mar 2025", kSpc), "above");
  EXPECT_NEAR(*row_of(t, "Mar 2025").cells[kSpc].value, 4.749, 0.001);
  // Jun 2025 = 5 against Jun 2023 … May 2025: mean 22.792, sd 5.267, lower 6.99.
  EXPECT_EQ(cell(t, "Jun 2025", kSpc), "below");
  EXPECT_NEAR(*row_of(t, "Jun 2025").cells[kSpc].value, -3.378, 0.001);
  int above = 0, below = 0, within = 0;
  for (const auto& r : t.rows) {
    const auto& s = r.cells[kSpc].text;
    above += s == "above";
    below += s == "below";
    within += s == "within";
  }
  EXPECT_EQ(above, 2);
  EXPECT_EQ(below, 1);
  EXPECT_EQ(within, 18);  // Apr 2024 … Dec 2025 is 21 months judged
  EXPECT_EQ(note_starting(t, "SPC:"),
            "SPC: the month against the mean ± 3 standard deviations of the previous 24 months with data (a Shewhart "
            "chart with a moving baseline, docs/METHODS.md §5): above or below those limits, or within them; blank "
            "where fewer than 24 earlier months have data. Seasonality is not removed.");
}

TEST_F(TableMonthlySeries, SpcWithAShorterMinimumSaysSo) {
  auto r = request(tw::kCastle, Window(Month(2022, 1), Month(2022, 12)));
  Table t = monthly_series(*cube_, theme("burglary"), r);
  EXPECT_NE(note_starting(t, "SPC:").find("No month shown has 24 earlier months of data, so none is judged."),
            std::string::npos);
  r.spc.min_baseline = 12;
  t = monthly_series(*cube_, theme("burglary"), r);
  EXPECT_EQ(cell(t, "Jan 2022", kSpc), "within");  // 12 months of 2021 before it
  EXPECT_EQ(cell(t, "Apr 2022", kSpc), "");        // after the gap the run starts again
  EXPECT_NE(note_starting(t, "SPC:").find("Judged from as few as 12 months here, fewer than the usual 24: read with care."),
            std::string::npos);
}

TEST_F(TableMonthlySeries, HighestSince) {
  Table t = castle();
  // Nov 2023 = 35: nothing earlier as high; Mar 2022 has no data, and the note says so.
  EXPECT_EQ(cell(t, "Nov 2023", kHighest), "highest in the loaded data (1 month without data)");
  // Dec 2024 = 33: the last month at least as high is Nov 2023, 13 months back.
  EXPECT_EQ(cell(t, "Dec 2024", kHighest), "highest since Nov 2023");
  EXPECT_EQ(cell(t, "Mar 2025", kHighest), "highest in the loaded data (1 month without data)");
  int notes = 0;
  for (const auto& r : t.rows) notes += !r.cells[kHighest].text.empty();
  EXPECT_EQ(notes, 3);  // the 20-21-22 cycle beats at most 2 months
  // With a reach of 2, every month above the one before gets its note.
  auto r = request(tw::kCastle, Window(Month(2021, 1), Month(2021, 6)));
  r.highest_since_min_months = 2;
  Table s = monthly_series(*cube_, theme("burglary"), r);
  EXPECT_EQ(cell(s, "Feb 2021", kHighest), "");  // above Jan, but only 1 month of data before it
  EXPECT_EQ(cell(s, "Mar 2021", kHighest), "highest in the loaded data");
  EXPECT_EQ(cell(s, "Apr 2021", kHighest), "");  // fell: March is at least as high, 1 month back
  EXPECT_EQ(cell(s, "Jun 2021", kHighest), "highest since Mar 2021");
  r.highest_since_min_months = 1;
  EXPECT_THROW(monthly_series(*cube_, theme("burglary"), r), InputError);
}

TEST_F(TableMonthlySeries, PeakAnnualAveragesAndProjection) {
  Table t = castle();
  EXPECT_TRUE(has_note(t, "Peak month of Jan 2021–Dec 2025: Mar 2025 (40).")) << all_notes(t);
  EXPECT_TRUE(has_note(t, "Monthly average, YE December 2025: 21.1 (253 in the year); YE December 2024: 21.9 (263 in "
                          "the year); YE December 2023: 22.2 (266 in the year); YE December 2022: not available (1 of "
                          "12 without data); YE December 2021: 21.0 (252 in the year)."))
      << all_notes(t);
  // 2025/26 to December: a = 172 (Apr–Dec 2025), b = 281 (2024/25), c = 200 (Apr–Dec 2024);
  // 172 × 281 / 200 = 241.66; R = 69.66, Var = R + R²(1/172 + 1/200 + 1/81) = 180.8, ±1.96 × 13.45.
  EXPECT_TRUE(has_note(t, "Projected 2025/26: 242 (95% interval 215–268), from April–December 2025 (172) scaled by "
                          "financial year 2024/25 (281) over April–December 2024 (200); it assumes this year follows "
                          "last year's seasonal shape (docs/METHODS.md §6)."))
      << all_notes(t);
  // A table of the whole of 2025/26, whose last three months are not loaded: the same projection,
  // from April to the latest loaded month, and those months are n/a.
  Table fy26 = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, period::financial_year(2025)));
  EXPECT_EQ(note_starting(fy26, "Projected"), note_starting(t, "Projected"));
  EXPECT_EQ(texts(row_of(fy26, "Jan 2026")), (Texts{"Jan 2026", "n/a", "", "20", "", "", ""}));
  // A table ending in March shows a whole financial year: nothing to project.
  Table fy = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, period::financial_year(2024)));
  EXPECT_EQ(note_starting(fy, "Projected").rfind("(no note", 0), 0u) << all_notes(fy);
  EXPECT_TRUE(has_note(fy, "Peak month of 2024/25: Mar 2025 (40).")) << all_notes(fy);
  EXPECT_TRUE(has_note(fy, "Monthly average, YE March 2025: 23.4 (281 in the year).")) << all_notes(fy);
  // A flat series: the peak is shared.
  Table flat = monthly_series(*cube_, theme("shoplifting"), request(tw::kAbbey, Window(Month(2021, 1), Month(2021, 2))));
  EXPECT_TRUE(has_note(flat, "Peak month of Jan–Feb 2021: Jan 2021 and Feb 2021 (6).")) << all_notes(flat);
}

TEST_F(TableMonthlySeries, ProjectionOnlyForAYearNotAllLoaded) {
  // To December 2022: 2022/23 ends inside the loaded data, so its total is known, not projected.
  Table t = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, Window(Month(2022, 4), Month(2022, 12))));
  EXPECT_EQ(note_starting(t, "Projected").rfind("(no note", 0), 0u) << all_notes(t);
  EXPECT_EQ(note_starting(t, "No projection").rfind("(no note", 0), 0u) << all_notes(t);
}

TEST_F(TableMonthlySeries, ShorterPeriodReadsTheMonthsBeforeIt) {
  Table fy = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, period::financial_year(2024)));
  EXPECT_EQ(fy.title, "Burglary by month in Castle, financial year 2024/25");
  ASSERT_EQ(fy.rows.size(), 12u);
  Table all = castle();
  for (const auto& r : fy.rows) EXPECT_EQ(texts(r), texts(row_of(all, r.cells[kMonth].text)));
  EXPECT_TRUE(has_note(fy, "The averages, year-earlier figures, SPC baselines and 'highest since' also read the loaded "
                           "months before Apr 2024, from Jan 2021 (1 of 39 without data)."))
      << all_notes(fy);
}

TEST_F(TableMonthlySeries, SuppressionHidesSmallCountsAndWhatIsBuiltOnThem) {
  Table t = monthly_series(*cube_, theme("shoplifting"), request(tw::kAbbey));
  // Feb 2025 = 3: "<5", and its average, change, SPC flag and note are hidden.
  EXPECT_EQ(texts(row_of(t, "Feb 2025")), (Texts{"Feb 2025", "<5", "-", "6", "-", "-", "-"}));
  EXPECT_FALSE(row_of(t, "Feb 2025").cells[kCount].value.has_value());
  EXPECT_EQ(cell(t, "Jan 2025", kAverage), "6.0");
  for (const char* m : {"Mar 2025", "Dec 2025"}) EXPECT_EQ(cell(t, m, kAverage), "-") << m;
  EXPECT_EQ(cell(t, "Mar 2025", kChange), "0% (0)");
  EXPECT_EQ(cell(t, "Mar 2025", kSpc), "within");
  EXPECT_TRUE(has_note(t, "Counts from 1 to 4 are shown as <5, and figures derived from them are hidden (-).")) << all_notes(t);
  EXPECT_NE(note_starting(t, "Monthly average,").find("YE December 2025: -; YE December 2024: 6.0 (72 in the year)"),
            std::string::npos)
      << all_notes(t);
  EXPECT_TRUE(has_note(t, "Projected 2025/26: hidden (-), as it is built on counts under 5.")) << all_notes(t);
  EXPECT_TRUE(has_note(t, "Peak month of Jan 2021–Dec 2025: 58 months tie, the latest Dec 2025 (6).")) << all_notes(t);

  // --suppress-under 0: the 3 prints, and what is built on it too. A constant baseline (sd 0) flags it.
  Table open = monthly_series(*cube_, theme("shoplifting"), request(tw::kAbbey, std::nullopt, false));
  EXPECT_EQ(texts(row_of(open, "Feb 2025")), (Texts{"Feb 2025", "3", "5.8", "6", "-50% (-3)", "below", ""}));
  EXPECT_FALSE(row_of(open, "Feb 2025").cells[kSpc].value.has_value());  // no z with sd 0
  EXPECT_EQ(note_starting(open, "Counts from 1 to").rfind("(no note", 0), 0u);
}

TEST_F(TableMonthlySeries, UnplacedSourceAndAssignmentNotes) {
  Table t = castle();
  EXPECT_TRUE(has_note(t, "Not placed: 1 Burglary incident(s) in Jan 2021–Dec 2025 from the force file(s) covering "
                          "Castle could not be placed in any ward (no location or LSOA); they are not in the counts "
                          "above."))
      << all_notes(t);
  EXPECT_EQ(t.notes.back(),
            "Source: police.uk street-level crime and ASB data. Contains public sector information licensed under the "
            "Open Government Licence v3.0 (police.uk); Source: Office for National Statistics.");
  EXPECT_TRUE(has_note(t, std::string(dataset::assignment_sentence(dataset::Assignment::lsoa_best_fit))));
  // A period without the unplaced month has no such note.
  Table early = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, period::calendar_year(2024)));
  EXPECT_EQ(note_starting(early, "Not placed:").rfind("(no note", 0), 0u) << all_notes(early);
}

TEST_F(TableMonthlySeries, AreasAndRendering) {
  // A county works (the sum of its wards); an LSOA does not.
  Table county = monthly_series(*cube_, theme("burglary"), request(tw::kCounty));
  EXPECT_EQ(cell(county, "Mar 2025", kCount), "41");
  EXPECT_THROW(monthly_series(*cube_, theme("burglary"), request(tw::kL1)), InputError);
  // Machine formats carry the numbers.
  Table t = monthly_series(*cube_, theme("burglary"), request(tw::kCastle, Window(Month(2025, 3), Month(2025, 3))));
  EXPECT_EQ(render(t, Format::csv),
            "month,count,rolling_12m_average,year_earlier,change_on_year_earlier,spc,highest_since\n"
            "Mar 2025,40,23.4,22,+82% (+18),above,highest in the loaded data (1 month without data)\n");
  auto json = render(t, Format::json);
  EXPECT_NE(json.find("\"count\": 40"), std::string::npos) << json;
  EXPECT_NE(json.find("\"rolling_12m_average_text\": \"23.4\""), std::string::npos) << json;
  EXPECT_NE(render(t, Format::markdown).find("| Mar 2025 | 40 | 23.4 | 22 | +82% (+18) | above |"), std::string::npos);
}

}  // namespace
}  // namespace csa::table
