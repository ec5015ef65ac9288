// The atlas's JSON API (docs/ATLAS_API.md): one function from a request to a response, with no
// sockets, so every endpoint, every error and the suppression rule are tested directly
// (tests/unit/server_atlas_api_test.cpp); src/native/http_server.cpp puts it on the network.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/http_exchange.hpp"
#include "server/atlas.hpp"

namespace csa::server {

class AtlasApi {
 public:
  // `home_office` lists, per police.uk crime type, the Home Office subgroups behind it (for the
  // monitoring table's hover text); may be empty.
  AtlasApi(const Atlas& atlas, std::map<std::string, std::vector<std::string>> home_office = {});
  HttpResponse handle(const HttpRequest& request) const;

 private:
  std::string meta() const;
  std::string boundaries(const HttpRequest& r) const;
  std::string map(const HttpRequest& r) const;
  std::string series(const HttpRequest& r) const;
  std::string profile(const HttpRequest& r) const;
  std::string monitoring(const HttpRequest& r) const;
  std::string pyramid(const HttpRequest& r) const;
  std::string hotspots(const HttpRequest& r) const;

  const Atlas& atlas_;
  std::map<std::string, std::vector<std::string>> home_office_;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, std::string> cache_;  // boundaries and hot spots, by request key
};

}  // namespace csa::server
