// Reader for population per LSOA (ONS small-area estimates), which csa sums up the hierarchy to
// give rates per 1,000 residents. The shared file does not document its estimate year, so the
// caller labels it "LSOA population (vintage unknown)" (data/README.md); vintage here is only the
// LSOA geography year when the header names one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/read_report.hpp"

namespace csa::geo {

struct LsoaPopulationRow {
  std::string lsoa_code;
  std::int64_t population = 0;  // residents
};

struct LsoaPopulation {
  std::vector<LsoaPopulationRow> rows;
  std::string code_column, population_column;
  std::string lsoa_vintage;  // "LSOA21" from an LSOA21CD column; empty for a plain "lsoacd"
  ReadReport report;
};

// Code column: lsoacd, lsoa_cd, lsoa code or LSOAyyCD; population column: population, pop or
// total (case ignored). Rejects a malformed code, a repeated LSOA, and a population that is not a
// whole number of 0 or more (thousands separators included: "1,866" is rejected, not guessed).
LsoaPopulation read_lsoa_population(const std::string& path);

}  // namespace csa::geo
