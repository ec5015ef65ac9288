// What `csa serve` knows: the store's data loaded once into memory (geography, themes, the ward
// cube, LSOA counts, boundaries), the periods the loaded months cover, and the disclosure plan of
// each district and period, made once and shared by every response (disclosure_plan.hpp). Read-only
// after load, except for caches behind a mutex, so request threads share one Atlas.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cube/cube.hpp"
#include "cube/lsoa_cube.hpp"
#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "extract/record.hpp"
#include "period/window.hpp"
#include "server/disclosure_plan.hpp"
#include "store/store.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::server {

struct AtlasOptions {
  std::int64_t suppress_under = 5;  // counts 1 … N-1 below district level are never sent; < 2: none
  std::string taxonomy;             // a theme taxonomy TOML; empty: the shipped one
};

// A 12-month period the atlas offers, with the same months a year earlier when they are loaded.
struct AtlasPeriod {
  std::string id;  // "ye2025-12"
  period::Window window;
  std::optional<period::Window> previous;
};

// A row of the offence hierarchy: a group, a theme or a police.uk crime type.
struct Category {
  std::string id;     // theme or group id; for a crime type its police.uk name
  std::string label;
  std::string kind;   // "group", "theme", "crime_type"
  std::string description;
  taxonomy::CrimeTypeSet types;
  int parent = -1;    // monitoring row one level up (a theme's group, a type's theme)
  int depth = 0;      // levels above it in the monitoring table: 0 for a group or a theme in none
  int set = 0;        // index of its crime-type set in the disclosure plan's categories
};

// The disclosure plans of one district and window: the ward plan (the district and its wards),
// then one plan per ward for its LSOAs.
struct DistrictPlan {
  std::vector<DisclosurePlan> plans;
  std::map<int, std::pair<int, int>> where;  // Geography index → (plan, row)
  Disclosure state(int area, int category_set) const {
    auto [plan, row] = where.at(area);
    return plans[static_cast<std::size_t>(plan)].at(row, category_set);
  }
};

struct Boundary {
  std::string code, name;
  std::vector<unsigned char> wkb;  // WGS84 lon/lat
};

class Atlas {
 public:
  // Loads everything a response needs. Throws InputError when the store has no incidents or no
  // areas (with the command that fixes it).
  static std::unique_ptr<Atlas> load(const store::Store& store, const AtlasOptions& options);

  const dataset::Geography& geography() const { return geography_; }
  const taxonomy::Taxonomy& taxonomy() const { return *taxonomy_; }
  const cube::Cube& cube() const { return cube_; }
  const std::vector<AtlasPeriod>& periods() const { return periods_; }  // latest first
  const std::vector<int>& districts() const { return districts_; }       // with incidents, by name
  const std::vector<Category>& categories() const { return categories_; }  // monitoring order
  const std::set<period::Month>& months_loaded() const { return months_loaded_; }
  std::int64_t threshold() const { return options_.suppress_under; }
  const std::vector<std::string>& boundary_levels() const { return boundary_levels_; }
  const std::string& population_label() const { return population_label_; }

  // Lookups that throw InputError naming the parameter and the choices.
  const AtlasPeriod& period(std::string_view id) const;
  int category(std::string_view id) const;  // theme or group id (crime types are not map themes)
  int district(std::string_view code) const;
  int area(std::string_view code) const;    // a district, ward or LSOA of a served district

  // Incidents of a crime-type set in an area of any level (LSOAs from the LSOA counts).
  std::int64_t count(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const;
  std::vector<std::int64_t> monthly(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const;

  // The plan of a district for a window (made on first use, then shared).
  const DistrictPlan& plan(int district, const period::Window& window) const;
  // Whether the count of (area, category set) in the window may be sent.
  bool published(int area, int category_set, const period::Window& window) const;

  // Boundaries of a level ("ward", "lsoa") with their codes; the district outline through GEOS.
  const std::vector<Boundary>& boundaries(const std::string& level) const;
  std::vector<unsigned char> district_outline(int district) const;

  // Incidents with coordinates, for hot spots: read on first use (a second or two).
  const dataset::Incidents& incidents() const;

  // The local crime extracts (csa ingest extract), for the victim and offender pyramid: read on
  // first use; empty when none is loaded.
  const extract::ExtractSet& crime_extract() const;
  // Whether any loaded crime has a victim or offender age: worked out once, with the extract.
  bool crime_extract_has_ages() const;

 private:
  Atlas() = default;
  AtlasOptions options_;
  const store::Store* store_ = nullptr;
  dataset::Geography geography_;
  std::unique_ptr<taxonomy::Taxonomy> taxonomy_;
  cube::Cube cube_;
  cube::LsoaCube lsoas_;
  std::set<period::Month> months_loaded_;
  std::vector<AtlasPeriod> periods_;
  std::vector<int> districts_;
  std::vector<Category> categories_;
  std::vector<taxonomy::CrimeTypeSet> sets_;  // the plan's categories: distinct crime-type sets
  std::vector<SumRelation> set_relations_;
  std::vector<std::string> boundary_levels_;
  std::map<std::string, std::vector<Boundary>> boundaries_;
  std::string population_label_;

  mutable std::mutex cache_mutex_;
  mutable std::map<std::pair<int, int>, std::unique_ptr<DistrictPlan>> plans_;  // (district, first month index)
  mutable std::map<int, std::vector<unsigned char>> outlines_;
  mutable std::unique_ptr<dataset::Incidents> incidents_;
  mutable std::unique_ptr<extract::ExtractSet> crime_extract_;
  mutable bool crime_extract_has_ages_ = false;
};

// "ye2025-12" and "Year ending December 2025".
std::string period_id(const period::Window& window);

}  // namespace csa::server
