// Taxonomy: how police.uk crime types roll up into the assessment's themes (one chapter or table row
// each) and groups of themes (acquisitive crime, all crime, crimes that impact the community …).
// It is data, not code: data/taxonomy/police-uk-themes.toml ships the default and a partnership can
// write its own file in the same form (that file's comments are the user documentation).
//
// Invariants, checked when a file is loaded: every one of the 14 police.uk crime types is in exactly
// one theme, so summing themes never double counts or drops an incident; every theme has at least
// one crime type; ids are unique across themes and groups and labels unique ignoring case, so a
// name typed by a user picks out one thing; a group names only themes of the same file.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "taxonomy/crime_type.hpp"

namespace csa::taxonomy {

struct Theme {
  std::string id;            // snake_case, e.g. "violence_and_sexual_offences"
  std::string label;         // as printed: "Violence and sexual offences"
  std::string description;   // glossary text; may be empty
  CrimeTypeSet crime_types;  // never empty
};

struct Group {
  std::string id;
  std::string label;
  std::string description;
  std::vector<std::size_t> themes;  // indices into Taxonomy::themes(), in the order the file lists them
  CrimeTypeSet crime_types;         // the union of its themes' crime types
};

// What resolve() found: one theme, or a group and its themes.
struct Selection {
  enum class Kind { theme, group };
  Kind kind = Kind::theme;
  std::size_t index = 0;  // into Taxonomy::themes() or Taxonomy::groups(), by kind
  std::string id;
  std::string label;
  CrimeTypeSet crime_types;
  std::vector<std::size_t> themes;  // the theme itself, or the group's themes
};

class Taxonomy {
 public:
  // Builds the lookup tables. Throws InternalError when an invariant above does not hold: files
  // are checked by load_taxonomy() first, with file and line in the message, so this only fires on
  // a bug in code that builds a Taxonomy by hand.
  Taxonomy(std::string source, std::string name, std::string description, std::vector<Theme> themes,
           std::vector<Group> groups);

  const std::string& source() const { return source_; }  // the file it came from
  const std::string& name() const { return name_; }      // for the report's technical notes
  const std::string& description() const { return description_; }
  const std::vector<Theme>& themes() const { return themes_; }  // in file order
  const std::vector<Group>& groups() const { return groups_; }  // in file order

  // The theme index of a crime type code, or -1 for a code outside 0..13. One array read: this is
  // the per-incident lookup.
  int theme_of_code(int code) const {
    return code >= 0 && code < kCrimeTypeCount ? theme_by_code_[static_cast<std::size_t>(code)] : -1;
  }
  // The theme index of an exact police.uk spelling, or -1 when the spelling is unknown.
  int theme_of(std::string_view crime_type) const { return theme_of_code(crime_type_code(crime_type)); }

  // A theme or group by its id, or by its label ignoring case ("shoplifting", "Acquisitive crime").
  std::optional<Selection> find(std::string_view id_or_label) const;
  // As find(), but throws InputError naming the value, the closest id if there is one, and every
  // available theme and group id.
  Selection resolve(std::string_view id_or_label) const;

 private:
  std::string source_;
  std::string name_;
  std::string description_;
  std::vector<Theme> themes_;
  std::vector<Group> groups_;
  std::array<int, kCrimeTypeCount> theme_by_code_{};
};

// Reads and checks a taxonomy file. Throws IoError when it cannot be read, and InputError naming
// the file, line, the value seen and the fix for a TOML syntax error or a broken invariant.
Taxonomy load_taxonomy(const std::string& path);
// The same from TOML text; `source_name` stands for the file name in messages.
Taxonomy parse_taxonomy(std::string_view toml_text, const std::string& source_name);

// CSA_DATA_DIR "/taxonomy/police-uk-themes.toml": the shipped default.
std::string default_taxonomy_path();
// Loads the shipped default on every call.
Taxonomy load_default_taxonomy();
// The shipped default, loaded once on first use (thread-safe) and shared.
const Taxonomy& default_taxonomy();

}  // namespace csa::taxonomy
