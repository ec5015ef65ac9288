#include "server/atlas.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "extract/load.hpp"
#include "geo/dissolve.hpp"
#include "period/coverage.hpp"
#include "taxonomy/closest_name.hpp"

namespace csa::server {
namespace {

taxonomy::CrimeTypeSet single_type(int code) {
  taxonomy::CrimeTypeSet s;
  s.insert(code);
  return s;
}

std::string choices(const std::vector<std::string>& names, std::size_t at_most = 12) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < at_most; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > at_most) out += fmt::format(" … ({} in all)", names.size());
  return out;
}

}  // namespace

std::string period_id(const period::Window& window) { return "ye" + window.last().to_string(); }

std::unique_ptr<Atlas> Atlas::load(const store::Store& store, const AtlasOptions& options) {
  std::unique_ptr<Atlas> a(new Atlas());
  a->options_ = options;
  a->store_ = &store;
  a->geography_ = dataset::Geography::from_store(store);
  if (a->geography_.empty()) {
    throw InputError(fmt::format("{} holds no geography; load it with `csa geography load --lookup …` first", store.describe()));
  }
  a->population_label_ = a->geography_.population_label();
  a->taxonomy_ = std::make_unique<taxonomy::Taxonomy>(options.taxonomy.empty() ? taxonomy::load_default_taxonomy()
                                                                               : taxonomy::load_taxonomy(options.taxonomy));
  auto placed = dataset::place_incidents(store, a->geography_, dataset::Assignment::lsoa_best_fit);
  if (placed.size() == 0) {
    throw InputError(fmt::format("{} holds no incidents; run `csa ingest police-uk …` first", store.describe()));
  }
  a->months_loaded_ = placed.months_loaded;
  a->cube_ = cube::Cube::build(placed, a->geography_);
  a->lsoas_ = cube::LsoaCube::build(placed, a->geography_);

  // Periods: every year ending a month whose 12 months are all loaded, latest first.
  for (auto it = a->months_loaded_.rbegin(); it != a->months_loaded_.rend(); ++it) {
    auto window = period::year_ending(*it);
    if (!period::missing_months(window, a->months_loaded_).empty()) continue;
    AtlasPeriod p{period_id(window), window, std::nullopt};
    auto before = period::same_period_last_year(window);
    if (period::missing_months(before, a->months_loaded_).empty()) p.previous = before;
    a->periods_.push_back(std::move(p));
  }
  if (a->periods_.empty()) {
    throw InputError(fmt::format("{} has no 12 consecutive months loaded ({} months from {} to {}); the atlas shows "
                                 "years ending a month: load a whole year",
                                 store.describe(), a->months_loaded_.size(), *a->months_loaded_.begin(),
                                 *a->months_loaded_.rbegin()));
  }

  // Districts served: those with incidents in every loaded month, by name. A force's files place a
  // few incidents in neighbouring forces' districts (police.uk snaps some to the nearest LSOA over
  // the border); those districts have a handful of months and no complete picture to map.
  taxonomy::CrimeTypeSet every = taxonomy::CrimeTypeSet::from_bits((1U << taxonomy::kCrimeTypeCount) - 1U);
  for (std::size_t i = 0; i < a->geography_.areas().size(); ++i) {
    const auto& area = a->geography_.areas()[i];
    if (area.level != dataset::Level::lad) continue;
    bool every_month = true;
    for (auto m : a->months_loaded_) {
      every_month = every_month && a->cube_.count(static_cast<int>(i), every, period::Window(m, m)) > 0;
    }
    if (every_month) a->districts_.push_back(static_cast<int>(i));
  }
  std::sort(a->districts_.begin(), a->districts_.end(), [&](int x, int y) {
    return a->geography_.area(x).name < a->geography_.area(y).name;
  });

  // The offence hierarchy: groups, then themes not in a group, each followed by its themes and their
  // crime types; and the distinct crime-type sets with their sum relations for the disclosure plan.
  auto set_of = [&](taxonomy::CrimeTypeSet s) {
    for (std::size_t k = 0; k < a->sets_.size(); ++k) {
      if (a->sets_[k] == s) return static_cast<int>(k);
    }
    a->sets_.push_back(s);
    return static_cast<int>(a->sets_.size() - 1);
  };
  const auto& tax = *a->taxonomy_;
  auto add_theme = [&](std::size_t t, int parent) {
    const auto& theme = tax.themes()[t];
    int row = static_cast<int>(a->categories_.size());
    const int depth = parent < 0 ? 0 : 1;
    a->categories_.push_back(
        {theme.id, theme.label, "theme", theme.description, theme.crime_types, parent, depth, set_of(theme.crime_types)});
    if (theme.crime_types.size() < 2) return;  // the theme is its crime type: no row of its own
    for (int code : theme.crime_types.codes()) {
      const auto& name = taxonomy::crime_type_name(code);
      a->categories_.push_back({name, name, "crime_type", "", single_type(code), row, depth + 1, set_of(single_type(code))});
    }
  };
  // Which groups the atlas serves: those with every theme, or every theme but one (all incidents,
  // all crime). Partial groups (acquisitive, theft …) overlap the others, and publishing them for every
  // ward and LSOA beside their themes ties the counts so tightly that protecting one small count
  // hides dozens (measured on Cambridge: 150 of 294 ward cells hidden with them, 33 without). They
  // stay in the report and `csa table`, at district level.
  auto served_group = [&](const taxonomy::Group& g) { return g.themes.size() + 1 >= tax.themes().size(); };
  std::vector<bool> in_group(tax.themes().size(), false);
  for (const auto& group : tax.groups()) {
    if (!served_group(group)) continue;
    int row = static_cast<int>(a->categories_.size());
    a->categories_.push_back({group.id, group.label, "group", group.description, group.crime_types, -1, 0, set_of(group.crime_types)});
    for (std::size_t t : group.themes) {
      in_group[t] = true;
      add_theme(t, row);
    }
  }
  for (std::size_t t = 0; t < tax.themes().size(); ++t) {
    if (!in_group[t]) add_theme(t, -1);
  }
  // Sum relations between sets: a group is the sum of its themes, a theme of its crime types.
  auto add_relation = [&](taxonomy::CrimeTypeSet parent, const std::vector<taxonomy::CrimeTypeSet>& parts) {
    SumRelation r{set_of(parent), {}};
    for (auto p : parts) {
      int k = set_of(p);
      if (k != r.parent) r.children.push_back(k);
    }
    if (r.children.size() > 1) a->set_relations_.push_back(std::move(r));
  };
  for (const auto& group : tax.groups()) {
    if (!served_group(group)) continue;
    std::vector<taxonomy::CrimeTypeSet> parts;
    for (std::size_t t : group.themes) parts.push_back(tax.themes()[t].crime_types);
    add_relation(group.crime_types, parts);
  }
  for (const auto& theme : tax.themes()) {
    std::vector<taxonomy::CrimeTypeSet> parts;
    for (int code : theme.crime_types.codes()) parts.push_back(single_type(code));
    add_relation(theme.crime_types, parts);
  }

  for (const std::string level : {"ward", "lsoa"}) {
    std::vector<Boundary> list;
    for (auto& b : store.boundaries(level)) {
      list.push_back({b.code, b.name, std::vector<unsigned char>(b.wkb.begin(), b.wkb.end())});
    }
    if (!list.empty()) a->boundary_levels_.push_back(level);
    a->boundaries_[level] = std::move(list);
  }
  return a;
}

const AtlasPeriod& Atlas::period(std::string_view id) const {
  for (const auto& p : periods_) {
    if (p.id == id) return p;
  }
  std::vector<std::string> ids;
  for (const auto& p : periods_) ids.push_back(p.id);
  throw InputError(fmt::format("period '{}' is not one the loaded months cover; use one of {}", id, choices(ids)));
}

int Atlas::category(std::string_view id) const {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i].kind == "crime_type") continue;
    if (categories_[i].id == id) return static_cast<int>(i);
    // A theme sits under both complete groups: list it once.
    if (std::find(ids.begin(), ids.end(), categories_[i].id) == ids.end()) ids.push_back(categories_[i].id);
  }
  auto near = taxonomy::closest_name(id, ids);
  throw InputError(fmt::format("theme '{}' is not known{}; use a theme or group id: {}", id,
                               near ? fmt::format(" (did you mean '{}'?)", *near) : "", choices(ids, 40)));
}

int Atlas::district(std::string_view code) const {
  for (int d : districts_) {
    if (geography_.area(d).code == code) return d;
  }
  std::vector<std::string> codes;
  for (int d : districts_) codes.push_back(fmt::format("{} ({})", geography_.area(d).code, geography_.area(d).name));
  throw InputError(fmt::format("district '{}' has no incidents loaded; use one of {}", code, choices(codes)));
}

int Atlas::area(std::string_view code) const {
  int a = geography_.find_code(code);
  if (a >= 0) {
    int d = geography_.ancestor(a, dataset::Level::lad);
    if (d >= 0 && std::find(districts_.begin(), districts_.end(), d) != districts_.end() &&
        geography_.area(a).level != dataset::Level::county) {
      return a;
    }
  }
  throw InputError(fmt::format("area '{}' is not a district, ward or LSOA with incidents loaded; give a GSS code "
                               "such as a ward from /api/boundaries",
                               code));
}

std::int64_t Atlas::count(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const {
  if (geography_.area(area).level == dataset::Level::lsoa) return lsoas_.count(area, types, window);
  return cube_.count(area, types, window);
}

std::vector<std::int64_t> Atlas::monthly(int area, taxonomy::CrimeTypeSet types, const period::Window& window) const {
  if (geography_.area(area).level == dataset::Level::lsoa) return lsoas_.monthly(area, types, window);
  return cube_.monthly(area, types, window);
}

const DistrictPlan& Atlas::plan(int district, const period::Window& window) const {
  std::lock_guard lock(cache_mutex_);
  auto key = std::make_pair(district, window.first().index());
  if (auto it = plans_.find(key); it != plans_.end() && it->second) return *it->second;
  auto made = std::make_unique<DistrictPlan>();
  const int n_sets = static_cast<int>(sets_.size());
  auto counts_of = [&](const std::vector<int>& areas) {
    std::vector<std::int64_t> counts;
    for (int a : areas) {
      for (const auto& set : sets_) counts.push_back(count(a, set, window));
    }
    return counts;
  };
  // Two levels, planned one after the other so that a small LSOA count is covered by other LSOAs
  // rather than by hiding ward counts: first the district and its wards; then each ward and its
  // LSOAs, with the ward's counts as the published total, and the LSOAs of a ward count the ward
  // plan hides hidden from the start (else they would add up to it).
  std::vector<int> ward_areas{district};
  SumRelation top{0, {}};
  for (int w : geography_.children(district, dataset::Level::ward)) {
    top.children.push_back(static_cast<int>(ward_areas.size()));
    ward_areas.push_back(w);
  }
  auto wards = DisclosurePlan::make(counts_of(ward_areas), static_cast<int>(ward_areas.size()), n_sets, {top},
                                    set_relations_, options_.suppress_under);
  made->plans.push_back(std::move(wards));
  for (std::size_t i = 0; i < ward_areas.size(); ++i) made->where[ward_areas[i]] = {0, static_cast<int>(i)};
  for (std::size_t k = 1; k < ward_areas.size(); ++k) {
    std::vector<int> areas{ward_areas[k]};
    SumRelation r{0, {}};
    for (int l : geography_.children(ward_areas[k], dataset::Level::lsoa)) {
      r.children.push_back(static_cast<int>(areas.size()));
      areas.push_back(l);
    }
    if (areas.size() < 2) continue;
    std::vector<bool> forced(areas.size() * sets_.size(), false);
    for (std::size_t a = 1; a < areas.size(); ++a) {
      for (int c = 0; c < n_sets; ++c) {
        if (made->plans[0].hidden(static_cast<int>(k), c)) forced[a * sets_.size() + static_cast<std::size_t>(c)] = true;
      }
    }
    auto plan = DisclosurePlan::make(counts_of(areas), static_cast<int>(areas.size()), n_sets, {r}, set_relations_,
                                     options_.suppress_under, forced);
    int index = static_cast<int>(made->plans.size());
    made->plans.push_back(std::move(plan));
    for (std::size_t a = 1; a < areas.size(); ++a) made->where[areas[a]] = {index, static_cast<int>(a)};
  }
  auto& slot = plans_[key];
  slot = std::move(made);
  return *slot;
}

bool Atlas::published(int area, int category_set, const period::Window& window) const {
  int d = geography_.ancestor(area, dataset::Level::lad);
  if (d == area) return true;
  return plan(d, window).state(area, category_set) == Disclosure::published;
}

const std::vector<Boundary>& Atlas::boundaries(const std::string& level) const {
  static const std::vector<Boundary> none;
  auto it = boundaries_.find(level);
  return it == boundaries_.end() ? none : it->second;
}

std::vector<unsigned char> Atlas::district_outline(int district) const {
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = outlines_.find(district); it != outlines_.end()) return it->second;
  }
  std::vector<std::vector<unsigned char>> parts;
  for (const auto& b : boundaries("ward")) {
    int w = geography_.find_code(b.code);
    if (w >= 0 && geography_.ancestor(w, dataset::Level::lad) == district) parts.push_back(b.wkb);
  }
  std::vector<unsigned char> outline;
  if (!parts.empty()) outline = geo::dissolve(parts);
  std::lock_guard lock(cache_mutex_);
  outlines_[district] = outline;
  return outline;
}

const dataset::Incidents& Atlas::incidents() const {
  std::lock_guard lock(cache_mutex_);
  if (!incidents_) {
    incidents_ = std::make_unique<dataset::Incidents>(
        dataset::load_incidents(*store_, geography_, dataset::Assignment::lsoa_best_fit));
  }
  return *incidents_;
}

const extract::ExtractSet& Atlas::crime_extract() const {
  std::lock_guard lock(cache_mutex_);
  if (!crime_extract_) {
    crime_extract_ = std::make_unique<extract::ExtractSet>(extract::load_extract_set(*store_, extract::DatasetKind::crime));
    crime_extract_has_ages_ = std::any_of(crime_extract_->records.begin(), crime_extract_->records.end(),
                                          [](const extract::Record& r) {
                                            return r.victim_age != extract::kNoAge || r.offender_age != extract::kNoAge;
                                          });
  }
  return *crime_extract_;
}

bool Atlas::crime_extract_has_ages() const {
  crime_extract();
  std::lock_guard lock(cache_mutex_);
  return crime_extract_has_ages_;
}

}  // namespace csa::server
