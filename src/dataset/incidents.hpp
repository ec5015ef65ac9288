// The incidents as in-memory columns, each placed in a ward (and so a district and county) by one
// documented method. Analyses read these columns, never the store. Incidents that cannot be placed
// keep a reason, so every table can show them beside its counts instead of dropping them.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/geography.hpp"
#include "period/month.hpp"
#include "store/store.hpp"

namespace csa::dataset {

// How an incident gets its ward.
enum class Assignment {
  lsoa_best_fit,     // the incident's LSOA, through the ONS best-fit LSOA → ward lookup (default)
  point_in_polygon,  // the incident's coordinates, inside the loaded ward boundaries
};
std::string_view assignment_name(Assignment a);       // "lsoa-best-fit", "point-in-polygon"
std::string_view assignment_sentence(Assignment a);   // for table notes and technical notes
Assignment parse_assignment(std::string_view text);   // throws InputError listing the choices

// Why an incident has no ward.
enum class Unplaced : std::uint8_t {
  placed = 0,
  no_location,         // police.uk gives neither coordinates nor an LSOA
  no_lsoa,             // best-fit: coordinates but no LSOA (Northern Ireland, some BTP rows)
  lsoa_not_in_lookup,  // an LSOA the loaded lookup lacks (e.g. another country's, or a newer vintage)
  outside_boundaries,  // point-in-polygon: coordinates outside every loaded ward polygon
  ward_not_in_lookup,  // point-in-polygon: a ward polygon whose code the lookup lacks
};
std::string_view unplaced_label(Unplaced u);
inline constexpr int kUnplacedKinds = 6;

struct Incidents {
  // One entry per incident.
  std::vector<std::int32_t> month;      // period::Month::index()
  std::vector<std::int8_t> crime_type;  // taxonomy crime type code 0..13
  std::vector<std::int32_t> ward;       // Geography area index of the ward, or -1
  std::vector<Unplaced> unplaced;
  std::vector<std::int32_t> force;      // index into forces
  std::vector<double> lon, lat;         // NaN when no location

  std::vector<std::string> forces;      // force slugs of the loaded batches
  std::set<period::Month> months_loaded;  // months with at least one loaded batch
  Assignment assignment = Assignment::lsoa_best_fit;

  std::size_t size() const { return month.size(); }
};

// Reads every incident and places it.
Incidents load_incidents(const store::Store& store, const Geography& geography, Assignment assignment);

// Incidents grouped by month × crime type × ward (or the reason there is none) × force, with how
// many: all the cube needs. Under LSOA best-fit they come from the store's per-batch counts without
// reading a single incident row; under point-in-polygon from load_incidents, one per incident.
struct PlacedCounts {
  std::vector<std::int32_t> month;      // period::Month::index()
  std::vector<std::int8_t> crime_type;  // taxonomy crime type code 0..13
  std::vector<std::int32_t> ward;       // Geography area index of the ward, or -1
  // Geography area index of the best-fit LSOA the ward came from, or -1 (always -1 under
  // point-in-polygon, where the ward comes from coordinates): for LSOA maps and concentration.
  std::vector<std::int32_t> lsoa;
  std::vector<Unplaced> unplaced;
  std::vector<std::int32_t> force;      // index into forces
  std::vector<std::int64_t> count;      // incidents in the group, >= 1

  std::vector<std::string> forces;
  std::set<period::Month> months_loaded;
  Assignment assignment = Assignment::lsoa_best_fit;

  std::size_t size() const { return month.size(); }
};

PlacedCounts place_incidents(const store::Store& store, const Geography& geography, Assignment assignment);

}  // namespace csa::dataset
