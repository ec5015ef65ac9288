#include "dataset/incidents.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/error.hpp"
#include "geo/point_locator.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::dataset {

std::string_view assignment_name(Assignment a) {
  return a == Assignment::lsoa_best_fit ? "lsoa-best-fit" : "point-in-polygon";
}

std::string_view assignment_sentence(Assignment a) {
  return a == Assignment::lsoa_best_fit
             ? "Incidents are placed in wards by their LSOA through the ONS best-fit LSOA to ward lookup."
             : "Incidents are placed in wards by their (anonymised) coordinates inside the loaded ward boundaries.";
}

Assignment parse_assignment(std::string_view text) {
  if (text == "lsoa-best-fit" || text == "best-fit") return Assignment::lsoa_best_fit;
  if (text == "point-in-polygon" || text == "pip") return Assignment::point_in_polygon;
  throw InputError(fmt::format("--assign '{}' is not a ward assignment method; use lsoa-best-fit (default) or "
                               "point-in-polygon",
                               text));
}

std::string_view unplaced_label(Unplaced u) {
  switch (u) {
    case Unplaced::placed: return "placed";
    case Unplaced::no_location: return "no location or LSOA";
    case Unplaced::no_lsoa: return "coordinates but no LSOA";
    case Unplaced::lsoa_not_in_lookup: return "LSOA not in the loaded lookup";
    case Unplaced::outside_boundaries: return "outside the loaded ward boundaries";
    case Unplaced::ward_not_in_lookup: return "ward boundary not in the loaded lookup";
  }
  return "?";
}

namespace {

// Ward polygons from the store, with each polygon's index in the geography (or -1 when the lookup
// lacks its code).
struct WardPolygons {
  std::vector<geo::BoundaryFeature> features;
  std::vector<int> area_index;
};

WardPolygons ward_polygons(const store::Store& store, const Geography& geography) {
  WardPolygons w;
  for (const auto& b : store.boundaries("ward")) {
    geo::BoundaryFeature f;
    f.code = b.code;
    f.name = b.name;
    f.wkb.assign(b.wkb.begin(), b.wkb.end());
    w.features.push_back(std::move(f));
    w.area_index.push_back(geography.find_code(b.code));
  }
  if (w.features.empty()) {
    throw InputError("point-in-polygon assignment needs ward boundaries; load them with "
                     "`csa geography load --boundaries wards.geojson` or use --assign lsoa-best-fit");
  }
  return w;
}

// Forces of the loaded batches, and which force each batch belongs to.
struct BatchForces {
  std::unordered_map<std::int64_t, std::int32_t> force_of_batch;
  std::vector<std::string> forces;
  std::set<period::Month> months_loaded;

  explicit BatchForces(const store::Store& store) {
    std::unordered_map<std::string, std::int32_t> force_index;
    for (const auto& b : store.batches()) {
      auto [it, fresh] = force_index.emplace(b.key.force, static_cast<std::int32_t>(forces.size()));
      if (fresh) forces.push_back(b.key.force);
      force_of_batch[b.id] = it->second;
      months_loaded.insert(period::Month(b.key.month / 100, b.key.month % 100));
    }
  }
};

// Crime type codes, remembered by the store's stable name pointer (a handful of distinct names).
class CrimeTypeCodes {
 public:
  std::int8_t code(const std::string* name) {
    for (const auto& [p, c] : seen_) {
      if (p == name) return c;
    }
    int code = taxonomy::crime_type_code(*name);
    if (code < 0) throw InternalError("a stored crime type is not a police.uk type: " + *name);
    seen_.emplace_back(name, static_cast<std::int8_t>(code));
    return static_cast<std::int8_t>(code);
  }

 private:
  std::vector<std::pair<const std::string*, std::int8_t>> seen_;
};

// An LSOA code's area and its ward through the best-fit lookup, remembered by the store's stable
// code pointer; -1 for both when the lookup lacks the LSOA.
struct LsoaWard {
  int lsoa = -1;
  int ward = -1;
};
class LsoaWards {
 public:
  explicit LsoaWards(const Geography& g) : g_(g) {}
  LsoaWard find(const std::string* code) {
    if (auto it = cache_.find(code); it != cache_.end()) return it->second;
    int lsoa = g_.find_code(*code);
    LsoaWard found{lsoa, lsoa < 0 ? -1 : g_.ancestor(lsoa, Level::ward)};
    if (found.ward < 0) found.lsoa = -1;
    cache_.emplace(code, found);
    return found;
  }

 private:
  const Geography& g_;
  std::unordered_map<const std::string*, LsoaWard> cache_;
};

struct BestFit {
  LsoaWard place;
  Unplaced why = Unplaced::placed;
};

// Best-fit placement of incidents with (or without) an LSOA.
BestFit best_fit(LsoaWards& wards, const std::string* lsoa_code, bool located) {
  if (lsoa_code->empty()) return {{}, located ? Unplaced::no_lsoa : Unplaced::no_location};
  LsoaWard place = wards.find(lsoa_code);
  return {place, place.ward < 0 ? Unplaced::lsoa_not_in_lookup : Unplaced::placed};
}

}  // namespace

Incidents load_incidents(const store::Store& store, const Geography& geography, Assignment assignment) {
  Incidents out;
  out.assignment = assignment;
  BatchForces batches(store);
  out.forces = batches.forces;
  out.months_loaded = batches.months_loaded;
  LsoaWards wards(geography);
  CrimeTypeCodes types;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  store.scan_incidents(0, 0, [&](const store::IncidentView& v) {
    out.month.push_back(period::Month(v.month / 100, v.month % 100).index());
    out.crime_type.push_back(types.code(v.crime_type));
    out.force.push_back(batches.force_of_batch.at(v.batch_id));
    out.lon.push_back(v.lon ? *v.lon : nan);
    out.lat.push_back(v.lat ? *v.lat : nan);
    auto fit = best_fit(wards, v.lsoa_code, v.lon.has_value());
    out.ward.push_back(fit.place.ward);
    out.unplaced.push_back(fit.why);
  });

  if (assignment == Assignment::point_in_polygon) {
    WardPolygons polygons = ward_polygons(store, geography);
    geo::PointLocator locator(polygons.features);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (std::isnan(out.lon[i])) {
        out.ward[i] = -1;
        out.unplaced[i] = Unplaced::no_location;
        continue;
      }
      int hit = locator.locate(out.lon[i], out.lat[i]);
      if (hit < 0) {
        out.ward[i] = -1;
        out.unplaced[i] = Unplaced::outside_boundaries;
      } else if (polygons.area_index[static_cast<std::size_t>(hit)] < 0) {
        out.ward[i] = -1;
        out.unplaced[i] = Unplaced::ward_not_in_lookup;
      } else {
        out.ward[i] = polygons.area_index[static_cast<std::size_t>(hit)];
        out.unplaced[i] = Unplaced::placed;
      }
    }
  }
  return out;
}

PlacedCounts place_incidents(const store::Store& store, const Geography& geography, Assignment assignment) {
  PlacedCounts out;
  out.assignment = assignment;
  if (assignment == Assignment::point_in_polygon) {
    Incidents incidents = load_incidents(store, geography, assignment);
    out.month = std::move(incidents.month);
    out.crime_type = std::move(incidents.crime_type);
    out.ward = std::move(incidents.ward);
    out.unplaced = std::move(incidents.unplaced);
    out.force = std::move(incidents.force);
    out.count.assign(out.month.size(), 1);
    out.lsoa.assign(out.month.size(), -1);
    out.forces = std::move(incidents.forces);
    out.months_loaded = std::move(incidents.months_loaded);
    return out;
  }
  BatchForces batches(store);
  out.forces = batches.forces;
  out.months_loaded = batches.months_loaded;
  LsoaWards wards(geography);
  CrimeTypeCodes types;
  store.scan_incident_counts([&](const store::IncidentCountView& v) {
    out.month.push_back(period::Month(v.month / 100, v.month % 100).index());
    out.crime_type.push_back(types.code(v.crime_type));
    out.force.push_back(batches.force_of_batch.at(v.batch_id));
    auto fit = best_fit(wards, v.lsoa_code, v.located);
    out.ward.push_back(fit.place.ward);
    out.lsoa.push_back(fit.place.lsoa);
    out.unplaced.push_back(fit.why);
    out.count.push_back(v.count);
  });
  return out;
}

}  // namespace csa::dataset
