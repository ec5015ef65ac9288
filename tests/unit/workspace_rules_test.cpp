// The workspace's rules, against SQLite always and against PostgreSQL when CSA_TEST_PG names a
// running server (tests/cli/workspace_postgres.sh starts one). Expected values are worked by hand
// from the rule each test names (docs/WORKSPACE.md).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <atomic>

#include "core/error.hpp"
#include "workspace/kpi_status.hpp"
#include "workspace/rules.hpp"
#include "workspace/users.hpp"
#include "workspace/workspace.hpp"

namespace ws = csa::workspace;
namespace fs = std::filesystem;

TEST(WorkspaceRulesTest, ActionCodesNormaliseAndSort) {
  EXPECT_EQ(ws::parse_action_code("1.1 a)").code, "1.1 a");
  EXPECT_EQ(ws::parse_action_code("1.1A").code, "1.1 a");
  EXPECT_EQ(ws::parse_action_code(" 2 ").code, "2");
  EXPECT_LT(ws::parse_action_code("1.2").sort_key, ws::parse_action_code("1.10").sort_key);
  EXPECT_LT(ws::parse_action_code("1.1 a").sort_key, ws::parse_action_code("1.1 b").sort_key);
  EXPECT_THROW(ws::parse_action_code("a.1"), csa::InputError);
  EXPECT_THROW(ws::parse_action_code("1..2"), csa::InputError);
  EXPECT_THROW(ws::parse_action_code("1.1 ab"), csa::InputError);
}

TEST(WorkspaceRulesTest, PointCodesQuartersDatesMoney) {
  EXPECT_EQ(ws::parse_point_code("10/3"), "10/03");
  EXPECT_THROW(ws::parse_point_code("13/01"), csa::InputError);
  EXPECT_THROW(ws::parse_point_code("10-03"), csa::InputError);
  EXPECT_EQ(ws::parse_quarter("fy2018/19q3"), "2018/19 Q3");
  EXPECT_EQ(ws::parse_quarter("2018/19 Q4"), "2018/19 Q4");
  EXPECT_THROW(ws::parse_quarter("2018-12"), csa::InputError);
  EXPECT_EQ(ws::parse_date("2024-02-29", "d"), "2024-02-29");
  EXPECT_THROW(ws::parse_date("2025-02-29", "d"), csa::InputError);
  EXPECT_EQ(ws::parse_pence("£1,000", "x"), 100000);
  EXPECT_EQ(ws::parse_pence("2000.5", "x"), 200050);
  EXPECT_THROW(ws::parse_pence("-5", "x"), csa::InputError);
  EXPECT_THROW(ws::parse_pence("1.234", "x"), csa::InputError);
  EXPECT_EQ(ws::pence_text(100000), "£1,000");
  EXPECT_EQ(ws::pence_text(200050), "£2,000.50");
}

// The KPI rule with the seeds' example (002_… 2254-2324): quarterly target 167 accredited people.
TEST(WorkspaceRulesTest, KpiStatusFollowsTarget) {
  using ws::KpiDirection, ws::KpiStatus;
  EXPECT_EQ(ws::kpi_status(KpiDirection::higher, 167, 167), KpiStatus::on_track);
  EXPECT_EQ(ws::kpi_status(KpiDirection::higher, 167, 151), KpiStatus::at_risk);    // 151 >= 150.3
  EXPECT_EQ(ws::kpi_status(KpiDirection::higher, 167, 150), KpiStatus::off_track);  // 150 < 150.3
  EXPECT_EQ(ws::kpi_status(KpiDirection::lower, 100, 100), KpiStatus::on_track);
  EXPECT_EQ(ws::kpi_status(KpiDirection::lower, 100, 110), KpiStatus::at_risk);
  EXPECT_EQ(ws::kpi_status(KpiDirection::lower, 100, 111), KpiStatus::off_track);
  EXPECT_EQ(ws::kpi_status(KpiDirection::higher, std::nullopt, 5), KpiStatus::no_data);
}

// The state from records already read, in any order: the latest quarter with an actual (Q2, not Q3
// with a target only), its own target when it has one, else the KPI's (Q2: 140 of 150, within 10%).
TEST(WorkspaceRulesTest, KpiStateFromQuartersInAnyOrder) {
  const ws::Json kpi = {{"direction", "higher"}, {"target", 150.0}};
  const std::vector<ws::Json> quarters = {
      {{"quarter", "2024/25 Q3"}, {"target", 200.0}, {"actual", nullptr}},
      {{"quarter", "2024/25 Q2"}, {"target", nullptr}, {"actual", 140.0}},
      {{"quarter", "2023/24 Q4"}, {"target", 100.0}, {"actual", 10.0}}};
  auto s = ws::kpi_state(kpi, quarters);
  EXPECT_EQ(s.quarter, "2024/25 Q2");
  EXPECT_EQ(s.target, 150.0);
  EXPECT_EQ(s.actual, 140.0);
  EXPECT_EQ(s.status, ws::KpiStatus::at_risk);
  EXPECT_EQ(ws::kpi_state(kpi, {}).status, ws::KpiStatus::no_data);
}

TEST(WorkspaceRulesTest, PasswordsAndCsrf) {
  auto h = ws::hash_password("correct horse battery");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(ws::verify_password(h, "correct horse battery"));
  EXPECT_FALSE(ws::verify_password(h, "correct horse batterx"));
  EXPECT_THROW(ws::hash_password("short"), csa::InputError);
  ws::Session s;
  s.csrf = std::string(64, 'a');
  EXPECT_TRUE(ws::csrf_ok(s, std::string(64, 'a')));
  EXPECT_FALSE(ws::csrf_ok(s, std::string(63, 'a') + "b"));
  EXPECT_FALSE(ws::csrf_ok(s, ""));
}

// Each backend gets a fresh, empty workspace per test.
class WorkspaceBackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      const char* uri = std::getenv("CSA_TEST_PG");
      if (!uri || !*uri) GTEST_SKIP() << "CSA_TEST_PG is not set; tests/cli/workspace_postgres.sh runs these on a real server";
      auto db = ws::open_backend(uri);
      db->exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      location_ = uri;
    } else {
      dir_ = fs::temp_directory_path() / ("csa-ws-test-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
      fs::remove_all(dir_);
      fs::create_directories(dir_);
      location_ = (dir_ / "ws.db").string();
    }
    w_ = std::make_unique<ws::Workspace>(location_);
    ws::add_user(w_->db(), std::nullopt, "admin", ws::Role::admin, "admin password 1");
    ws::add_user(w_->db(), admin_, "kjalli", ws::Role::editor, "editor password 1");
    ws::add_user(w_->db(), admin_, "viewer", ws::Role::viewer, "viewer password 1");
    w_->add_priority(editor_, {"1", "Support vulnerable groups", "2018-04", "2019-03", "", "", "", std::nullopt});
    w_->add_priority(editor_, {"3", "Build community resilience", "2018-04", "2019-03", "", "", "", std::nullopt});
  }
  void TearDown() override {
    w_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string location_;
  fs::path dir_;
  std::unique_ptr<ws::Workspace> w_;
  ws::Actor admin_{"admin", ws::Role::admin};
  ws::Actor editor_{"kjalli", ws::Role::editor};
  ws::Actor editor2_{"other", ws::Role::editor};
};

TEST_P(WorkspaceBackendTest, HierarchicalIdsStayUniqueWithinAPriority) {
  w_->add_action(editor_, {"1", "1.1 a", "Deliver localised communications", "Police", "PR", "2018-06-30", {}});
  EXPECT_THROW(w_->add_action(editor_, {"1", "1.1A", "Again", "Police", "", "", {}}), csa::InputError);
  // The same id in another priority is another action.
  EXPECT_NO_THROW(w_->add_action(editor_, {"3", "1.1 a", "Elsewhere", "SCDC", "", "", {}}));
  w_->add_action(editor_, {"1", "1.10", "Tenth", "SCDC", "", "", {}});
  w_->add_action(editor_, {"1", "1.2", "Second", "SCDC", "", "", {"3"}});
  auto acts = w_->actions(w_->priority_by_code("1")["id"]);
  ASSERT_EQ(acts.size(), 3u);
  EXPECT_EQ(acts[0]["code"], "1.1 a");
  EXPECT_EQ(acts[1]["code"], "1.2");
  EXPECT_EQ(acts[2]["code"], "1.10");
}

TEST_P(WorkspaceBackendTest, ViewersCannotChangeAnything) {
  ws::Actor viewer{"viewer", ws::Role::viewer};
  EXPECT_THROW(w_->add_action(viewer, {"1", "1.1", "x", "Police", "", "", {}}), csa::InputError);
  EXPECT_THROW(ws::add_user(w_->db(), editor_, "new", ws::Role::viewer, "long enough pw"), csa::InputError);
}

TEST_P(WorkspaceBackendTest, RagChangesNeedAReasonAndAppearInTheAuditLog) {
  w_->add_action(editor_, {"1", "1.5", "Scams", "Trading Standards", "", "", {}});
  EXPECT_THROW(w_->set_rag(editor_, "1", "1.5", "amber", "  ", "fy2018/19q3"), csa::InputError);
  w_->set_rag(editor_, "1", "1.5", "green", "Referrals answered within 28 days", "fy2018/19q3");
  w_->set_rag(editor2_, "1", "1.5", "amber", "Project led by other agencies", "fy2018/19q4");
  auto act = w_->action_by_code("1", "1.5");
  EXPECT_EQ(act["rag"], "amber");
  EXPECT_EQ(act["version"], 3);
  auto history = w_->action_quarters(act["id"]);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["quarter"], "2018/19 Q3");
  EXPECT_EQ(history[0]["rag"], "green");
  EXPECT_EQ(history[1]["rag"], "amber");
  auto log = w_->audit("action", std::to_string(act["id"].get<std::int64_t>()));
  ASSERT_EQ(log.size(), 3u);  // create, green, amber: newest first
  EXPECT_EQ(log[0]["actor"], "other");
  EXPECT_EQ(log[0]["before"]["rag"], "green");
  EXPECT_EQ(log[0]["after"]["rag"], "amber");
  EXPECT_EQ(log[0]["after"]["rag_reason"], "Project led by other agencies");
  EXPECT_EQ(log[1]["before"]["rag"], "none");
  // No password hash ever reaches the audit log.
  for (const auto& e : w_->audit("user")) EXPECT_FALSE(e["after"].contains("password_hash"));
}

TEST_P(WorkspaceBackendTest, AStaleUpdateIsRefusedWithWhoAndWhen) {
  w_->add_action(editor_, {"1", "1.4", "Hoarding", "SCDC", "EK", "", {}});
  auto seen = w_->action_by_code("1", "1.4")["version"].get<std::int64_t>();
  w_->set_rag(editor2_, "1", "1.4", "amber", "Idea led by other agencies", "fy2018/19q3", seen);
  try {
    w_->set_rag(editor_, "1", "1.4", "green", "Pilot agreed", "fy2018/19q3", seen);
    FAIL() << "a stale version was accepted";
  } catch (const ws::ConflictError& e) {
    EXPECT_EQ(e.changed_by, "other");
    EXPECT_EQ(e.current_version, seen + 1);
    // Named by the action's code, as people know it, not by its internal id.
    EXPECT_TRUE(std::string(e.what()).starts_with("action 1.4 was changed by other at ")) << e.what();
  }
  // Nothing lost: the first change stands, the refused one left no trace.
  auto act = w_->action_by_code("1", "1.4");
  EXPECT_EQ(act["rag"], "amber");
  EXPECT_EQ(w_->action_quarters(act["id"])[0]["rag"], "amber");
}

// A stale edit names the record by the column people know it by (docs/WORKSPACE.md): a quoted
// description when it has spaces, a meeting's date, and the id only where there is nothing else (a
// KPI's quarterly figure).
TEST_P(WorkspaceBackendTest, AConflictNamesTheRecordAsPeopleKnowIt) {
  auto message = [&](const std::string& entity, const ws::Json& record, const ws::Json& changes) {
    const std::int64_t id = record["id"], v = record["version"];
    w_->edit(editor2_, entity, id, v, changes);
    try {
      w_->edit(editor_, entity, id, v, changes);
    } catch (const ws::ConflictError& e) {
      return std::string(e.what());
    }
    return std::string("no conflict");
  };
  auto k = w_->add_kpi(editor_, {"1", "", "Number of people accredited", "higher", "2025-03", 1000});
  EXPECT_TRUE(message("kpi", k, {{"target", 900}}).starts_with("kpi \"Number of people accredited\" was changed by other"));
  auto q = w_->set_kpi_quarter(editor_, k["id"], "fy2024/25q1", 167, 170);
  const auto quarter = message("kpi_quarter", q, {{"actual", 171}});
  EXPECT_TRUE(quarter.starts_with(fmt::format("kpi quarter {} was changed by other", q["id"].get<std::int64_t>()))) << quarter;
  auto m = w_->add_meeting(editor_, "2024-10-01", "CCSP board", "Parkside");
  EXPECT_TRUE(message("meeting", m, {{"location", "Mandela House"}}).starts_with("meeting 2024-10-01 was changed by other"));
  auto p = w_->priority_by_code("3");
  const auto priority = message("priority", p, {{"lead", "SCDC"}});
  EXPECT_TRUE(priority.starts_with("priority 3 was changed by other at ")) << priority;
  EXPECT_NE(priority.find("you edited version 1"), std::string::npos) << priority;
}

TEST_P(WorkspaceBackendTest, ACarriedOverPointKeepsItsHistory) {
  w_->add_meeting(editor_, "2024-10-01", "CCSP board", "Parkside");
  w_->add_meeting(editor_, "2025-02-25", "CCSP board", "Parkside");
  w_->add_meeting(editor_, "2025-07-01", "CCSP board", "Parkside");
  w_->add_point(editor_, "2024-10-01", "", "Share membership", "Louise Walker");
  auto p = w_->add_point(editor_, "2024-10-01", "", "Terms of Reference for e-scooter group", "Scott Fretwell");
  EXPECT_EQ(p["code"], "10/02");
  auto p2 = w_->carry_point(editor_, "2024-10-01", "10/02", "2025-02-25", "");
  EXPECT_EQ(p2["code"], "10/02");
  EXPECT_THROW(w_->carry_point(editor_, "2024-10-01", "10/02", "2025-07-01", ""), csa::InputError);  // carried once
  EXPECT_THROW(w_->carry_point(editor_, "2025-02-25", "10/02", "2024-10-01", ""), csa::InputError);  // not backwards
  auto p3 = w_->carry_point(editor_, "2025-02-25", "10/02", "2025-07-01", "");
  auto chain = w_->point_history(p3["id"]);
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0]["status"], "carried_over");
  EXPECT_EQ(chain[1]["status"], "carried_over");
  EXPECT_EQ(chain[2]["status"], "open");
  EXPECT_EQ(chain[0]["description"], chain[2]["description"]);
  w_->set_point_status(editor_, "2025-07-01", "10/02", "closed", "Circulated");
  EXPECT_EQ(w_->point_history(p3["id"])[2]["status"], "closed");
}

TEST_P(WorkspaceBackendTest, KpiStatusUsesTheLatestQuarter) {
  w_->add_action(editor_, {"1", "5", "Businesses Against Abuse", "Police", "", "", {}});
  auto k = w_->add_kpi(editor_, {"1", "5", "Number of people accredited", "higher", "2025-03", 1000});
  auto id = k["id"].get<std::int64_t>();
  EXPECT_EQ(w_->kpi_state(id).status, ws::KpiStatus::no_data);
  w_->set_kpi_quarter(editor_, id, "fy2024/25q1", 167, 170);
  EXPECT_EQ(w_->kpi_state(id).status, ws::KpiStatus::on_track);
  w_->set_kpi_quarter(editor_, id, "fy2024/25q2", 167, 120);
  auto s = w_->kpi_state(id);
  EXPECT_EQ(s.quarter, "2024/25 Q2");
  EXPECT_EQ(s.status, ws::KpiStatus::off_track);  // 120 < 0.9 x 167
  w_->set_kpi_quarter(editor_, id, "fy2024/25q2", std::nullopt, 160);  // the target is kept
  EXPECT_EQ(w_->kpi_state(id).status, ws::KpiStatus::at_risk);      // 150.3 <= 160 < 167
}

TEST_P(WorkspaceBackendTest, SessionsAndLogin) {
  EXPECT_THROW(ws::login(w_->db(), "kjalli", "wrong password!"), csa::InputError);
  EXPECT_THROW(ws::login(w_->db(), "nobody", "editor password 1"), csa::InputError);
  auto s = ws::login(w_->db(), "kjalli", "editor password 1");
  EXPECT_EQ(s.token.size(), 64u);
  auto again = ws::session_for(w_->db(), s.token);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->actor.name, "kjalli");
  EXPECT_TRUE(ws::csrf_ok(*again, s.csrf));
  // Only the token's hash is stored.
  auto stored = w_->db().query("SELECT token_hash FROM sessions");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_NE(stored[0].text(0), s.token);
  ws::logout(w_->db(), s.token);
  EXPECT_FALSE(ws::session_for(w_->db(), s.token).has_value());
}

TEST_P(WorkspaceBackendTest, AgendaBudgetScheduleValidation) {
  w_->add_meeting(editor_, "2025-02-25", "Cambridge City CSP", "Parkside Place");
  w_->add_agenda_item(editor_, {"2025-02-25", "Welcome", "Chair", "closed", "", "", 1, 10});
  EXPECT_THROW(w_->add_agenda_item(editor_, {"2025-02-25", "Again", "Chair", "public", "", "", 1, 5}), csa::InputError);
  EXPECT_THROW(w_->add_agenda_item(editor_, {"2025-02-25", "X", "Chair", "secret", "", "", 2, 5}), csa::InputError);
  auto b = w_->add_budget_line(editor_, {"1", "", "Pooled fund", "2018/19", "2,000", "1000", "£1,000", ""});
  EXPECT_EQ(b["allocated_pence"], 200000);
  EXPECT_EQ(b["carried_forward_pence"], 100000);
  EXPECT_THROW(w_->add_schedule(editor_, {1, "Dwelling burglary", "2016-07", "2016-06", "2016-07"}), csa::InputError);
  w_->add_schedule(editor_, {1, "Dwelling burglary and personal property crime", "2016-06", "2016-07", "2016-07"});
  EXPECT_EQ(w_->schedule().size(), 1u);
}

// Two (here eight) editors on their own connections updating the same action at once: each update
// names the version it read; every refused one is a ConflictError, nothing else fails, and the version
// rose by exactly the number of updates applied (none lost, none applied twice).
TEST_P(WorkspaceBackendTest, ConcurrentEditorsLoseNothing) {
  w_->add_action(editor_, {"1", "1.1", "Shared action", "Police", "", "", {}});
  const auto v0 = w_->action_by_code("1", "1.1")["version"].get<std::int64_t>();
  std::atomic<int> applied{0}, conflicts{0}, errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      try {
        ws::Workspace mine(location_);
        ws::Actor me{"kjalli", ws::Role::editor};
        for (int i = 0; i < 10; ++i) {
          auto v = mine.action_by_code("1", "1.1")["version"].get<std::int64_t>();
          try {
            mine.set_rag(me, "1", "1.1", i % 2 ? "amber" : "green", "thread " + std::to_string(t), "fy2024/25q1", v);
            ++applied;
          } catch (const ws::ConflictError&) {
            ++conflicts;
          }
        }
      } catch (const std::exception& e) {
        ++errors;
        ADD_FAILURE() << e.what();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(applied + conflicts, 80);
  EXPECT_GE(applied, 10);  // each thread's first read-and-write cycle cannot all be refused
  EXPECT_EQ(w_->action_by_code("1", "1.1")["version"].get<std::int64_t>(), v0 + applied);
  // Every applied change, and no refused one, is in the audit log.
  auto id = std::to_string(w_->action_by_code("1", "1.1")["id"].get<std::int64_t>());
  EXPECT_EQ(static_cast<int>(w_->audit("action", id, 1000).size()), 1 + applied);
}

// The web forms' general edit: each field through the rule that validates it when added, ids kept
// unique, rule-owned fields refused, the version checked, the change audited with before and after.
TEST_P(WorkspaceBackendTest, EditAnyFieldWithItsVersion) {
  auto act = w_->add_action(editor_, {"1", "1.1", "Deliver communications", "Police", "PR", "", {}});
  w_->add_action(editor_, {"1", "1.2", "Second", "SCDC", "", "", {}});
  const std::int64_t id = act["id"], v = act["version"];
  auto out = w_->edit(editor_, "action", id, v, {{"description", "  Deliver localised communications "},
                                                  {"due", "2018-06-30"}, {"code", "1.10"}});
  EXPECT_EQ(out["description"], "Deliver localised communications");  // trimmed, as add_action does
  EXPECT_EQ(out["due"], "2018-06-30");
  EXPECT_EQ(out["code"], "1.10");
  EXPECT_EQ(out["version"], v + 1);
  // The sort key follows the id: 1.2 now sorts before 1.10.
  auto acts = w_->actions(w_->priority_by_code("1")["id"]);
  EXPECT_EQ(acts[0]["code"], "1.2");
  EXPECT_EQ(acts[1]["code"], "1.10");
  // Clearing an optional date stores NULL.
  EXPECT_TRUE(w_->edit(editor_, "action", id, v + 1, {{"due", ""}})["due"].is_null());
  // Stale version: refused with who and when; unknown and rule-owned fields, bad values: refused.
  EXPECT_THROW(w_->edit(editor_, "action", id, v, {{"lead_officer", "EK"}}), ws::ConflictError);
  EXPECT_THROW(w_->edit(editor_, "action", id, v + 2, {{"code", "1.2"}}), csa::InputError);     // not unique
  EXPECT_THROW(w_->edit(editor_, "action", id, v + 2, {{"rag", "red"}}), csa::InputError);      // set_rag owns it
  EXPECT_THROW(w_->edit(editor_, "action", id, v + 2, {{"colour", "x"}}), csa::InputError);     // no such field
  EXPECT_THROW(w_->edit(editor_, "action", id, v + 2, {{"due", "2018-02-30"}}), csa::InputError);
  EXPECT_THROW(w_->edit(editor_, "action", id, v + 2, {{"lead_agency", " "}}), csa::InputError);
  EXPECT_THROW(w_->edit(ws::Actor{"viewer", ws::Role::viewer}, "action", id, v + 2, {{"lead_officer", "EK"}}),
               csa::InputError);
  EXPECT_EQ(w_->action_by_code("1", "1.10")["version"], v + 2);  // nothing refused was written
  // A priority's period is checked on the record as edited.
  auto p = w_->priority_by_code("3");
  EXPECT_THROW(w_->edit(editor_, "priority", p["id"], p["version"], {{"period_to", "2018-01"}}), csa::InputError);
  auto log = w_->audit("action", std::to_string(id));
  ASSERT_GE(log.size(), 3u);
  EXPECT_EQ(log[1]["change"], "update");
  EXPECT_EQ(log[1]["before"]["code"], "1.1");
  EXPECT_EQ(log[1]["after"]["code"], "1.10");
}

TEST_P(WorkspaceBackendTest, DeleteOnlyWhatNothingDependsOn) {
  auto act = w_->add_action(editor_, {"1", "1.1", "With history", "Police", "", "", {"3"}});
  w_->set_rag(editor_, "1", "1.1", "amber", "Behind", "fy2018/19q3");
  auto p3 = w_->priority_by_code("3");
  // Priority 3 has an action of priority 1 linked to it; priority 1 has the action itself.
  EXPECT_THROW(w_->remove(editor_, "priority", p3["id"], p3["version"]), csa::InputError);
  auto now = w_->action_by_code("1", "1.1");
  EXPECT_THROW(w_->remove(editor_, "action", now["id"], act["version"]), ws::ConflictError);  // stale
  w_->remove(editor_, "action", now["id"], now["version"]);
  EXPECT_TRUE(w_->actions(w_->priority_by_code("1")["id"]).empty());
  EXPECT_TRUE(w_->action_quarters(now["id"]).empty());
  EXPECT_EQ(w_->audit("action", std::to_string(now["id"].get<std::int64_t>()))[0]["change"], "delete");
  p3 = w_->priority_by_code("3");
  w_->remove(editor_, "priority", p3["id"], p3["version"]);
  EXPECT_EQ(w_->priorities().size(), 1u);
  // Deleting the copy a carry made re-opens the point it came from.
  w_->add_meeting(editor_, "2024-10-01", "CCSP board", "");
  w_->add_meeting(editor_, "2025-02-25", "CCSP board", "");
  w_->add_point(editor_, "2024-10-01", "", "Share membership", "LW");
  auto copy = w_->carry_point(editor_, "2024-10-01", "10/01", "2025-02-25", "");
  auto m1 = w_->meeting_by_date("2024-10-01");
  EXPECT_THROW(w_->remove(editor_, "meeting", m1["id"], m1["version"]), csa::InputError);  // it has a point
  auto first = w_->point_by_code("2024-10-01", "10/01");
  EXPECT_THROW(w_->remove(editor_, "action_point", first["id"], first["version"]), csa::InputError);  // carried on
  w_->remove(editor_, "action_point", copy["id"], copy["version"]);
  EXPECT_EQ(w_->point_by_code("2024-10-01", "10/01")["status"], "open");
  EXPECT_THROW(w_->remove(editor_, "user", 1, 1), csa::InputError);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkspaceBackendTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
