// A mapping file (TOML) says which column of a local extract holds which Record field, how its dates
// are written and how it spells flags, sex, risk and the rest. The reference of every key is in
// docs/EXTRACTS.md ("Mapping file reference"); examples/mappings/ has one per known layout.
// Reading checks everything that can be checked without the data file: unknown keys, fields the
// dataset kind does not use, fields it requires, date patterns. bind_columns() then checks the columns against
// the file's header, before any row is read.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/date_format.hpp"
#include "extract/record.hpp"

namespace csa::extract {

// The Record fields a column can fill (the mapping's [columns] keys, in this order).
enum class Field : std::uint8_t {
  reference, code, description, subtype,
  start_date, start_time, recorded_date, recorded_time,
  easting, northing, longitude, latitude, lsoa, ward,
  victim_age, victim_sex, offender_age, offender_sex, victim_id, offender_id,
  free_text, hate_strands, risk, crimed,
  category,  // series only: the row's category
  count_
};
inline constexpr std::size_t kFields = static_cast<std::size_t>(Field::count_);
std::string_view field_name(Field f);  // the [columns] key: "reference", "start_date", ...

// Spellings of one value: text as it appears in the file (compared after trimming spaces).
struct Spellings {
  std::vector<std::string> texts;
  bool matches(std::string_view text) const;
};

struct SeriesLayout {
  std::string name;                                        // [source] series, e.g. "treatment"
  std::vector<std::pair<std::string, std::string>> periods;  // column -> period label, in file order of the mapping
  std::string total_row;                                   // category of a total row to check, not store; empty: none
};

struct Mapping {
  std::string path;          // the mapping file, for messages
  std::string source_name;   // [source] name
  bool is_series = false;    // dataset = "series"
  DatasetKind kind = DatasetKind::crime;  // meaningful when !is_series
  bool synthetic = false;
  char delimiter = ',';      // [format] delimiter: ',', ';', '\t' or '|'
  int header_line = 1;       // [format] header_row: the header's line; earlier lines are a preamble
  std::vector<DateFormat> date_formats;  // tried in order
  std::vector<DateFormat> time_formats;
  std::array<std::string, kFields> columns;     // empty: not mapped
  std::array<std::string, kMarkers> markers;    // marker column, by Marker bit index
  Spellings true_values, false_values;          // markers
  Spellings crimed_true, crimed_false;
  std::array<Spellings, 4> sex;                 // by Sex
  std::array<Spellings, 5> risk;                // by Risk
  std::array<Spellings, kHateStrands> strands;  // by HateStrand bit index
  std::string strand_separator = ";";
  std::vector<std::pair<std::string, std::string>> code_spellings;  // asb/fire: spelling -> canonical code
  SeriesLayout series;

  std::string kind_name() const { return is_series ? "series" : std::string(dataset_kind_name(kind)); }
  bool mapped(Field f) const { return !columns[static_cast<std::size_t>(f)].empty(); }
  const std::string& column(Field f) const { return columns[static_cast<std::size_t>(f)]; }
};

// A [format] delimiter as written in the mapping: ",", ";", "|", a tab ("\t" in TOML) or "tab";
// nullopt for anything else.
std::optional<char> parse_delimiter(std::string_view text);

// Reads and checks a mapping file. Throws InputError naming the file and the key.
Mapping read_mapping(const std::string& path);
Mapping parse_mapping(std::string_view toml_text, const std::string& path);  // for tests

// The mapping's columns as positions in one file's header.
struct BoundColumns {
  static constexpr std::size_t kNone = SIZE_MAX;
  std::array<std::size_t, kFields> field{};
  std::array<std::size_t, kMarkers> marker{};
  std::vector<std::size_t> period;  // series: position of each SeriesLayout::periods column
  std::size_t header_fields = 0;
  std::size_t at(Field f) const { return field[static_cast<std::size_t>(f)]; }
};

// Throws InputError naming the data file, the mapping file and the key when a mapped column is not in
// the header, suggesting the closest header name.
BoundColumns bind_columns(const Mapping& m, const std::vector<std::string_view>& header, const std::string& data_file);

// Which fields a kind uses and which it requires (docs/EXTRACTS.md's table).
bool kind_uses(DatasetKind kind, Field f);
std::vector<Field> kind_requires(DatasetKind kind);

// The canonical codes an asb or fire row must have ("personal", "nuisance", "environmental"; "deliberate",
// "accidental"); empty for kinds whose code is free text or checked elsewhere (crime).
const std::vector<std::string>& canonical_codes(DatasetKind kind);

}  // namespace csa::extract
