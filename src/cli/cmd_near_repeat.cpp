// csa near-repeat: the Knox test for near repeats (hotspot/near_repeat.hpp, docs/METHODS.md §11) on a
// CSV of incidents with day-level dates, such as a force's local burglary extract (police.uk gives
// months only, which is too coarse). Reads British National Grid easting/northing columns, or
// longitude/latitude projected to BNG; prints the Near Repeat Calculator's table of Knox ratios with
// significance marks, accounts for every row (read = used + rejected, the rejected ones listed) and
// writes near_repeat.csv. `--synthetic N` runs the test on N generated incidents instead, to time it
// (bench/near_repeat.sh).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <cctype>
#include <variant>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "geo/csv_table.hpp"
#include "geo/projection.hpp"
#include "hotspot/near_repeat.hpp"
#include "hotspot/synthetic.hpp"

namespace csa::cli {
namespace {

struct NearRepeatArgs {
  std::string input;
  std::string x_column, y_column, lon_column, lat_column;
  std::string date_column = "date";
  std::string date_format = "%Y-%m-%d";
  int distance_band = 200, distance_bands = 5, time_band = 14, time_bands = 5;
  int permutations = 999;
  std::uint64_t seed = 1;
  bool manhattan = false;
  unsigned threads = 0;
  std::string out;
  bool quiet = false;
  std::int64_t synthetic = 0;
  double synthetic_side = 10000;
  int synthetic_days = 365;
};

constexpr std::size_t kRejectedShown = 10;

// British National Grid's extent, and Great Britain's in degrees (with a margin), for plausibility.
constexpr double kMaxEasting = 700000, kMaxNorthing = 1300000;
constexpr double kMinLon = -9, kMaxLon = 2.5, kMinLat = 49, kMaxLat = 61.5;

std::optional<double> parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// 1 … `most` digits as a number, advancing s; nullopt when there are none or too many.
std::optional<int> take_digits(std::string_view& s, std::size_t least, std::size_t most) {
  std::size_t n = 0;
  while (n < s.size() && n < most + 1 && s[n] >= '0' && s[n] <= '9') ++n;
  if (n < least || n > most) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) v = v * 10 + (s[i] - '0');
  s.remove_prefix(n);
  return v;
}

bool take(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

int days_of(int y, int m, int d) {
  return static_cast<int>(std::chrono::sys_days{std::chrono::year{y} / m / d}.time_since_epoch().count());
}

std::string date_of(std::int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// A date in the given format as days since 1970-01-01, or the reason it is not one. A time of day
// after the date (" 14:30", "T14:30:00Z") is allowed and ignored: the test counts whole days.
std::variant<int, std::string> parse_date(std::string_view text, const std::string& format) {
  std::string_view s = text;
  std::optional<int> y, m, d;
  const std::string_view example = format == "%Y-%m-%d" ? "2024-03-05" : "05/03/2024";
  if (format == "%Y-%m-%d") {
    y = take_digits(s, 4, 4);
    if (y && take(s, '-')) m = take_digits(s, 1, 2);
    if (m && take(s, '-')) d = take_digits(s, 1, 2);
  } else {
    d = take_digits(s, 1, 2);
    if (d && take(s, '/')) m = take_digits(s, 1, 2);
    if (m && take(s, '/')) y = take_digits(s, 4, 4);
  }
  const bool time_follows = !s.empty() && (s.front() == ' ' || s.front() == 'T') && s.size() > 1 && s[1] >= '0' &&
                            s[1] <= '9';
  if (!y || !m || !d || !(s.empty() || time_follows)) {
    return fmt::format("date '{}' is not in the form {} (e.g. {}); fix the date or give --date-format {}", text,
                       format, example, format == "%Y-%m-%d" ? "%d/%m/%Y" : "%Y-%m-%d");
  }
  const std::chrono::year_month_day ymd{std::chrono::year{*y} / *m / *d};
  if (!ymd.ok()) {
    return fmt::format("date '{}' does not exist (read as day {}, month {}, year {} by {}); fix the date", text, *d,
                       *m, *y, format);
  }
  if (*y < 1900 || *y > 2100) return fmt::format("date '{}' has year {}, outside 1900 to 2100; fix the date", text, *y);
  return days_of(*y, *m, *d);
}

struct Incidents {
  std::vector<double> x, y;
  std::vector<std::int32_t> day;
  geo::ReadReport report;
  std::string projection;  // the PROJ operation when lon/lat were projected
};

Incidents read_incidents(const NearRepeatArgs& a) {
  const bool lon_lat = !a.lon_column.empty() || !a.lat_column.empty();
  if (lon_lat && (a.lon_column.empty() || a.lat_column.empty())) {
    throw InputError("give both --lon-column and --lat-column (or --x-column and --y-column for British National "
                     "Grid easting and northing)");
  }
  if (lon_lat && (!a.x_column.empty() || !a.y_column.empty())) {
    throw InputError("give either --x-column/--y-column (British National Grid metres) or --lon-column/--lat-column "
                     "(degrees), not both");
  }
  if (a.date_format != "%Y-%m-%d" && a.date_format != "%d/%m/%Y") {
    throw InputError(fmt::format("--date-format {} is not one csa reads; give %Y-%m-%d (2024-03-05) or %d/%m/%Y "
                                 "(05/03/2024)",
                                 a.date_format));
  }
  const std::string first = lon_lat ? a.lon_column : (a.x_column.empty() ? "easting" : a.x_column);
  const std::string second = lon_lat ? a.lat_column : (a.y_column.empty() ? "northing" : a.y_column);
  const std::string first_what = lon_lat ? "longitude" : "easting";
  const std::string second_what = lon_lat ? "latitude" : "northing";

  geo::CsvTable table(a.input);
  // Columns by name, case ignored; all missing ones named at once, with the columns there are.
  auto find_columns = [&](const std::vector<std::pair<std::string, std::string>>& wanted) {
    std::vector<std::size_t> index;
    std::vector<std::string> missing;
    auto lower = [](std::string_view v) {
      std::string out(v);
      for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return out;
    };
    for (const auto& [name, option] : wanted) {
      const auto& h = table.header();
      auto it = std::find_if(h.begin(), h.end(), [&](const std::string& c) { return lower(c) == lower(name); });
      if (it == h.end()) missing.push_back(fmt::format("{} ({})", name, option));
      index.push_back(static_cast<std::size_t>(it - h.begin()));
    }
    if (!missing.empty()) {
      std::string found;
      for (const auto& c : table.header()) found += (found.empty() ? "" : ", ") + c;
      throw InputError(fmt::format("{}:1: no column {}; columns found: {}; name the file's columns with {}", a.input,
                                   fmt::join(missing, ", no column "), found,
                                   lon_lat ? "--lon-column, --lat-column and --date-column"
                                           : "--x-column, --y-column and --date-column (or --lon-column and "
                                             "--lat-column for degrees)"));
    }
    return index;
  };
  const auto columns = find_columns({{first, lon_lat ? "--lon-column" : "--x-column"},
                                     {second, lon_lat ? "--lat-column" : "--y-column"},
                                     {a.date_column, "--date-column"}});
  const std::size_t ci = columns[0], cj = columns[1], cd = columns[2];

  Incidents out;
  std::unique_ptr<geo::BngProjector> projector;
  if (lon_lat) {
    projector = std::make_unique<geo::BngProjector>();
    out.projection = projector->operation();
  }
  auto coordinate = [&](std::string_view text, const std::string& what, double lo, double hi,
                        std::string_view hint) -> std::variant<double, std::string> {
    if (text.empty()) return fmt::format("no {}; the incident cannot be placed, so it is left out", what);
    auto v = parse_number(text);
    if (!v) return fmt::format("{} '{}' is not a number; fix the value", what, text);
    if (*v < lo || *v > hi) return fmt::format("{} '{}' is outside {} to {}; {}", what, text, lo, hi, hint);
    return *v;
  };
  const std::string bng_hint =
      "are these longitude/latitude? give --lon-column and --lat-column instead; else fix the value";
  const std::string degree_hint = "are the longitude and latitude columns swapped, or are these British National "
                                  "Grid metres (--x-column, --y-column)? else fix the value";
  out.report = table.read_rows([&](const std::vector<std::string_view>& f, std::uint64_t) -> std::optional<std::string> {
    auto first_value = coordinate(f[ci], first_what, lon_lat ? kMinLon : 0, lon_lat ? kMaxLon : kMaxEasting,
                                  lon_lat ? degree_hint : bng_hint);
    if (auto* e = std::get_if<std::string>(&first_value)) return *e;
    auto second_value = coordinate(f[cj], second_what, lon_lat ? kMinLat : 0, lon_lat ? kMaxLat : kMaxNorthing,
                                   lon_lat ? degree_hint : bng_hint);
    if (auto* e = std::get_if<std::string>(&second_value)) return *e;
    if (f[cd].empty()) return std::string("no date; the incident cannot be placed in time, so it is left out");
    auto day = parse_date(f[cd], a.date_format);
    if (auto* e = std::get_if<std::string>(&day)) return *e;
    double x = std::get<double>(first_value), y = std::get<double>(second_value);
    if (!projector && x < 1000 && y < 1000) {
      // That corner of the grid is sea south-west of the Isles of Scilly.
      return fmt::format("easting {} and northing {} look like longitude and latitude (or kilometres), not British "
                         "National Grid metres; give --lon-column and --lat-column, or fix the values",
                         f[ci], f[cj]);
    }
    if (projector) {
      auto p = projector->to_bng(x, y);
      if (std::isnan(p.easting) || std::isnan(p.northing)) {
        return fmt::format("longitude {}, latitude {} cannot be projected to British National Grid; fix the value",
                           f[ci], f[cj]);
      }
      x = p.easting;
      y = p.northing;
    }
    out.x.push_back(x);
    out.y.push_back(y);
    out.day.push_back(std::get<int>(day));
    return std::nullopt;
  });
  return out;
}

hotspot::NearRepeatSettings settings_of(const NearRepeatArgs& a) {
  hotspot::NearRepeatSettings s;
  s.distance_band = a.distance_band;
  s.distance_bands = a.distance_bands;
  s.time_band = a.time_band;
  s.time_bands = a.time_bands;
  s.permutations = a.permutations;
  s.seed = a.seed;
  s.manhattan = a.manhattan;
  s.threads = a.threads;
  return s;
}

void print_result(const hotspot::NearRepeatResult& r, const hotspot::NearRepeatSettings& s) {
  fmt::print("Distances:  {} in British National Grid metres, rounded to the metre; bands of {} m after the same "
             "location\n",
             s.manhattan ? "Manhattan (|dx| + |dy|)" : "straight-line", with_commas(s.distance_band));
  fmt::print("Times:      whole days between the two dates; bands of {} days (the first 0 to {})\n",
             with_commas(s.time_band), with_commas(s.time_band));
  fmt::print("Pairs:      {} in all, {} within {} m\n", with_commas(r.pairs), with_commas(r.close_pairs),
             with_commas(static_cast<std::int64_t>(s.distance_band) * s.distance_bands));
  fmt::print("Test:       dates shuffled among the places {} times (seed {}); Knox ratio = observed pairs / mean "
             "of the shuffled; p = (shuffles with at least the observed count + 1) / ({} + 1)\n\n",
             with_commas(r.permutations), s.seed, with_commas(r.permutations));

  // The Calculator's table: distance bands down, time bands across.
  std::size_t label_width = 0, cell_width = 9;
  for (int row = 0; row < r.rows; ++row) label_width = std::max(label_width, distance_label(r, row).size());
  for (int col = 0; col < r.columns; ++col) cell_width = std::max(cell_width, time_label(r, col).size() + 2);
  fmt::print("Knox ratios (** p <= 0.01 and ratio >= 1.2; * p <= 0.05 and ratio >= 1.2)\n");
  fmt::print("{:<{}}", "", label_width);
  for (int col = 0; col < r.columns; ++col) fmt::print("{:>{}}", time_label(r, col), cell_width);
  fmt::print("\n");
  for (int row = 0; row < r.rows; ++row) {
    fmt::print("{:<{}}", distance_label(r, row), label_width);
    for (int col = 0; col < r.columns; ++col) {
      const auto c = r.cell(row, col);
      const char* mark = r.flag[c] == hotspot::NearRepeatFlag::p01   ? "**"
                         : r.flag[c] == hotspot::NearRepeatFlag::p05 ? "* "
                                                                     : "  ";
      const std::string ratio = std::isnan(r.knox_ratio[c]) ? std::string("-") : fmt::format("{:.2f}", r.knox_ratio[c]);
      fmt::print("{:>{}}{}", ratio, cell_width - 2, mark);
    }
    fmt::print("\n");
  }
  fmt::print("\n");
  int flagged = 0;
  for (int row = 0; row + 1 < r.rows; ++row) {
    for (int col = 0; col + 1 < r.columns; ++col) {
      const auto c = r.cell(row, col);
      if (r.flag[c] == hotspot::NearRepeatFlag::none) continue;
      ++flagged;
      fmt::print("{}:  {}, {}: {} pairs where {:.1f} were expected (Knox ratio {:.2f}, p = {:.3g})\n",
                 row == 0 ? "Repeat     " : "Near repeat", distance_label(r, row), time_label(r, col),
                 with_commas(r.observed[c]), r.expected[c], r.knox_ratio[c], r.p[c]);
    }
  }
  const int tested = (r.rows - 1) * (r.columns - 1);
  if (flagged > 0) {
    fmt::print("Chance:     {} of the {} bands within {} m and {} days are flagged; with no near-repeat pattern at "
               "all about {:.1f} would reach p <= 0.05 by chance, so read a run of flags in the nearest bands and "
               "first weeks, not one lone band\n",
               flagged, tested, with_commas(static_cast<std::int64_t>(s.distance_band) * s.distance_bands),
               with_commas(static_cast<std::int64_t>(s.time_band) * s.time_bands), 0.05 * tested);
  }
  if (flagged == 0) {
    fmt::print("No band within {} m and {} days has significantly more pairs than chance (p <= 0.05 and a Knox "
               "ratio of 1.2 or more).\n",
               with_commas(static_cast<std::int64_t>(s.distance_band) * s.distance_bands),
               with_commas(static_cast<std::int64_t>(s.time_band) * s.time_bands));
  }
  fmt::print("Time:       pairs {:.3f} s; {} permutations {:.3f} s on {} thread{}\n", r.pair_seconds,
             with_commas(r.permutations), r.permutation_seconds, r.threads, r.threads == 1 ? "" : "s");
}

void write_csv(const hotspot::NearRepeatResult& r, const std::string& out) {
  if (out.empty()) return;
  std::filesystem::path dir(out);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw IoError(fmt::format("cannot create {}: {}", out, ec.message()));
  hotspot::write_near_repeat_csv(dir / "near_repeat.csv", r);
  fmt::print("Wrote:      {}\n", (dir / "near_repeat.csv").string());
}

void run_synthetic(const NearRepeatArgs& a) {
  auto events = hotspot::synthetic_events(a.synthetic, a.synthetic_side, a.synthetic_days);
  fmt::print("Synthetic:  {} incidents in a {:g} m square over {} days (seed 1): 80% uniform, 20% in 10 tight "
             "clusters; days independent of places\n",
             with_commas(a.synthetic), a.synthetic_side, with_commas(a.synthetic_days));
  auto settings = settings_of(a);
  hotspot::NearRepeatResult r;
  {
    ProgressBar bar(a.quiet);
    r = hotspot::knox_test(events.x, events.y, events.day, settings, bar.callback());
  }
  print_result(r, settings);
  write_csv(r, a.out);
}

void run_near_repeat(const NearRepeatArgs& a) {
  auto settings = settings_of(a);
  hotspot::check_near_repeat_settings(settings);  // before reading the file
  if (a.synthetic > 0) return run_synthetic(a);
  if (a.input.empty()) throw InputError("--input FILE.csv is required (or --synthetic N to time the test)");
  auto incidents = read_incidents(a);
  const auto& rep = incidents.report;
  fmt::print("Near repeats: {}\n", a.input);
  fmt::print("Rows:       {} read = {} used + {} rejected\n", with_commas(static_cast<std::int64_t>(rep.rows_read)),
             with_commas(static_cast<std::int64_t>(rep.rows_kept)),
             with_commas(static_cast<std::int64_t>(rep.rows_rejected())));
  for (std::size_t i = 0; i < rep.rejected.size() && i < kRejectedShown; ++i) {
    fmt::print("  rejected  {}\n            row: {}\n", geo::describe(rep, rep.rejected[i]), rep.rejected[i].raw);
  }
  if (rep.rejected.size() > kRejectedShown) {
    fmt::print("  … and {} more rejected rows\n", with_commas(static_cast<std::int64_t>(rep.rejected.size() - kRejectedShown)));
  }
  if (!rep.balanced()) throw InternalError("rows read do not equal rows used + rejected");
  if (!incidents.projection.empty()) fmt::print("Projection: {}\n", incidents.projection);
  if (incidents.day.size() < 2) {
    throw InputError(fmt::format("{}: {} usable incident{}; the near-repeat test needs at least 2 (see the rejected "
                                 "rows above)",
                                 a.input, incidents.day.size(), incidents.day.size() == 1 ? "" : "s"));
  }
  const auto [first, last] = std::minmax_element(incidents.day.begin(), incidents.day.end());
  const std::int64_t span = static_cast<std::int64_t>(*last) - *first + 1;
  fmt::print("Dates:      {} to {} ({} days)\n", date_of(*first), date_of(*last), with_commas(span));
  // Months written as dates (police.uk's 2024-03 as 2024-03-01) would put every pair a multiple of
  // about 30 days apart: the time bands would measure nothing.
  const bool all_firsts = std::all_of(incidents.day.begin(), incidents.day.end(), [](std::int32_t d) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{d}}}.day() == std::chrono::day{1};
  });
  if (all_firsts && incidents.day.size() >= 10) {
    throw InputError(fmt::format("{}: all {} dates are the 1st of a month, so they look like months (as police.uk "
                                 "gives them), not days; the near-repeat test needs the day of each incident, "
                                 "from a local extract",
                                 a.input, with_commas(static_cast<std::int64_t>(incidents.day.size()))));
  }
  if (span > 366) {
    fmt::print("Note:       the dates span more than a year; if where incidents happen changed over that time "
               "(a new estate, a hot spot that moved), the test reads it as near repeats: a year or less is "
               "safer (METHODS.md §11)\n");
  }
  hotspot::NearRepeatResult r;
  {
    ProgressBar bar(a.quiet);
    r = hotspot::knox_test(incidents.x, incidents.y, incidents.day, settings, bar.callback());
  }
  print_result(r, settings);
  write_csv(r, a.out);
}

}  // namespace

void add_near_repeat_command(CLI::App& app) {
  auto a = std::make_shared<NearRepeatArgs>();
  auto* s = app.add_subcommand("near-repeat", "Near repeats (Knox test, as the Near Repeat Calculator): are incidents\n"
                                              "close in space also close in time, more than chance? From a CSV with\n"
                                              "day-level dates");
  s->add_option("--input", a->input, "CSV of incidents, one per row, with coordinates and a date");
  s->add_option("--x-column", a->x_column, "Column of British National Grid eastings in metres (default: easting)");
  s->add_option("--y-column", a->y_column, "Column of British National Grid northings in metres (default: northing)");
  s->add_option("--lon-column", a->lon_column, "Column of WGS84 longitudes, instead of --x-column (projected to BNG)");
  s->add_option("--lat-column", a->lat_column, "Column of WGS84 latitudes, instead of --y-column");
  s->add_option("--date-column", a->date_column, "Column of dates (a time of day after the date is ignored)")
      ->capture_default_str();
  s->add_option("--date-format", a->date_format, "%Y-%m-%d (2024-03-05) or %d/%m/%Y (05/03/2024)")
      ->capture_default_str();
  s->add_option("--distance-band", a->distance_band, "Width of each distance band in metres")->capture_default_str();
  s->add_option("--distance-bands", a->distance_bands, "Number of distance bands after the same location (a\n"
                                                       "'more than' band follows)")
      ->capture_default_str();
  s->add_option("--time-band", a->time_band, "Width of each time band in days")->capture_default_str();
  s->add_option("--time-bands", a->time_bands, "Number of time bands (a 'more than' band follows)")
      ->capture_default_str();
  s->add_option("--permutations", a->permutations, "Monte Carlo permutations of the dates")->capture_default_str();
  s->add_option("--seed", a->seed, "Seed of the permutations (the same seed gives the same p-values)")
      ->capture_default_str();
  s->add_flag("--manhattan", a->manhattan, "Manhattan distance (|dx| + |dy|, along a street grid) instead of\n"
                                           "straight-line");
  s->add_option("--threads", a->threads, "Threads for the permutations (default: all cores)");
  s->add_option("--out", a->out, "Folder for near_repeat.csv (one row per distance band × time band)");
  s->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
  s->add_option("--synthetic", a->synthetic, "Time the test on N generated incidents instead of --input\n"
                                             "(bench/near_repeat.sh)");
  s->add_option("--synthetic-side", a->synthetic_side, "Side in metres of the square the --synthetic incidents fill")
      ->capture_default_str();
  s->add_option("--synthetic-days", a->synthetic_days, "Days the --synthetic incidents' dates span")
      ->capture_default_str();
  s->callback([a] { run_near_repeat(*a); });
}

}  // namespace csa::cli
