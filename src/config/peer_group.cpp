#include "config/peer_group.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include "config/toml_file.hpp"
#include "core/error.hpp"

namespace csa::config {

PeerGroup load_peer_group(const std::string& path) {
  toml::table doc = read_toml_file(path, "examples/cambridge/msg.toml");
  PeerGroup g;
  auto text = [&](const char* key, bool required) {
    auto node = doc[key];
    if (auto v = node.value<std::string>()) return *v;
    if (required || node) {
      throw InputError(fmt::format("{}: '{}' must be a string, e.g. {} = \"…\" (see examples/cambridge/msg.toml)", path,
                                   key, key));
    }
    return std::string();
  };
  g.name = text("name", true);
  g.source = text("source", false);
  g.area = text("area", true);
  const toml::array* peers = doc["peers"].as_array();
  if (peers == nullptr || peers->empty()) {
    throw InputError(fmt::format("{}: 'peers' must be a non-empty list of district names or GSS codes, "
                                 "e.g. peers = [\"Oxford\", \"E07000078\"]",
                                 path));
  }
  for (const auto& p : *peers) {
    auto v = p.value<std::string>();
    if (!v || v->empty()) {
      throw InputError(fmt::format("{}:{}: every peer must be a non-empty string (a district name or GSS code)", path,
                                   p.source().begin.line));
    }
    g.peers.push_back(*v);
    g.peer_lines.push_back(static_cast<int>(p.source().begin.line));
  }
  return g;
}

}  // namespace csa::config
