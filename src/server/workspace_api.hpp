// The partnership workspace over HTTP (docs/WORKSPACE_API.md): the pages of the atlas app
// (web/src/workspace.js) read and change the workspace through these endpoints. Like AtlasApi it is
// one function from a request to a response, so every rule below is tested without sockets
// (tests/unit/server_workspace_api_test.cpp) and in a real browser (tests/atlas/workspace.test.mjs).
//
// Safety, in the order a request meets it:
//   - every /api/workspace/ endpoint but login needs a session: the `csa_session` cookie, set at login
//     `Secure; HttpOnly; SameSite=Strict; Path=/api/workspace`, so scripts cannot read it and other
//     sites' requests do not carry it;
//   - every POST must be JSON (a cross-site HTML form cannot send application/json), from this origin
//     when the browser says where it comes from (Origin), and carry the session's CSRF token in the
//     X-CSRF-Token header (the page gets it from /session, which only a same-origin script can read);
//   - the role decides: viewers read, editors change records, admins also add users;
//   - the workspace service validates and audits every change (workspace/workspace.hpp).
// The analytical atlas (/api/map …) stays readable without a login; none of this applies to it.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "core/http_exchange.hpp"
#include "workspace/live_indicator.hpp"
#include "workspace/workspace.hpp"

namespace csa::server {

inline constexpr std::string_view kWorkspacePrefix = "/api/workspace/";
inline constexpr std::string_view kSessionCookie = "csa_session";

class WorkspaceApi {
 public:
  // `indicators` (the data store, may be null) evaluates live indicators; `scratch` is where board
  // packs are written before they are sent.
  WorkspaceApi(workspace::Workspace& w, const workspace::IndicatorSource* indicators, std::filesystem::path scratch);
  static bool handles(const HttpRequest& r) { return r.path.starts_with(kWorkspacePrefix); }
  HttpResponse handle(const HttpRequest& r);

 private:
  HttpResponse route(const HttpRequest& r);
  HttpResponse login(const HttpRequest& r);
  HttpResponse change(const HttpRequest& r, const workspace::Session& s);
  HttpResponse board_pack(const HttpRequest& r);
  workspace::Json plan();
  workspace::Json meetings();

  workspace::Workspace& w_;
  const workspace::IndicatorSource* indicators_;
  std::filesystem::path scratch_;
  std::mutex mutex_;  // one connection to the workspace: requests take turns
};

}  // namespace csa::server
