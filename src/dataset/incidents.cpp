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

}  // namespace

Incidents load_incidents(const store::Store& store, const Geography& geography, Assignment assignment) {
  Incidents out;
  out.assignment = assignment;
  std::unordered_map<std::int64_t, std::int32_t> force_of_batch;
  std::unordered_map<std::string, std::int32_t> force_index;
  for (const auto& b : store.batches()) {
    auto [it, fresh] = force_index.emplace(b.key.force, static_cast<std::int32_t>(out.forces.size()));
    if (fresh) out.forces.push_back(b.key.force);
    force_of_batch[b.id] = it->second;
    out.months_loaded.insert(period::Month(b.key.month / 100, b.key.month % 100));
  }
  std::unordered_map<const std::string*, int> lsoa_cache;  // the store hands out stable code pointers
  const double nan = std::numeric_limits<double>::quiet_NaN();
  store.scan_incidents(0, 0, [&](const store::IncidentView& v) {
    out.month.push_back(period::Month(v.month / 100, v.month % 100).index());
    int code = taxonomy::crime_type_code(*v.crime_type);
    if (code < 0) throw InternalError("a stored crime type is not a police.uk type: " + *v.crime_type);
    out.crime_type.push_back(static_cast<std::int8_t>(code));
    out.force.push_back(force_of_batch.at(v.batch_id));
    out.lon.push_back(v.lon ? *v.lon : nan);
    out.lat.push_back(v.lat ? *v.lat : nan);
    int ward = -1;
    Unplaced why = Unplaced::placed;
    if (v.lsoa_code->empty()) {
      why = v.lon ? Unplaced::no_lsoa : Unplaced::no_location;
    } else {
      auto [it, fresh] = lsoa_cache.emplace(v.lsoa_code, -1);
      if (fresh) {
        int lsoa = geography.find_code(*v.lsoa_code);
        it->second = lsoa < 0 ? -1 : geography.ancestor(lsoa, Level::ward);
      }
      ward = it->second;
      if (ward < 0) why = Unplaced::lsoa_not_in_lookup;
    }
    out.ward.push_back(ward);
    out.unplaced.push_back(why);
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

}  // namespace csa::dataset
