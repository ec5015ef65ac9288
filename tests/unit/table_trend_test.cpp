// The trend column of csa table --stats (table/area_tables.cpp) on the synthetic world
// (tests/fixtures/tables/synthetic_world.hpp) with a third year added: 2023, Castle burglary 40 (the
// world has 50 in 2024 and 66 in 2025; Abbey 0, 60, 45; Market 0, 3, 5).
// Expected ratios were computed with a hand-written IRLS Poisson fit in python3 (the same code as
// tests/cli/trend.sh, which checks every row of a four-year fixture) and frozen here:
//   Castle 40, 50, 66     -> rate ratio 1.2874342087037915, 95% 1.0590700978112764-1.565039788363582 (phi 1)
//   Alphaton 40, 113, 116 -> rate ratio 1.548309301774685, 95% 0.8508955277828846-2.8173396329962848
//                            (phi 15.23: over-dispersed, so no clear trend despite the rise)
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cube/cube.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "table/area_tables.hpp"

namespace csa::table {
namespace {
namespace tw = csa::testworld;
using period::Month;

struct ThreeYears {
  tw::World world;
  std::unique_ptr<dataset::Geography> geo;
  std::unique_ptr<dataset::PlacedCounts> placed;
  std::unique_ptr<cube::Cube> cube;
  ThreeYears() {
    for (int month = 1; month <= 12; ++month) {
      std::vector<store::IncidentRecord> rows;
      for (int k = 0; k < tw::in_month(40, month); ++k) {
        rows.push_back(tw::incident(202300 + month, "Burglary", tw::lsoa_of(tw::kCastle, k), tw::centre_of(tw::kCastle)));
      }
      tw::write_file(*world.store, "testforce", 202300 + month, rows);
    }
    geo = std::make_unique<dataset::Geography>(dataset::Geography::from_store(*world.store));
    placed = std::make_unique<dataset::PlacedCounts>(
        dataset::place_incidents(*world.store, *geo, dataset::Assignment::lsoa_best_fit));
    cube = std::make_unique<cube::Cube>(cube::Cube::build(*placed, *geo));
  }
  AreaTableRequest request(int years, bool stats = true, int suppress_under = 5) const {
    AreaTableRequest r;
    r.area = geo->find_code(tw::kAlphaton);
    r.windows = period::years_back(Month(2025, 12), years);
    r.months_loaded = placed->months_loaded;
    r.with_stats = stats;
    r.suppress = suppress_under > 1;
    r.suppression.threshold = suppress_under;
    return r;
  }
};

std::size_t column(const Table& t, const std::string& key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  return t.columns.size();
}

const Row& row_named(const Table& t, const std::string& name) {
  for (const auto& r : t.rows) {
    if (r.cells[0].text == name) return r;
  }
  throw std::runtime_error("no row " + name);
}

bool has_note_starting(const Table& t, const std::string& prefix) {
  return std::any_of(t.notes.begin(), t.notes.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

TEST(TableTrend, ThreeCompleteYearsGiveATrendColumn) {
  ThreeYears w;
  Table t = ward_table(*w.cube, taxonomy::default_taxonomy().resolve("burglary"), w.request(3));
  std::size_t c = column(t, "trend");
  ASSERT_LT(c, t.columns.size());
  EXPECT_EQ(t.columns[c].title, "Trend");
  const Cell& castle = row_named(t, "Castle").cells[c];
  ASSERT_TRUE(castle.value);
  EXPECT_NEAR(*castle.value, 1.2874342087037915, 1e-9);
  EXPECT_EQ(castle.text, "rising, x1.29 a year (1.06–1.57)");
  // Abbey 0, 60, 45 and Market 0, 3, 5: a count under 5 (Market's 3) hides its trend.
  EXPECT_EQ(row_named(t, "Market").cells[c].text, "-");
  EXPECT_TRUE(has_note_starting(t, "Trend over 2023, 2024, 2025 (3 years): Poisson regression"));
  // Without suppression Market's trend is shown.
  Table open = ward_table(*w.cube, taxonomy::default_taxonomy().resolve("burglary"), w.request(3, true, 0));
  EXPECT_NE(row_named(open, "Market").cells[c].text, "-");
}

TEST(TableTrend, FewerThanThreeCompleteYearsSayWhyNot) {
  ThreeYears w;
  Table two = theme_table(*w.cube, taxonomy::default_taxonomy(), w.request(2));
  EXPECT_EQ(column(two, "trend"), two.columns.size());
  EXPECT_TRUE(has_note_starting(two, "Trend: not shown. A trend needs 3 or more complete year-long periods; this "
                                     "table shows 2 (2 complete)."));
  // Four periods, the oldest (2022) with no data: the fit uses the three complete years and says so.
  Table four = ward_table(*w.cube, taxonomy::default_taxonomy().resolve("burglary"), w.request(4));
  std::size_t c = column(four, "trend");
  ASSERT_LT(c, four.columns.size());
  EXPECT_NEAR(*row_named(four, "Castle").cells[c].value, 1.2874342087037915, 1e-9);
  EXPECT_TRUE(has_note_starting(four, "Trend leaves out 2022: not a complete year of data."));
  // Without --stats there is neither a column nor a note.
  Table plain = ward_table(*w.cube, taxonomy::default_taxonomy().resolve("burglary"), w.request(3, false));
  EXPECT_EQ(column(plain, "trend"), plain.columns.size());
  EXPECT_FALSE(has_note_starting(plain, "Trend"));
}

TEST(TableTrend, ThemeWithNoIncidentsAndTotalRow) {
  ThreeYears w;
  Table t = theme_table(*w.cube, taxonomy::default_taxonomy(), w.request(3, true, 0));
  std::size_t c = column(t, "trend");
  ASSERT_LT(c, t.columns.size());
  EXPECT_EQ(row_named(t, "Bicycle theft").cells[c].text, "n/a (none)");
  Table wards = ward_table(*w.cube, taxonomy::default_taxonomy().resolve("burglary"), w.request(3, true, 0));
  // The total row: Alphaton 40, 113, 116 (2023 has only Castle's 40).
  const Row& total = wards.rows.back();
  EXPECT_EQ(total.kind, RowKind::total);
  const Cell& cell = total.cells[column(wards, "trend")];
  ASSERT_TRUE(cell.value);
  EXPECT_NEAR(*cell.value, 1.548309301774685, 1e-9);
  EXPECT_EQ(cell.text, "no clear trend, x1.55 a year (0.85–2.82)");
}

}  // namespace
}  // namespace csa::table
