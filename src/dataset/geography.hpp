// The loaded geography in memory: LSOA → ward → district (LAD) → county, with LSOA populations
// summed up the tree. Built from the store; every analysis resolves areas through it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text_pool.hpp"
#include "store/store.hpp"

namespace csa::dataset {

enum class Level { lsoa, ward, lad, county };
std::string_view level_name(Level level);           // "lsoa", "ward", "lad", "county"
std::string_view level_label(Level level);          // "LSOA", "ward", "district", "county"

struct Area {
  std::string code;
  std::string name;
  Level level = Level::lsoa;
  int parent = -1;               // index of the area one level up, -1 at the top or when unknown
  std::int64_t population = 0;   // residents: sum of the LSOA populations below (0 when none loaded)
  int lsoas_with_population = 0; // LSOAs below with a population row
  int lsoas = 0;                 // LSOAs below
};

class Geography {
 public:
  static Geography from_store(const store::Store& store);
  Geography() = default;
  Geography(Geography&&) = default;
  Geography& operator=(Geography&&) = default;
  Geography(const Geography&) = delete;  // by_code_ views areas_' strings
  Geography& operator=(const Geography&) = delete;

  const std::vector<Area>& areas() const { return areas_; }
  const Area& area(int index) const { return areas_.at(static_cast<std::size_t>(index)); }
  int find_code(std::string_view code) const;  // -1 when absent

  // An area by GSS code or by name (case-insensitive; districts first, then counties, then wards).
  // Throws InputError listing similar names when nothing matches, or the candidates when a name is
  // ambiguous.
  int resolve(std::string_view code_or_name) const;

  // The ancestor of `index` at `level` (itself if already there), or -1.
  int ancestor(int index, Level level) const;
  // Areas at `level` below `index` (e.g. the wards of a district), in name order.
  std::vector<int> children(int index, Level level) const;

  bool empty() const { return areas_.empty(); }
  bool has_population() const { return has_population_; }
  const std::string& population_label() const { return population_label_; }
  const std::string& lookup_label() const { return lookup_label_; }

 private:
  std::vector<Area> areas_;
  std::vector<std::vector<int>> kids_;  // the areas one level down from each area
  // Keys view the codes in areas_, which never change after from_store (hence no copying).
  TextMap<int> by_code_;
  bool has_population_ = false;
  std::string population_label_;
  std::string lookup_label_;
};

}  // namespace csa::dataset
