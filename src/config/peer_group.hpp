// A Most Similar Group (iQuanta's peer districts for a CSP) as the user gives it in a TOML file:
// the comparison a board reads as "13 of 15". Names or GSS codes; peers the loaded geography or data
// lacks are named in the output, never silently dropped.
#pragma once

#include <string>
#include <vector>

namespace csa::config {

struct PeerGroup {
  std::string name;                // e.g. "iQuanta Most Similar Group for Cambridge City CSP"
  std::string source;              // where the list comes from, printed under the comparison
  std::string area;                // the subject district (name or GSS code)
  std::vector<std::string> peers;  // names or GSS codes, subject excluded
  std::vector<int> peer_lines;     // line of each peer in the file, for messages
};

// Throws InputError naming the file, line and key on a missing or malformed entry.
PeerGroup load_peer_group(const std::string& path);

}  // namespace csa::config
