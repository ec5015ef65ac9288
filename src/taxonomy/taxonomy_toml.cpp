// Reading a taxonomy TOML file (the format is documented in data/taxonomy/police-uk-themes.toml).
// Every check that Taxonomy's constructor makes is made here first, where toml++ still knows the
// line and column, so a user who edits the file is told exactly where and how to fix it.
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "taxonomy/closest_name.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::taxonomy {
namespace {

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

bool is_snake_case(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// "Vehicle-Crime 2" -> "vehicle_crime_2": the id to suggest in place of one that is not snake_case.
std::string to_snake_case(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || out[0] < 'a' || out[0] > 'z') out.insert(0, "theme_");
  return out;
}

std::string fold_case(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// " Did you mean "X"?" or nothing: put between two sentences of a message.
std::string did_you_mean(const std::optional<std::string>& closest) {
  return closest ? fmt::format(" Did you mean \"{}\"?", *closest) : std::string();
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", item);
  return out;
}

class Loader {
 public:
  Loader(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {}

  Taxonomy load() {
    toml::table root;
    try {
      root = toml::parse(text_, source_);
    } catch (const toml::parse_error& e) {
      throw InputError(fmt::format(
          "{}: TOML syntax error: {}; fix the file at that place (text values need double quotes, "
          "lists square brackets, each theme starts with [[theme]]; see the comments in {})",
          at(e.source()), e.description(), default_taxonomy_path()));
    }
    check_keys(root, {"name", "description", "theme", "group"}, "at the top of the file");
    const std::string name = optional_string(root, "name");
    const std::string description = optional_string(root, "description");
    read_themes(root);
    check_every_crime_type_mapped();
    read_groups(root);
    return Taxonomy(source_, name, description, std::move(themes_), std::move(groups_));
  }

 private:
  // Where an id or label was first used, for "already used by the theme at line N" messages.
  struct FirstUse {
    std::string what;  // "theme" or "group"
    std::uint32_t line;
  };
  // Where a crime type was first mapped, for "already in theme … (line N)".
  struct Mapping {
    std::string theme_id;
    std::uint32_t line;
  };

  std::string at(const toml::source_region& where) const {
    return fmt::format("{}:{}:{}", source_, where.begin.line, where.begin.column);
  }

  [[noreturn]] void fail(const toml::source_region& where, std::string_view message) const {
    throw InputError(fmt::format("{}: {}", at(where), message));
  }

  // Unknown keys are errors, not ignored: a misspelt "crime_type" would otherwise leave a theme
  // silently empty or a description silently missing.
  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                  std::string_view where) const {
    for (auto&& [key, value] : table) {
      bool known = false;
      for (std::string_view a : allowed) known = known || key.str() == a;
      if (known) continue;
      std::vector<std::string> names(allowed.begin(), allowed.end());
      const auto closest = closest_name(key.str(), names);
      fail(key.source(), fmt::format("unknown key \"{}\" {}.{} The keys allowed there are {}", key.str(),
                                     where, did_you_mean(closest), quoted_list(names)));
    }
  }

  std::string required_string(const toml::table& table, std::string_view key, std::string_view what,
                              std::string_view example) const {
    const toml::node* node = table.get(key);
    if (node == nullptr)
      fail(table.source(),
           fmt::format("{} has no \"{}\"; add a line such as {} = \"{}\"", what, key, key, example));
    return string_value(*node, key, example);
  }

  std::string optional_string(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::string() : string_value(*node, key, "…");
  }

  std::string string_value(const toml::node& node, std::string_view key, std::string_view example) const {
    if (const auto* s = node.as_string()) return s->get();
    fail(node.source(), fmt::format("\"{}\" must be text in double quotes, e.g. {} = \"{}\"; found {}", key,
                                    key, example, type_name(node.type())));
  }

  // The [[theme]] or [[group]] entries: an array of tables, or nothing when `required` is false.
  const toml::array* entries(const toml::table& root, std::string_view key, bool required) const {
    const toml::node* node = root.get(key);
    if (node == nullptr) {
      if (!required) return nullptr;
      throw InputError(
          fmt::format("{}: the file has no [[{}]] entries; add one [[{}]] table per {} "
                      "(see the comments in {})",
                      source_, key, key, key, default_taxonomy_path()));
    }
    const toml::array* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables())
      fail(node->source(),
           fmt::format("\"{}\" must be a list of tables: start each {} with [[{}]] (double square "
                       "brackets); found {}",
                       key, key, key, type_name(node->type())));
    return array;
  }

  std::string read_id(const toml::table& table, std::string_view what, std::string_view label) {
    const std::string id = required_string(table, "id", what, to_snake_case(label));
    const toml::node& node = *table.get("id");
    if (!is_snake_case(id))
      fail(node.source(), fmt::format("id \"{}\" is not snake_case; use lower-case letters, digits and "
                                      "underscores, starting with a letter, e.g. \"{}\"",
                                      id, to_snake_case(id.empty() ? label : id)));
    const auto [it, inserted] = ids_.try_emplace(id, FirstUse{std::string(what), node.source().begin.line});
    if (!inserted)
      fail(node.source(), fmt::format("id \"{}\" is already used by the {} at line {}; give each theme "
                                      "and group its own id",
                                      id, it->second.what, it->second.line));
    return id;
  }

  std::string read_label(const toml::table& table, std::string_view what, std::string_view example) {
    const std::string label = required_string(table, "label", what, example);
    const toml::node& node = *table.get("label");
    if (label.find_first_not_of(" \t") == std::string::npos)
      fail(node.source(), fmt::format("the label of this {} is empty; write the name to print, e.g. "
                                      "label = \"{}\"",
                                      what, example));
    // Labels are matched ignoring case when a user names a theme, so they must differ by more.
    const auto [it, inserted] =
        labels_.try_emplace(fold_case(label), FirstUse{std::string(what), node.source().begin.line});
    if (!inserted)
      fail(node.source(), fmt::format("label \"{}\" is already used by the {} at line {} (labels are "
                                      "compared ignoring case); give each theme and group its own label",
                                      label, it->second.what, it->second.line));
    return label;
  }

  // The label is read before the id so that a missing or badly formed id can be given a suggestion.
  std::string peek_label(const toml::table& table) const {
    const toml::node* node = table.get("label");
    return node != nullptr && node->is_string() ? node->as_string()->get() : std::string("my theme");
  }

  void read_themes(const toml::table& root) {
    const toml::array* array = entries(root, "theme", true);
    for (const toml::node& entry : *array) {
      const toml::table& table = *entry.as_table();
      check_keys(table, {"id", "label", "description", "crime_types"}, "in a [[theme]]");
      Theme theme;
      theme.id = read_id(table, "theme", peek_label(table));
      theme.label = read_label(table, "theme", "Shoplifting");
      theme.description = optional_string(table, "description");
      theme.crime_types = read_crime_types(table, theme.id);
      themes_.push_back(std::move(theme));
      last_theme_line_ = table.source().begin.line;
    }
  }

  CrimeTypeSet read_crime_types(const toml::table& table, const std::string& theme_id) {
    const toml::node* node = table.get("crime_types");
    if (node == nullptr)
      fail(table.source(), fmt::format("theme \"{}\" has no crime_types; add the police.uk crime types it "
                                       "counts, e.g. crime_types = [\"Shoplifting\"]",
                                       theme_id));
    const toml::array* array = node->as_array();
    if (array == nullptr)
      fail(node->source(), fmt::format("crime_types of theme \"{}\" must be a list in square brackets, "
                                       "e.g. crime_types = [\"Shoplifting\"]; found {}",
                                       theme_id, type_name(node->type())));
    if (array->empty())
      fail(node->source(), fmt::format("theme \"{}\" is empty: crime_types = []; list at least one "
                                       "police.uk crime type, or delete the theme",
                                       theme_id));
    CrimeTypeSet set;
    for (const toml::node& item : *array) {
      const auto* name = item.as_string();
      if (name == nullptr)
        fail(item.source(), fmt::format("crime_types of theme \"{}\" must hold text in double quotes; "
                                        "found {}",
                                        theme_id, type_name(item.type())));
      const int code = crime_type_code(name->get());
      if (code < 0) fail(item.source(), unknown_crime_type(name->get()));
      const auto [it, inserted] = mapped_.try_emplace(code, Mapping{theme_id, item.source().begin.line});
      if (!inserted)
        fail(item.source(), fmt::format("crime type \"{}\" is already in theme \"{}\" (line {}); a crime "
                                        "type belongs to one theme only, so totals count each incident "
                                        "once. Remove one of the two (to count themes together, use a "
                                        "[[group]])",
                                        name->get(), it->second.theme_id, it->second.line));
      set.insert(code);
    }
    return set;
  }

  std::string unknown_crime_type(const std::string& seen) const {
    const auto closest = closest_name(seen, police_uk_crime_types());
    return fmt::format(
        "\"{}\" is not a police.uk crime type.{} Use the exact spelling of the Crime type "
        "column: {}",
        seen, did_you_mean(closest), quoted_list(police_uk_crime_types()));
  }

  void check_every_crime_type_mapped() const {
    std::vector<std::string> missing;
    for (int code = 0; code < kCrimeTypeCount; ++code)
      if (!mapped_.contains(code)) missing.push_back(crime_type_name(code));
    if (missing.empty()) return;
    throw InputError(fmt::format(
        "{}:{}: {} police.uk crime type{} in no theme: {}; add each to the crime_types of a theme "
        "(every incident must be counted in exactly one theme, or totals would silently drop it)",
        source_, last_theme_line_, missing.size(), missing.size() == 1 ? " is" : "s are",
        quoted_list(missing)));
  }

  void read_groups(const toml::table& root) {
    const toml::array* array = entries(root, "group", false);
    if (array == nullptr) return;
    std::map<std::string, std::size_t> theme_index;
    std::vector<std::string> theme_ids;
    for (std::size_t t = 0; t < themes_.size(); ++t) {
      theme_index.emplace(themes_[t].id, t);
      theme_ids.push_back(themes_[t].id);
    }
    for (const toml::node& entry : *array) {
      const toml::table& table = *entry.as_table();
      check_keys(table, {"id", "label", "description", "themes"}, "in a [[group]]");
      Group group;
      group.id = read_id(table, "group", peek_label(table));
      group.label = read_label(table, "group", "Acquisitive crime");
      group.description = optional_string(table, "description");
      group.themes = read_group_themes(table, group.id, theme_index, theme_ids);
      groups_.push_back(std::move(group));
    }
  }

  std::vector<std::size_t> read_group_themes(const toml::table& table, const std::string& group_id,
                                             const std::map<std::string, std::size_t>& theme_index,
                                             const std::vector<std::string>& theme_ids) const {
    const toml::node* node = table.get("themes");
    if (node == nullptr)
      fail(table.source(), fmt::format("group \"{}\" has no themes; add the ids of its themes, e.g. "
                                       "themes = [\"{}\"]",
                                       group_id, theme_ids.front()));
    const toml::array* array = node->as_array();
    if (array == nullptr || array->empty())
      fail(node->source(), fmt::format("themes of group \"{}\" must be a non-empty list of theme ids in "
                                       "square brackets, e.g. themes = [\"{}\"]",
                                       group_id, theme_ids.front()));
    std::vector<std::size_t> out;
    for (const toml::node& item : *array) {
      const auto* id = item.as_string();
      if (id == nullptr)
        fail(item.source(), fmt::format("themes of group \"{}\" must hold theme ids in double quotes; "
                                        "found {}",
                                        group_id, type_name(item.type())));
      const auto found = theme_index.find(id->get());
      if (found == theme_index.end()) {
        const auto closest = closest_name(id->get(), theme_ids);
        const auto use = ids_.find(id->get());
        const std::string why = use != ids_.end() && use->second.what == "group"
                                    ? " (it is a group; a group lists themes, so list that group's themes)"
                                    : "";
        fail(item.source(),
             fmt::format("group \"{}\" names \"{}\", which is not a theme id{}.{} The "
                         "theme ids are {}",
                         group_id, id->get(), why, did_you_mean(closest), quoted_list(theme_ids)));
      }
      for (std::size_t t : out)
        if (t == found->second)
          fail(item.source(),
               fmt::format("group \"{}\" names theme \"{}\" twice; remove one", group_id, id->get()));
      out.push_back(found->second);
    }
    return out;
  }

  std::string_view text_;
  std::string source_;
  std::vector<Theme> themes_;
  std::vector<Group> groups_;
  std::map<std::string, FirstUse> ids_;     // theme and group ids share one name space
  std::map<std::string, FirstUse> labels_;  // folded to lower case
  std::map<int, Mapping> mapped_;           // crime type code -> the theme that holds it
  std::uint32_t last_theme_line_ = 0;
};

}  // namespace

Taxonomy parse_taxonomy(std::string_view toml_text, const std::string& source_name) {
  return Loader(toml_text, source_name).load();
}

Taxonomy load_taxonomy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw IoError(
        fmt::format("cannot read taxonomy file {}: {}; check the path and that the file is readable", path,
                    std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_taxonomy(text.str(), path);
}

std::string default_taxonomy_path() { return std::string(CSA_DATA_DIR) + "/taxonomy/police-uk-themes.toml"; }

Taxonomy load_default_taxonomy() { return load_taxonomy(default_taxonomy_path()); }

const Taxonomy& default_taxonomy() {
  // A function-local static is initialised once even with concurrent callers (C++11 onward).
  static const Taxonomy taxonomy = load_default_taxonomy();
  return taxonomy;
}

}  // namespace csa::taxonomy
