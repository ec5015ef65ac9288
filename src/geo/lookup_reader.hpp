// Readers for the two ONS geography lookups csa rolls areas up with:
// - the LSOA → electoral ward → local authority district best-fit lookup (each LSOA assigned whole
//   to the ward holding most of its population; PRIMER.md section 2), and
// - the district → county/unitary lookup (LTLA → UTLA, or LAD → CTY).
// Columns are found by name pattern with any two-digit year, so next year's file (WD24CD, LAD24CD)
// reads without a code change; the years found are reported as the vintage.
#pragma once

#include <string>
#include <vector>

#include "geo/read_report.hpp"

namespace csa::geo {

struct LsoaWardLadRow {
  std::string lsoa_code;  // E01… / W01…
  std::string lsoa_name;  // empty when the file has no LSOAyyNM column
  std::string ward_code;  // E05… / W05…
  std::string ward_name;
  std::string lad_code;   // E06…-E09… / W06…
  std::string lad_name;
};

struct LsoaWardLadLookup {
  std::vector<LsoaWardLadRow> rows;  // in file order, one per LSOA
  std::string vintage;               // e.g. "LSOA21 → WD23 → LAD23"
  std::string lsoa_column, ward_column, lad_column;  // the code columns used, e.g. "WD23CD"
  ReadReport report;
};

// Rejects a row whose LSOA, ward or district code is not a GSS code, or whose LSOA appeared on an
// earlier row. Throws InputError when a required column (LSOAyyCD, WDyyCD, WDyyNM, LADyyCD,
// LADyyNM) is missing, IoError when the file cannot be read.
LsoaWardLadLookup read_lsoa_ward_lad_lookup(const std::string& path);

struct LadCountyRow {
  std::string lad_code;
  std::string lad_name;
  std::string county_code;  // E10… county, or the district's own code for a unitary (E06…)
  std::string county_name;
};

struct LadCountyLookup {
  std::vector<LadCountyRow> rows;
  std::string vintage;  // e.g. "LTLA23 → UTLA23"
  std::string lad_column, county_column;
  ReadReport report;
};

// District columns LTLAyyCD/NM or LADyyCD/NM; county columns UTLAyyCD/NM, CTYyyCD/NM or
// CTYUAyyCD/NM. Rejects malformed codes and a district listed twice.
LadCountyLookup read_lad_county_lookup(const std::string& path);

}  // namespace csa::geo
