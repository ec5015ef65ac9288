// Window: a contiguous run of whole months [first, last] with the label a table column shows and the
// description a sentence uses. Every comparison in the assessment is between windows: year ending
// September 2024 against the year before (PRIMER §3 "Periods"), a financial year, a quarter against the
// same quarter last year, a financial year to date against the same months of earlier years.
//
// Labels follow the seeds: a 12-month window inside one calendar year is "2025"; one that spans two
// is "2023/24" (first year / last year's two digits), so YE September 2024 (October 2023–September
// 2024) is "2023/24" and YE March 2025 is "2024/25", as is financial year 2024/25.
#pragma once

#include <string>
#include <vector>

#include "period/month.hpp"

namespace csa::period {

// How a window was built, so it can be moved by whole years and relabelled the same way.
enum class WindowKind {
  year_ending,             // 12 months ending at a month (also "rolling 12 months")
  financial_year,          // April to March
  calendar_year,           // January to December
  financial_quarter,       // Q1 = April-June … Q4 = January-March
  quarter_ending,          // any 3 months ending at a month
  financial_year_to_date,  // April to a month of the same financial year
  custom,                  // any run of months
};

class Window {
 public:
  // Throws InputError when last is before first. An empty label becomes the month range
  // ("Jan–Mar 2025"), an empty description the long month range ("January–March 2025").
  Window(Month first, Month last, std::string label = {}, std::string description = {},
         WindowKind kind = WindowKind::custom);

  Month first() const { return first_; }
  Month last() const { return last_; }
  int size() const { return last_ - first_ + 1; }  // number of months
  bool contains(Month m) const { return first_ <= m && m <= last_; }
  std::vector<Month> months() const;  // first … last, in order

  // Column heading: "2023/24", "2025", "Q3 2023/24", "Apr–Sep 2025".
  const std::string& label() const { return label_; }
  // Reads inside a sentence: "YE September 2024", "financial year 2024/25".
  const std::string& description() const { return description_; }
  WindowKind kind() const { return kind_; }

  // The same kind of window `years` whole years later (earlier when negative), rebuilt so its label
  // is right: year_ending(Sep 2024).shifted_years(-1) is year_ending(Sep 2023), labelled "2022/23".
  // A custom window keeps no label of its own: it is relabelled with its month range.
  Window shifted_years(int years) const;

  bool operator==(const Window&) const = default;

 private:
  Month first_;
  Month last_;
  std::string label_;
  std::string description_;
  WindowKind kind_;
};

// 12 months ending at `end`: year_ending(2024-09) is October 2023–September 2024, "2023/24",
// "YE September 2024"; year_ending(2025-12) is "2025", "YE December 2025".
Window year_ending(Month end);
// The seeds' "rolling 12 months to any month": the same window as year_ending.
Window rolling_12_months(Month end);
// financial_year(2024): April 2024–March 2025, "2024/25", "financial year 2024/25".
Window financial_year(int start_year);
// calendar_year(2025): January–December 2025, "2025", "calendar year 2025".
Window calendar_year(int year);
// financial_quarter(2023, 3): October–December 2023, "Q3 2023/24" (the seeds' quarterly packs).
// Throws InputError unless quarter is 1..4.
Window financial_quarter(int start_year, int quarter);
// The 3 months ending at `end`: quarter_ending(2025-06) is April–June 2025, "Apr–Jun 2025".
Window quarter_ending(Month end);
// April of the financial year that contains `last`, up to `last`: financial_year_to_date(2025-09)
// is April–September 2025, labelled "Apr–Sep 2025" so years stay apart in a comparison table.
Window financial_year_to_date(Month last);

// The financial year (by its starting year) that contains `m`: 2025-03 is in 2024/25.
int financial_year_of(Month m);

// The same window one year earlier: the same quarter last year, the same months of last financial
// year, the previous year ending.
Window same_period_last_year(const Window& w);

// The n windows of the same kind ending one year apart, oldest first, the last being `latest`:
// years_back(financial_year_to_date(2025-09), 3) gives April–September of 2023, 2024 and 2025.
// Throws InputError when n < 1.
std::vector<Window> years_back(const Window& latest, int n);
// The n year-ending windows ending at `end` and each year before it, oldest first:
// years_back(2025-12, 2) is [2024, 2025].
std::vector<Window> years_back(Month end, int n);

// Month ranges as printed in labels and descriptions, with an en dash:
// short: "Apr–Sep 2025", "Oct 2023–Sep 2024", "Sep 2024" (a single month);
// long:  "April–September 2025", "October 2023–September 2024", "September 2024".
std::string short_month_range(Month first, Month last);
std::string long_month_range(Month first, Month last);

}  // namespace csa::period
