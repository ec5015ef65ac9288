#include "hotspot/near_repeat.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <thread>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "hotspot/synthetic.hpp"

namespace csa::hotspot {

namespace {

constexpr int kMaxBands = 100;
constexpr int kMaxPermutations = 1'000'000;
constexpr std::int64_t kMaxPoints = 50'000'000;
constexpr std::int64_t kMaxClosePairs = 400'000'000;  // 2 GB of pair lists
constexpr std::int32_t kMaxDaySpread = 1 << 29;        // ~1.5 million years: differences fit in int32

}  // namespace

void check_near_repeat_settings(const NearRepeatSettings& s) {
  if (s.distance_band < 1 || s.distance_band > 100'000) {
    throw InputError(fmt::format("the distance band width {} m is out of range; give whole metres from 1 to "
                                 "100,000 (the Near Repeat Calculator's default is 200)",
                                 s.distance_band));
  }
  if (s.distance_bands < 1 || s.distance_bands > kMaxBands) {
    throw InputError(fmt::format("{} distance bands is out of range; give 1 to {}", s.distance_bands, kMaxBands));
  }
  if (s.time_band < 1 || s.time_band > 3650) {
    throw InputError(fmt::format("the time band width {} days is out of range; give whole days from 1 to 3,650 "
                                 "(the Near Repeat Calculator's default is 14)",
                                 s.time_band));
  }
  if (s.time_bands < 1 || s.time_bands > kMaxBands) {
    throw InputError(fmt::format("{} time bands is out of range; give 1 to {}", s.time_bands, kMaxBands));
  }
  if (s.permutations < 1 || s.permutations > kMaxPermutations) {
    throw InputError(fmt::format("{} permutations is out of range; give 1 to {} (999 gives p-values down to "
                                 "0.001)",
                                 s.permutations, with_commas(kMaxPermutations)));
  }
}

namespace {

// A pair's distance in whole metres, rounded to the nearest (halves up).
inline std::int64_t whole_metres(double dx, double dy, bool manhattan) {
  const double d = manhattan ? std::abs(dx) + std::abs(dy) : std::sqrt(dx * dx + dy * dy);
  return static_cast<std::int64_t>(std::floor(d + 0.5));
}

// The close pairs, found once: for point i (in cell order), its partners j and each pair's distance
// row (0 = same location, 1 … bands), as a compressed list (offsets into partner/row).
struct ClosePairs {
  std::vector<std::uint32_t> order;   // order[i] = the input index of the i-th point in cell order
  std::vector<std::int64_t> offset;   // size n + 1
  std::vector<std::uint32_t> partner;
  std::vector<std::uint8_t> row;
};

ClosePairs find_close_pairs(const std::vector<double>& x, const std::vector<double>& y, const NearRepeatSettings& s) {
  const std::size_t n = x.size();
  const std::int64_t max_metres = static_cast<std::int64_t>(s.distance_band) * s.distance_bands;
  // A pair is close when its rounded distance is at most max_metres, i.e. the distance is below
  // max_metres + 0.5; both coordinate differences then are too, so cells of that side suffice.
  const double cell = static_cast<double>(max_metres) + 0.5;
  const auto [x_min, x_max] = std::minmax_element(x.begin(), x.end());
  const auto [y_min, y_max] = std::minmax_element(y.begin(), y.end());
  const double columns_needed = (*x_max - *x_min) / cell, rows_needed = (*y_max - *y_min) / cell;
  if (columns_needed > 1e9 || rows_needed > 1e9) {
    throw InputError(fmt::format("the incidents spread over {:.0f} × {:.0f} m, more than a billion distance "
                                 "bands across; check that the coordinates are metres (British National Grid)",
                                 *x_max - *x_min, *y_max - *y_min));
  }
  const std::int64_t grid_rows = static_cast<std::int64_t>(rows_needed) + 3;
  std::vector<std::int64_t> key(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto cx = static_cast<std::int64_t>((x[i] - *x_min) / cell);
    const auto cy = static_cast<std::int64_t>((y[i] - *y_min) / cell) + 1;  // row 0 stays empty
    key[i] = cx * grid_rows + cy;
  }
  ClosePairs out;
  out.order.resize(n);
  std::iota(out.order.begin(), out.order.end(), 0U);
  std::stable_sort(out.order.begin(), out.order.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
  // The occupied cells in key order, each with its first point.
  std::vector<std::int64_t> cell_key;
  std::vector<std::size_t> cell_start;
  for (std::size_t i = 0; i < n; ++i) {
    if (cell_key.empty() || key[out.order[i]] != cell_key.back()) {
      cell_key.push_back(key[out.order[i]]);
      cell_start.push_back(i);
    }
  }
  cell_start.push_back(n);
  auto find_cell = [&](std::int64_t k) -> std::ptrdiff_t {
    auto it = std::lower_bound(cell_key.begin(), cell_key.end(), k);
    return it != cell_key.end() && *it == k ? it - cell_key.begin() : -1;
  };
  std::vector<double> sx(n), sy(n);
  for (std::size_t i = 0; i < n; ++i) {
    sx[i] = x[out.order[i]];
    sy[i] = y[out.order[i]];
  }
  out.offset.assign(n + 1, 0);
  const std::int64_t forward[4] = {1, grid_rows - 1, grid_rows, grid_rows + 1};  // N, then the next column
  for (std::size_t c = 0; c + 1 < cell_start.size(); ++c) {
    std::ptrdiff_t neighbours[4];
    for (int k = 0; k < 4; ++k) neighbours[k] = find_cell(cell_key[c] + forward[k]);
    for (std::size_t i = cell_start[c]; i < cell_start[c + 1]; ++i) {
      auto consider = [&](std::size_t j) {
        const std::int64_t d = whole_metres(sx[j] - sx[i], sy[j] - sy[i], s.manhattan);
        if (d > max_metres) return;
        out.partner.push_back(static_cast<std::uint32_t>(j));
        out.row.push_back(static_cast<std::uint8_t>(d == 0 ? 0 : (d - 1) / s.distance_band + 1));
      };
      for (std::size_t j = i + 1; j < cell_start[c + 1]; ++j) consider(j);
      for (auto nb : neighbours) {
        if (nb < 0) continue;
        for (std::size_t j = cell_start[static_cast<std::size_t>(nb)]; j < cell_start[static_cast<std::size_t>(nb) + 1]; ++j) {
          consider(j);
        }
      }
      out.offset[i + 1] = static_cast<std::int64_t>(out.partner.size());
      if (out.offset[i + 1] > kMaxClosePairs) {
        throw InputError(fmt::format("more than {} pairs of incidents lie within {} m of each other; use fewer or "
                                     "narrower distance bands, or a smaller area or period",
                                     with_commas(kMaxClosePairs), with_commas(max_metres)));
      }
    }
  }
  return out;
}

// Counts every pair by band: the close pairs from their lists, the "beyond" distance row from the
// time band totals over all pairs. day is in cell order; counts has rows × columns cells.
class Counter {
 public:
  Counter(const ClosePairs& pairs, const NearRepeatSettings& s, std::vector<std::int64_t> column_totals)
      : pairs_(pairs), columns_(s.time_bands + 1), rows_(s.distance_bands + 2),
        column_totals_(std::move(column_totals)) {
    // column_of_[dt] for dt = 0 … last finite day + 1; the last entry is the "beyond" column.
    const std::int32_t last_day = s.time_band * s.time_bands;
    for (std::int32_t dt = 0; dt <= last_day; ++dt) {
      column_of_.push_back(static_cast<std::uint8_t>(dt <= s.time_band ? 0 : (dt - 1) / s.time_band));
    }
    column_of_.push_back(static_cast<std::uint8_t>(s.time_bands));
    cap_ = last_day + 1;
  }

  // scratch: reused between calls. Four copies of the counters, each pair of a run of four going to
  // its own copy, so that increments of one busy cell do not wait on each other (about 2× faster).
  void count(const std::vector<std::int32_t>& day, std::vector<std::int64_t>& counts,
             std::vector<std::uint32_t>& scratch) const {
    const std::size_t cells = counts.size();
    scratch.assign(4 * cells, 0);
    const std::size_t n = day.size();
    const std::uint32_t* partner = pairs_.partner.data();
    const std::uint8_t* row = pairs_.row.data();
    const std::uint8_t* column_of = column_of_.data();
    const std::int32_t* d = day.data();
    std::uint32_t* c0 = scratch.data();
    std::uint32_t* c1 = c0 + cells;
    std::uint32_t* c2 = c1 + cells;
    std::uint32_t* c3 = c2 + cells;
    const int columns = columns_;
    const std::int32_t cap = cap_;
    auto cell_of = [&](std::int64_t k, std::int32_t di) {
      std::int32_t dt = d[partner[k]] - di;
      dt = std::min(dt < 0 ? -dt : dt, cap);
      return row[k] * columns + column_of[dt];
    };
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t di = d[i];
      std::int64_t k = pairs_.offset[i];
      const std::int64_t end = pairs_.offset[i + 1];
      for (; k + 4 <= end; k += 4) {
        ++c0[cell_of(k, di)];
        ++c1[cell_of(k + 1, di)];
        ++c2[cell_of(k + 2, di)];
        ++c3[cell_of(k + 3, di)];
      }
      for (; k < end; ++k) ++c0[cell_of(k, di)];
    }
    std::int64_t* c = counts.data();
    for (std::size_t x = 0; x < cells; ++x) c[x] = std::int64_t{c0[x]} + c1[x] + c2[x] + c3[x];
    // Beyond the last distance band: every pair of the column, less the close ones.
    const int beyond = rows_ - 1;
    for (int col = 0; col < columns; ++col) {
      std::int64_t close = 0;
      for (int r = 0; r < beyond; ++r) close += c[r * columns + col];
      c[beyond * columns + col] = column_totals_[static_cast<std::size_t>(col)] - close;
    }
  }

 private:
  const ClosePairs& pairs_;
  int columns_, rows_;
  std::vector<std::int64_t> column_totals_;
  std::vector<std::uint8_t> column_of_;
  std::int32_t cap_ = 0;
};

// Pairs of all incidents by time band, whatever their distance: the same under any permutation.
std::vector<std::int64_t> time_band_totals(std::vector<std::int32_t> day, const NearRepeatSettings& s) {
  std::sort(day.begin(), day.end());
  const std::size_t n = day.size();
  std::vector<std::int64_t> at_most;  // pairs with a difference of at most the column's last day
  for (int col = 0; col < s.time_bands; ++col) {
    const std::int32_t last = s.time_band * (col + 1);
    std::int64_t pairs = 0;
    std::size_t j = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (j < i) j = i;
      while (j + 1 < n && day[j + 1] - day[i] <= last) ++j;
      pairs += static_cast<std::int64_t>(j - i);
    }
    at_most.push_back(pairs);
  }
  const auto all = static_cast<std::int64_t>(n) * static_cast<std::int64_t>(n - 1) / 2;
  std::vector<std::int64_t> totals;
  for (int col = 0; col < s.time_bands; ++col) totals.push_back(at_most[col] - (col ? at_most[col - 1] : 0));
  totals.push_back(all - at_most.back());
  return totals;
}

// Permutation p's own stream, so the result is the same on any number of threads.
SplitMix64 stream_of(std::uint64_t seed, int p) {
  SplitMix64 mix{seed};
  const std::uint64_t base = mix.next();
  SplitMix64 index{static_cast<std::uint64_t>(p) ^ 0x6A09E667F3BCC909ULL};
  return SplitMix64{base ^ index.next()};
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

NearRepeatResult knox_test(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<std::int32_t>& day, const NearRepeatSettings& settings,
                           const ProgressFn& progress) {
  check_near_repeat_settings(settings);
  if (x.size() != y.size() || x.size() != day.size()) {
    throw InternalError(fmt::format("knox_test: {} x, {} y and {} days", x.size(), y.size(), day.size()));
  }
  const auto n = static_cast<std::int64_t>(x.size());
  if (n < 2) throw InputError(fmt::format("the near-repeat test needs at least 2 incidents; {} given", n));
  if (n > kMaxPoints) {
    throw InputError(fmt::format("{} incidents is more than the near-repeat test takes ({}); split the area or "
                                 "period", with_commas(n), with_commas(kMaxPoints)));
  }
  for (std::int64_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (!std::isfinite(x[k]) || !std::isfinite(y[k])) {
      throw InputError(fmt::format("incident {} has coordinates ({}, {}) that are not numbers", i + 1, x[k], y[k]));
    }
  }
  const auto [day_min, day_max] = std::minmax_element(day.begin(), day.end());
  if (static_cast<std::int64_t>(*day_max) - *day_min > kMaxDaySpread) {
    throw InputError(fmt::format("the days run from {} to {}, too far apart to be dates of incidents", *day_min,
                                 *day_max));
  }

  NearRepeatResult r;
  r.points = n;
  r.pairs = n * (n - 1) / 2;
  r.permutations = settings.permutations;
  r.rows = settings.distance_bands + 2;
  r.columns = settings.time_bands + 1;
  r.distance_from.push_back(0);
  r.distance_to.push_back(0);
  for (int k = 1; k <= settings.distance_bands; ++k) {
    r.distance_from.push_back(static_cast<std::int64_t>(k - 1) * settings.distance_band + 1);
    r.distance_to.push_back(static_cast<std::int64_t>(k) * settings.distance_band);
  }
  r.distance_from.push_back(static_cast<std::int64_t>(settings.distance_bands) * settings.distance_band + 1);
  r.distance_to.push_back(-1);
  for (int k = 0; k < settings.time_bands; ++k) {
    r.time_from.push_back(k == 0 ? 0 : static_cast<std::int64_t>(k) * settings.time_band + 1);
    r.time_to.push_back(static_cast<std::int64_t>(k + 1) * settings.time_band);
  }
  r.time_from.push_back(static_cast<std::int64_t>(settings.time_bands) * settings.time_band + 1);
  r.time_to.push_back(-1);

  auto t0 = std::chrono::steady_clock::now();
  const ClosePairs pairs = find_close_pairs(x, y, settings);
  r.close_pairs = pairs.offset.back();
  std::vector<std::int32_t> sorted_day(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < sorted_day.size(); ++i) sorted_day[i] = day[pairs.order[i]] - *day_min;
  const Counter counter(pairs, settings, time_band_totals(sorted_day, settings));
  const std::size_t cells = static_cast<std::size_t>(r.rows * r.columns);
  r.observed.resize(cells);
  std::vector<std::uint32_t> scratch;
  counter.count(sorted_day, r.observed, scratch);
  r.pair_seconds = seconds_since(t0);

  // The permutations: each shuffles the days among the places (Fisher–Yates) and counts again.
  t0 = std::chrono::steady_clock::now();
  const int permutations = settings.permutations;
  unsigned threads = settings.threads ? settings.threads : std::max(1U, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(permutations));
  r.threads = threads;
  if (settings.keep_permuted) r.permuted.assign(cells * static_cast<std::size_t>(permutations), 0);
  std::vector<std::vector<std::int64_t>> sum(threads, std::vector<std::int64_t>(cells, 0));
  std::vector<std::vector<std::int64_t>> at_least(threads, std::vector<std::int64_t>(cells, 0));
  std::atomic<int> next{0}, done{0};
  auto work = [&](unsigned t) {
    std::vector<std::int32_t> shuffled;
    std::vector<std::int64_t> counts(cells);
    std::vector<std::uint32_t> scratch;
    const int report_every = std::max(1, permutations / 100);
    for (int p; (p = next.fetch_add(1)) < permutations;) {
      shuffled = sorted_day;
      SplitMix64 rng = stream_of(settings.seed, p);
      for (std::size_t i = shuffled.size() - 1; i > 0; --i) {
        std::swap(shuffled[i], shuffled[rng.below(static_cast<std::uint32_t>(i + 1))]);
      }
      counter.count(shuffled, counts, scratch);
      for (std::size_t c = 0; c < cells; ++c) {
        sum[t][c] += counts[c];
        at_least[t][c] += counts[c] >= r.observed[c] ? 1 : 0;
      }
      if (settings.keep_permuted) std::copy(counts.begin(), counts.end(), r.permuted.begin() + static_cast<std::ptrdiff_t>(cells) * p);
      const int finished = done.fetch_add(1) + 1;
      if (t == 0 && progress && (finished % report_every == 0 || finished == permutations)) {
        progress({"near-repeat permutations", "", static_cast<std::uint64_t>(finished),
                  static_cast<std::uint64_t>(permutations)});
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
  }
  r.permutation_seconds = seconds_since(t0);

  r.expected.resize(cells);
  r.knox_ratio.resize(cells);
  r.at_least.assign(cells, 0);
  r.p.resize(cells);
  r.flag.resize(cells);
  for (std::size_t c = 0; c < cells; ++c) {
    std::int64_t total = 0;
    for (unsigned t = 0; t < threads; ++t) {
      total += sum[t][c];
      r.at_least[c] += at_least[t][c];
    }
    r.expected[c] = static_cast<double>(total) / permutations;
    r.knox_ratio[c] = total > 0 ? static_cast<double>(r.observed[c]) / r.expected[c]
                                : std::numeric_limits<double>::quiet_NaN();
    r.p[c] = static_cast<double>(r.at_least[c] + 1) / (permutations + 1);
    // p ≤ level in integers: (at_least + 1) × 100 ≤ level × 100 × (permutations + 1).
    const std::int64_t hits = r.at_least[c] + 1, draws = permutations + 1;
    const bool strong = total > 0 && r.knox_ratio[c] >= 1.2;
    r.flag[c] = strong && hits * 100 <= draws ? NearRepeatFlag::p01
                : strong && hits * 100 <= 5 * draws ? NearRepeatFlag::p05
                                                    : NearRepeatFlag::none;
  }
  return r;
}

std::string distance_label(const NearRepeatResult& r, int row) {
  const auto k = static_cast<std::size_t>(row);
  if (row == 0) return "Same location";
  if (r.distance_to[k] < 0) return fmt::format("More than {} m", with_commas(r.distance_from[k] - 1));
  return fmt::format("{} to {} m", with_commas(r.distance_from[k]), with_commas(r.distance_to[k]));
}

std::string time_label(const NearRepeatResult& r, int column) {
  const auto k = static_cast<std::size_t>(column);
  if (r.time_to[k] < 0) return fmt::format("More than {} days", with_commas(r.time_from[k] - 1));
  return fmt::format("{} to {} days", with_commas(r.time_from[k]), with_commas(r.time_to[k]));
}

void write_near_repeat_csv(const std::filesystem::path& path, const NearRepeatResult& r) {
  auto edge = [](std::int64_t v) { return v < 0 ? std::string() : std::to_string(v); };
  auto number = [](double v) { return std::isnan(v) ? std::string() : fmt::format("{:.10g}", v); };
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "distance_band,distance_from_m,distance_to_m,time_band,time_from_days,"
                                          "time_to_days,observed,expected,knox_ratio,p,significant\n");
  for (int row = 0; row < r.rows; ++row) {
    for (int col = 0; col < r.columns; ++col) {
      const auto c = r.cell(row, col);
      const auto dr = static_cast<std::size_t>(row), tc = static_cast<std::size_t>(col);
      fmt::format_to(std::back_inserter(out), "\"{}\",{},{},\"{}\",{},{},{},{},{},{},{}\n", distance_label(r, row),
                     r.distance_from[dr], edge(r.distance_to[dr]), time_label(r, col), r.time_from[tc],
                     edge(r.time_to[tc]), r.observed[c], number(r.expected[c]), number(r.knox_ratio[c]),
                     number(r.p[c]),
                     r.flag[c] == NearRepeatFlag::p01   ? "p01"
                     : r.flag[c] == NearRepeatFlag::p05 ? "p05"
                                                        : "");
    }
  }
  std::ofstream file(path, std::ios::binary);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  file.close();
  if (!file) throw IoError(fmt::format("cannot write {}", path.string()));
}

}  // namespace csa::hotspot
