#include "stats/prevalence_config.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>
#include <regex>
#include <string_view>

#include "config/toml_file.hpp"
#include "core/error.hpp"
#include "core/thousands.hpp"
#include "ingest/csv_reader.hpp"

namespace csa::stats {

namespace {

constexpr const char* kExample = "see examples/cambridge/prevalence-domestic-abuse.toml";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Reads one TOML file's values, naming file, line, key and fix in every message.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  std::string where(const toml::node& n) const { return fmt::format("{}:{}", path_, n.source().begin.line); }
  std::string where(const toml::node_view<const toml::node>& n) const {
    return n ? where(*n.node()) : path_;
  }

  std::string text(const toml::table& t, const char* key, const std::string& section, bool required) const {
    auto n = t[key];
    if (auto v = n.value<std::string>()) return *v;
    if (required || n) {
      throw InputError(fmt::format("{}: {}{} must be a string, e.g. {} = \"…\" ({})", where(n), section, key, key, kExample));
    }
    return {};
  }

  std::optional<double> number(const toml::table& t, const char* key, const std::string& section) const {
    auto n = t[key];
    if (!n) return std::nullopt;
    if (auto v = n.value<double>()) return *v;  // integers convert too
    throw InputError(fmt::format("{}: {}{} must be a number, e.g. {} = 0.085 ({})", where(n), section, key, key, kExample));
  }

  std::optional<std::int64_t> count(const toml::table& t, const char* key, const std::string& section) const {
    auto n = t[key];
    if (!n) return std::nullopt;
    auto v = n.value<std::int64_t>();
    if (!v || *v < 0) {
      throw InputError(fmt::format("{}: {}{} must be a whole number of people, 0 or more, e.g. {} = 53300 ({})",
                                   where(n), section, key, key, kExample));
    }
    return *v;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Sex parse_sex(const std::string& s, const std::string& where) {
  if (s == "female" || s == "women" || s == "f") return Sex::female;
  if (s == "male" || s == "men" || s == "m") return Sex::male;
  if (s == "all" || s == "persons" || s == "people") return Sex::all;
  throw InputError(fmt::format("{}: sex = \"{}\" is not known; use \"female\", \"male\" or \"all\"", where, s));
}

// One age band header of the ONS file: "Aged 4 years and under", "Aged 5 to 9 years",
// "Aged 85 years and over".
struct Band {
  std::size_t column = 0;
  int from = 0;
  std::optional<int> to;
  std::string label;
};

std::optional<Band> parse_band(std::string_view header) {
  static const std::regex under(R"(aged (\d+) years? and under)", std::regex::icase);
  static const std::regex span(R"(aged (\d+) to (\d+) years?)", std::regex::icase);
  static const std::regex over(R"(aged (\d+) years? and over)", std::regex::icase);
  std::string h(trim(header));
  std::smatch m;
  Band b;
  if (std::regex_match(h, m, under)) {
    b.from = 0;
    b.to = std::stoi(m[1]);
    b.label = fmt::format("0 to {}", *b.to);
  } else if (std::regex_match(h, m, span)) {
    b.from = std::stoi(m[1]);
    b.to = std::stoi(m[2]);
    b.label = fmt::format("{} to {}", b.from, *b.to);
  } else if (std::regex_match(h, m, over)) {
    b.from = std::stoi(m[1]);
    b.label = fmt::format("{} and over", b.from);
  } else {
    return std::nullopt;
  }
  return b;
}

std::string sex_word(Sex s) { return s == Sex::female ? "Women" : s == Sex::male ? "Men" : "People"; }

}  // namespace

std::string AgeRange::text() const { return to ? fmt::format("{}-{}", from, *to) : fmt::format("{}+", from); }

AgeRange parse_age_range(const std::string& text, const std::string& context) {
  static const std::regex range(R"(\s*(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*)");
  static const std::regex plus(R"(\s*(\d{1,3})\s*(?:\+|and over)\s*)");
  std::smatch m;
  AgeRange a;
  if (std::regex_match(text, m, range)) {
    a.from = std::stoi(m[1]);
    a.to = std::stoi(m[2]);
    if (*a.to < a.from) {
      throw InputError(fmt::format("{}: ages \"{}\" end before they start; write the youngest first, e.g. \"16-59\"",
                                   context, text));
    }
    return a;
  }
  if (std::regex_match(text, m, plus)) {
    a.from = std::stoi(m[1]);
    return a;
  }
  throw InputError(fmt::format("{}: ages \"{}\" is not an age range; write \"16-59\", \"16 to 74\" or \"16+\"", context, text));
}

PrevalenceConfig load_prevalence_config(const std::string& path) {
  toml::table doc = config::read_toml_file(path, "examples/cambridge/prevalence-domestic-abuse.toml");
  Reader r(path);
  PrevalenceConfig c;
  c.path = path;
  c.name = r.text(doc, "name", "", true);
  c.area = r.text(doc, "area", "", true);

  const toml::table* survey = doc["survey"].as_table();
  if (survey == nullptr) {
    throw InputError(fmt::format("{}: no [survey] table; give the survey's name, source, ages and [[survey.group]] "
                                 "entries ({})",
                                 path, kExample));
  }
  c.survey_name = r.text(*survey, "name", "survey.", true);
  c.survey_source = r.text(*survey, "source", "survey.", true);
  c.survey_ages = parse_age_range(r.text(*survey, "ages", "survey.", true), r.where((*survey)["ages"]) + ": survey.ages");
  if (auto conf = r.number(*survey, "confidence", "survey.")) {
    if (!(*conf > 0.0 && *conf < 1.0)) {
      throw InputError(fmt::format("{}: survey.confidence = {} must be between 0 and 1, e.g. 0.95 for 95%",
                                   r.where((*survey)["confidence"]), *conf));
    }
    c.confidence = *conf;
  }
  const toml::array* groups = (*survey)["group"].as_array();
  if (groups == nullptr || groups->empty()) {
    throw InputError(fmt::format("{}: [survey] has no [[survey.group]] entries; give one per sex (and age band), "
                                 "e.g. sex = \"female\", prevalence = 0.085 ({})",
                                 r.where(*survey), kExample));
  }
  for (const auto& node : *groups) {
    const toml::table* g = node.as_table();
    if (g == nullptr) throw InputError(fmt::format("{}: survey.group must be tables ([[survey.group]])", r.where(node)));
    SurveyGroup sg;
    sg.line = static_cast<int>(g->source().begin.line);
    const std::string at = fmt::format("{}:{}", path, sg.line);
    sg.sex = parse_sex(r.text(*g, "sex", "survey.group.", true), at);
    if ((*g)["ages"]) sg.ages = parse_age_range(r.text(*g, "ages", "survey.group.", true), at + ": survey.group.ages");
    auto p = r.number(*g, "prevalence", "survey.group.");
    if (!p) {
      throw InputError(fmt::format("{}: survey.group has no prevalence; give it as a fraction, e.g. prevalence = 0.085 "
                                   "for 8.5%",
                                   at));
    }
    if (*p < 0.0 || *p > 1.0) {
      throw InputError(fmt::format("{}: prevalence = {} is not a fraction between 0 and 1; for {}% write prevalence = {}",
                                   r.where((*g)["prevalence"]), *p, *p, *p / 100.0));
    }
    sg.prevalence = *p;
    sg.standard_error = r.number(*g, "standard_error", "survey.group.");
    if (auto iv = (*g)["interval"]) {
      const toml::array* a = iv.as_array();
      if (a == nullptr || a->size() != 2 || !(*a)[0].value<double>() || !(*a)[1].value<double>()) {
        throw InputError(fmt::format("{}: interval must be two fractions, e.g. interval = [0.079, 0.091]", r.where(iv)));
      }
      sg.interval = Interval{*(*a)[0].value<double>(), *(*a)[1].value<double>()};
    }
    if (sg.standard_error && sg.interval) {
      throw InputError(fmt::format("{}: give standard_error or interval, not both (csa would not know which the survey "
                                   "published)",
                                   at));
    }
    c.groups.push_back(sg);
  }

  const toml::table* pop = doc["population"].as_table();
  if (pop == nullptr) {
    throw InputError(fmt::format("{}: no [population] table; give female = N, male = N and source = \"…\", or file = "
                                 "\"…/lad-population-by-age-band.csv\" with female_share = 0.5 and female_share_source "
                                 "({})",
                                 path, kExample));
  }
  c.female = r.count(*pop, "female", "population.");
  c.male = r.count(*pop, "male", "population.");
  c.population_file = r.text(*pop, "file", "population.", false);
  c.female_share = r.number(*pop, "female_share", "population.");
  c.female_share_source = r.text(*pop, "female_share_source", "population.", false);
  c.population_source = r.text(*pop, "source", "population.", false);
  if ((*pop)["ages"]) c.population_ages = parse_age_range(r.text(*pop, "ages", "population.", true), r.where((*pop)["ages"]) + ": population.ages");
  const bool by_sex = c.female || c.male;
  if (by_sex && !c.population_file.empty()) {
    throw InputError(fmt::format("{}: [population] gives both numbers by sex and an age-band file; keep one", r.where(*pop)));
  }
  if (by_sex) {
    if (!c.female || !c.male) {
      throw InputError(fmt::format("{}: [population] needs both female = N and male = N", r.where(*pop)));
    }
    if (c.population_source.empty()) {
      throw InputError(fmt::format("{}: population.source is missing; say where the populations by sex come from",
                                   r.where(*pop)));
    }
  } else {
    if (c.population_file.empty()) {
      throw InputError(fmt::format("{}: [population] needs female = N and male = N (with source), or file = "
                                   "\"…/lad-population-by-age-band.csv\" ({})",
                                   r.where(*pop), kExample));
    }
    std::filesystem::path f(c.population_file);
    if (f.is_relative()) c.population_file = (std::filesystem::path(path).parent_path() / f).lexically_normal().string();
    bool needs_share = false;
    for (const auto& g : c.groups) needs_share |= g.sex != Sex::all;
    if (needs_share && !c.female_share) {
      throw InputError(fmt::format(
          "{}: the age-band file has no split by sex, so [population] needs female_share = 0.5 (the share of the "
          "area's residents in the age range who are female) and female_share_source = \"…\"",
          r.where(*pop)));
    }
    if (c.female_share && (*c.female_share <= 0.0 || *c.female_share >= 1.0)) {
      throw InputError(fmt::format("{}: female_share = {} must be a fraction between 0 and 1, e.g. 0.503",
                                   r.where((*pop)["female_share"]), *c.female_share));
    }
    if (c.female_share && c.female_share_source.empty()) {
      throw InputError(fmt::format("{}: population.female_share_source is missing; say where the split by sex comes "
                                   "from (or that it is assumed)",
                                   r.where(*pop)));
    }
  }

  if (const toml::table* police = doc["police"].as_table()) {
    c.police_count = r.count(*police, "count", "police.");
    c.police_theme = r.text(*police, "theme", "police.", false);
    c.police_area = r.text(*police, "area", "police.", false);
    c.police_period = r.text(*police, "period", "police.", true);
    c.police_source = r.text(*police, "source", "police.", false);
    if (c.police_count && !c.police_theme.empty()) {
      throw InputError(fmt::format("{}: [police] gives both a count and a theme; keep one", r.where(*police)));
    }
    if (!c.police_count && c.police_theme.empty()) {
      throw InputError(fmt::format("{}: [police] needs count = N (with period and source), or theme = \"…\" and "
                                   "period = \"ye2025-12\" to count from --db",
                                   r.where(*police)));
    }
    if (c.police_count && c.police_source.empty()) {
      throw InputError(fmt::format("{}: police.source is missing; say where the count of {} comes from",
                                   r.where(*police), *c.police_count));
    }
    if (c.police_area.empty()) c.police_area = c.area;
  }
  if (const toml::table* out = doc["output"].as_table()) {
    auto n = (*out)["round_groups"];
    if (n) {
      auto v = n.value<bool>();
      if (!v) throw InputError(fmt::format("{}: output.round_groups must be true or false", r.where(n)));
      c.round_groups = *v;
    }
  }
  return c;
}

AgePopulation population_in_ages(const std::string& csv_path, const std::string& district, const AgeRange& ages) {
  ingest::CsvReader reader(std::make_unique<ingest::FileSource>(csv_path));
  ingest::CsvRecord record;
  if (reader.next(record) != ingest::CsvReader::Status::ok) {
    throw InputError(fmt::format("{}: no header row; expected the ONS LAD population by age band (LAD23NM, Total, "
                                 "Aged 4 years and under, …)",
                                 csv_path));
  }
  std::optional<std::size_t> name_column;
  std::vector<Band> bands;
  std::vector<std::string> header;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    std::string h(trim(record.fields[i]));
    header.push_back(h);
    if (!name_column && h.size() >= 2 && (h.ends_with("NM") || h.ends_with("nm"))) name_column = i;
    if (auto b = parse_band(h)) {
      b->column = i;
      bands.push_back(*b);
    }
  }
  if (!name_column || bands.empty()) {
    throw InputError(fmt::format("{} line 1: expected a district name column (e.g. LAD23NM) and age band columns "
                                 "(\"Aged 5 to 9 years\"); found {}",
                                 csv_path, fmt::join(header, ", ")));
  }
  const std::size_t width = record.fields.size();
  ingest::CsvReader::Status status;
  while ((status = reader.next(record)) != ingest::CsvReader::Status::end) {
    if (status == ingest::CsvReader::Status::malformed) {
      throw InputError(fmt::format("{} line {}: {}", csv_path, record.line, reader.error()));
    }
    if (record.fields.size() != width) continue;
    if (trim(record.fields[*name_column]) != district) continue;
    AgePopulation out;
    for (const auto& b : bands) {
      const int hi = ages.to ? *ages.to : 1000;
      const int band_hi = b.to ? *b.to : 1000;
      const int lo = std::max(ages.from, b.from);
      const int top = std::min(hi, band_hi);
      if (lo > top) continue;
      std::string_view field = trim(record.fields[b.column]);
      double value = 0;
      auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
      if (ec != std::errc() || end != field.data() + field.size() || value < 0) {
        throw InputError(fmt::format("{} line {}: '{}' under \"{}\" is not a population; fix the file", csv_path,
                                     record.line, field, header[b.column]));
      }
      const bool whole = lo == b.from && top == band_hi;
      if (whole) {
        out.population += value;
        out.bands.push_back(b.label);
        continue;
      }
      if (!b.to) {
        throw InputError(fmt::format("{}: the ages {} end inside the open band \"{}\", which cannot be split by single "
                                     "years; end the range at {} or leave it open (\"{}+\")",
                                     csv_path, ages.text(), header[b.column], b.from - 1, ages.from));
      }
      const int years = top - lo + 1;
      const int width_years = *b.to - b.from + 1;
      out.population += value * years / width_years;
      out.apportioned = true;
      out.bands.push_back(fmt::format("{} ({} of {} years)", b.label, years, width_years));
    }
    return out;
  }
  throw InputError(fmt::format("{}: no district named '{}'; use the name as the file writes it (e.g. Cambridge, South "
                               "Cambridgeshire)",
                               csv_path, district));
}

PreparedGroups prepare_groups(const PrevalenceConfig& c, const std::string& population_file) {
  PreparedGroups out;
  const bool by_sex = c.female.has_value();
  const std::string file = !population_file.empty() ? population_file : c.population_file;
  if (!by_sex && !std::filesystem::is_regular_file(file)) {
    throw InputError(fmt::format("{}: the population file {} does not exist; fix [population] file (a path relative "
                                 "to the TOML's folder) or give --population-file "
                                 "…/shared/data/population/lad-population-by-age-band.csv",
                                 c.path, file));
  }
  if (by_sex) {
    out.population_notes.push_back(
        fmt::format("Population: {} women and {} men{} as given in {} ({}).", with_commas(*c.female),
                    with_commas(*c.male), c.population_ages ? fmt::format(" aged {}", c.population_ages->text()) : "",
                    std::filesystem::path(c.path).filename().string(), c.population_source));
    if (c.population_ages && c.population_ages->text() != c.survey_ages.text()) {
      out.population_notes.push_back(fmt::format(
          "The survey's prevalence is for ages {} but the population is for ages {}: the estimate applies it beyond "
          "the ages it was measured on.",
          c.survey_ages.text(), c.population_ages->text()));
    }
  } else {
    out.population_notes.push_back(fmt::format(
        "Population by age: {} in {} (no split by sex). The split by sex is not in that file: female share {} from "
        "{}.",
        c.area, std::filesystem::path(file).filename().string(),
        c.female_share ? fmt::format("{:.3f}", *c.female_share) : std::string("(not needed)"), c.female_share_source));
  }
  for (const auto& g : c.groups) {
    PrevalenceGroup pg;
    const AgeRange ages = g.ages ? *g.ages : c.survey_ages;
    pg.label = fmt::format("{} {}", sex_word(g.sex), ages.text());
    pg.prevalence = g.prevalence;
    pg.standard_error = g.standard_error;
    pg.prevalence_interval = g.interval;
    if (by_sex) {
      if (g.ages) {
        throw InputError(fmt::format("{}:{}: a group with its own ages needs the population by age (file = …); the "
                                     "numbers by sex in [population] have no age bands",
                                     c.path, g.line));
      }
      pg.population = g.sex == Sex::female ? *c.female : g.sex == Sex::male ? *c.male : *c.female + *c.male;
    } else {
      auto ap = population_in_ages(file, c.area, ages);
      double share = g.sex == Sex::female ? *c.female_share : g.sex == Sex::male ? 1.0 - *c.female_share : 1.0;
      pg.population = std::llround(ap.population * share);
      out.population_notes.push_back(fmt::format(
          "{}: {:.1f} residents aged {} (bands {}){} x {} = {}.", pg.label, ap.population, ages.text(),
          fmt::join(ap.bands, ", "), ap.apportioned ? ", a band split by single years as if ages were spread evenly" : "",
          g.sex == Sex::all ? std::string("1 (both sexes)")
                            : fmt::format("{} share {:.3f}", g.sex == Sex::female ? "female" : "male", share),
          pg.population));
    }
    out.groups.push_back(std::move(pg));
  }
  return out;
}

}  // namespace csa::stats
