#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "period/window.hpp"

namespace csa::period {
namespace {

std::vector<std::string> labels(const std::vector<Window>& windows) {
  std::vector<std::string> out;
  for (const Window& w : windows) out.push_back(w.label());
  return out;
}

TEST(PeriodWindow, YearEndingLabelsFromTheSeeds) {
  EXPECT_EQ(year_ending(Month(2024, 9)).label(), "2023/24");
  EXPECT_EQ(year_ending(Month(2025, 3)).label(), "2024/25");
  EXPECT_EQ(year_ending(Month(2025, 12)).label(), "2025");
  EXPECT_EQ(year_ending(Month(2024, 9)).description(), "YE September 2024");
  EXPECT_EQ(year_ending(Month(2025, 12)).description(), "YE December 2025");
}

TEST(PeriodWindow, YearEndingLabelForEveryEndMonth) {
  // Ending in December the 12 months sit in one calendar year; any other end spans two.
  const std::vector<std::string> expected = {"2024/25", "2024/25", "2024/25", "2024/25", "2024/25", "2024/25",
                                             "2024/25", "2024/25", "2024/25", "2024/25", "2024/25", "2025"};
  for (int month = 1; month <= 12; ++month) {
    const Window w = year_ending(Month(2025, month));
    EXPECT_EQ(w.label(), expected[static_cast<std::size_t>(month - 1)]) << "YE month " << month;
    EXPECT_EQ(w.size(), 12);
    EXPECT_EQ(w.last(), Month(2025, month));
    EXPECT_EQ(w.first(), Month(2025, month) - 11);
    EXPECT_EQ(w.kind(), WindowKind::year_ending);
  }
  // A century boundary keeps two digits.
  EXPECT_EQ(year_ending(Month(2000, 6)).label(), "1999/00");
}

TEST(PeriodWindow, YearEndingSeptember2024Months) {
  const Window w = year_ending(Month(2024, 9));
  EXPECT_EQ(w.first(), Month(2023, 10));
  EXPECT_EQ(w.last(), Month(2024, 9));
  const std::vector<Month> months = w.months();
  ASSERT_EQ(months.size(), 12U);
  EXPECT_EQ(months.front(), Month(2023, 10));
  EXPECT_EQ(months[3], Month(2024, 1));
  EXPECT_EQ(months.back(), Month(2024, 9));
  EXPECT_TRUE(w.contains(Month(2023, 10)));
  EXPECT_TRUE(w.contains(Month(2024, 9)));
  EXPECT_FALSE(w.contains(Month(2023, 9)));
  EXPECT_FALSE(w.contains(Month(2024, 10)));
}

TEST(PeriodWindow, RollingTwelveMonthsIsYearEnding) {
  EXPECT_EQ(rolling_12_months(Month(2024, 5)), year_ending(Month(2024, 5)));
}

TEST(PeriodWindow, FinancialYear) {
  const Window w = financial_year(2024);
  EXPECT_EQ(w.first(), Month(2024, 4));
  EXPECT_EQ(w.last(), Month(2025, 3));
  EXPECT_EQ(w.label(), "2024/25");
  EXPECT_EQ(w.description(), "financial year 2024/25");
  // The same months as YE March 2025, and the same label.
  EXPECT_EQ(w.first(), year_ending(Month(2025, 3)).first());
  EXPECT_EQ(w.label(), year_ending(Month(2025, 3)).label());
  EXPECT_EQ(financial_year_of(Month(2025, 3)), 2024);
  EXPECT_EQ(financial_year_of(Month(2025, 4)), 2025);
}

TEST(PeriodWindow, CalendarYear) {
  const Window w = calendar_year(2025);
  EXPECT_EQ(w.first(), Month(2025, 1));
  EXPECT_EQ(w.last(), Month(2025, 12));
  EXPECT_EQ(w.label(), "2025");
  EXPECT_EQ(w.description(), "calendar year 2025");
}

TEST(PeriodWindow, FinancialQuarterAndSameQuarterLastYear) {
  // Seed 002: "compared to Q3 2023/24".
  const Window q3 = financial_quarter(2023, 3);
  EXPECT_EQ(q3.first(), Month(2023, 10));
  EXPECT_EQ(q3.last(), Month(2023, 12));
  EXPECT_EQ(q3.label(), "Q3 2023/24");
  EXPECT_EQ(q3.description(), "Q3 2023/24 (October\u2013December 2023)");
  const Window q4 = financial_quarter(2023, 4);
  EXPECT_EQ(q4.first(), Month(2024, 1));
  EXPECT_EQ(q4.last(), Month(2024, 3));
  EXPECT_EQ(financial_quarter(2024, 1).first(), Month(2024, 4));

  const Window last_year = same_period_last_year(financial_quarter(2024, 3));
  EXPECT_EQ(last_year, q3);
  EXPECT_THROW(financial_quarter(2024, 0), InputError);
  EXPECT_THROW(financial_quarter(2024, 5), InputError);
}

TEST(PeriodWindow, QuarterEnding) {
  const Window w = quarter_ending(Month(2025, 6));
  EXPECT_EQ(w.first(), Month(2025, 4));
  EXPECT_EQ(w.size(), 3);
  EXPECT_EQ(w.label(), "Apr\u2013Jun 2025");
  EXPECT_EQ(w.description(), "April\u2013June 2025");
  EXPECT_EQ(quarter_ending(Month(2025, 1)).label(), "Nov 2024\u2013Jan 2025");
  EXPECT_EQ(same_period_last_year(w), quarter_ending(Month(2024, 6)));
}

TEST(PeriodWindow, FinancialYearToDateAgainstEarlierYears) {
  // Seed 000: "financial year to date (April to September)" against the same period last year.
  const Window ytd = financial_year_to_date(Month(2025, 9));
  EXPECT_EQ(ytd.first(), Month(2025, 4));
  EXPECT_EQ(ytd.last(), Month(2025, 9));
  EXPECT_EQ(ytd.label(), "Apr\u2013Sep 2025");
  EXPECT_EQ(ytd.description(), "financial year 2025/26 to date (April\u2013September 2025)");

  const std::vector<Window> years = years_back(ytd, 3);
  EXPECT_EQ(labels(years),
            (std::vector<std::string>{"Apr\u2013Sep 2023", "Apr\u2013Sep 2024", "Apr\u2013Sep 2025"}));
  for (const Window& w : years) EXPECT_EQ(w.size(), 6);

  // In the last quarter the year to date spans two calendar years.
  const Window feb = financial_year_to_date(Month(2026, 2));
  EXPECT_EQ(feb.first(), Month(2025, 4));
  EXPECT_EQ(feb.size(), 11);
  EXPECT_EQ(feb.label(), "Apr 2025\u2013Feb 2026");
  // April alone is a one-month year to date.
  EXPECT_EQ(financial_year_to_date(Month(2025, 4)).size(), 1);
}

TEST(PeriodWindow, YearsBackOldestFirst) {
  const std::vector<Window> two = years_back(Month(2025, 12), 2);
  EXPECT_EQ(labels(two), (std::vector<std::string>{"2024", "2025"}));
  EXPECT_EQ(two[0].first(), Month(2024, 1));
  EXPECT_EQ(two[1].last(), Month(2025, 12));

  // The four years of seed 002's Table 3 (YE September).
  EXPECT_EQ(labels(years_back(Month(2024, 9), 4)),
            (std::vector<std::string>{"2020/21", "2021/22", "2022/23", "2023/24"}));
  EXPECT_EQ(labels(years_back(financial_year(2024), 2)), (std::vector<std::string>{"2023/24", "2024/25"}));
  EXPECT_EQ(labels(years_back(calendar_year(2025), 1)), (std::vector<std::string>{"2025"}));
  EXPECT_THROW(years_back(Month(2025, 12), 0), InputError);
}

TEST(PeriodWindow, CustomWindow) {
  const Window w(Month(2024, 11), Month(2025, 2));
  EXPECT_EQ(w.kind(), WindowKind::custom);
  EXPECT_EQ(w.size(), 4);
  EXPECT_EQ(w.label(), "Nov 2024\u2013Feb 2025");
  EXPECT_EQ(w.description(), "November 2024\u2013February 2025");
  EXPECT_EQ(w.shifted_years(-1).label(), "Nov 2023\u2013Feb 2024");
  const Window named(Month(2025, 5), Month(2025, 5), "May", "May 2025 only");
  EXPECT_EQ(named.label(), "May");
  EXPECT_EQ(named.size(), 1);
}

TEST(PeriodWindow, EndBeforeStartIsAnInputError) {
  try {
    Window(Month(2025, 3), Month(2025, 1));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("2025-03 to 2025-01"), std::string::npos) << e.what();
  }
}

TEST(PeriodWindow, MonthRanges) {
  EXPECT_EQ(short_month_range(Month(2024, 9), Month(2024, 9)), "Sep 2024");
  EXPECT_EQ(short_month_range(Month(2023, 10), Month(2024, 9)), "Oct 2023\u2013Sep 2024");
  EXPECT_EQ(long_month_range(Month(2025, 4), Month(2025, 9)), "April\u2013September 2025");
}

}  // namespace
}  // namespace csa::period
