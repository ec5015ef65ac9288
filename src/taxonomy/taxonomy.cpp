#include "taxonomy/taxonomy.hpp"

#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/error.hpp"
#include "taxonomy/closest_name.hpp"

namespace csa::taxonomy {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

std::string join_ids(const auto& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item.id;
  }
  return out.empty() ? std::string("(none)") : out;
}

}  // namespace

Taxonomy::Taxonomy(std::string source, std::string name, std::string description, std::vector<Theme> themes,
                   std::vector<Group> groups)
    : source_(std::move(source)),
      name_(std::move(name)),
      description_(std::move(description)),
      themes_(std::move(themes)),
      groups_(std::move(groups)) {
  const auto broken = [&](const std::string& what) {
    return InternalError(fmt::format("taxonomy {}: {}", source_, what));
  };
  theme_by_code_.fill(-1);
  std::set<std::string> ids;
  for (std::size_t t = 0; t < themes_.size(); ++t) {
    const Theme& theme = themes_[t];
    if (!ids.insert(theme.id).second) throw broken(fmt::format("duplicate id {}", theme.id));
    if (theme.crime_types.empty()) throw broken(fmt::format("theme {} has no crime types", theme.id));
    for (int code : theme.crime_types.codes()) {
      int& slot = theme_by_code_[static_cast<std::size_t>(code)];
      if (slot != -1) throw broken(fmt::format("crime type {} is in two themes", crime_type_name(code)));
      slot = static_cast<int>(t);
    }
  }
  for (int code = 0; code < kCrimeTypeCount; ++code)
    if (theme_by_code_[static_cast<std::size_t>(code)] == -1)
      throw broken(fmt::format("crime type {} is in no theme", crime_type_name(code)));
  for (Group& group : groups_) {
    if (!ids.insert(group.id).second) throw broken(fmt::format("duplicate id {}", group.id));
    if (group.themes.empty()) throw broken(fmt::format("group {} has no themes", group.id));
    // The union is derived here rather than trusted from the caller, so it cannot disagree.
    group.crime_types = CrimeTypeSet();
    for (std::size_t t : group.themes) {
      if (t >= themes_.size()) throw broken(fmt::format("group {} names theme #{}", group.id, t));
      group.crime_types |= themes_[t].crime_types;
    }
  }
}

std::optional<Selection> Taxonomy::find(std::string_view id_or_label) const {
  // Ids first, over labels: an id is what scripts pass and must never be shadowed by a label.
  for (int pass = 0; pass < 2; ++pass) {
    const auto matches = [&](const auto& item) {
      return pass == 0 ? equal_ignoring_case(item.id, id_or_label)
                       : equal_ignoring_case(item.label, id_or_label);
    };
    for (std::size_t t = 0; t < themes_.size(); ++t)
      if (matches(themes_[t]))
        return Selection{Selection::Kind::theme, t,  themes_[t].id, themes_[t].label,
                         themes_[t].crime_types, {t}};
    for (std::size_t g = 0; g < groups_.size(); ++g)
      if (matches(groups_[g]))
        return Selection{Selection::Kind::group, g, groups_[g].id, groups_[g].label, groups_[g].crime_types,
                         groups_[g].themes};
  }
  return std::nullopt;
}

Selection Taxonomy::resolve(std::string_view id_or_label) const {
  if (auto found = find(id_or_label)) return *std::move(found);
  std::vector<std::string> names;
  for (const Theme& t : themes_) names.insert(names.end(), {t.id, t.label});
  for (const Group& g : groups_) names.insert(names.end(), {g.id, g.label});
  const auto closest = closest_name(id_or_label, names);
  const std::string hint = closest ? fmt::format(" Did you mean \"{}\"?", *closest) : std::string();
  throw InputError(
      fmt::format("theme or group \"{}\" is not in the taxonomy {}.{} Give an id or a label from it. Themes: "
                  "{}. Groups: {}.",
                  id_or_label, source_, hint, join_ids(themes_), join_ids(groups_)));
}

}  // namespace csa::taxonomy
