// The real police.uk incidents the synthetic extract is built on: those of one area (district or
// county, or a ward) and a run of months, each with its LSOA, best-fit ward and point on the British
// National Grid. Volumes per crime type, months and places of the synthetic rows are these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "dataset/geography.hpp"
#include "period/month.hpp"
#include "store/store.hpp"

namespace csa::synth {

struct SourceIncident {
  period::Month month;
  std::int8_t crime_type = 0;  // taxonomy code; 0 = anti-social behaviour
  int lsoa = -1;               // Geography index
  int ward = -1;               // Geography index (best fit)
  double easting = 0, northing = 0;  // NaN when police.uk gives no location
};

struct SourceSet {
  std::vector<SourceIncident> incidents;  // in the store's order (batch, then line): deterministic
  std::vector<int> lsoas;                 // every LSOA of the area (Geography indexes), code order
  std::int64_t scanned = 0;               // incidents of the months read from the store
  std::int64_t outside_area = 0;          // of those, not in an LSOA of the area (or with no LSOA)
  std::int64_t population = 0;            // the area's LSOA population (0 when none loaded)
};

// Throws InputError when the area has no incidents in those months (naming what the store holds).
SourceSet read_source_incidents(const store::Store& store, const dataset::Geography& geography, int area,
                                period::Month first, period::Month last, const ProgressFn& progress);

}  // namespace csa::synth
