// A district's rate against its places: the other districts of its county (with the range), the
// county, England and Wales, and a Most Similar Group with rank "k of n" (1 = highest rate) and the
// group average, as the seeds compare Cambridge (002_… lines 728-733; 003_… line 191).
// A place counts only when the loaded data covers every month of the period there; places that do
// not are named in the notes, never silently dropped.
#pragma once

#include <optional>

#include "config/peer_group.hpp"
#include "cube/cube.hpp"
#include "measure/suppression.hpp"
#include "period/window.hpp"
#include "table/table.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::table {

struct PlaceComparisonRequest {
  int area = -1;  // the subject district
  taxonomy::Selection theme;
  period::Window window = period::Window(period::Month(2000, 1), period::Month(2000, 12));
  std::optional<config::PeerGroup> peers;
  measure::SuppressionRule suppression;
  bool suppress = true;
};

Table place_comparison(const cube::Cube& cube, const PlaceComparisonRequest& request);

}  // namespace csa::table
