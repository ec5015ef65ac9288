// Worlds for the report tests (tests/unit/report_*_test.cpp).
//  - LoadedWorld: the synthetic world of tests/fixtures/tables/synthetic_world.hpp with its
//    geography, placed counts and cube.
//  - DesignedWorld: the synthetic geography (Testshire > Alphaton > Castle, Abbey, Market; Betaby >
//    Market) with incidents chosen by a test: per crime type and ward, a count per calendar year,
//    spread over the months as the synthetic world spreads them (N/12 a month, one more in each of
//    the first N%12 months). Every month of every year gets a file, so every year is complete.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "cube/cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "report/report_config.hpp"

// A test that shows a known bug in src/ is skipped with this (and the bug described in the message);
// run them anyway with CSA_RUN_KNOWN_BUGS=1 to see whether the bug is still there.
#define CSA_KNOWN_BUG(message)                                  \
  if (std::getenv("CSA_RUN_KNOWN_BUGS") == nullptr) GTEST_SKIP() \
      << "KNOWN BUG: " << message

namespace csa::report::testing {

namespace tw = csa::testworld;

struct Loaded {
  std::unique_ptr<dataset::Geography> geo;
  std::unique_ptr<dataset::PlacedCounts> placed;
  std::unique_ptr<cube::Cube> cube;

  void load(const store::Store& s) {
    geo = std::make_unique<dataset::Geography>(dataset::Geography::from_store(s));
    placed = std::make_unique<dataset::PlacedCounts>(dataset::place_incidents(s, *geo, dataset::Assignment::lsoa_best_fit));
    cube = std::make_unique<cube::Cube>(cube::Cube::build(*placed, *geo));
  }
  int area(const char* code) const { return geo->find_code(code); }
};

struct LoadedWorld : Loaded {
  tw::World world;
  LoadedWorld() { load(*world.store); }
};

struct Series {
  const char* crime_type;     // police.uk spelling
  const char* ward;           // tw::kCastle, tw::kAbbey, …
  std::vector<int> per_year;  // one count per year, oldest first
};

struct DesignedWorld : Loaded {
  tw::TempDir dir;
  std::unique_ptr<store::Store> store;

  DesignedWorld(int first_year, const std::vector<Series>& series) : store(store::open_sqlite_store(dir / "designed.db")) {
    tw::load_geography(*store);
    std::size_t years = series.empty() ? 0 : series.front().per_year.size();
    for (std::size_t y = 0; y < years; ++y) {
      const int year = first_year + static_cast<int>(y);
      for (int month = 1; month <= 12; ++month) {
        std::vector<store::IncidentRecord> rows;
        std::int64_t line = 2;
        for (const auto& s : series) {
          int n = tw::in_month(s.per_year.at(y), month);
          for (int k = 0; k < n; ++k) {
            rows.push_back(tw::incident(year * 100 + month, s.crime_type, tw::lsoa_of(s.ward, k), tw::centre_of(s.ward), line++));
          }
        }
        tw::write_file(*store, "testforce", year * 100 + month, rows);
      }
    }
    load(*store);
  }
};

// A config for the tests: every rule at its default unless the test changes it.
inline ReportConfig config_for(const std::string& area) {
  ReportConfig c;
  c.path = "/test/csa.toml";
  c.area = area;
  c.title = "Community Safety Strategic Assessment: " + area;
  return c;
}

}  // namespace csa::report::testing
