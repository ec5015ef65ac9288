// The hidden-prevalence configuration (`csa prevalence --config FILE`, docs/USER_GUIDE.md): a survey's
// prevalence by sex (and age band where given) with its source, the population it applies to, and
// optionally the police-recorded count to set against it. examples/cambridge/prevalence-*.toml are
// worked examples.
// Population: either numbers by sex given in the file with their source (seed 000's way), or the
// population by age from ONS's LAD age-band file (../shared/data/population/
// lad-population-by-age-band.csv: Census 2021, five-year bands, no split by sex) over the survey's
// age range, times a female share the file gives with its source. The shared data has no split by
// sex, which is why the share must come from the configuration.
// Age bands that straddle the range's edge are apportioned by single years of age, as if residents
// were spread evenly across the band: 16-59 takes 4/5 of "15 to 19".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stats/prevalence.hpp"

namespace csa::stats {

// Ages from..to inclusive; to = nullopt for "and over" ("16+").
struct AgeRange {
  int from = 0;
  std::optional<int> to;
  std::string text() const;  // "16-59", "16+"
};
// "16-59", "16 to 59", "16+"; throws InputError naming `context` and the accepted forms.
AgeRange parse_age_range(const std::string& text, const std::string& context);

enum class Sex { female, male, all };

struct SurveyGroup {
  Sex sex = Sex::all;
  std::optional<AgeRange> ages;  // the group's own band; else the survey's range
  double prevalence = 0.0;
  std::optional<double> standard_error;
  std::optional<Interval> interval;
  int line = 0;  // in the TOML, for messages
};

struct PrevalenceConfig {
  std::string path;  // the TOML file
  std::string name;
  std::string area;  // as the population file and --db name it
  // [survey]
  std::string survey_name;
  std::string survey_source;
  AgeRange survey_ages;
  double confidence = 0.95;  // of the survey's intervals and of csa's
  std::vector<SurveyGroup> groups;
  // [population]
  std::optional<std::int64_t> female, male;  // given by sex (ages as population_ages say)
  std::string population_source;
  std::optional<AgeRange> population_ages;   // the ages those numbers cover, when given by sex
  std::string population_file;               // the LAD age-band CSV, resolved against the TOML's folder
  std::optional<double> female_share;
  std::string female_share_source;
  // [police]
  std::optional<std::int64_t> police_count;
  std::string police_period;  // the period's words (a given count) or a period spec (with theme)
  std::string police_source;
  std::string police_theme;   // counted from --db when set
  std::string police_area;    // default: area
  // [output]
  bool round_groups = false;  // round each group to whole people before adding (seed 000's way)
};

// Reads and checks the file. Every mistake is an InputError naming the file, the line, the value and
// the fix.
PrevalenceConfig load_prevalence_config(const std::string& path);

// Population of a district over an age range from the LAD age-band CSV (columns "LAD23NM" or any
// "...NM", then "Aged N years and under", "Aged N to M years", "Aged N years and over").
struct AgePopulation {
  double population = 0.0;         // may be fractional when a band is apportioned
  std::vector<std::string> bands;  // "15 to 19 (4 of 5 years)", in order
  bool apportioned = false;        // a band straddled the range's edge
};
AgePopulation population_in_ages(const std::string& csv_path, const std::string& district, const AgeRange& ages);

// The survey groups with their populations, ready for estimate_victims. `population_file` overrides
// the configuration's (the command line's --population-file). Also says how each population was made.
struct PreparedGroups {
  std::vector<PrevalenceGroup> groups;
  std::vector<std::string> population_notes;
};
PreparedGroups prepare_groups(const PrevalenceConfig& config, const std::string& population_file = {});

}  // namespace csa::stats
