#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "period/month.hpp"

namespace csa::period {
namespace {

// The message of the InputError that `f` throws; fails the test when it throws nothing or another type.
template <typename F>
std::string input_error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an InputError";
  return {};
}

TEST(PeriodMonth, ParsesAndFormatsPoliceUkForm) {
  const Month m = Month::parse("2025-12");
  EXPECT_EQ(m.year(), 2025);
  EXPECT_EQ(m.month(), 12);
  EXPECT_EQ(m.to_string(), "2025-12");
  EXPECT_EQ(m.long_name(), "December 2025");
  EXPECT_EQ(m.short_name(), "Dec 2025");
  EXPECT_EQ(Month(2024, 3).to_string(), "2024-03");
  EXPECT_EQ(Month(2024, 9).long_name(), "September 2024");
  EXPECT_EQ(fmt::format("{}", Month(2011, 1)), "2011-01");
}

TEST(PeriodMonth, IndexIsConsecutiveAcrossYears) {
  EXPECT_EQ(Month(2025, 1).index(), 2025 * 12);
  EXPECT_EQ(Month(2024, 12).index() + 1, Month(2025, 1).index());
  EXPECT_EQ(Month::from_index(Month(2023, 7).index()), Month(2023, 7));
  EXPECT_EQ(Month(2025, 3) - Month(2024, 4), 11);
}

TEST(PeriodMonth, Arithmetic) {
  EXPECT_EQ(Month(2025, 1) - 1, Month(2024, 12));
  EXPECT_EQ(Month(2024, 9) - 11, Month(2023, 10));
  EXPECT_EQ(Month(2024, 11) + 3, Month(2025, 2));
  EXPECT_EQ(Month(2024, 11) + -23, Month(2022, 12));
  Month m(2024, 12);
  ++m;
  EXPECT_EQ(m, Month(2025, 1));
  m -= 13;
  EXPECT_EQ(m, Month(2023, 12));
}

TEST(PeriodMonth, Comparison) {
  EXPECT_LT(Month(2024, 12), Month(2025, 1));
  EXPECT_GT(Month(2025, 2), Month(2025, 1));
  EXPECT_EQ(Month::parse("2024-02"), Month(2024, 2));
  EXPECT_NE(Month(2024, 2), Month(2025, 2));
}

TEST(PeriodMonth, YyyymmRoundTrip) {
  EXPECT_EQ(Month::from_yyyymm(202503), Month(2025, 3));
  EXPECT_EQ(Month(2025, 3).yyyymm(), 202503);
  EXPECT_NE(input_error_of([] { Month::from_yyyymm(202513); }).find("202513"), std::string::npos);
}

TEST(PeriodMonth, TryParseIsStrict) {
  for (const char* bad : {"", "2025", "2025-1", "2025-13", "2025-00", "25-12", "2025/12", " 2025-12",
                          "2025-12 ", "2025-12-01", "0000-05", "2025-1a", "２０２５-12"}) {
    EXPECT_FALSE(Month::try_parse(bad).has_value()) << bad;
  }
  EXPECT_TRUE(Month::try_parse("0001-01").has_value());
  EXPECT_TRUE(Month::try_parse("9999-12").has_value());
}

TEST(PeriodMonth, BadInputMessagesNameValueFormAndFix) {
  std::string m = input_error_of([] { Month::parse("2025-13", "--ye"); });
  EXPECT_NE(m.find("--ye: "), std::string::npos) << m;
  EXPECT_NE(m.find("\"2025-13\""), std::string::npos) << m;
  EXPECT_NE(m.find("01 to 12"), std::string::npos) << m;

  m = input_error_of([] { Month::parse("2025-3"); });
  EXPECT_NE(m.find("2025-03"), std::string::npos) << m;

  m = input_error_of([] { Month::parse("03/2025"); });
  EXPECT_NE(m.find("write the year first: 2025-03"), std::string::npos) << m;

  m = input_error_of([] { Month::parse("2025-03-15"); });
  EXPECT_NE(m.find("without a day: 2025-03"), std::string::npos) << m;

  m = input_error_of([] { Month::parse("March"); });
  EXPECT_NE(m.find("YYYY-MM"), std::string::npos) << m;

  m = input_error_of([] { Month::parse(""); });
  EXPECT_NE(m.find("empty"), std::string::npos) << m;
}

TEST(PeriodMonth, OutOfRangeValuesThrow) {
  EXPECT_THROW(Month(2025, 0), InputError);
  EXPECT_THROW(Month(2025, 13), InputError);
  EXPECT_THROW(Month(10000, 1), InputError);
  EXPECT_THROW(Month(1, 1) - 1, InputError);
  EXPECT_THROW(Month(9999, 12) + 1, InputError);
}

}  // namespace
}  // namespace csa::period
