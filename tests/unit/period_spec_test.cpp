#include <string>

#include <gtest/gtest.h>

#include "period/period_spec.hpp"
#include "core/error.hpp"

namespace csa::period {
namespace {

std::string input_error_of(std::string_view spec, std::string_view context = {}) {
  try {
    parse_window_spec(spec, context);
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an InputError for " << spec;
  return {};
}

TEST(PeriodSpec, YearEnding) {
  EXPECT_EQ(parse_window_spec("2025-12"), year_ending(Month(2025, 12)));
  EXPECT_EQ(parse_window_spec("ye2024-09"), year_ending(Month(2024, 9)));
  EXPECT_EQ(parse_window_spec(" YE2024-09 "), year_ending(Month(2024, 9)));
  EXPECT_EQ(parse_window_spec("2024-09").label(), "2023/24");
}

TEST(PeriodSpec, FinancialYear) {
  EXPECT_EQ(parse_window_spec("fy2024"), financial_year(2024));
  EXPECT_EQ(parse_window_spec("fy2024/25"), financial_year(2024));
  EXPECT_EQ(parse_window_spec("FY2024-25"), financial_year(2024));
  EXPECT_EQ(parse_window_spec("fy2024/2025"), financial_year(2024));
  EXPECT_EQ(parse_window_spec("fy1999/00"), financial_year(1999));
}

TEST(PeriodSpec, CalendarYearQuartersAndYearToDate) {
  EXPECT_EQ(parse_window_spec("cy2025"), calendar_year(2025));
  EXPECT_EQ(parse_window_spec("fytd2025-09"), financial_year_to_date(Month(2025, 9)));
  EXPECT_EQ(parse_window_spec("fy2023/24q3"), financial_quarter(2023, 3));
  EXPECT_EQ(parse_window_spec("fy2023q3"), financial_quarter(2023, 3));
  EXPECT_EQ(parse_window_spec("qe2025-06"), quarter_ending(Month(2025, 6)));
}

TEST(PeriodSpec, BadSpecsSayWhatIsWrongAndTheForms) {
  std::string m = input_error_of("fy2024/26", "--period");
  EXPECT_EQ(m.rfind("--period: period \"fy2024/26\" is not valid", 0), 0U) << m;
  EXPECT_NE(m.find("write fy2024/25"), std::string::npos) << m;
  EXPECT_NE(m.find("Accepted forms"), std::string::npos) << m;

  m = input_error_of("fy24");
  EXPECT_NE(m.find("four-digit year"), std::string::npos) << m;

  m = input_error_of("cy25");
  EXPECT_NE(m.find("cy2025"), std::string::npos) << m;

  m = input_error_of("fy2023q5");
  EXPECT_NE(m.find("q1 (April-June) to q4"), std::string::npos) << m;

  m = input_error_of("ye2025-13", "--ye");
  EXPECT_NE(m.find("--ye: period \"ye2025-13\": month \"2025-13\""), std::string::npos) << m;

  m = input_error_of("last year");
  EXPECT_NE(m.find("does not start with"), std::string::npos) << m;

  m = input_error_of("  ");
  EXPECT_NE(m.find("empty"), std::string::npos) << m;

  EXPECT_THROW(parse_window_spec("fy2024x"), InputError);
  EXPECT_THROW(parse_window_spec("2025-12x"), InputError);
}

TEST(PeriodSpec, HelpListsEveryForm) {
  const std::string_view forms = window_spec_forms();
  for (const char* form : {"ye2025-12", "fy2024/25", "cy2025", "fytd2025-09", "fy2023/24q3", "qe2025-06"})
    EXPECT_NE(forms.find(form), std::string_view::npos) << form;
}

}  // namespace
}  // namespace csa::period
