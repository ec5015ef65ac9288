// The chapters that local extracts make possible (issue 7 item 6), appended after the police.uk
// theme chapters, each only when its data is loaded: violence against the person and the offence
// hierarchy (CADET table), domestic abuse, hate crime, sexual offences and exploitation, victims and
// offenders (pyramids as figures, repeat victims, crimes per offender), when crimes happen and are
// reported, and the incident and partner sources (ASB, fires, ED and ambulance assaults, treatment).
// The tables come from src/extract_analysis; this file picks periods, writes the sentences, and
// registers every figure a sentence quotes as a claim on its table cell. The claimed values are
// counted here from the records (count_under, count_marked below), apart from the tables, so the
// self-check "text equals tables" compares two calculations. A chapter fed by a synthetic batch
// opens with a warning paragraph. With word lists ([extracts] keywords), each chapter of a dataset the
// lists read gains a keyword table (records caught by each list and the share they are of all records).
#pragma once

#include <cstdint>
#include <string>

#include "dataset/geography.hpp"
#include "document/document.hpp"
#include "period/window.hpp"
#include "report/claims.hpp"
#include "store/store.hpp"

namespace csa::report {

struct ExtractChapterInputs {
  const store::Store* store = nullptr;
  const dataset::Geography* geography = nullptr;
  int area = -1;                  // the district, index into geography
  period::Month latest_end;       // the report's latest year ends here; the extracts use it when they reach it
  std::int64_t suppress_under = 5;
  int persistent_from = 6;        // crimes in a year that make a persistent offender ([extracts] persistent_offender_threshold)
  std::string keywords = {};      // word lists (examples/keywords.toml); empty: no keyword tables ([extracts] keywords)
};

// Appends the chapters for the extracts the store holds (none when it holds none).
void append_extract_chapters(const ExtractChapterInputs& in, document::Document& doc, Claims& claims);

}  // namespace csa::report
