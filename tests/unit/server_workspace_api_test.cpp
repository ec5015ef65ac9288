// The workspace's HTTP rules without sockets: who may read, who may change, what a change must carry
// (session cookie, CSRF token, JSON, same origin), and what comes back (cookie attributes, 409 on a
// stale edit, audit rows). Expected outcomes follow the rules in server/workspace_api.hpp.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "server/workspace_api.hpp"
#include "workspace/users.hpp"

namespace fs = std::filesystem;
namespace ws = csa::workspace;
using csa::HttpRequest;
using csa::HttpResponse;
using Json = nlohmann::json;

class ServerWorkspaceApi : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("csa-wsapi-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    w_ = std::make_unique<ws::Workspace>((dir_ / "ws.db").string());
    ws::add_user(w_->db(), std::nullopt, "admin", ws::Role::admin, "admin password 1");
    ws::Actor admin{"admin", ws::Role::admin};
    ws::add_user(w_->db(), admin, "kh", ws::Role::editor, "editor password 1");
    ws::add_user(w_->db(), admin, "vi", ws::Role::viewer, "viewer password 1");
    w_->add_priority(admin, {"1", "Support vulnerable groups", "2018-04", "2019-03", "", "", "", std::nullopt});
    api_ = std::make_unique<csa::server::WorkspaceApi>(*w_, nullptr, dir_ / "scratch");
  }
  void TearDown() override {
    api_.reset();
    w_.reset();
    fs::remove_all(dir_);
  }

  struct Login {
    std::string cookie, csrf;
  };
  Login login(const std::string& name, const std::string& password) {
    auto res = post("login", Json{{"name", name}, {"password", password}}, {}, "");
    EXPECT_EQ(res.status, 200) << res.body;
    Login l;
    for (const auto& [n, v] : res.headers) {
      if (n == "Set-Cookie") l.cookie = v.substr(0, v.find(';'));
    }
    l.csrf = Json::parse(res.body)["csrf"];
    return l;
  }
  HttpResponse get(const std::string& what, const std::string& cookie) {
    HttpRequest r;
    r.method = "GET";
    r.path = "/api/workspace/" + what;
    if (!cookie.empty()) r.headers.emplace_back("cookie", cookie);
    return api_->handle(r);
  }
  HttpResponse post(const std::string& what, const Json& body, const Login& l, const std::string& csrf,
                    const std::string& type = "application/json", const std::string& origin = "http://127.0.0.1:8080") {
    HttpRequest r;
    r.method = "POST";
    r.path = "/api/workspace/" + what;
    r.headers.emplace_back("host", "127.0.0.1:8080");
    r.headers.emplace_back("content-type", type);
    if (!origin.empty()) r.headers.emplace_back("origin", origin);
    if (!l.cookie.empty()) r.headers.emplace_back("cookie", "theme=dark; " + l.cookie);
    if (!csrf.empty()) r.headers.emplace_back("x-csrf-token", csrf);
    r.body = body.dump();
    return api_->handle(r);
  }

  fs::path dir_;
  std::unique_ptr<ws::Workspace> w_;
  std::unique_ptr<csa::server::WorkspaceApi> api_;
};

TEST_F(ServerWorkspaceApi, LoginSetsASecureHttpOnlyStrictCookie) {
  auto res = post("login", Json{{"name", "kh"}, {"password", "editor password 1"}}, {}, "");
  ASSERT_EQ(res.status, 200) << res.body;
  std::string set_cookie;
  for (const auto& [n, v] : res.headers) {
    if (n == "Set-Cookie") set_cookie = v;
  }
  EXPECT_TRUE(set_cookie.starts_with("csa_session=")) << set_cookie;
  for (const char* attr : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/api/workspace", "; Max-Age=28800"}) {
    EXPECT_NE(set_cookie.find(attr), std::string::npos) << attr << " missing from " << set_cookie;
  }
  auto body = Json::parse(res.body);
  EXPECT_EQ(body["user"], "kh");
  EXPECT_EQ(body["role"], "editor");
  EXPECT_EQ(body["csrf"].get<std::string>().size(), 64u);
  // The token in the cookie is not the CSRF token.
  EXPECT_EQ(set_cookie.find(body["csrf"].get<std::string>()), std::string::npos);
  // A wrong password and an unknown user get the same 401.
  auto bad1 = post("login", Json{{"name", "kh"}, {"password", "editor password 2"}}, {}, "");
  auto bad2 = post("login", Json{{"name", "nobody"}, {"password", "editor password 1"}}, {}, "");
  EXPECT_EQ(bad1.status, 401);
  EXPECT_EQ(bad1.body, bad2.body);
}

TEST_F(ServerWorkspaceApi, NothingIsReadOrChangedWithoutASession) {
  EXPECT_EQ(get("plan", "").status, 401);
  EXPECT_EQ(get("plan", "csa_session=" + std::string(64, 'a')).status, 401);  // a made-up token
  auto res = post("priorities", Json{{"code", "2"}, {"title", "x"}, {"period_from", "2018-04"}, {"period_to", "2019-03"}},
                  {}, "");
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(w_->priorities().size(), 1u);  // nothing written
}

TEST_F(ServerWorkspaceApi, AForgedChangeIsRefused) {
  auto l = login("kh", "editor password 1");
  Json action = {{"priority", "1"}, {"code", "1.1"}, {"description", "Communications"}, {"lead_agency", "Police"}};
  // The cookie alone (what a cross-site request would carry, were SameSite ignored) is not enough.
  EXPECT_EQ(post("actions", action, l, "").status, 403);
  EXPECT_EQ(post("actions", action, l, std::string(64, '0')).status, 403);
  // Another session's token does not fit this one.
  auto other = login("admin", "admin password 1");
  EXPECT_EQ(post("actions", action, l, other.csrf).status, 403);
  // A form post (not JSON) and a foreign origin are refused before the token is looked at.
  EXPECT_EQ(post("actions", action, l, l.csrf, "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(post("actions", action, l, l.csrf, "application/json", "https://evil.example").status, 403);
  EXPECT_TRUE(w_->actions(w_->priority_by_code("1")["id"]).empty());
  // With everything right, it is written, and audited under the session's user.
  auto ok = post("actions", action, l, l.csrf);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(w_->audit("action")[0]["actor"], "kh");
}

TEST_F(ServerWorkspaceApi, RolesDecideWhoChangesWhat) {
  auto v = login("vi", "viewer password 1");
  EXPECT_EQ(get("plan", v.cookie).status, 200);  // viewers read
  auto res = post("meetings", Json{{"held_on", "2025-02-25"}, {"title", "CSP board"}}, v, v.csrf);
  EXPECT_EQ(res.status, 403);
  EXPECT_NE(res.body.find("viewer"), std::string::npos) << res.body;
  auto e = login("kh", "editor password 1");
  EXPECT_EQ(get("users", e.cookie).status, 403);  // only admins list and add users
  EXPECT_EQ(post("users", Json{{"name", "new"}, {"role", "viewer"}, {"password", "a long password"}}, e, e.csrf).status,
            403);
  auto a = login("admin", "admin password 1");
  EXPECT_EQ(post("users", Json{{"name", "new"}, {"role", "viewer"}, {"password", "a long password"}}, a, a.csrf).status,
            200);
  EXPECT_EQ(Json::parse(get("users", a.cookie).body).size(), 4u);
}

TEST_F(ServerWorkspaceApi, RagChangeStaleEditAndAuditThroughTheApi) {
  auto l = login("kh", "editor password 1");
  ASSERT_EQ(post("actions", Json{{"priority", "1"}, {"code", "1.5"}, {"description", "Hoarding"}, {"lead_agency", "SCDC"}},
                 l, l.csrf)
                .status,
            200);
  // An action serving two priorities lists the other one (the plan reads links in one query).
  w_->add_priority({"kh", ws::Role::editor}, {"2", "Reduce violence", "2018-04", "2019-03", "", "", "", std::nullopt});
  ASSERT_EQ(post("actions", Json{{"priority", "1"}, {"code", "1.6"}, {"description", "Joint"}, {"lead_agency", "SCDC"},
                                 {"links", "2"}}, l, l.csrf).status, 200);
  auto plan = Json::parse(get("plan", l.cookie).body);
  EXPECT_EQ(plan["priorities"][0]["actions"][1]["links"], Json::array({"2"}));
  EXPECT_EQ(plan["priorities"][0]["actions"][0]["links"], Json::array());
  EXPECT_EQ(plan["priorities"][1]["actions"].size(), 0u);
  auto act = plan["priorities"][0]["actions"][0];
  const std::int64_t v = act["version"];
  // A RAG change without a reason is refused with the rule's message.
  auto no_reason = post("actions/rag", Json{{"priority", "1"}, {"action", "1.5"}, {"rag", "amber"}, {"quarter", "fy2018/19q3"},
                                             {"version", v}}, l, l.csrf);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("reason"), std::string::npos) << no_reason.body;
  auto ok = post("actions/rag", Json{{"priority", "1"}, {"action", "1.5"}, {"rag", "amber"}, {"reason", "Led by others"},
                                     {"quarter", "fy2018/19q3"}, {"version", v}}, l, l.csrf);
  ASSERT_EQ(ok.status, 200) << ok.body;
  // A second editor who loaded the same version is told who changed it.
  auto a = login("admin", "admin password 1");
  auto stale = post("edit", Json{{"entity", "action"}, {"id", act["id"]}, {"version", v}, {"changes", {{"lead_officer", "EK"}}}},
                    a, a.csrf);
  EXPECT_EQ(stale.status, 409);
  auto why = Json::parse(stale.body);
  EXPECT_EQ(why["changed_by"], "kh");
  EXPECT_EQ(why["current_version"], v + 1);
  EXPECT_TRUE(why["error"].get<std::string>().starts_with("action 1.5 was changed by kh at ")) << why["error"];
  // The plan shows the RAG and its quarter; the audit log shows the change.
  plan = Json::parse(get("plan", l.cookie).body);
  EXPECT_EQ(plan["priorities"][0]["actions"][0]["rag"], "amber");
  EXPECT_EQ(plan["priorities"][0]["actions"][0]["quarters"][0]["quarter"], "2018/19 Q3");
  EXPECT_EQ(plan["rag_key"].size(), 4u);
  HttpRequest r;
  r.method = "GET";
  r.path = "/api/workspace/audit";
  r.params = {{"entity", "action"}, {"id", std::to_string(act["id"].get<std::int64_t>())}};
  r.headers = {{"cookie", l.cookie}};
  auto audit = Json::parse(api_->handle(r).body);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0]["before"]["rag"], "none");
  EXPECT_EQ(audit[0]["after"]["rag"], "amber");
  EXPECT_EQ(audit[0]["after"]["rag_reason"], "Led by others");
}

TEST_F(ServerWorkspaceApi, LogoutEndsTheSessionAndClearsTheCookie) {
  auto l = login("kh", "editor password 1");
  auto res = post("logout", Json::object(), l, l.csrf);
  ASSERT_EQ(res.status, 200);
  bool cleared = false;
  for (const auto& [n, v] : res.headers) cleared |= n == "Set-Cookie" && v.starts_with("csa_session=;") && v.find("Max-Age=0") != std::string::npos;
  EXPECT_TRUE(cleared);
  EXPECT_EQ(get("session", l.cookie).status, 401);
}

TEST_F(ServerWorkspaceApi, BadRequestsGetClearMessages) {
  auto l = login("kh", "editor password 1");
  EXPECT_EQ(post("nowhere", Json::object(), l, l.csrf).status, 404);
  EXPECT_EQ(get("nowhere", l.cookie).status, 404);
  HttpRequest r;
  r.method = "POST";
  r.path = "/api/workspace/actions";
  r.headers = {{"content-type", "application/json"}, {"cookie", l.cookie}, {"x-csrf-token", l.csrf}};
  r.body = "{not json";
  auto res = api_->handle(r);
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(res.body.find("not JSON"), std::string::npos);
  auto bad_date = post("meetings", Json{{"held_on", "2025-02-30"}, {"title", "Board"}}, l, l.csrf);
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_NE(bad_date.body.find("2025-02-30"), std::string::npos) << bad_date.body;
  HttpRequest pack;
  pack.method = "GET";
  pack.path = "/api/workspace/board-pack";
  pack.params = {{"format", "exe"}};
  pack.headers = {{"cookie", l.cookie}};
  EXPECT_EQ(api_->handle(pack).status, 400);
}

TEST_F(ServerWorkspaceApi, BoardPackHtmlIsSentAsAnAttachment) {
  w_->add_action({"kh", ws::Role::editor}, {"1", "1.1 a", "Deliver localised communications", "Police", "", "", {}});
  auto l = login("vi", "viewer password 1");
  HttpRequest r;
  r.method = "GET";
  r.path = "/api/workspace/board-pack";
  r.params = {{"format", "html"}};
  r.headers = {{"cookie", l.cookie}};
  auto res = api_->handle(r);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.content_type, "text/html; charset=utf-8");
  EXPECT_NE(res.body.find("Deliver localised communications"), std::string::npos);
  bool attachment = false;
  for (const auto& [n, v] : res.headers) attachment |= n == "Content-Disposition" && v.find("board-pack.html") != std::string::npos;
  EXPECT_TRUE(attachment);
  EXPECT_TRUE(fs::is_empty(dir_ / "scratch"));  // the export's folder is gone
}

// The plan's KPIs: each with its quarters (by quarter) and its state from the latest quarter with an
// actual, the quarters read once for both. Worked by hand with the 90% rule (docs/WORKSPACE.md):
// KPI 1 "higher", Q1 170 of 167 on track, Q2 120 of 167 (< 150.3) off track, Q3 a target only (no
// actual: not the latest for the state); KPI 2 "lower", Q1 110 of its own target 100 (<= 110) at
// risk; KPI 3 no quarters: no data.
TEST_F(ServerWorkspaceApi, ThePlanShowsEachKpisQuartersAndState) {
  ws::Actor kh{"kh", ws::Role::editor};
  w_->add_action(kh, {"1", "5", "Businesses Against Abuse", "Police", "", "", {}});
  auto k1 = w_->add_kpi(kh, {"1", "5", "Number of people accredited", "higher", "2025-03", 1000});
  auto k2 = w_->add_kpi(kh, {"1", "", "Repeat victims", "lower", "", 100});
  w_->add_kpi(kh, {"1", "", "Not measured yet", "higher", "", std::nullopt});
  w_->set_kpi_quarter(kh, k1["id"], "fy2024/25q3", 167, std::nullopt);  // written first, latest quarter
  w_->set_kpi_quarter(kh, k1["id"], "fy2024/25q2", 167, 120);
  w_->set_kpi_quarter(kh, k1["id"], "fy2024/25q1", 167, 170);
  w_->set_kpi_quarter(kh, k2["id"], "fy2024/25q1", std::nullopt, 110);
  auto l = login("vi", "viewer password 1");
  auto res = get("plan", l.cookie);
  ASSERT_EQ(res.status, 200) << res.body;
  const auto kpis = Json::parse(res.body)["priorities"][0]["kpis"];
  ASSERT_EQ(kpis.size(), 3u);
  EXPECT_EQ(kpis[0]["status"], "off track");
  EXPECT_EQ(kpis[0]["status_quarter"], "2024/25 Q2");
  ASSERT_EQ(kpis[0]["quarters"].size(), 3u);
  EXPECT_EQ(kpis[0]["quarters"][0]["quarter"], "2024/25 Q1");
  EXPECT_EQ(kpis[0]["quarters"][1]["actual"], 120.0);
  EXPECT_EQ(kpis[0]["quarters"][2]["quarter"], "2024/25 Q3");
  EXPECT_TRUE(kpis[0]["quarters"][2]["actual"].is_null());
  EXPECT_EQ(kpis[1]["status"], "at risk");
  EXPECT_EQ(kpis[1]["status_quarter"], "2024/25 Q1");
  ASSERT_EQ(kpis[1]["quarters"].size(), 1u);
  EXPECT_EQ(kpis[1]["quarters"][0]["kpi_id"], k2["id"]);
  EXPECT_EQ(kpis[2]["status"], "no data");
  EXPECT_EQ(kpis[2]["status_quarter"], "");
  EXPECT_EQ(kpis[2]["quarters"], Json::array());
  // The same states as the workspace gives for one KPI read on its own.
  EXPECT_EQ(w_->kpi_state(k1["id"]).quarter, "2024/25 Q2");
  EXPECT_EQ(w_->kpi_state(k2["id"]).status, ws::KpiStatus::at_risk);
}
