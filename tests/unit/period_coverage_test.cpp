#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "period/coverage.hpp"

namespace csa::period {
namespace {

std::set<Month> months_between(Month first, Month last) {
  std::set<Month> out;
  for (Month m = first; m <= last; ++m) out.insert(m);
  return out;
}

TEST(PeriodCoverage, CompleteWindow) {
  const auto present = months_between(Month(2023, 1), Month(2025, 12));
  const Coverage c = coverage(year_ending(Month(2025, 12)), present);
  EXPECT_TRUE(c.complete());
  EXPECT_EQ(c.status(), CoverageStatus::complete);
  EXPECT_EQ(c.months_present(), 12);
  EXPECT_EQ(c.summary(), "complete");
  EXPECT_EQ(c.sentence(), "2025: all 12 months present");
}

TEST(PeriodCoverage, EmptyWindow) {
  const auto present = months_between(Month(2024, 1), Month(2025, 12));
  const Coverage c = coverage(year_ending(Month(2023, 12)), present);
  EXPECT_EQ(c.status(), CoverageStatus::empty);
  EXPECT_EQ(c.months_missing(), 12);
  EXPECT_EQ(c.summary(), "empty");
  EXPECT_EQ(c.sentence(), "2023: no data for Jan 2023\u2013Dec 2023 (12 of 12 months missing)");
}

TEST(PeriodCoverage, PartialWindowListsRunsOfMissingMonths) {
  auto present = months_between(Month(2024, 7), Month(2025, 3));
  present.erase(Month(2024, 9));
  const Window fy = financial_year(2024);
  const std::vector<Month> missing = missing_months(fy, present);
  EXPECT_EQ(missing, (std::vector<Month>{Month(2024, 4), Month(2024, 5), Month(2024, 6), Month(2024, 9)}));
  const Coverage c = coverage(fy, present);
  EXPECT_EQ(c.status(), CoverageStatus::partial);
  EXPECT_EQ(c.months_present(), 8);
  EXPECT_EQ(c.summary(), "partial (8 of 12 months)");
  EXPECT_EQ(c.sentence(), "2024/25: no data for Apr 2024\u2013Jun 2024, Sep 2024 (4 of 12 months missing)");
}

TEST(PeriodCoverage, SortedVectorGivesTheSameAnswer) {
  auto present = months_between(Month(2024, 2), Month(2024, 11));
  const std::vector<Month> sorted(present.begin(), present.end());
  const Window w = calendar_year(2024);
  EXPECT_EQ(missing_months(w, sorted), missing_months(w, present));
  EXPECT_EQ(missing_months(w, sorted), (std::vector<Month>{Month(2024, 1), Month(2024, 12)}));
  const std::vector<Month> unsorted = {Month(2024, 5), Month(2024, 1)};
  EXPECT_THROW(missing_months(w, unsorted), InternalError);
}

TEST(PeriodCoverage, PerWindowAndComparability) {
  // Data from March 2024 to December 2025: 2024 is partial, 2025 complete.
  const auto present = months_between(Month(2024, 3), Month(2025, 12));
  const std::vector<Coverage> cs = coverage(years_back(Month(2025, 12), 2), present);
  ASSERT_EQ(cs.size(), 2U);
  EXPECT_EQ(cs[0].missing, (std::vector<Month>{Month(2024, 1), Month(2024, 2)}));
  EXPECT_TRUE(cs[1].complete());
  EXPECT_FALSE(comparable(cs[0], cs[1]));
  EXPECT_FALSE(comparable(cs[1], cs[0]));
  EXPECT_TRUE(comparable(cs[1], cs[1]));
  EXPECT_EQ(comparison_warning(cs[1], cs[1]), "");
  EXPECT_EQ(comparison_warning(cs[0], cs[1]),
            "2024 compared with 2025 is not like for like: 2024: no data for Jan 2024\u2013Feb 2024 "
            "(2 of 12 months missing)");
}

}  // namespace
}  // namespace csa::period
