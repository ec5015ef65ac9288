// The offence hierarchy: All crime -> Victim-based / Other crimes against society -> groups ->
// sub-groups -> Home Office offence codes, with fraud as a root of its own (outside All crime), and
// the marker categories the CADET table prints after it. The structure and labels are data
// (data/taxonomy/offence-hierarchy.toml); the codes come from the Home Office list read at run time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/record.hpp"
#include "offence/offence_codes.hpp"

namespace csa::offence {

struct Node {
  std::string id;
  std::string label;
  int parent = -1;               // index into Hierarchy::nodes(), -1 for a root
  std::vector<int> children;     // in printed order
  int depth = 0;                 // 0 for a root
  std::string ho_group;          // the Home Office offence group this node is exactly, or empty
  std::vector<std::size_t> codes;  // leaves: indices into the code list of the codes it holds
  bool leaf() const { return children.empty(); }
};

struct MarkerCategory {
  extract::Marker marker;
  std::string key;    // "domestic_abuse"
  std::string label;  // "Domestic abuse"
};

class Hierarchy {
 public:
  // Builds and checks the tree (see data/taxonomy/offence-hierarchy.toml for the rules); throws
  // InputError naming the node and the problem.
  Hierarchy(OffenceCodeList codes, std::vector<Node> nodes, std::vector<MarkerCategory> markers, std::string source);

  const OffenceCodeList& codes() const { return codes_; }
  const std::vector<Node>& nodes() const { return nodes_; }  // parents before children, printed order
  const Node& node(int i) const { return nodes_.at(static_cast<std::size_t>(i)); }
  const std::vector<MarkerCategory>& markers() const { return markers_; }
  const std::string& source() const { return source_; }

  int find(std::string_view id) const;           // -1 when absent
  int all_crime() const { return all_crime_; }   // the root "all_crime"
  // The leaf holding a Home Office code, or -1 when the code is not in the list.
  int leaf_of_code(std::string_view code) const;
  int leaf_of_code_index(std::size_t code_index) const { return code_leaf_.at(code_index); }
  bool is_within(int node, int ancestor) const;  // node == ancestor or below it
  // The Home Office codes below a node (every leaf's codes), in list order.
  std::vector<std::size_t> codes_under(int node) const;

 private:
  OffenceCodeList codes_;
  std::vector<Node> nodes_;
  std::vector<MarkerCategory> markers_;
  std::string source_;
  std::vector<int> code_leaf_;  // by code index
  int all_crime_ = -1;
};

// Reads the hierarchy TOML and the code list. Throws InputError (with the TOML line) on a bad file.
Hierarchy load_hierarchy(const std::string& toml_path, OffenceCodeList codes);
// CSA_DATA_DIR "/taxonomy/offence-hierarchy.toml": the shipped tree.
std::string default_hierarchy_path();
// The shipped tree over the code list at `codes_path` (default_offence_codes_path() when empty).
Hierarchy load_default_hierarchy(const std::string& codes_path = {});

// --- Counts over the tree --------------------------------------------------------------------------

// One count per node (index as Hierarchy::nodes()); nullopt where not known.
using NodeCounts = std::vector<std::optional<std::int64_t>>;

// Fills every unknown parent whose children are all known with their sum, bottom up. Known counts
// are kept as given (so a parent given independently can then be checked against its children).
NodeCounts roll_up(const Hierarchy& h, NodeCounts counts);

struct SumFailure {
  int node = -1;
  std::int64_t count = 0;         // the parent's count
  std::int64_t children_sum = 0;  // the sum of its children's counts
};

// The parents whose count differs from the sum of their children's, for every parent where the
// parent and all its children are known. Empty when the tree adds up.
std::vector<SumFailure> sum_failures(const Hierarchy& h, const NodeCounts& counts);
// "Theft offences: 5,781 but its children sum to 5,780; ..." for messages.
std::string describe(const Hierarchy& h, const std::vector<SumFailure>& failures);

}  // namespace csa::offence
