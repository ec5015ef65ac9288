#include "hotspot/history.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "stats/change_test.hpp"

namespace csa::hotspot {

std::string_view history_id(History h) {
  switch (h) {
    case History::new_hot: return "new";
    case History::persistent: return "persistent";
    case History::intensifying: return "intensifying";
    case History::diminishing: return "diminishing";
    case History::intermittent: return "intermittent";
    case History::former: return "former";
    case History::none: break;
  }
  return "none";
}

bool is_hot(CellClass c) { return c == CellClass::hot95 || c == CellClass::hot99; }

CellHistory classify_history(const std::vector<bool>& hot, std::int64_t first, std::int64_t last,
                             double exposure_first, double exposure_last) {
  if (hot.size() < 2) throw InternalError("a hot-spot history needs at least 2 periods");
  CellHistory out;
  out.first = first;
  out.last = last;
  auto test = stats::test_change(first, last, exposure_first, exposure_last);
  out.change_p = test.p_value;
  const auto times_hot = std::count(hot.begin(), hot.end(), true);
  const bool hot_now = hot.back();
  if (times_hot == 0) {
    out.history = History::none;
  } else if (!hot_now) {
    out.history = History::former;
  } else if (times_hot == 1) {
    out.history = History::new_hot;
  } else if (times_hot < static_cast<std::ptrdiff_t>(hot.size())) {
    out.history = History::intermittent;
  } else if (test.significant && test.direction == stats::ChangeDirection::increase) {
    out.history = History::intensifying;
  } else if (test.significant && test.direction == stats::ChangeDirection::decrease) {
    out.history = History::diminishing;
  } else {
    out.history = History::persistent;
  }
  return out;
}

std::vector<CellHistory> cell_histories(const std::vector<const HotspotResult*>& periods,
                                        const std::vector<double>& months) {
  if (periods.size() < 2 || months.size() != periods.size()) {
    throw InternalError(fmt::format("cell_histories: {} periods, {} lengths", periods.size(), months.size()));
  }
  const Grid& g = periods.front()->grid;
  for (const auto* p : periods) {
    if (p->grid.x0 != g.x0 || p->grid.y0 != g.y0 || p->grid.cell != g.cell || p->grid.columns != g.columns ||
        p->grid.rows != g.rows) {
      throw InternalError("cell_histories: the periods are not on the same grid");
    }
  }
  std::vector<CellHistory> out(g.size());
  std::vector<bool> hot(periods.size());
  for (std::size_t id = 0; id < g.size(); ++id) {
    for (std::size_t t = 0; t < periods.size(); ++t) hot[t] = is_hot(periods[t]->gi.cell_class[id]);
    out[id] = classify_history(hot, periods.front()->grid.count[id], periods.back()->grid.count[id], months.front(),
                               months.back());
  }
  return out;
}

}  // namespace csa::hotspot
