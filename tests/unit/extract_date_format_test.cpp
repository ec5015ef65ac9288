// Date and time patterns of extract mappings. Expected day numbers are from python3:
// (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "extract/date_format.hpp"

namespace csa::extract {
namespace {

TEST(ExtractDateFormat, DayNumbersMatchPython) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 2, 29), 11016);
  EXPECT_EQ(days_from_civil(2024, 1, 25), 19747);
  EXPECT_EQ(days_from_civil(2024, 2, 29), 19782);
  EXPECT_EQ(days_from_civil(2024, 3, 31), 19813);
  for (int d : {-1, 0, 11016, 19782, 19813}) EXPECT_EQ(days_from_civil(std::stoi(civil_text(d).substr(0, 4)),
                                                                       std::stoi(civil_text(d).substr(5, 2)),
                                                                       std::stoi(civil_text(d).substr(8, 2))), d);
  EXPECT_EQ(civil_text(19782), "2024-02-29");
}

TEST(ExtractDateFormat, DayMonthYear) {
  DateFormat f("%d/%m/%Y");
  EXPECT_EQ(f.readable(), "dd/mm/yyyy");
  ASSERT_TRUE(f.parse("29/02/2024"));
  EXPECT_EQ(f.parse("29/02/2024")->day, 19782);
  EXPECT_EQ(f.parse("29/02/2024")->minute, -1);
  EXPECT_EQ(f.parse("1/2/2024")->day, days_from_civil(2024, 2, 1));  // one-digit day and month
  EXPECT_FALSE(f.parse("31/02/2024"));  // no such day
  EXPECT_FALSE(f.parse("29/02/2023"));  // not a leap year
  EXPECT_FALSE(f.parse("29/02/1900"));  // century, not a leap year
  EXPECT_TRUE(f.parse("29/02/2000"));   // 400-year leap year
  EXPECT_FALSE(f.parse("2024-02-29"));
  EXPECT_FALSE(f.parse("29/02/24"));    // two-digit year
  EXPECT_FALSE(f.parse("29/02/2024 "));
  EXPECT_FALSE(f.parse(""));
}

TEST(ExtractDateFormat, DateWithTimeAndTimeOnly) {
  DateFormat dt("%d/%m/%Y %H:%M");
  ASSERT_TRUE(dt.parse("31/03/2024 15:20"));
  EXPECT_EQ(dt.parse("31/03/2024 15:20")->day, 19813);
  EXPECT_EQ(dt.parse("31/03/2024 15:20")->minute, 15 * 60 + 20);
  EXPECT_FALSE(dt.parse("31/03/2024 24:00"));
  DateFormat t("%H:%M");
  EXPECT_TRUE(t.has_time());
  EXPECT_FALSE(t.has_date());
  EXPECT_EQ(t.parse("00:00")->minute, 0);
  EXPECT_EQ(t.parse("23:59")->minute, 1439);
  EXPECT_FALSE(t.parse("25:00"));
  EXPECT_FALSE(t.parse("12:60"));
}

TEST(ExtractDateFormat, Iso) {
  DateFormat f("iso");
  EXPECT_EQ(f.parse("2024-03-31")->day, 19813);
  EXPECT_EQ(f.parse("2024-03-31")->minute, -1);
  EXPECT_EQ(f.parse("2024-03-31T14:05:00")->minute, 14 * 60 + 5);
  EXPECT_EQ(f.parse("2024-03-31 14:05")->minute, 14 * 60 + 5);
  EXPECT_EQ(f.parse("2024-03-01T09:00Z")->minute, 9 * 60);
  EXPECT_EQ(f.parse("2024-03-01T09:00:59.123Z")->minute, 9 * 60);
  EXPECT_FALSE(f.parse("2024-3-1"));
  EXPECT_FALSE(f.parse("2024-02-30"));
  EXPECT_FALSE(f.parse("2024-02-01T9:00"));
}

TEST(ExtractDateFormat, SeveralTriedInOrder) {
  std::vector<DateFormat> fs = {DateFormat("iso"), DateFormat("%d/%m/%Y")};
  EXPECT_EQ(parse_with(fs, "2024-03-31")->day, 19813);
  EXPECT_EQ(parse_with(fs, "31/03/2024")->day, 19813);
  EXPECT_FALSE(parse_with(fs, "03/31/2024"));
  EXPECT_EQ(readable(fs), "yyyy-mm-dd[Thh:mm[:ss]] or dd/mm/yyyy");
}

TEST(ExtractDateFormat, BadPatternsAreErrors) {
  EXPECT_THROW(DateFormat("%d/%m"), InputError);       // no year
  EXPECT_THROW(DateFormat("%d/%b/%Y"), InputError);    // %b not supported
  EXPECT_THROW(DateFormat("%H"), InputError);          // hour without minute
  EXPECT_THROW(DateFormat("plain"), InputError);
  EXPECT_THROW(DateFormat("%d/%m/%Y%"), InputError);
}

}  // namespace
}  // namespace csa::extract
