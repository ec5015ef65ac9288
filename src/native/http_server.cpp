// `csa serve`'s HTTP layer: cpp-httplib (Debian's libcpp-httplib) turned into the plain
// HttpRequest → HttpResponse exchange of core/http_exchange.hpp. Everything the API says is decided in
// src/server/; this file only enforces what holds for every request: GET (and HEAD) only, except POST
// under the one writable prefix (the workspace), small requests, JSON errors, static files from one
// folder with no way out of it.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <thread>

#include "core/error.hpp"
#include "native/native_parts.hpp"

namespace csa::native {
namespace {

std::string json_error(const std::string& message) { return nlohmann::json{{"error", message}}.dump(); }

void send(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  to.set_content(from.body, from.content_type);
}

// The thread that waits for SIGINT/SIGTERM and stops the server. The signals are blocked in every
// thread (the worker pool inherits the mask), so only sigwait here sees them.
class StopOnSignal {
 public:
  explicit StopOnSignal(httplib::Server& server) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
    waiter_ = std::thread([this, &server] {
      int signal = 0;
      sigwait(&signals_, &signal);
      server.stop();
    });
  }
  ~StopOnSignal() {
    // The server stopped for another reason (or the signal already came): wake the waiter.
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  sigset_t signals_{};
  sigset_t previous_{};
  std::thread waiter_;
};

}  // namespace

void serve_http_with_httplib(const HttpServerOptions& options, const HttpHandler& api) {
  httplib::Server server;
  const int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_tcp_nodelay(true);  // small JSON answers: without it Nagle and delayed ACKs add ~40 ms each
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
                               "worker-src 'self' blob:; child-src blob:; connect-src 'self' https:"}});

  const std::string writable = options.writable_prefix;
  server.set_pre_routing_handler([writable](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    if (req.method == "POST" && !writable.empty() && req.path.starts_with(writable)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content(json_error(fmt::format("{} is not allowed here: the atlas API is read-only; use GET{}", req.method,
                                           writable.empty() ? "" : fmt::format(" (changes go to {}…)", writable))),
                    "application/json; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });

  auto exchange = [&api](const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.params.emplace_back(name, value);
    // httplib keeps header names as sent; the API looks them up in lower case.
    for (const auto& [name, value] : req.headers) {
      std::string lower = name;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(lower), value);
    }
    request.body = req.body;
    try {
      send(api(request), res);
    } catch (const std::exception& e) {
      res.status = 500;
      res.set_content(json_error(e.what()), "application/json; charset=utf-8");
    }
  };
  server.Get(R"(/api/.*)", exchange);
  if (!writable.empty()) server.Post(writable + ".*", exchange);

  if (!options.static_dir.empty() && !server.set_mount_point("/", options.static_dir)) {
    throw IoError(fmt::format("the atlas app folder {} does not exist; build it with `make build` (web/dist) or "
                              "give --web DIR",
                              options.static_dir));
  }

  // Errors httplib raises itself (404 for an unknown file, 400, 413, 414) get a JSON body too.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string why = res.status == 404   ? fmt::format("{} was not found", req.path)
                      : res.status == 413 ? std::string("the request is too large")
                      : res.status == 414 ? std::string("the request URI is too long")
                                          : fmt::format("the request could not be served (HTTP {})", res.status);
    res.set_content(json_error(why), "application/json; charset=utf-8");
  });

  StopOnSignal stop(server);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) throw IoError(fmt::format("could not bind an HTTP port on {}", options.host));
  } else if (!server.bind_to_port(options.host, port)) {
    throw IoError(fmt::format("could not listen on {}:{} (in use, or not an address of this machine); "
                              "choose another with --port",
                              options.host, port));
  }
  if (options.on_listening) options.on_listening(port);
  server.listen_after_bind();
}

}  // namespace csa::native
