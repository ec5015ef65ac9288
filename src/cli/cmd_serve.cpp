// csa serve: the interactive community safety atlas (web/ app + docs/ATLAS_API.md) on a local port.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include <unistd.h>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "geo/native_module.hpp"
#include "server/atlas.hpp"
#include "server/atlas_api.hpp"
#include "server/workspace_api.hpp"
#include "stats/harm_weights.hpp"
#include "store/store.hpp"

#ifndef CSA_WEB_DIR
#define CSA_WEB_DIR ""
#endif

namespace csa::cli {
namespace {

struct ServeArgs {
  std::string db = kDefaultDb;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web = CSA_WEB_DIR;
  int suppress_under = 5;
  std::string taxonomy;
  std::string offence_groups;
  int threads = 8;
  std::string workspace;  // empty: the atlas only
};

void run_serve(const ServeArgs& a) {
  if (a.port < 0 || a.port > 65535) throw InputError(fmt::format("--port {} is not a port number (1-65535, or 0 for any free port)", a.port));
  if (a.threads < 1 || a.threads > 256) throw InputError(fmt::format("--threads {} must be between 1 and 256", a.threads));
  if (!std::filesystem::exists(a.db)) {
    throw InputError(fmt::format("database {} does not exist; make one with `csa ingest police-uk …` and "
                                 "`csa geography load …` (make demo makes out/cambridge/cambs.db)",
                                 a.db));
  }
  if (!a.web.empty() && !std::filesystem::exists(std::filesystem::path(a.web) / "index.html")) {
    throw InputError(fmt::format("the atlas app is not built: {} has no index.html; run `make build` (it builds web/ "
                                 "with npm) or give --web DIR",
                                 a.web));
  }
  auto start = std::chrono::steady_clock::now();
  auto store = store::open_sqlite_store(a.db);
  server::AtlasOptions options;
  options.suppress_under = a.suppress_under;
  options.taxonomy = a.taxonomy;
  auto atlas = server::Atlas::load(*store, options);
  std::map<std::string, std::vector<std::string>> home_office;
  if (!a.offence_groups.empty()) {
    for (const auto& s : stats::read_cchi_subgroups(a.offence_groups)) home_office[s.crime_type].push_back(s.subgroup);
  }
  server::AtlasApi api(*atlas, std::move(home_office));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // The workspace (when asked for): its own API under /api/workspace/, the only place POST is taken.
  std::unique_ptr<workspace::Workspace> ws;
  std::unique_ptr<workspace::IndicatorSource> indicators;
  std::unique_ptr<server::WorkspaceApi> ws_api;
  if (!a.workspace.empty()) {
    ws = std::make_unique<workspace::Workspace>(a.workspace);
    if (workspace::user_count(ws->db()) == 0) {
      throw InputError(fmt::format("the workspace {} has no users, so nobody could log in; add an admin with "
                                   "`csa workspace user add --workspace {} --name NAME --role admin`",
                                   ws->db().describe(), a.workspace));
    }
    indicators = std::make_unique<workspace::IndicatorSource>(a.db);
    ws_api = std::make_unique<server::WorkspaceApi>(
        *ws, indicators.get(), std::filesystem::temp_directory_path() / fmt::format("csa-serve-{}", ::getpid()));
  }
  HttpHandler handler = [&api, &ws_api](const HttpRequest& r) {
    if (server::WorkspaceApi::handles(r)) {
      if (ws_api) return ws_api->handle(r);
      HttpResponse res;
      res.status = 404;
      res.body = R"({"error":"this atlas is served without a workspace; start csa serve with --workspace FILE"})";
      return res;
    }
    return api.handle(r);
  };

  HttpServerOptions http;
  if (ws_api) {
    http.writable_prefix = std::string(server::kWorkspacePrefix);
    http.max_body_bytes = 64 * 1024;  // the longest form (minutes of an agenda item) fits easily
  }
  http.host = a.host;
  http.port = a.port;
  http.static_dir = a.web;
  http.threads = a.threads;
  http.on_listening = [&](int port) {
    fmt::print("csa serve: {} districts, {} periods, {} months from {}; loaded in {:.2f} s\n", atlas->districts().size(),
               atlas->periods().size(), atlas->months_loaded().size(), a.db, seconds);
    if (a.host != "127.0.0.1" && a.host != "localhost" && a.host != "::1") {
      fmt::print("csa serve: listening on {} (not only this machine): anyone who can reach it can read the atlas\n", a.host);
    }
    if (ws_api) {
      fmt::print("csa serve: the workspace {} at /workspace.html (log in to read or change it)\n", ws->db().describe());
      if (a.host != "127.0.0.1" && a.host != "localhost" && a.host != "::1") {
        fmt::print("csa serve: the workspace's session cookie is Secure: browsers send it only over HTTPS (or to "
                   "localhost), so put csa serve behind a TLS proxy to use it from other machines\n");
      }
    }
    fmt::print("csa serve: open http://{}:{}/ (Ctrl-C to stop)\n", a.host == "0.0.0.0" ? "127.0.0.1" : a.host, port);
    std::fflush(stdout);
  };
  native::module().serve_http(http, handler);
  fmt::print("csa serve: stopped\n");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto a = std::make_shared<ServeArgs>();
  auto* s = app.add_subcommand("serve", "The interactive community safety atlas: a web app and read-only JSON API on a local port");
  s->add_option("--db", a->db, "Database file")->capture_default_str();
  s->add_option("--host", a->host, "Address to listen on (127.0.0.1: this machine only)")->capture_default_str();
  s->add_option("--port", a->port, "Port (0: any free port, printed)")->capture_default_str();
  s->add_option("--web", a->web, "Folder of the built atlas app (web/dist)")->capture_default_str();
  s->add_option("--suppress-under", a->suppress_under,
                "Counts below this are never sent below district level (0 = no suppression, internal use only)")
      ->capture_default_str();
  s->add_option("--taxonomy", a->taxonomy, "Your own theme taxonomy TOML (default: the shipped one)");
  s->add_option("--offence-groups", a->offence_groups,
                "CSV of police.uk crime type → Home Office subgroup (the CCHI weights file has it), for the monitoring "
                "table's lists");
  s->add_option("--threads", a->threads, "Worker threads")->capture_default_str();
  s->add_option("--workspace", a->workspace,
                "Also serve the partnership workspace (a file, or postgresql://…): its pages at /workspace.html, "
                "behind a login");
  s->callback([a] { run_serve(*a); });
}

}  // namespace csa::cli
