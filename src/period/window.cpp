#include "period/window.hpp"

#include <utility>

#include "core/error.hpp"

namespace csa::period {
namespace {

constexpr std::string_view kEnDash = "\u2013";

// "2025" when the 12 months sit in one calendar year, else "2023/24" (the seeds' form).
std::string year_label(Month first, Month last) {
  if (first.year() == last.year()) return fmt::format("{}", last.year());
  return fmt::format("{}/{:02}", first.year(), last.year() % 100);
}

std::string financial_year_label(int start_year) {
  return fmt::format("{}/{:02}", start_year, (start_year + 1) % 100);
}

// Quarter of the financial year: April-June is 1, January-March is 4.
int financial_quarter_of(Month m) { return (m.month() + 8) % 12 / 3 + 1; }

}  // namespace

std::string short_month_range(Month first, Month last) {
  if (first == last) return first.short_name();
  if (first.year() == last.year())
    return fmt::format("{}{}{}", first.short_month_name(), kEnDash, last.short_name());
  return fmt::format("{}{}{}", first.short_name(), kEnDash, last.short_name());
}

std::string long_month_range(Month first, Month last) {
  if (first == last) return first.long_name();
  if (first.year() == last.year())
    return fmt::format("{}{}{}", first.month_name(), kEnDash, last.long_name());
  return fmt::format("{}{}{}", first.long_name(), kEnDash, last.long_name());
}

Window::Window(Month first, Month last, std::string label, std::string description, WindowKind kind)
    : first_(first),
      last_(last),
      label_(std::move(label)),
      description_(std::move(description)),
      kind_(kind) {
  if (last_ < first_)
    throw InputError(
        fmt::format("period {} to {} ends before it starts: give the earlier month first", first_, last_));
  if (label_.empty()) label_ = short_month_range(first_, last_);
  if (description_.empty()) description_ = long_month_range(first_, last_);
}

std::vector<Month> Window::months() const {
  std::vector<Month> out;
  out.reserve(static_cast<std::size_t>(size()));
  for (Month m = first_; m <= last_; ++m) out.push_back(m);
  return out;
}

Window Window::shifted_years(int years) const {
  const int months = 12 * years;
  switch (kind_) {
    case WindowKind::year_ending:
      return year_ending(last_ + months);
    case WindowKind::financial_year:
      return financial_year(financial_year_of(first_) + years);
    case WindowKind::calendar_year:
      return calendar_year(first_.year() + years);
    case WindowKind::financial_quarter:
      return financial_quarter(financial_year_of(first_) + years, financial_quarter_of(first_));
    case WindowKind::quarter_ending:
      return quarter_ending(last_ + months);
    case WindowKind::financial_year_to_date:
      return financial_year_to_date(last_ + months);
    case WindowKind::custom:
      break;
  }
  return Window(first_ + months, last_ + months);
}

Window year_ending(Month end) {
  const Month first = end - 11;
  return Window(first, end, year_label(first, end), fmt::format("YE {}", end.long_name()),
                WindowKind::year_ending);
}

Window rolling_12_months(Month end) { return year_ending(end); }

Window financial_year(int start_year) {
  const Month first(start_year, 4);
  return Window(first, first + 11, financial_year_label(start_year),
                fmt::format("financial year {}", financial_year_label(start_year)),
                WindowKind::financial_year);
}

Window calendar_year(int year) {
  const Month first(year, 1);
  return Window(first, first + 11, fmt::format("{}", year), fmt::format("calendar year {}", year),
                WindowKind::calendar_year);
}

Window financial_quarter(int start_year, int quarter) {
  if (quarter < 1 || quarter > 4)
    throw InputError(fmt::format(
        "quarter {} is not valid: financial quarters are 1 (April-June) to 4 (January-March)", quarter));
  const Month first = Month(start_year, 4) + 3 * (quarter - 1);
  const Month last = first + 2;
  const std::string label = fmt::format("Q{} {}", quarter, financial_year_label(start_year));
  return Window(first, last, label, fmt::format("{} ({})", label, long_month_range(first, last)),
                WindowKind::financial_quarter);
}

Window quarter_ending(Month end) {
  const Month first = end - 2;
  return Window(first, end, short_month_range(first, end), long_month_range(first, end),
                WindowKind::quarter_ending);
}

Window financial_year_to_date(Month last) {
  const int start_year = financial_year_of(last);
  const Month first(start_year, 4);
  return Window(first, last, short_month_range(first, last),
                fmt::format("financial year {} to date ({})", financial_year_label(start_year),
                            long_month_range(first, last)),
                WindowKind::financial_year_to_date);
}

int financial_year_of(Month m) { return m.month() >= 4 ? m.year() : m.year() - 1; }

Window same_period_last_year(const Window& w) { return w.shifted_years(-1); }

std::vector<Window> years_back(const Window& latest, int n) {
  if (n < 1) throw InputError(fmt::format("number of years {} is not valid: ask for at least 1 year", n));
  std::vector<Window> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int back = n - 1; back >= 0; --back) out.push_back(latest.shifted_years(-back));
  return out;
}

std::vector<Window> years_back(Month end, int n) { return years_back(year_ending(end), n); }

}  // namespace csa::period
