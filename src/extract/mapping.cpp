#include "extract/mapping.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>

#include "config/toml_file.hpp"
#include "core/error.hpp"
#include "taxonomy/closest_name.hpp"

namespace csa::extract {
namespace {

constexpr std::array<std::string_view, kFields> kFieldNames = {
    "reference", "code", "description", "subtype", "start_date", "start_time", "recorded_date", "recorded_time",
    "easting", "northing", "longitude", "latitude", "lsoa", "ward", "victim_age", "victim_sex", "offender_age",
    "offender_sex", "victim_id", "offender_id", "free_text", "hate_strands", "risk", "crimed", "category"};

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Reads one mapping file, with every message naming the file, the key and (where toml++ knows it) the line.
class Reader {
 public:
  Reader(const toml::table& root, std::string path) : root_(root), path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::node* node, std::string_view key, const std::string& what) const {
    std::string where = path_;
    if (node && node->source().begin) where += fmt::format(":{}", node->source().begin.line);
    throw InputError(fmt::format("{}: {}: {}", where, key, what));
  }

  // A table's keys must all be known; suggests the closest known key otherwise.
  void only_keys(const toml::table& table, std::string_view table_name, const std::vector<std::string>& known) const {
    for (const auto& [key, node] : table) {
      std::string k(key.str());
      if (std::find(known.begin(), known.end(), k) != known.end()) continue;
      auto near = taxonomy::closest_name(k, known);
      fail(&node, table_name.empty() ? k : fmt::format("{}.{}", table_name, k),
           fmt::format("unknown key{}; known keys: {}", near ? fmt::format(" (did you mean '{}'?)", *near) : "",
                       fmt::join(known, ", ")));
    }
  }

  const toml::table* table(const toml::table& parent, std::string_view key, std::string_view full) const {
    const toml::node* node = parent.get(key);
    if (!node) return nullptr;
    if (!node->is_table()) fail(node, full, "must be a table ([" + std::string(full) + "])");
    return node->as_table();
  }

  std::optional<std::string> string(const toml::table& t, std::string_view key, std::string_view full) const {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (!node->is_string()) fail(node, full, "must be a string in double quotes");
    return node->value<std::string>();
  }

  std::optional<bool> boolean(const toml::table& t, std::string_view key, std::string_view full) const {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) fail(node, full, "must be true or false");
    return node->value<bool>();
  }

  // A string or an array of strings.
  std::optional<std::vector<std::string>> strings(const toml::table& t, std::string_view key,
                                                  std::string_view full) const {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    std::vector<std::string> out;
    if (node->is_string()) {
      out.push_back(*node->value<std::string>());
    } else if (const toml::array* a = node->as_array()) {
      for (const auto& item : *a) {
        if (!item.is_string()) fail(&item, full, "every item must be a string in double quotes");
        out.push_back(*item.value<std::string>());
      }
    } else {
      fail(node, full, "must be a string or an array of strings");
    }
    return out;
  }

  const toml::table& root() const { return root_; }
  const std::string& path() const { return path_; }

 private:
  const toml::table& root_;
  std::string path_;
};

Spellings spell(std::initializer_list<const char*> texts) {
  Spellings s;
  for (const char* t : texts) s.texts.emplace_back(t);
  return s;
}

std::vector<std::string> names_of(const auto& array) {
  std::vector<std::string> out;
  for (auto n : array) out.emplace_back(n);
  return out;
}

void read_formats(const Reader& r, const toml::table& format, std::string_view key, std::vector<DateFormat>& out,
                  bool want_date) {
  std::string full = fmt::format("format.{}", key);
  auto patterns = r.strings(format, key, full);
  if (!patterns) return;
  if (patterns->empty()) r.fail(format.get(key), full, "needs at least one pattern");
  out.clear();
  for (const auto& p : *patterns) {
    try {
      DateFormat f(p);
      if (want_date && !f.has_date()) r.fail(format.get(key), full, fmt::format("'{}' has no %d/%m/%Y", p));
      if (!want_date && (f.has_date() || !f.has_time())) {
        r.fail(format.get(key), full, fmt::format("'{}' must be a time pattern (%H:%M)", p));
      }
      out.push_back(std::move(f));
    } catch (const InputError& e) {
      if (std::string_view(e.what()).starts_with(r.path())) throw;
      r.fail(format.get(key), full, e.what());
    }
  }
}

void read_spellings(const Reader& r, const toml::table& t, std::string_view table_name,
                    const std::vector<std::string>& keys, std::vector<Spellings*> into) {
  r.only_keys(t, table_name, keys);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!into[i]) continue;
    if (auto s = r.strings(t, keys[i], fmt::format("{}.{}", table_name, keys[i]))) into[i]->texts = *s;
  }
}

void check_kind_fields(const Reader& r, const Mapping& m, const toml::table* columns, const toml::table* markers) {
  if (m.is_series) {
    for (std::size_t i = 0; i < kFields; ++i) {
      auto f = static_cast<Field>(i);
      if (f != Field::category && m.mapped(f)) {
        r.fail(columns->get(field_name(f)), fmt::format("columns.{}", field_name(f)),
               "a series mapping has only [columns] category and [periods]");
      }
    }
    if (!m.mapped(Field::category)) r.fail(nullptr, "columns.category", "a series mapping needs the category column");
    if (m.series.periods.empty()) r.fail(nullptr, "periods", "a series mapping needs [periods]: column = \"label\"");
    if (m.series.name.empty()) r.fail(nullptr, "source.series", "a series mapping needs the series name");
    return;
  }
  std::string kind(dataset_kind_name(m.kind));
  std::vector<std::string> used;
  for (std::size_t i = 0; i < kFields; ++i) {
    auto f = static_cast<Field>(i);
    if (kind_uses(m.kind, f)) used.emplace_back(field_name(f));
  }
  for (std::size_t i = 0; i < kFields; ++i) {
    auto f = static_cast<Field>(i);
    if (m.mapped(f) && !kind_uses(m.kind, f)) {
      r.fail(columns->get(field_name(f)), fmt::format("columns.{}", field_name(f)),
             fmt::format("dataset {} does not use this field; it uses {}", kind, fmt::join(used, ", ")));
    }
  }
  if (markers && m.kind != DatasetKind::crime) {
    r.fail(markers, "markers", fmt::format("only crime extracts have markers, this mapping is dataset {}", kind));
  }
  for (Field f : kind_requires(m.kind)) {
    if (!m.mapped(f)) {
      r.fail(columns, fmt::format("columns.{}", field_name(f)),
             fmt::format("dataset {} requires this field: name the column that holds it", kind));
    }
  }
  auto pair = [&](Field a, Field b) {
    if (m.mapped(a) != m.mapped(b)) {
      Field missing = m.mapped(a) ? b : a;
      r.fail(columns, fmt::format("columns.{}", field_name(missing)),
             fmt::format("{} and {} come as a pair: map both or neither", field_name(a), field_name(b)));
    }
  };
  pair(Field::easting, Field::northing);
  pair(Field::longitude, Field::latitude);
  if (m.mapped(Field::easting) && m.mapped(Field::longitude)) {
    r.fail(columns, "columns.longitude", "map easting/northing or longitude/latitude, not both");
  }
}

}  // namespace

std::string_view field_name(Field f) { return kFieldNames.at(static_cast<std::size_t>(f)); }

bool Spellings::matches(std::string_view text) const {
  for (const auto& t : texts) {
    if (t == text) return true;
  }
  return false;
}

bool kind_uses(DatasetKind kind, Field f) {
  switch (f) {
    case Field::reference: case Field::description: case Field::subtype: case Field::start_date:
    case Field::start_time: case Field::easting: case Field::northing: case Field::longitude:
    case Field::latitude: case Field::lsoa: case Field::ward: case Field::free_text:
      return true;
    case Field::code: return kind != DatasetKind::da_incident;
    case Field::recorded_date: case Field::recorded_time: case Field::hate_strands:
      return kind == DatasetKind::crime;
    case Field::offender_age: case Field::offender_sex: case Field::victim_id: case Field::offender_id:
      return kind == DatasetKind::crime || kind == DatasetKind::da_incident;
    case Field::victim_age: case Field::victim_sex:
      return kind == DatasetKind::crime || kind == DatasetKind::da_incident || kind == DatasetKind::ed_attendance ||
             kind == DatasetKind::ambulance;
    case Field::risk: return kind == DatasetKind::asb || kind == DatasetKind::da_incident;
    case Field::crimed: return kind == DatasetKind::da_incident;
    case Field::category: case Field::count_: return false;
  }
  return false;
}

std::vector<Field> kind_requires(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::crime: return {Field::code, Field::recorded_date};
    case DatasetKind::asb: return {Field::code, Field::start_date};
    case DatasetKind::da_incident: return {Field::start_date, Field::crimed};
    case DatasetKind::fire: return {Field::code, Field::start_date};
    case DatasetKind::ed_attendance: case DatasetKind::ambulance: return {Field::start_date};
  }
  return {};
}

const std::vector<std::string>& canonical_codes(DatasetKind kind) {
  static const std::vector<std::string> asb = {"personal", "nuisance", "environmental"};
  static const std::vector<std::string> fire = {"deliberate", "accidental"};
  static const std::vector<std::string> none;
  if (kind == DatasetKind::asb) return asb;
  if (kind == DatasetKind::fire) return fire;
  return none;
}

std::optional<char> parse_delimiter(std::string_view text) {
  if (text == "," || text == ";" || text == "|" || text == "\t") return text[0];
  if (text == "tab") return '\t';
  return std::nullopt;
}

namespace {

Mapping from_table(const toml::table& root, const std::string& path) {
  Reader r(root, path);
  Mapping m;
  m.path = path;
  r.only_keys(root, "", {"source", "format", "columns", "markers", "values", "periods", "series"});

  const toml::table* source = r.table(root, "source", "source");
  if (!source) r.fail(nullptr, "source", "the mapping needs a [source] table with name and dataset");
  r.only_keys(*source, "source", {"name", "dataset", "synthetic", "series"});
  auto name = r.string(*source, "name", "source.name");
  if (!name || name->empty()) r.fail(source, "source.name", "give the source a name, e.g. \"Force crime extract\"");
  m.source_name = *name;
  auto dataset = r.string(*source, "dataset", "source.dataset");
  if (!dataset) r.fail(source, "source.dataset", "say what the rows are: crime, asb, da-incident, fire, ed-attendance, ambulance or series");
  if (*dataset == "series") {
    m.is_series = true;
  } else {
    try {
      m.kind = parse_dataset_kind(*dataset);
    } catch (const InputError& e) {
      r.fail(source->get("dataset"), "source.dataset", std::string(e.what()) + ", series");
    }
  }
  m.synthetic = r.boolean(*source, "synthetic", "source.synthetic").value_or(false);
  if (auto s = r.string(*source, "series", "source.series")) {
    if (!m.is_series) r.fail(source->get("series"), "source.series", "only a series mapping (dataset = \"series\") names a series");
    m.series.name = *s;
  }

  m.date_formats = {DateFormat("%d/%m/%Y"), DateFormat("iso")};
  m.time_formats = {DateFormat("%H:%M"), DateFormat("%H:%M:%S")};
  if (const toml::table* format = r.table(root, "format", "format")) {
    r.only_keys(*format, "format", {"delimiter", "date_format", "time_format", "header_row"});
    if (auto d = r.string(*format, "delimiter", "format.delimiter")) {
      auto delimiter = parse_delimiter(*d);
      if (!delimiter) {
        r.fail(format->get("delimiter"), "format.delimiter",
               fmt::format("'{}' is not a delimiter csa reads: use \",\", \";\", \"\\t\" (or \"tab\") or \"|\"", *d));
      }
      m.delimiter = *delimiter;
    }
    read_formats(r, *format, "date_format", m.date_formats, true);
    read_formats(r, *format, "time_format", m.time_formats, false);
    if (const toml::node* h = format->get("header_row")) {
      auto v = h->value<std::int64_t>();
      if (!h->is_integer() || !v || *v < 1 || *v > 1000) r.fail(h, "format.header_row", "must be a line number from 1 to 1000");
      m.header_line = static_cast<int>(*v);
    }
  }

  const toml::table* columns = r.table(root, "columns", "columns");
  if (!columns) r.fail(nullptr, "columns", "the mapping needs a [columns] table: field = \"column name\"");
  r.only_keys(*columns, "columns", names_of(kFieldNames));
  for (std::size_t i = 0; i < kFields; ++i) {
    std::string key(kFieldNames[i]);
    if (auto c = r.string(*columns, key, "columns." + key)) {
      if (c->empty()) r.fail(columns->get(key), "columns." + key, "an empty column name; leave the key out instead");
      m.columns[i] = *c;
    }
  }

  std::vector<std::string> marker_keys;
  for (int b = 0; b < kMarkers; ++b) marker_keys.emplace_back(marker_name(static_cast<Marker>(1u << b)));
  const toml::table* markers = r.table(root, "markers", "markers");
  if (markers) {
    r.only_keys(*markers, "markers", marker_keys);
    for (std::size_t b = 0; b < marker_keys.size(); ++b) {
      if (auto c = r.string(*markers, marker_keys[b], "markers." + marker_keys[b])) m.markers[b] = *c;
    }
  }

  m.true_values = spell({"Y", "Yes", "1", "TRUE", "True"});
  m.false_values = spell({"N", "No", "0", "FALSE", "False", ""});
  m.sex = {spell({"U", "Unknown", ""}), spell({"F", "Female"}), spell({"M", "Male"}), spell({"O", "Other", "X"})};
  m.risk = {spell({"", "Unknown"}), spell({"No", "No Risk", "None"}), spell({"Standard"}), spell({"Medium"}),
            spell({"High"})};
  m.strands = {spell({"Race"}), spell({"Religion"}), spell({"Sexual Orientation"}), spell({"Disability"}),
               spell({"Transgender"})};
  bool crimed_given = false;
  if (const toml::table* values = r.table(root, "values", "values")) {
    r.only_keys(*values, "values", {"true", "false", "crimed", "sex", "risk", "hate_strands", "code"});
    if (auto s = r.strings(*values, "true", "values.true")) m.true_values.texts = *s;
    if (auto s = r.strings(*values, "false", "values.false")) m.false_values.texts = *s;
    m.crimed_true = m.true_values;
    m.crimed_false = m.false_values;
    if (const toml::table* t = r.table(*values, "crimed", "values.crimed")) {
      read_spellings(r, *t, "values.crimed", {"true", "false"}, {&m.crimed_true, &m.crimed_false});
      crimed_given = true;
    }
    if (const toml::table* t = r.table(*values, "sex", "values.sex")) {
      read_spellings(r, *t, "values.sex", {"unknown", "female", "male", "other"},
                     {&m.sex[0], &m.sex[1], &m.sex[2], &m.sex[3]});
    }
    if (const toml::table* t = r.table(*values, "risk", "values.risk")) {
      read_spellings(r, *t, "values.risk", {"unknown", "no", "standard", "medium", "high"},
                     {&m.risk[0], &m.risk[1], &m.risk[2], &m.risk[3], &m.risk[4]});
    }
    if (const toml::table* t = r.table(*values, "hate_strands", "values.hate_strands")) {
      std::vector<std::string> keys = {"separator"};
      std::vector<Spellings*> into = {nullptr};
      for (int b = 0; b < kHateStrands; ++b) {
        keys.emplace_back(hate_strand_name(static_cast<HateStrand>(1u << b)));
        into.push_back(&m.strands[static_cast<std::size_t>(b)]);
      }
      read_spellings(r, *t, "values.hate_strands", keys, into);
      if (auto sep = r.string(*t, "separator", "values.hate_strands.separator")) {
        if (sep->empty()) r.fail(t->get("separator"), "values.hate_strands.separator", "must not be empty");
        m.strand_separator = *sep;
      }
    }
    if (const toml::table* t = r.table(*values, "code", "values.code")) {
      const auto& canon = m.is_series ? canonical_codes(DatasetKind::crime) : canonical_codes(m.kind);
      if (canon.empty()) {
        r.fail(t, "values.code", fmt::format("only asb and fire mappings have code spellings (this is {})", m.kind_name()));
      }
      r.only_keys(*t, "values.code", canon);
      for (const auto& c : canon) {
        if (auto s = r.strings(*t, c, "values.code." + c)) {
          for (const auto& text : *s) m.code_spellings.emplace_back(text, c);
        }
      }
    }
  }
  if (!crimed_given) {
    m.crimed_true = m.true_values;
    m.crimed_false = m.false_values;
  }

  if (const toml::table* periods = r.table(root, "periods", "periods")) {
    if (!m.is_series) r.fail(periods, "periods", "only a series mapping (dataset = \"series\") has [periods]");
    for (const auto& [key, node] : *periods) {
      std::string k(key.str());
      if (!node.is_string() || node.value<std::string>()->empty()) {
        r.fail(&node, "periods." + k, "must be the period's label in double quotes, e.g. \"ye2024-09\"");
      }
      m.series.periods.emplace_back(k, *node.value<std::string>());
    }
  }
  if (const toml::table* series = r.table(root, "series", "series")) {
    if (!m.is_series) r.fail(series, "series", "only a series mapping (dataset = \"series\") has [series]");
    r.only_keys(*series, "series", {"total_row"});
    m.series.total_row = r.string(*series, "total_row", "series.total_row").value_or("");
  }
  check_kind_fields(r, m, columns, markers);
  return m;
}

}  // namespace

Mapping read_mapping(const std::string& path) {
  toml::table root = config::read_toml_file(path, "examples/mappings/synthetic-crime.toml");
  return from_table(root, path);
}

Mapping parse_mapping(std::string_view text, const std::string& path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw InputError(fmt::format("{}:{}:{}: not valid TOML: {}", path, e.source().begin.line,
                                 e.source().begin.column, e.description()));
  }
  return from_table(root, path);
}

BoundColumns bind_columns(const Mapping& m, const std::vector<std::string_view>& header, const std::string& data_file) {
  BoundColumns b;
  b.header_fields = header.size();
  std::vector<std::string> names;
  for (auto h : header) names.push_back(trimmed(h));
  auto find = [&](const std::string& column, const std::string& key) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == column) return i;
    }
    auto near = taxonomy::closest_name(column, names);
    throw InputError(fmt::format("{}: {}: column '{}' is not in the header of {} (line {}){}; the header has: {}",
                                 m.path, key, column, data_file, m.header_line,
                                 near ? fmt::format("; did you mean '{}'?", *near) : "", fmt::join(names, ", ")));
  };
  for (std::size_t i = 0; i < kFields; ++i) {
    b.field[i] = m.columns[i].empty() ? BoundColumns::kNone
                                      : find(m.columns[i], fmt::format("columns.{}", kFieldNames[i]));
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(kMarkers); ++i) {
    b.marker[i] = m.markers[i].empty()
                      ? BoundColumns::kNone
                      : find(m.markers[i], fmt::format("markers.{}", marker_name(static_cast<Marker>(1u << i))));
  }
  for (const auto& [column, label] : m.series.periods) b.period.push_back(find(column, "periods." + column));
  return b;
}

}  // namespace csa::extract
