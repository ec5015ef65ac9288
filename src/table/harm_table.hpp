// Crime by harm as well as volume: each crime theme's count weighted by the Cambridge Crime Harm
// Index (days of imprisonment per offence), its share of harm beside its share of volume, and harm
// per 1,000 residents. The weights per police.uk type are derived from Home Office subgroup weights
// (stats/harm_weights.hpp); every output says so. ASB is not a crime and has no weight.
#pragma once

#include "cube/cube.hpp"
#include "measure/suppression.hpp"
#include "period/window.hpp"
#include "stats/harm_weights.hpp"
#include "table/table.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::table {

struct HarmTableRequest {
  int area = -1;
  period::Window window = period::Window(period::Month(2000, 1), period::Month(2000, 12));
  stats::CrimeTypeWeights weights;
  std::string weights_source;  // the file, for the note
  measure::SuppressionRule suppression;
  bool suppress = true;
};

Table harm_table(const cube::Cube& cube, const taxonomy::Taxonomy& taxonomy, const HarmTableRequest& request);

}  // namespace csa::table
