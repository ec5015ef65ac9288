#include "server/workspace_api.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "workspace/board_pack.hpp"
#include "workspace/records.hpp"

namespace csa::server {
namespace {

using workspace::Json;
using workspace::Role;

// A refusal with its HTTP status: the handler turns it into {"error": …}.
struct Refused {
  int status;
  std::string message;
};

HttpResponse json_response(int status, const Json& body) {
  HttpResponse res;
  res.status = status;
  res.body = body.dump();
  // Workspace answers are per user and change: never cached, never framed.
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

HttpResponse error_response(int status, const std::string& message) {
  return json_response(status, Json{{"error", message}});
}

// The value of cookie `name` in a Cookie header ("a=1; csa_session=…").
std::string cookie(const HttpRequest& r, std::string_view name) {
  std::string header = r.header("cookie");
  std::size_t at = 0;
  while (at < header.size()) {
    auto end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    auto part = std::string_view(header).substr(at, end - at);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name) && part.size() > name.size() && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    at = end + 1;
  }
  return {};
}

std::string param(const HttpRequest& r, std::string_view name) {
  for (const auto& [n, v] : r.params) {
    if (n == name) return v;
  }
  return {};
}

// Fields of a JSON body. Forms send text; scripts may send numbers.
class Body {
 public:
  explicit Body(const HttpRequest& r) {
    try {
      j_ = Json::parse(r.body);
    } catch (const Json::parse_error& e) {
      throw Refused{400, fmt::format("the request body is not JSON: {}", e.what())};
    }
    if (!j_.is_object()) throw Refused{400, "the request body must be a JSON object"};
  }
  const Json& json() const { return j_; }
  bool has(const std::string& k) const { return j_.contains(k) && !j_[k].is_null(); }
  // Values through the workspace's own rules (workspace/rules.hpp), so a form and the CLI get the
  // same message for the same mistake.
  std::string text(const std::string& k) const { return has(k) ? workspace::value_text(j_[k], k) : std::string(); }
  std::int64_t integer(const std::string& k) const { return workspace::parse_integer(text(k), k); }
  std::optional<std::int64_t> optional_integer(const std::string& k) const {
    if (text(k).empty()) return std::nullopt;
    return integer(k);
  }
  std::optional<double> number(const std::string& k) const { return workspace::parse_optional_number(text(k), k); }
  std::vector<std::string> list(const std::string& k) const {
    std::vector<std::string> out;
    if (!has(k)) return out;
    if (j_[k].is_array()) {
      for (const auto& v : j_[k]) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
      return out;
    }
    // "3, 4" from a text box.
    std::stringstream in(text(k));
    for (std::string part; std::getline(in, part, ',');) {
      auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
      if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    }
    return out;
  }

 private:
  Json j_;
};

// What a POST must be before anything else is looked at: JSON (a cross-site form cannot send it
// without a CORS preflight, which this server never grants) from this origin.
void require_same_origin_json(const HttpRequest& r) {
  auto type = r.header("content-type");
  if (!type.starts_with("application/json")) {
    throw Refused{415, "changes are sent as JSON (Content-Type: application/json)"};
  }
  auto origin = r.header("origin");
  auto host = r.header("host");
  if (!origin.empty() && origin != "http://" + host && origin != "https://" + host) {
    throw Refused{403, fmt::format("a change from {} is refused: the workspace only accepts changes from its own pages",
                                   origin)};
  }
}

std::string session_cookie(const std::string& token, long long max_age) {
  return fmt::format("{}={}; Path=/api/workspace; Max-Age={}; Secure; HttpOnly; SameSite=Strict", kSessionCookie, token,
                     max_age);
}

Json session_json(const workspace::Session& s) {
  return {{"user", s.actor.name},
          {"role", std::string(workspace::role_name(s.actor.role))},
          {"csrf", s.csrf},
          {"expires_at", s.expires_at}};
}

Json rag_key() {
  Json key = Json::array();
  for (auto r : {workspace::Rag::red, workspace::Rag::amber, workspace::Rag::green, workspace::Rag::complete}) {
    key.push_back({{"rag", std::string(workspace::rag_name(r))},
                   {"title", std::string(workspace::rag_title(r))},
                   {"meaning", std::string(workspace::rag_meaning(r))},
                   {"colour", std::string(workspace::rag_colour(r))}});
  }
  return key;
}

}  // namespace

WorkspaceApi::WorkspaceApi(workspace::Workspace& w, const workspace::IndicatorSource* indicators,
                           std::filesystem::path scratch)
    : w_(w), indicators_(indicators), scratch_(std::move(scratch)) {}

HttpResponse WorkspaceApi::handle(const HttpRequest& r) {
  std::lock_guard lock(mutex_);
  try {
    return route(r);
  } catch (const Refused& e) {
    return error_response(e.status, e.message);
  } catch (const workspace::PermissionError& e) {
    return error_response(403, e.what());
  } catch (const workspace::ConflictError& e) {
    return json_response(409, Json{{"error", e.what()},
                                   {"changed_by", e.changed_by},
                                   {"changed_at", e.changed_at},
                                   {"current_version", e.current_version}});
  } catch (const InputError& e) {
    return error_response(400, e.what());
  }
}

HttpResponse WorkspaceApi::route(const HttpRequest& r) {
  const std::string what = r.path.substr(kWorkspacePrefix.size());
  const bool post = r.method == "POST";
  if (post) require_same_origin_json(r);
  if (post && what == "login") return login(r);

  auto token = cookie(r, kSessionCookie);
  auto session = token.empty() ? std::nullopt : workspace::session_for(w_.db(), token);
  if (!session) throw Refused{401, "log in to use the workspace (your session may have expired)"};
  if (post) {
    if (!workspace::csrf_ok(*session, r.header("x-csrf-token"))) {
      throw Refused{403, "the request has no valid CSRF token (X-CSRF-Token); reload the page and try again"};
    }
    if (what == "logout") {
      workspace::logout(w_.db(), token);
      auto res = json_response(200, Json{{"logged_out", session->actor.name}});
      res.headers.emplace_back("Set-Cookie", session_cookie("", 0));
      return res;
    }
    return change(r, *session);
  }
  if (what == "session") return json_response(200, session_json(*session));
  if (what == "plan") return json_response(200, plan());
  if (what == "meetings") return json_response(200, meetings());
  if (what == "schedule") return json_response(200, w_.schedule());
  if (what == "budget") {
    Json out = Json::array();
    for (auto b : w_.budget_lines()) {
      for (const std::string k : {"allocated", "spent", "carried_forward"}) {
        b[k + "_text"] = workspace::pence_text(b[k + "_pence"].get<std::int64_t>());
      }
      out.push_back(std::move(b));
    }
    return json_response(200, out);
  }
  if (what == "recommendations") return json_response(200, w_.recommendations());
  if (what == "audit") {
    auto limit_text = param(r, "limit");
    std::int64_t limit = 100;
    if (!limit_text.empty()) {
      try {
        limit = std::stoll(limit_text);
      } catch (const std::logic_error&) {
        throw Refused{400, fmt::format("limit '{}' is not a number", limit_text)};
      }
      if (limit < 1 || limit > 1000) throw Refused{400, "limit must be between 1 and 1000"};
    }
    return json_response(200, w_.audit(param(r, "entity"), param(r, "id"), limit));
  }
  if (what == "indicators") {
    Json out = Json::array();
    if (indicators_) {
      for (const auto& [bound, li] : workspace::evaluate_indicators(w_, *indicators_)) {
        out.push_back({{"bound_to", bound}, {"sentence", li.sentence()}, {"latest", li.latest_text},
                       {"previous", li.previous_text}, {"change", li.change_text}, {"significant", li.significant},
                       {"p_value", li.p_value}, {"period", li.period}, {"complete", li.complete}});
      }
    }
    return json_response(200, Json{{"available", indicators_ != nullptr}, {"indicators", out}});
  }
  if (what == "users") {
    workspace::require_role(session->actor, Role::admin, "list users");
    Json out = Json::array();
    for (auto u : workspace::fetch_where(w_.db(), workspace::entity("user"), "", {}, "name")) {
      out.push_back({{"name", u["name"]}, {"role", u["role"]}, {"created_at", u["created_at"]}});
    }
    return json_response(200, out);
  }
  if (what == "board-pack") return board_pack(r);
  throw Refused{404, fmt::format("{} is not a workspace endpoint; see docs/WORKSPACE_API.md", r.path)};
}

HttpResponse WorkspaceApi::login(const HttpRequest& r) {
  Body b(r);
  workspace::Session s;
  try {
    s = workspace::login(w_.db(), b.text("name"), b.text("password"));
  } catch (const InputError& e) {
    throw Refused{401, e.what()};
  }
  auto res = json_response(200, session_json(s));
  res.headers.emplace_back("Set-Cookie", session_cookie(s.token, workspace::kSessionSeconds));
  return res;
}

HttpResponse WorkspaceApi::change(const HttpRequest& r, const workspace::Session& s) {
  const std::string what = r.path.substr(kWorkspacePrefix.size());
  Body b(r);
  const auto& a = s.actor;
  if (what == "users") {
    workspace::add_user(w_.db(), a, b.text("name"), workspace::parse_role(b.text("role")), b.text("password"));
    return json_response(200, Json{{"name", b.text("name")}, {"role", b.text("role")}});
  }
  Json out;
  if (what == "priorities") {
    out = w_.add_priority(a, {b.text("code"), b.text("title"), b.text("period_from"), b.text("period_to"),
                              b.text("rationale"), b.text("cross_cutting"), b.text("lead"),
                              b.optional_integer("recommendation_id")});
  } else if (what == "actions") {
    out = w_.add_action(a, {b.text("priority"), b.text("code"), b.text("description"), b.text("lead_agency"),
                            b.text("lead_officer"), b.text("due"), b.list("links")});
  } else if (what == "actions/rag") {
    out = w_.set_rag(a, b.text("priority"), b.text("action"), b.text("rag"), b.text("reason"), b.text("quarter"),
                     b.optional_integer("version"));
  } else if (what == "actions/progress") {
    out = w_.set_progress(a, b.text("priority"), b.text("action"), b.text("quarter"), b.text("progress"));
  } else if (what == "kpis") {
    out = w_.add_kpi(a, {b.text("priority"), b.text("action"), b.text("description"),
                         b.has("direction") ? b.text("direction") : "higher", b.text("target_by"), b.number("target")});
  } else if (what == "kpis/quarter") {
    out = w_.set_kpi_quarter(a, b.integer("kpi"), b.text("quarter"), b.number("target"), b.number("actual"),
                             b.text("note"));
  } else if (what == "budget") {
    out = w_.add_budget_line(a, {b.text("priority"), b.text("action"), b.text("source"), b.text("financial_year"),
                                 b.has("allocated") ? b.text("allocated") : "0", b.has("spent") ? b.text("spent") : "0",
                                 b.has("carried_forward") ? b.text("carried_forward") : "0", b.text("note")});
  } else if (what == "meetings") {
    out = w_.add_meeting(a, b.text("held_on"), b.text("title"), b.text("location"));
  } else if (what == "agenda") {
    workspace::AgendaInput in{b.text("meeting"),   b.text("item"),           b.text("lead"),
                              b.has("session") ? b.text("session") : "public",
                              b.text("minutes"),   b.text("decision"),       b.integer("number"),
                              b.optional_integer("time_minutes")};
    out = w_.add_agenda_item(a, in);
  } else if (what == "points") {
    out = w_.add_point(a, b.text("meeting"), b.text("code"), b.text("description"), b.text("owner"));
  } else if (what == "points/status") {
    out = w_.set_point_status(a, b.text("meeting"), b.text("code"), b.text("status"), b.text("note"));
  } else if (what == "points/carry") {
    out = w_.carry_point(a, b.text("meeting"), b.text("code"), b.text("to_meeting"), b.text("note"));
  } else if (what == "schedule") {
    out = w_.add_schedule(a, {b.integer("document_no"), b.text("theme"), b.text("analysis_from"),
                              b.text("analysis_to"), b.text("presentation")});
  } else if (what == "edit") {
    if (!b.json().contains("changes")) throw Refused{400, "'changes' is missing: {\"field\": \"new value\", …}"};
    out = w_.edit(a, b.text("entity"), b.integer("id"), b.integer("version"), b.json()["changes"]);
  } else if (what == "delete") {
    w_.remove(a, b.text("entity"), b.integer("id"), b.integer("version"));
    out = Json{{"deleted", b.text("entity")}, {"id", b.integer("id")}};
  } else {
    throw Refused{404, fmt::format("{} is not a workspace endpoint that accepts changes; see docs/WORKSPACE_API.md",
                                   r.path)};
  }
  return json_response(200, out);
}

Json WorkspaceApi::plan() {
  Json out = Json::object();
  out["rag_key"] = rag_key();
  out["priorities"] = Json::array();
  // Every action's quarters and links in two queries, not two per action (1,000 actions: see
  // docs/BENCHMARKS.md section 8); every KPI's quarters in one, shown and used for its state.
  std::map<std::int64_t, Json> quarters, links;
  for (auto& q : workspace::fetch_where(w_.db(), workspace::entity("action_quarter"), "", {}, "action_id, quarter")) {
    const std::int64_t aid = q["action_id"];
    quarters[aid].push_back(std::move(q));
  }
  std::map<std::int64_t, std::vector<Json>> kpi_quarters;
  for (auto& q : workspace::fetch_where(w_.db(), workspace::entity("kpi_quarter"), "", {}, "kpi_id, quarter")) {
    const std::int64_t kid = q["kpi_id"];
    kpi_quarters[kid].push_back(std::move(q));
  }
  for (const auto& row : w_.db().query("SELECT l.action_id, p.code FROM action_links l JOIN priorities p ON p.id = "
                                       "l.priority_id ORDER BY l.action_id, p.code")) {
    links[row.int64(0)].push_back(row.text(1));
  }
  for (auto p : w_.priorities()) {
    const std::int64_t pid = p["id"];
    p["actions"] = Json::array();
    for (auto act : w_.actions(pid)) {
      const std::int64_t aid = act["id"];
      act["quarters"] = quarters.contains(aid) ? quarters[aid] : Json::array();
      act["links"] = links.contains(aid) ? links[aid] : Json::array();
      p["actions"].push_back(std::move(act));
    }
    p["kpis"] = Json::array();
    for (auto k : w_.kpis(pid)) {
      const auto& kq = kpi_quarters[k["id"].get<std::int64_t>()];
      auto state = workspace::kpi_state(k, kq);
      k["status"] = std::string(workspace::kpi_status_name(state.status));
      k["status_quarter"] = state.quarter;
      k["quarters"] = kq;
      p["kpis"].push_back(std::move(k));
    }
    out["priorities"].push_back(std::move(p));
  }
  return out;
}

Json WorkspaceApi::meetings() {
  Json out = Json::array();
  for (auto m : w_.meetings()) {
    const std::int64_t mid = m["id"];
    m["agenda"] = w_.agenda(mid);
    m["points"] = w_.points(mid);
    out.push_back(std::move(m));
  }
  return out;
}

HttpResponse WorkspaceApi::board_pack(const HttpRequest& r) {
  auto format = param(r, "format");
  if (format != "html" && format != "pdf" && format != "docx") {
    throw Refused{400, fmt::format("format '{}' is not one of html, pdf, docx", format)};
  }
  // A folder of its own per export: two exports never write over each other.
  std::filesystem::create_directories(scratch_);
  std::string pattern = (scratch_ / "board-pack-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw IoError(fmt::format("cannot make a folder under {}", scratch_.string()));
  std::filesystem::path dir = pattern;
  struct Cleanup {
    std::filesystem::path d;
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
  } cleanup{dir};
  workspace::export_board_pack(w_, param(r, "meeting"), dir.string(), format, indicators_);
  auto file = dir / ("board-pack." + format);
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw IoError(fmt::format("{}: cannot read the board pack back", file.string()));
  HttpResponse res;
  res.content_type = format == "html"  ? "text/html; charset=utf-8"
                     : format == "pdf" ? "application/pdf"
                                       : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  res.body = std::move(bytes);
  res.headers.emplace_back("Cache-Control", "no-store");
  res.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"board-pack.{}\"", format));
  return res;
}

}  // namespace csa::server
