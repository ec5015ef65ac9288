#include "offence/hierarchy.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "config/toml_file.hpp"
#include "core/error.hpp"
#include "core/thousands.hpp"

namespace csa::offence {

Hierarchy::Hierarchy(OffenceCodeList codes, std::vector<Node> nodes, std::vector<MarkerCategory> markers, std::string source)
    : codes_(std::move(codes)), nodes_(std::move(nodes)), markers_(std::move(markers)), source_(std::move(source)) {
  std::map<std::string, int, std::less<>> ids;
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    Node& n = nodes_[static_cast<std::size_t>(i)];
    n.children.clear();
    if (!ids.emplace(n.id, i).second) throw InputError(fmt::format("{}: node id '{}' is used twice", source_, n.id));
    if (n.parent >= i) {
      throw InputError(fmt::format("{}: node '{}' comes before its parent; list a parent before its children", source_, n.id));
    }
  }
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    Node& n = nodes_[static_cast<std::size_t>(i)];
    if (n.parent >= 0) {
      nodes_[static_cast<std::size_t>(n.parent)].children.push_back(i);
      n.depth = nodes_[static_cast<std::size_t>(n.parent)].depth + 1;
    } else {
      n.depth = 0;
    }
  }
  all_crime_ = find("all_crime");
  if (all_crime_ < 0 || nodes_[static_cast<std::size_t>(all_crime_)].parent != -1) {
    throw InputError(fmt::format("{}: there must be a root node with id \"all_crime\"", source_));
  }
  // Every code in exactly one leaf; leaves only hold codes.
  code_leaf_.assign(codes_.size(), -1);
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    const Node& n = nodes_[static_cast<std::size_t>(i)];
    if (!n.leaf() && !n.codes.empty()) {
      throw InputError(fmt::format("{}: node '{}' has children and also holds codes; only leaves hold codes", source_, n.id));
    }
    if (n.leaf() && n.codes.empty()) {
      throw InputError(fmt::format("{}: leaf '{}' holds no offence code; give it subgroups or codes, or remove it", source_, n.id));
    }
    for (std::size_t c : n.codes) {
      int& leaf = code_leaf_.at(c);
      if (leaf >= 0) {
        throw InputError(fmt::format("{}: offence code '{}' ({}) is in two leaves, '{}' and '{}'; put it in one",
                                     source_, codes_.codes()[c].code, codes_.codes()[c].subgroup,
                                     nodes_[static_cast<std::size_t>(leaf)].id, n.id));
      }
      leaf = i;
    }
  }
  for (std::size_t c = 0; c < codes_.size(); ++c) {
    if (code_leaf_[c] < 0) {
      const auto& oc = codes_.codes()[c];
      throw InputError(fmt::format("{}: offence code '{}' ({}; subgroup '{}') is in no leaf; add its subgroup or code to a leaf",
                                   source_, oc.code, oc.description, oc.subgroup));
    }
  }
  // A node that says it is a Home Office group must hold exactly that group's codes.
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    const Node& n = nodes_[static_cast<std::size_t>(i)];
    if (n.ho_group.empty()) continue;
    std::vector<std::size_t> expected;
    for (std::size_t c = 0; c < codes_.size(); ++c)
      if (codes_.codes()[c].group == n.ho_group) expected.push_back(c);
    if (expected.empty()) {
      throw InputError(fmt::format("{}: node '{}' names Home Office group '{}', which the code list {} lacks",
                                   source_, n.id, n.ho_group, codes_.source()));
    }
    if (codes_under(i) != expected) {
      throw InputError(fmt::format("{}: node '{}' names Home Office group '{}' but its leaves hold other codes than that group's {}",
                                   source_, n.id, n.ho_group, expected.size()));
    }
  }
}

int Hierarchy::find(std::string_view id) const {
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i)
    if (nodes_[static_cast<std::size_t>(i)].id == id) return i;
  return -1;
}

int Hierarchy::leaf_of_code(std::string_view code) const {
  auto c = codes_.find(code);
  return c ? code_leaf_[*c] : -1;
}

bool Hierarchy::is_within(int node, int ancestor) const {
  for (int n = node; n >= 0; n = nodes_[static_cast<std::size_t>(n)].parent)
    if (n == ancestor) return true;
  return false;
}

std::vector<std::size_t> Hierarchy::codes_under(int node) const {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < code_leaf_.size(); ++c)
    if (code_leaf_[c] >= 0 && is_within(code_leaf_[c], node)) out.push_back(c);
  return out;
}

namespace {

std::string where(const std::string& path, const toml::node& n) {
  return fmt::format("{}:{}", path, n.source().begin.line);
}

std::vector<std::string> string_list(const toml::table& t, std::string_view key, const std::string& path) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) throw InputError(fmt::format("{}: '{}' must be a list of strings, e.g. {} = [\"Homicide\"]", where(path, *n), key, key));
  for (const auto& e : *a) {
    auto s = e.value<std::string>();
    if (!s) throw InputError(fmt::format("{}: every entry of '{}' must be a string in quotes", where(path, e), key));
    out.push_back(*s);
  }
  return out;
}

std::string required_string(const toml::table& t, std::string_view key, const std::string& path) {
  auto s = t[key].value<std::string>();
  if (!s || s->empty()) throw InputError(fmt::format("{}: this entry needs {} = \"…\"", where(path, t), key));
  return *s;
}

}  // namespace

Hierarchy load_hierarchy(const std::string& path, OffenceCodeList codes) {
  toml::table doc = config::read_toml_file(path, "data/taxonomy/offence-hierarchy.toml");
  // Subgroup name -> its codes, to expand `subgroups`.
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_subgroup;
  for (std::size_t c = 0; c < codes.size(); ++c) by_subgroup[codes.codes()[c].subgroup].push_back(c);

  std::vector<Node> nodes;
  std::map<std::string, int, std::less<>> index;
  const toml::array* arr = doc["node"].as_array();
  if (!arr || arr->empty()) throw InputError(fmt::format("{}: no [[node]] entries", path));
  for (const auto& e : *arr) {
    const toml::table* t = e.as_table();
    if (!t) throw InputError(fmt::format("{}: each node must be a [[node]] table", where(path, e)));
    Node n;
    n.id = required_string(*t, "id", path);
    n.label = required_string(*t, "label", path);
    n.ho_group = t->get("ho_group") ? required_string(*t, "ho_group", path) : std::string();
    if (t->get("parent")) {
      std::string parent = required_string(*t, "parent", path);
      auto it = index.find(parent);
      if (it == index.end()) {
        throw InputError(fmt::format("{}: node '{}' names parent '{}', which is not a node listed above it", where(path, *t),
                                     n.id, parent));
      }
      n.parent = it->second;
    }
    for (const auto& s : string_list(*t, "subgroups", path)) {
      auto it = by_subgroup.find(s);
      if (it == by_subgroup.end()) {
        std::string known;
        for (const auto& [name, _] : by_subgroup) known += (known.empty() ? "" : ", ") + name;
        throw InputError(fmt::format("{}: node '{}': subgroup '{}' is not in {}; its subgroups are: {}", where(path, *t), n.id, s,
                                     codes.source(), known));
      }
      n.codes.insert(n.codes.end(), it->second.begin(), it->second.end());
    }
    for (const auto& s : string_list(*t, "codes", path)) {
      auto c = codes.find(s);
      if (!c) throw InputError(fmt::format("{}: node '{}': offence code '{}' is not in {}", where(path, *t), n.id, s, codes.source()));
      n.codes.push_back(*c);
    }
    std::sort(n.codes.begin(), n.codes.end());
    if (!index.emplace(n.id, static_cast<int>(nodes.size())).second) {
      throw InputError(fmt::format("{}: node id '{}' is used twice", where(path, *t), n.id));
    }
    nodes.push_back(std::move(n));
  }
  std::vector<MarkerCategory> markers;
  if (const toml::array* ma = doc["marker"].as_array()) {
    for (const auto& e : *ma) {
      const toml::table* t = e.as_table();
      if (!t) throw InputError(fmt::format("{}: each marker must be a [[marker]] table", where(path, e)));
      std::string key = required_string(*t, "marker", path);
      std::optional<extract::Marker> found;
      std::string known;
      for (int b = 0; b < extract::kMarkers; ++b) {
        auto m = static_cast<extract::Marker>(1u << b);
        if (extract::marker_name(m) == key) found = m;
        known += (known.empty() ? "" : ", ") + std::string(extract::marker_name(m));
      }
      if (!found) throw InputError(fmt::format("{}: marker '{}' is not known; use one of: {}", where(path, *t), key, known));
      markers.push_back({*found, key, required_string(*t, "label", path)});
    }
  }
  return Hierarchy(std::move(codes), std::move(nodes), std::move(markers), path);
}

std::string default_hierarchy_path() { return std::string(CSA_DATA_DIR) + "/taxonomy/offence-hierarchy.toml"; }

Hierarchy load_default_hierarchy(const std::string& codes_path) {
  return load_hierarchy(default_hierarchy_path(), read_offence_codes(codes_path.empty() ? default_offence_codes_path() : codes_path));
}

NodeCounts roll_up(const Hierarchy& h, NodeCounts counts) {
  counts.resize(h.nodes().size());
  // Children come after their parents, so walking backwards visits every child first.
  for (int i = static_cast<int>(h.nodes().size()) - 1; i >= 0; --i) {
    const Node& n = h.node(i);
    if (n.leaf() || counts[static_cast<std::size_t>(i)]) continue;
    std::int64_t sum = 0;
    bool all = true;
    for (int c : n.children) {
      if (!counts[static_cast<std::size_t>(c)]) all = false;
      else sum += *counts[static_cast<std::size_t>(c)];
    }
    if (all) counts[static_cast<std::size_t>(i)] = sum;
  }
  return counts;
}

std::vector<SumFailure> sum_failures(const Hierarchy& h, const NodeCounts& counts) {
  std::vector<SumFailure> out;
  for (int i = 0; i < static_cast<int>(h.nodes().size()); ++i) {
    const Node& n = h.node(i);
    if (n.leaf() || static_cast<std::size_t>(i) >= counts.size() || !counts[static_cast<std::size_t>(i)]) continue;
    std::int64_t sum = 0;
    bool all = true;
    for (int c : n.children) {
      if (static_cast<std::size_t>(c) >= counts.size() || !counts[static_cast<std::size_t>(c)]) all = false;
      else sum += *counts[static_cast<std::size_t>(c)];
    }
    if (all && sum != *counts[static_cast<std::size_t>(i)]) out.push_back({i, *counts[static_cast<std::size_t>(i)], sum});
  }
  return out;
}

std::string describe(const Hierarchy& h, const std::vector<SumFailure>& failures) {
  std::string out;
  for (const auto& f : failures) {
    out += fmt::format("{}{}: {} but its children sum to {}", out.empty() ? "" : "; ", h.node(f.node).label, with_commas(f.count),
                       with_commas(f.children_sum));
  }
  return out;
}

}  // namespace csa::offence
