// One HTTP request and its response, as plain data: what `csa serve`'s API code (src/server/) sees,
// so it can be tested without sockets, and what the HTTP library in the native module
// (src/native/http_server.cpp, cpp-httplib) fills in and sends.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csa {

struct HttpRequest {
  std::string method;  // "GET" (or "POST" under a writable prefix)
  std::string path;    // "/api/map", already percent-decoded
  std::vector<std::pair<std::string, std::string>> params;  // query parameters, decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case ("cookie", "origin")
  std::string body;                                          // POST only

  // The first header of that (lower-case) name; empty when absent.
  std::string header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (n == name) return v;
    }
    return {};
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Cache-Control …)
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                        // 0: any free port (the chosen one is passed to on_listening)
  std::string static_dir;                 // served at "/" (the atlas app); empty: none
  std::size_t max_body_bytes = 1024;      // any body larger than this is refused (413)
  std::string writable_prefix;            // POST is accepted under this path ("/api/workspace/"); empty: GET only
  int threads = 8;                        // worker threads
  std::function<void(int port)> on_listening;  // called once the socket is bound
};

}  // namespace csa
