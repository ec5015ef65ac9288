#include "table/monthly_series.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "measure/change.hpp"
#include "measure/rounding.hpp"
#include "period/coverage.hpp"
#include "table/table_notes.hpp"

namespace csa::table {
namespace {

using period::Month;
using period::Window;

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", with_commas(n), n == 1 ? one : many);
}

// The monthly counts the table reads: every month from the earliest loaded one (or the first month
// shown, if earlier) to the last month shown, with which months have a loaded batch. Index i is
// month first + i.
class Series {
 public:
  Series(const cube::Cube& cube, int area, taxonomy::CrimeTypeSet types, const Window& shown,
         const std::set<Month>& loaded, const measure::SuppressionRule& rule, bool suppressing)
      : first_(!loaded.empty() && *loaded.begin() < shown.first() ? *loaded.begin() : shown.first()),
        rule_(rule),
        suppressing_(suppressing) {
    counts_ = cube.monthly(area, types, Window(first_, shown.last()));
    for (std::size_t i = 0; i < counts_.size(); ++i) loaded_.push_back(loaded.contains(month(i)));
  }

  std::size_t size() const { return counts_.size(); }
  Month month(std::size_t i) const { return first_ + static_cast<int>(i); }
  Month first() const { return first_; }
  // The index of a month, or -1 when it is outside the series.
  std::ptrdiff_t index(Month m) const {
    std::ptrdiff_t i = m - first_;
    return i < 0 || i >= static_cast<std::ptrdiff_t>(size()) ? -1 : i;
  }
  bool loaded(std::size_t i) const { return loaded_[i]; }
  std::int64_t count(std::size_t i) const { return counts_[i]; }
  bool suppressed(std::size_t i) const {
    return suppressing_ && loaded_[i] && measure::is_suppressed(counts_[i], rule_);
  }
  // Whether every month of [a, b] is loaded, and whether any is suppressed; the sum of their counts.
  bool all_loaded(std::size_t a, std::size_t b) const {
    for (std::size_t i = a; i <= b; ++i)
      if (!loaded_[i]) return false;
    return true;
  }
  bool any_suppressed(std::size_t a, std::size_t b) const {
    for (std::size_t i = a; i <= b; ++i)
      if (suppressed(i)) return true;
    return false;
  }
  std::int64_t sum(std::size_t a, std::size_t b) const {
    std::int64_t s = 0;
    for (std::size_t i = a; i <= b; ++i) s += counts_[i];
    return s;
  }
  // A whole window inside the series with every month loaded: its [a, b]; nullopt otherwise.
  std::optional<std::pair<std::size_t, std::size_t>> complete(const Window& w) const {
    auto a = index(w.first());
    auto b = index(w.last());
    if (a < 0 || b < 0) return std::nullopt;
    auto ua = static_cast<std::size_t>(a);
    auto ub = static_cast<std::size_t>(b);
    if (!all_loaded(ua, ub)) return std::nullopt;
    return std::pair{ua, ub};
  }
  Cell count_cell(std::size_t i) const {
    if (!loaded_[i]) return {"n/a", std::nullopt};
    if (suppressed(i)) return {measure::format_count(counts_[i], rule_), std::nullopt};
    return {std::to_string(counts_[i]), static_cast<double>(counts_[i])};
  }
  std::int64_t threshold() const { return rule_.threshold; }
  std::string count_text(std::int64_t n) const {
    return suppressing_ && measure::is_suppressed(n, rule_) ? measure::format_count(n, rule_) : with_commas(n);
  }

 private:
  Month first_;
  measure::SuppressionRule rule_;
  bool suppressing_;
  std::vector<std::int64_t> counts_;
  std::vector<bool> loaded_;
};

// SPC points per month, judged within runs of consecutive loaded months: a baseline never spans a
// month without data (that month is not 0), so after a gap a month waits for a full baseline again.
std::vector<std::optional<stats::SpcPoint>> spc_points(const Series& s, const stats::SpcOptions& options) {
  std::vector<std::optional<stats::SpcPoint>> out(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (!s.loaded(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::vector<double> run;
    while (j < s.size() && s.loaded(j)) run.push_back(static_cast<double>(s.count(j++)));
    auto points = stats::spc_exceptions(run, options);
    for (std::size_t k = 0; k < points.size(); ++k) out[i + k] = points[k];
    i = j;
  }
  return out;
}

// "highest since Mar 2024" / "highest in the loaded data" per month, over the loaded months only
// (a month without data is unknown, not lower), with the months without data in between counted.
std::vector<std::string> highest_since_notes(const Series& s, int min_months) {
  std::vector<std::string> out(s.size());
  std::vector<double> values;
  std::vector<std::size_t> at;  // series index of each loaded value
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!s.loaded(i)) continue;
    values.push_back(static_cast<double>(s.count(i)));
    at.push_back(i);
  }
  auto gap_text = [](std::size_t missing) {
    return missing == 0 ? std::string() : fmt::format(" ({} without data)", plural(static_cast<std::int64_t>(missing), "month", "months"));
  };
  for (std::size_t k = 0; k < values.size(); ++k) {
    std::size_t i = at[k];
    auto since = stats::highest_since(values, k);
    // How far back the run of lower months reaches, in calendar months: to the last month at least
    // as high, or to the first loaded month.
    std::size_t reach = since ? i - at[*since] : i - at[0];
    if (reach < static_cast<std::size_t>(min_months)) continue;
    if (since) {
      std::size_t lower = k - *since - 1;  // loaded months strictly between, all lower
      out[i] = "highest since " + s.month(at[*since]).short_name() + gap_text(reach - 1 - lower);
    } else {
      out[i] = "highest in the loaded data" + gap_text(reach - k);
    }
  }
  return out;
}

std::string join_and(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? "" : items[0];
  std::string out;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + " and " + items.back();
}

void add_peak_note(Table& t, const Series& s, const Window& shown) {
  std::int64_t peak = -1;
  std::vector<std::string> months;
  for (Month m = shown.first(); m <= shown.last(); ++m) {
    auto i = s.index(m);
    if (i < 0 || !s.loaded(static_cast<std::size_t>(i))) continue;
    std::int64_t n = s.count(static_cast<std::size_t>(i));
    if (n > peak) {
      peak = n;
      months.clear();
    }
    if (n == peak) months.push_back(m.short_name());
  }
  if (peak < 0) return;
  if (months.size() > 3) {
    t.notes.push_back(fmt::format("Peak month of {}: {} months tie, the latest {} ({}).", shown.label(), months.size(),
                                  months.back(), s.count_text(peak)));
    return;
  }
  t.notes.push_back(fmt::format("Peak month of {}: {} ({}).", shown.label(), join_and(months), s.count_text(peak)));
}

// The average month of each year ending at the last month shown, and 12, 24 … months before, while
// that year ends within the months shown.
void add_annual_average_note(Table& t, const Series& s, const Window& shown, const std::set<Month>& loaded) {
  std::vector<std::string> parts;
  for (Month end = shown.last();; end -= 12) {
    Window ye = period::year_ending(end);
    auto cov = period::coverage(ye, loaded);
    auto range = s.complete(ye);
    if (cov.status() == period::CoverageStatus::empty) {
      // A year wholly before (or after) the data says nothing.
    } else if (!range) {
      parts.push_back(fmt::format("{}: not available ({} of 12 without data)", ye.description(), cov.months_missing()));
    } else if (s.any_suppressed(range->first, range->second)) {
      parts.push_back(fmt::format("{}: -", ye.description()));
    } else {
      std::int64_t total = s.sum(range->first, range->second);
      parts.push_back(fmt::format("{}: {} ({} in the year)", ye.description(), measure::format_ratio(total, 12, 1),
                                  with_commas(total)));
    }
    if (end - shown.first() < 12) break;  // the next year would end before the months shown
  }
  if (!parts.empty()) t.notes.push_back(fmt::format("Monthly average, {}.", fmt::join(parts, "; ")));
}

// The latest financial year of the months shown, when not all of it is loaded: its total projected
// from the year to date (April to the latest loaded month shown) and last year's seasonal shape
// (stats::project_year).
void add_projection_note(Table& t, const Series& s, const Window& shown, const std::set<Month>& loaded,
                         const stats::ProjectionOptions& options) {
  auto latest = loaded.upper_bound(shown.last());
  if (latest == loaded.begin()) return;
  Month last = *std::prev(latest);
  if (last < shown.first()) return;
  int fy = period::financial_year_of(last);
  Window year = period::financial_year(fy);
  if (period::coverage(year, loaded).complete()) return;
  Window ytd = period::financial_year_to_date(last);
  Window previous = period::financial_year(fy - 1);
  Window previous_same(previous.first(), last - 12);
  std::string ytd_months = period::long_month_range(ytd.first(), ytd.last());
  std::string previous_months = period::long_month_range(previous_same.first(), previous_same.last());
  auto a = s.complete(ytd);
  auto b = s.complete(previous);
  if (!a || !b) {
    t.notes.push_back(fmt::format("No projection for {}: it needs data for every month of {} and of {}.", year.label(),
                                  ytd_months, previous.description()));
    return;
  }
  if (s.any_suppressed(a->first, a->second) || s.any_suppressed(b->first, b->second)) {
    t.notes.push_back(fmt::format("Projected {}: hidden (-), as it is built on counts under {}.", year.label(),
                                  s.threshold()));
    return;
  }
  std::int64_t ytd_n = s.sum(a->first, a->second);
  std::int64_t previous_n = s.sum(b->first, b->second);
  auto c = s.complete(previous_same);  // inside `previous`, so complete too
  std::int64_t same_n = s.sum(c->first, c->second);
  auto p = stats::project_year(ytd_n, previous_n, same_n, options);
  if (!p) {
    t.notes.push_back(fmt::format("No projection for {}: no incidents in {} to scale by.", year.label(), previous_months));
    return;
  }
  std::string text = fmt::format(
      "Projected {}: {} ({:g}% interval {}–{}), from {} ({}) scaled by {} ({}) over {} ({}); it assumes this "
      "year follows last year's seasonal shape (docs/METHODS.md §6).",
      year.label(), with_commas(std::llround(p->projected)), options.confidence * 100,
      with_commas(std::llround(p->interval.lower)), with_commas(std::llround(p->interval.upper)), ytd_months,
      with_commas(ytd_n), previous.description(), with_commas(previous_n), previous_months, with_commas(same_n));
  if (p->small_counts) {
    text += fmt::format(" Rough: one of these counts is under {}.", options.small_count);
  }
  t.notes.push_back(text);
}

}  // namespace

period::Window loaded_months_window(const std::set<period::Month>& months_loaded) {
  if (months_loaded.empty()) throw InputError("no months are loaded; run `csa ingest police-uk …` first");
  return Window(*months_loaded.begin(), *months_loaded.rbegin());
}

Table monthly_series(const cube::Cube& cube, const taxonomy::Selection& theme, const MonthlySeriesRequest& r) {
  const auto& g = cube.geography();
  if (r.area < 0 || static_cast<std::size_t>(r.area) >= g.areas().size()) {
    throw InternalError("monthly_series: the request names no area");
  }
  const auto& area = g.area(r.area);
  if (area.level == dataset::Level::lsoa) {
    throw InputError(fmt::format("a monthly series needs a ward, district or county; {} ({}) is an LSOA, and counts "
                                 "are held by ward",
                                 area.name, area.code));
  }
  if (r.highest_since_min_months < 2) {
    throw InputError(fmt::format("'highest since' needs a reach of at least 2 months, not {}: the month before is "
                                 "the last one at least as high whenever the count fell",
                                 r.highest_since_min_months));
  }
  const Window shown = r.window ? *r.window : loaded_months_window(r.months_loaded);
  const bool suppressing = r.suppress && r.suppression.threshold > 1;
  Series s(cube, r.area, theme.crime_types, shown, r.months_loaded, r.suppression, suppressing);
  auto spc = spc_points(s, r.spc);
  auto highest = highest_since_notes(s, r.highest_since_min_months);

  Table t;
  t.title = fmt::format("{} by month in {}, {}", theme.label, area.name, shown.description());
  t.columns.push_back({"month", "Month", Align::left});
  t.columns.push_back({"count", "Count", Align::right});
  t.columns.push_back({"rolling_12m_average", "12-month average", Align::right});
  t.columns.push_back({"year_earlier", "Year earlier", Align::right});
  t.columns.push_back({"change_on_year_earlier", "Change on year earlier", Align::right});
  t.columns.push_back({"spc", fmt::format("SPC ({} months, {:g} sd)", r.spc.baseline_months, r.spc.sigmas), Align::right});
  t.columns.push_back({"highest_since", "Highest since", Align::left});

  bool any_judged = false;
  for (Month m = shown.first(); m <= shown.last(); ++m) {
    const auto i = static_cast<std::size_t>(s.index(m));
    const bool here = s.loaded(i);
    Row row;
    row.cells.push_back({m.short_name(), std::nullopt});
    row.cells.push_back(s.count_cell(i));
    // 12-month rolling average: only with all 12 months ending here loaded.
    if (i >= 11 && s.all_loaded(i - 11, i)) {
      if (s.any_suppressed(i - 11, i)) {
        row.cells.push_back({"-", std::nullopt});
      } else {
        std::int64_t total = s.sum(i - 11, i);
        row.cells.push_back({measure::format_ratio(total, 12, 1), static_cast<double>(total) / 12.0});
      }
    } else {
      row.cells.push_back({"", std::nullopt});
    }
    // The same month a year earlier, and the change from it.
    std::optional<std::size_t> ago = i >= 12 ? std::optional<std::size_t>(i - 12) : std::nullopt;
    if (ago && s.loaded(*ago)) {
      row.cells.push_back(s.count_cell(*ago));
    } else {
      row.cells.push_back({"n/a", std::nullopt});
    }
    if (ago && s.loaded(*ago) && here) {
      if (s.suppressed(*ago) || s.suppressed(i)) {
        row.cells.push_back({"-", std::nullopt});
      } else {
        auto change = measure::compute_change(s.count(*ago), s.count(i));
        row.cells.push_back({measure::format_percent_and_volume(change),
                             change.percent ? std::optional<double>(change.percent->to_double()) : std::nullopt});
      }
    } else {
      row.cells.push_back({"", std::nullopt});
    }
    // SPC flag.
    const auto& point = spc[i];
    if (!here || !point || point->flag == stats::SpcFlag::insufficient_baseline) {
      row.cells.push_back({"", std::nullopt});
    } else if (s.suppressed(i)) {
      any_judged = true;
      row.cells.push_back({"-", std::nullopt});
    } else {
      any_judged = true;
      std::optional<double> z;
      if (point->sd > 0) z = (static_cast<double>(s.count(i)) - point->mean) / point->sd;
      const char* word = point->flag == stats::SpcFlag::high  ? "above"
                         : point->flag == stats::SpcFlag::low ? "below"
                                                              : "within";
      row.cells.push_back({word, z});
    }
    // Highest since.
    if (here && s.suppressed(i)) {
      row.cells.push_back({"-", std::nullopt});
    } else {
      row.cells.push_back({highest[i], std::nullopt});
    }
    t.rows.push_back(std::move(row));
  }

  // Notes: what the theme is, how each column is made, the period's highlights, coverage, sources.
  t.notes.push_back(fmt::format("Theme '{}' covers police.uk crime type(s): {}.", theme.label, [&] {
    std::vector<std::string> names;
    for (int c : theme.crime_types.codes()) names.push_back(taxonomy::crime_type_name(c));
    return fmt::format("{}", fmt::join(names, ", "));
  }()));
  add_peak_note(t, s, shown);
  add_annual_average_note(t, s, shown, r.months_loaded);
  add_projection_note(t, s, shown, r.months_loaded, r.projection);
  t.notes.push_back("12-month average: the mean of the 12 months ending with the month, shown only when all 12 have data.");
  t.notes.push_back("Year earlier: the same month a year before; change as whole percent of it and volume, +32% (+677).");
  std::string spc_note = fmt::format(
      "SPC: the month against the mean ± {:g} standard deviations of the previous {} months with data (a Shewhart "
      "chart with a moving baseline, docs/METHODS.md §5): above or below those limits, or within them; blank where "
      "fewer than {} earlier months have data. Seasonality is not removed.",
      r.spc.sigmas, r.spc.baseline_months, r.spc.min_baseline);
  if (r.spc.min_baseline < r.spc.baseline_months) {
    spc_note += fmt::format(" Judged from as few as {} months here, fewer than the usual {}: read with care.",
                            r.spc.min_baseline, r.spc.baseline_months);
  }
  if (!any_judged) {
    spc_note += fmt::format(" No month shown has {} earlier months of data, so none is judged.", r.spc.min_baseline);
  }
  t.notes.push_back(spc_note);
  t.notes.push_back(fmt::format(
      "Highest since: shown when the last month at least as high is {} or more months earlier (or there is none, "
      "with that much data before it); \"highest since Mar 2024\" means every month from Apr 2024 to the month "
      "before was lower.",
      r.highest_since_min_months));
  auto cov = period::coverage(shown, r.months_loaded);
  if (!cov.complete()) {
    t.notes.push_back(cov.sentence() + ". A month without data shows n/a, not 0, and the averages, changes and "
                                       "SPC baselines that need it are left blank.");
  }
  if (s.first() < shown.first()) {
    Window before(s.first(), shown.first() - 1);
    auto cov_before = period::coverage(before, r.months_loaded);
    std::string text = fmt::format("The averages, year-earlier figures, SPC baselines and 'highest since' also read "
                                   "the loaded months before {}, from {}",
                                   shown.first().short_name(), before.first().short_name());
    if (!cov_before.complete()) {
      text += fmt::format(" ({} of {} without data)", cov_before.months_missing(), cov_before.months_total());
    }
    t.notes.push_back(text + ".");
  }
  t.notes.push_back(std::string(dataset::assignment_sentence(r.assignment)));
  add_unplaced_notes(t, cube, r.area, theme.crime_types, theme.label, r.assignment, shown);
  if (suppressing) add_suppression_note(t, r.suppression);
  add_source_note(t);
  return t;
}

}  // namespace csa::table
