#include "dataset/geography.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace csa::dataset {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Level parse_level(const std::string& s) {
  if (s == "lsoa") return Level::lsoa;
  if (s == "ward") return Level::ward;
  if (s == "lad") return Level::lad;
  if (s == "county") return Level::county;
  throw InternalError("unknown area level in the store: " + s);
}

}  // namespace

std::string_view level_name(Level level) {
  switch (level) {
    case Level::lsoa: return "lsoa";
    case Level::ward: return "ward";
    case Level::lad: return "lad";
    case Level::county: return "county";
  }
  return "?";
}

std::string_view level_label(Level level) {
  switch (level) {
    case Level::lsoa: return "LSOA";
    case Level::ward: return "ward";
    case Level::lad: return "district";
    case Level::county: return "county";
  }
  return "?";
}

Geography Geography::from_store(const store::Store& store) {
  Geography g;
  store::AreaTable t = store.area_table();
  const std::size_t n = t.size();
  g.areas_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    g.areas_.push_back({std::move(t.code[i]), std::move(t.name[i]), parse_level(t.level[i]), t.parent[i], 0, 0, 0});
  }
  g.by_code_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& code = g.areas_[i].code;
    bool inserted = false;
    auto& slot = g.by_code_.find_or_claim(code, TextMap<int>::hash_of(code), inserted);
    if (inserted) {  // a code loaded twice keeps its first row, as before
      slot.data = code.data();
      slot.size = code.size();
      slot.value = static_cast<int>(i);
    }
  }
  g.kids_.assign(n, {});
  for (std::size_t i = 0; i < n; ++i) {
    if (g.areas_[i].parent >= 0) g.kids_[static_cast<std::size_t>(g.areas_[i].parent)].push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const bool lsoa = g.areas_[i].level == Level::lsoa;
    const bool has_population = t.population[i] >= 0;
    if (has_population) g.has_population_ = true;
    if (!lsoa && !has_population) continue;
    for (int a = static_cast<int>(i); a >= 0; a = g.areas_[static_cast<std::size_t>(a)].parent) {
      Area& up = g.areas_[static_cast<std::size_t>(a)];
      if (has_population) {
        up.population += t.population[i];
        up.lsoas_with_population += 1;
      }
      if (lsoa) up.lsoas += 1;
    }
  }
  for (const auto& s : store.geography_sources()) {
    if (s.kind == "population") g.population_label_ = s.label;
    if (s.kind == "lookup") g.lookup_label_ = s.label;
  }
  return g;
}

int Geography::find_code(std::string_view code) const {
  const auto* slot = by_code_.find(code);
  return slot == nullptr ? -1 : slot->value;
}

int Geography::resolve(std::string_view code_or_name) const {
  if (areas_.empty()) {
    throw InputError("no geography is loaded in this database; run `csa geography load --lookup … --population …` "
                     "first (see `csa geography load --help`)");
  }
  int by_code = find_code(code_or_name);
  if (by_code >= 0) return by_code;
  std::string want = lower(code_or_name);
  for (Level level : {Level::lad, Level::county, Level::ward}) {
    std::vector<int> hits;
    for (std::size_t i = 0; i < areas_.size(); ++i) {
      if (areas_[i].level == level && lower(areas_[i].name) == want) hits.push_back(static_cast<int>(i));
    }
    if (hits.size() == 1) return hits.front();
    if (hits.size() > 1) {
      std::vector<std::string> names;
      for (int h : hits) {
        const Area& a = areas_[static_cast<std::size_t>(h)];
        names.push_back(fmt::format("{} ({}{})", a.code, a.name,
                                    a.parent >= 0 ? " in " + areas_[static_cast<std::size_t>(a.parent)].name : ""));
      }
      throw InputError(fmt::format("area '{}' is ambiguous: {} {}s have that name: {}; give the GSS code instead",
                                   code_or_name, hits.size(), level_label(level), fmt::join(names, ", ")));
    }
  }
  std::vector<std::string> similar;
  for (const auto& a : areas_) {
    if (a.level != Level::lsoa && lower(a.name).find(want.substr(0, 4)) != std::string::npos) {
      similar.push_back(fmt::format("{} ({})", a.name, a.code));
    }
    if (similar.size() >= 8) break;
  }
  throw InputError(fmt::format("area '{}' is neither a GSS code nor the name of a loaded district, county or ward{}",
                               code_or_name,
                               similar.empty() ? std::string("; `csa geography areas` lists them")
                                               : fmt::format("; similar: {}", fmt::join(similar, ", "))));
}

int Geography::ancestor(int index, Level level) const {
  for (int a = index; a >= 0; a = areas_[static_cast<std::size_t>(a)].parent) {
    if (areas_[static_cast<std::size_t>(a)].level == level) return a;
  }
  return -1;
}

std::vector<int> Geography::children(int index, Level level) const {
  // Walk down the tree from `index`: only its own subtree is visited.
  std::vector<int> out;
  std::vector<int> stack = {index};
  while (!stack.empty()) {
    int a = stack.back();
    stack.pop_back();
    for (int k : kids_[static_cast<std::size_t>(a)]) {
      if (areas_[static_cast<std::size_t>(k)].level == level) out.push_back(k);
      stack.push_back(k);
    }
  }
  std::sort(out.begin(), out.end(), [&](int a, int b) {
    const auto& x = areas_[static_cast<std::size_t>(a)];
    const auto& y = areas_[static_cast<std::size_t>(b)];
    return x.name != y.name ? x.name < y.name : x.code < y.code;
  });
  return out;
}

}  // namespace csa::dataset
