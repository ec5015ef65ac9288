// One row of a local extract (police crimes, ASB, domestic abuse incidents, fires, emergency
// department or ambulance records), after its mapping has been applied: the shape every source
// shares, so ingest, storage, the synthetic generator and the analyses agree on one thing.
// docs/EXTRACTS.md lists which fields each dataset kind uses and the mapping file that fills them.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace csa::extract {

// What the rows of one file are. Each kind has its own mapping and its own tables.
enum class DatasetKind : std::uint8_t {
  crime,           // police recorded crime: one row per crime, Home Office offence code
  asb,             // police ASB incidents: category personal|nuisance|environmental, risk
  da_incident,     // domestic abuse incidents: crimed or incident only, risk
  fire,            // fire and rescue incidents: cause deliberate|accidental, deliberate sub-type
  ed_attendance,   // emergency department assault attendances
  ambulance,       // ambulance call-outs for assault
};
inline constexpr int kDatasetKinds = 6;
std::string_view dataset_kind_name(DatasetKind k);  // "crime", "asb", "da-incident", "fire", "ed-attendance", "ambulance"
DatasetKind parse_dataset_kind(std::string_view text);  // throws InputError listing the choices

enum class Sex : std::uint8_t { unknown = 0, female, male, other };
std::string_view sex_name(Sex s);  // "unknown", "female", "male", "other"

// Crime markers (flags a force sets on a crime record). Bits of Record::markers.
enum Marker : std::uint16_t {
  marker_domestic_abuse = 1u << 0,
  marker_hate = 1u << 1,
  marker_cse = 1u << 2,                // child sexual exploitation
  marker_knife = 1u << 3,              // knife or sharp instrument
  marker_cyber = 1u << 4,              // cyber-enabled
  marker_vulnerable_victim = 1u << 5,
  marker_alcohol = 1u << 6,
  marker_drugs = 1u << 7,              // drug-related
  marker_cce = 1u << 8,                // child criminal exploitation (county lines)
};
inline constexpr int kMarkers = 9;
std::string_view marker_name(Marker m);  // "domestic_abuse", "hate", "cse", ... (the mapping's keys)

// Hate crime strands (Home Office), bits of Record::hate_strands; a crime can have several.
enum HateStrand : std::uint8_t {
  strand_race = 1u << 0,
  strand_religion = 1u << 1,
  strand_sexual_orientation = 1u << 2,
  strand_disability = 1u << 3,
  strand_transgender = 1u << 4,
};
inline constexpr int kHateStrands = 5;
std::string_view hate_strand_name(HateStrand s);  // "race", "religion", "sexual_orientation", "disability", "transgender"

// ASB and DA incident risk as forces grade it.
enum class Risk : std::uint8_t { unknown = 0, none, standard, medium, high };
std::string_view risk_name(Risk r);  // "unknown", "no", "standard", "medium", "high"

inline constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int16_t kNoMinute = -1;
inline constexpr std::int16_t kNoAge = -1;

// The coded texts of a Record (index into Record::text_keys), kept once each by the store.
enum CodedText : std::uint8_t { text_code, text_description, text_subtype, text_lsoa, text_ward };
inline constexpr int kCodedTexts = 5;
inline constexpr std::uint32_t kNoTextKey = std::numeric_limits<std::uint32_t>::max();

struct Record {
  std::int64_t line = 0;          // physical line in the source file
  std::string reference;          // the force's unique reference (crime number, incident number)
  // crime: Home Office offence code ("8N", "105A"); asb: personal|nuisance|environmental;
  // fire: deliberate|accidental; ed-attendance/ambulance: location type; da-incident: empty.
  std::string code;
  std::string description;        // offence or incident description as the force wrote it
  std::string subtype;            // fire: deliberate sub-type; asb: the force's incident type; else free
  // Dates as days since 1970-01-01 (proleptic Gregorian), times as minutes after midnight.
  std::int32_t start_day = kNoDay;        // offence / incident start (committed from)
  std::int16_t start_minute = kNoMinute;
  std::int32_t recorded_day = kNoDay;     // date recorded; crimes must have it
  std::int16_t recorded_minute = kNoMinute;
  std::uint16_t markers = 0;              // Marker bits
  std::uint8_t hate_strands = 0;          // HateStrand bits; non-zero implies marker_hate
  Risk risk = Risk::unknown;
  std::int8_t crimed = -1;                // da-incident: 1 crimed, 0 incident only, -1 not said
  // British National Grid metres (EPSG:27700); NaN when absent. Lon/lat inputs are projected at ingest.
  double easting = std::numeric_limits<double>::quiet_NaN();
  double northing = std::numeric_limits<double>::quiet_NaN();
  std::string lsoa_code;          // E01…, given or found from the coordinates; empty when unknown
  std::string ward_code;          // E05…, given or found; empty when unknown
  std::int16_t victim_age = kNoAge;
  Sex victim_sex = Sex::unknown;
  std::int16_t offender_age = kNoAge;
  Sex offender_sex = Sex::unknown;
  std::string victim_id;          // a person id, for repeat victims; empty when none
  std::string offender_id;        // the main suspect or offender; empty when none
  std::string free_text;          // MO or incident summary, for keyword classifiers
  // The coded texts' numbers within their file (extract/text_numbering.hpp), which let the store find
  // their ids without hashing them; kNoTextKey where not numbered (the store then looks up the text).
  std::array<std::uint32_t, kCodedTexts> text_keys{kNoTextKey, kNoTextKey, kNoTextKey, kNoTextKey, kNoTextKey};

  bool has_marker(Marker m) const { return (markers & m) != 0; }
  bool located() const { return !std::isnan(easting) && !std::isnan(northing); }
};

// One loaded file's rows, with where they came from: every output that uses them names the
// source and says "synthetic" when the file was made by `csa synth extract`.
struct ExtractBatch {
  std::int64_t id = 0;
  DatasetKind kind = DatasetKind::crime;
  std::string source;      // the mapping's source name, e.g. "Cambridgeshire Constabulary crime extract"
  std::string file_name;   // base name of the loaded file
  bool synthetic = false;  // the mapping says the file is synthetic (csa synth extract)
  std::int64_t rows_read = 0, rows_stored = 0, rows_quarantined = 0;
  std::string loaded_at;
};

// Every loaded record of one kind, for the analyses.
struct ExtractSet {
  DatasetKind kind = DatasetKind::crime;
  std::vector<ExtractBatch> batches;
  std::vector<Record> records;
  std::vector<std::int32_t> batch_of;  // records[i] came from batches[batch_of[i]]
  bool any_synthetic() const {
    for (const auto& b : batches) if (b.synthetic) return true;
    return false;
  }
};

// A partner's aggregate table (treatment numbers, probation caseload): one value per series,
// category and period, as sent.
struct SeriesValue {
  std::string series;    // e.g. "treatment"
  std::string category;  // e.g. "Opiate"
  std::string period;    // a period label as csa writes it: "ye2024-09", "2024-03", "fy2023"
  double value = 0;
};

}  // namespace csa::extract
