#include "workspace/workspace.hpp"

#include <fmt/format.h>

#include "workspace/schema.hpp"

namespace csa::workspace {
namespace {

void require_editor(const Actor& a) { require_role(a, Role::editor, "change the workspace"); }

}  // namespace

Workspace::Workspace(const std::string& location) : Workspace(open_backend(location)) {}

Workspace::Workspace(std::unique_ptr<Backend> db) : db_(std::move(db)) { migrate(*db_); }

Json Workspace::priority_by_code(const std::string& code) {
  auto r = fetch_where(*db_, entity("priority"), "code = ?", {code});
  if (r.empty()) {
    throw InputError(fmt::format("there is no priority '{}'; add it with `csa workspace priority add --code {}`", code,
                                 code));
  }
  return r[0];
}

Json Workspace::action_by_code(const std::string& priority, const std::string& code) {
  auto p = priority_by_code(priority);
  auto c = parse_action_code(code);
  auto r = fetch_where(*db_, entity("action"), "priority_id = ? AND code = ?", {p["id"].get<std::int64_t>(), c.code});
  if (r.empty()) throw InputError(fmt::format("priority {} has no action {}", priority, c.code));
  return r[0];
}

Json Workspace::meeting_by_date(const std::string& held_on) {
  auto d = parse_date(held_on, "meeting date");
  auto r = fetch_where(*db_, entity("meeting"), "held_on = ?", {d});
  if (r.empty()) throw InputError(fmt::format("there is no meeting on {}; add it with `csa workspace meeting add`", d));
  return r[0];
}

Json Workspace::point_by_code(const std::string& meeting, const std::string& code) {
  auto m = meeting_by_date(meeting);
  auto c = parse_point_code(code);
  auto r = fetch_where(*db_, entity("action_point"), "meeting_id = ? AND code = ?", {m["id"].get<std::int64_t>(), c});
  if (r.empty()) throw InputError(fmt::format("the meeting of {} has no action point {}", meeting, c));
  return r[0];
}

Json Workspace::add_priority(const Actor& a, const PriorityInput& in) {
  require_editor(a);
  Json f = {{"code", required_text(in.code, "priority code")},
            {"title", required_text(in.title, "priority title")},
            {"period_from", parse_month(in.period_from, "priority period from")},
            {"period_to", parse_month(in.period_to, "priority period to")},
            {"rationale", in.rationale},
            {"cross_cutting", in.cross_cutting},
            {"lead", in.lead}};
  if (f["period_to"].get<std::string>() < f["period_from"].get<std::string>()) {
    throw InputError(fmt::format("the priority's period ends ({}) before it starts ({})", in.period_to, in.period_from));
  }
  Transaction tx(*db_);
  if (!fetch_where(*db_, entity("priority"), "code = ?", {f["code"].get<std::string>()}).empty()) {
    throw InputError(fmt::format("there is already a priority '{}'; choose another code", in.code));
  }
  if (in.recommendation_id) {
    if (!fetch(*db_, entity("recommendation"), *in.recommendation_id)) {
      throw InputError(fmt::format("there is no recommendation {}; list them with `csa workspace list recommendations`",
                                   *in.recommendation_id));
    }
    f["recommendation_id"] = *in.recommendation_id;
  }
  auto out = insert(*db_, a.name, entity("priority"), f);
  tx.commit();
  return out;
}

Json Workspace::add_action(const Actor& a, const ActionInput& in) {
  require_editor(a);
  auto code = parse_action_code(in.code);
  Json f = {{"code", code.code},
            {"sort_key", code.sort_key},
            {"description", required_text(in.description, "action description")},
            {"lead_agency", required_text(in.lead_agency, "lead agency")},
            {"lead_officer", in.lead_officer},
            {"due", in.due.empty() ? Json(nullptr) : Json(parse_date(in.due, "due date"))},
            {"rag", "none"},
            {"rag_reason", ""}};
  Transaction tx(*db_);
  auto p = priority_by_code(in.priority);
  const auto pid = p["id"].get<std::int64_t>();
  f["priority_id"] = pid;
  // Checked here for the message; the UNIQUE (priority_id, code) constraint guards the race.
  if (!fetch_where(*db_, entity("action"), "priority_id = ? AND code = ?", {pid, code.code}).empty()) {
    throw InputError(fmt::format("priority {} already has an action {}; action ids are unique within a priority",
                                 in.priority, code.code));
  }
  auto out = insert(*db_, a.name, entity("action"), f);
  for (const auto& other : in.linked_priorities) {
    auto op = priority_by_code(other);
    if (op["id"] == pid) throw InputError(fmt::format("action {} cannot link to its own priority {}", code.code, other));
    db_->query("INSERT INTO action_links (action_id, priority_id) VALUES (?, ?)",
               {out["id"].get<std::int64_t>(), op["id"].get<std::int64_t>()});
    write_audit(*db_, a.name, "action_link", fmt::format("{}:{}", out["id"].get<std::int64_t>(), op["id"].get<std::int64_t>()),
                "create", std::nullopt, Json{{"action", code.code}, {"priority", other}});
  }
  tx.commit();
  return out;
}

Json Workspace::set_rag(const Actor& a, const std::string& priority, const std::string& action, const std::string& rag,
                        const std::string& reason, const std::string& quarter,
                        std::optional<std::int64_t> expected_version) {
  require_editor(a);
  Rag r = parse_rag(rag);
  std::string q = parse_quarter(quarter);
  std::string why = required_text(reason, "the reason for the RAG status (--reason)");
  Transaction tx(*db_);
  auto act = action_by_code(priority, action);
  const auto id = act["id"].get<std::int64_t>();
  auto out = update(*db_, a.name, entity("action"), id, expected_version.value_or(act["version"].get<std::int64_t>()),
                    {{"rag", std::string(rag_name(r))}, {"rag_reason", why}});
  auto existing = fetch_where(*db_, entity("action_quarter"), "action_id = ? AND quarter = ?", {id, q});
  if (existing.empty()) {
    insert(*db_, a.name, entity("action_quarter"),
           {{"action_id", id}, {"quarter", q}, {"rag", std::string(rag_name(r))}, {"rag_reason", why}, {"progress", ""}});
  } else {
    update(*db_, a.name, entity("action_quarter"), existing[0]["id"], existing[0]["version"],
           {{"rag", std::string(rag_name(r))}, {"rag_reason", why}});
  }
  tx.commit();
  return out;
}

Json Workspace::set_progress(const Actor& a, const std::string& priority, const std::string& action,
                             const std::string& quarter, const std::string& progress) {
  require_editor(a);
  std::string q = parse_quarter(quarter);
  std::string text = required_text(progress, "the progress note");
  Transaction tx(*db_);
  auto act = action_by_code(priority, action);
  const auto id = act["id"].get<std::int64_t>();
  auto existing = fetch_where(*db_, entity("action_quarter"), "action_id = ? AND quarter = ?", {id, q});
  Json out = existing.empty()
                 ? insert(*db_, a.name, entity("action_quarter"),
                          {{"action_id", id}, {"quarter", q}, {"rag", "none"}, {"rag_reason", ""}, {"progress", text}})
                 : update(*db_, a.name, entity("action_quarter"), existing[0]["id"], existing[0]["version"],
                          {{"progress", text}});
  tx.commit();
  return out;
}

Json Workspace::add_kpi(const Actor& a, const KpiInput& in) {
  require_editor(a);
  Json f = {{"description", required_text(in.description, "KPI description")},
            {"direction", std::string(kpi_direction_name(parse_kpi_direction(in.direction)))},
            {"target", in.target ? Json(*in.target) : Json(nullptr)},
            {"target_by", in.target_by.empty() ? Json(nullptr) : Json(parse_month(in.target_by, "KPI target month"))}};
  Transaction tx(*db_);
  auto p = priority_by_code(in.priority);
  f["priority_id"] = p["id"];
  if (!in.action.empty()) f["action_id"] = action_by_code(in.priority, in.action)["id"];
  auto out = insert(*db_, a.name, entity("kpi"), f);
  tx.commit();
  return out;
}

Json Workspace::set_kpi_quarter(const Actor& a, std::int64_t kpi_id, const std::string& quarter,
                                std::optional<double> target, std::optional<double> actual, const std::string& note) {
  require_editor(a);
  std::string q = parse_quarter(quarter);
  if (!target && !actual) throw InputError("give a --target, an --actual or both for the quarter");
  Transaction tx(*db_);
  if (!fetch(*db_, entity("kpi"), kpi_id)) throw InputError(fmt::format("there is no KPI {}", kpi_id));
  auto existing = fetch_where(*db_, entity("kpi_quarter"), "kpi_id = ? AND quarter = ?", {kpi_id, q});
  Json changes = Json::object();
  if (target) changes["target"] = *target;
  if (actual) changes["actual"] = *actual;
  if (!note.empty()) changes["note"] = note;
  Json out;
  if (existing.empty()) {
    changes["kpi_id"] = kpi_id;
    changes["quarter"] = q;
    out = insert(*db_, a.name, entity("kpi_quarter"), changes);
  } else {
    out = update(*db_, a.name, entity("kpi_quarter"), existing[0]["id"], existing[0]["version"], changes);
  }
  tx.commit();
  return out;
}

KpiState kpi_state(const Json& kpi, const std::vector<Json>& quarters) {
  // Quarters are "2024/25 Q3": as text they sort in time order.
  const Json* latest = nullptr;
  for (const auto& q : quarters)
    if (!q["actual"].is_null() && (!latest || q["quarter"].get<std::string>() > (*latest)["quarter"].get<std::string>())) latest = &q;
  KpiState s;
  if (!latest) return s;
  const auto& q = *latest;
  s.quarter = q["quarter"];
  s.actual = q["actual"].get<double>();
  if (!q["target"].is_null()) {
    s.target = q["target"].get<double>();
  } else if (!kpi["target"].is_null()) {
    s.target = kpi["target"].get<double>();
  }
  s.status = kpi_status(parse_kpi_direction(kpi["direction"].get<std::string>()), s.target, s.actual);
  return s;
}

KpiState Workspace::kpi_state(std::int64_t kpi_id) {
  auto k = fetch(*db_, entity("kpi"), kpi_id);
  if (!k) throw InputError(fmt::format("there is no KPI {}", kpi_id));
  return workspace::kpi_state(*k, kpi_quarters(kpi_id));
}

Json Workspace::add_budget_line(const Actor& a, const BudgetInput& in) {
  require_editor(a);
  Json f = {{"source", required_text(in.source, "budget source")},
            {"financial_year", required_text(in.financial_year, "financial year")},
            {"allocated_pence", parse_pence(in.allocated, "allocated")},
            {"spent_pence", parse_pence(in.spent, "spent")},
            {"carried_forward_pence", parse_pence(in.carried_forward, "carried forward")},
            {"note", in.note}};
  Transaction tx(*db_);
  if (!in.priority.empty()) f["priority_id"] = priority_by_code(in.priority)["id"];
  if (!in.action.empty()) f["action_id"] = action_by_code(in.priority, in.action)["id"];
  auto out = insert(*db_, a.name, entity("budget_line"), f);
  tx.commit();
  return out;
}

Json Workspace::add_meeting(const Actor& a, const std::string& held_on, const std::string& title,
                            const std::string& location) {
  require_editor(a);
  auto d = parse_date(held_on, "meeting date");
  Json f = {{"held_on", d}, {"title", required_text(title, "meeting title")}, {"location", location}, {"minutes", ""}};
  Transaction tx(*db_);
  if (!fetch_where(*db_, entity("meeting"), "held_on = ?", {d}).empty()) {
    throw InputError(fmt::format("there is already a meeting on {}", d));
  }
  auto out = insert(*db_, a.name, entity("meeting"), f);
  tx.commit();
  return out;
}

Json Workspace::add_agenda_item(const Actor& a, const AgendaInput& in) {
  require_editor(a);
  if (in.number < 1) throw InputError(fmt::format("agenda item number {} must be 1 or more", in.number));
  if (in.time_minutes && *in.time_minutes < 0) throw InputError("the item's time in minutes cannot be negative");
  Json f = {{"number", in.number},
            {"item", required_text(in.item, "agenda item")},
            {"lead", in.lead},
            {"time_minutes", in.time_minutes ? Json(*in.time_minutes) : Json(nullptr)},
            {"session", std::string(session_name(parse_session(in.session)))},
            {"minutes", in.minutes},
            {"decision", in.decision}};
  Transaction tx(*db_);
  auto m = meeting_by_date(in.meeting);
  f["meeting_id"] = m["id"];
  if (!fetch_where(*db_, entity("agenda_item"), "meeting_id = ? AND number = ?", {m["id"].get<std::int64_t>(), in.number})
           .empty()) {
    throw InputError(fmt::format("the agenda of {} already has an item {}", in.meeting, in.number));
  }
  auto out = insert(*db_, a.name, entity("agenda_item"), f);
  tx.commit();
  return out;
}

Json Workspace::add_point(const Actor& a, const std::string& meeting, const std::string& code,
                          const std::string& description, const std::string& owner) {
  require_editor(a);
  Json f = {{"description", required_text(description, "action point")},
            {"owner", required_text(owner, "action point owner")},
            {"status", "open"},
            {"note", ""}};
  Transaction tx(*db_);
  auto m = meeting_by_date(meeting);
  const auto mid = m["id"].get<std::int64_t>();
  std::string c;
  if (code.empty()) {
    auto rows = db_->query("SELECT COUNT(*) FROM action_points WHERE meeting_id = ?", {mid});
    c = parse_point_code(fmt::format("{}/{}", m["held_on"].get<std::string>().substr(5, 2), rows[0].int64(0) + 1));
  } else {
    c = parse_point_code(code);
  }
  if (!fetch_where(*db_, entity("action_point"), "meeting_id = ? AND code = ?", {mid, c}).empty()) {
    throw InputError(fmt::format("the meeting of {} already has an action point {}", meeting, c));
  }
  f["meeting_id"] = mid;
  f["code"] = c;
  auto out = insert(*db_, a.name, entity("action_point"), f);
  tx.commit();
  return out;
}

Json Workspace::set_point_status(const Actor& a, const std::string& meeting, const std::string& code,
                                 const std::string& status, const std::string& note) {
  require_editor(a);
  auto s = parse_point_status(status);
  if (s == PointStatus::carried_over) {
    throw InputError("carry a point over with `csa workspace point carry`, which opens it at the next meeting");
  }
  Transaction tx(*db_);
  auto p = point_by_code(meeting, code);
  if (p["status"] == "carried_over") {
    throw InputError(fmt::format("action point {} was carried over; change the point it was carried to", code));
  }
  Json changes = {{"status", std::string(point_status_name(s))}};
  if (!note.empty()) changes["note"] = note;
  auto out = update(*db_, a.name, entity("action_point"), p["id"], p["version"], changes);
  tx.commit();
  return out;
}

Json Workspace::carry_point(const Actor& a, const std::string& meeting, const std::string& code,
                            const std::string& to_meeting, const std::string& note) {
  require_editor(a);
  Transaction tx(*db_);
  auto p = point_by_code(meeting, code);
  auto from = meeting_by_date(meeting);
  auto to = meeting_by_date(to_meeting);
  if (to["held_on"].get<std::string>() <= from["held_on"].get<std::string>()) {
    throw InputError(fmt::format("a point is carried to a later meeting; {} is not after {}", to_meeting, meeting));
  }
  if (p["status"] != "open") {
    throw InputError(fmt::format("action point {} of {} is {}; only an open point can be carried over", code, meeting,
                                 p["status"].get<std::string>()));
  }
  std::string carried_note =
      note.empty() ? fmt::format("Carried over to the meeting of {}", to["held_on"].get<std::string>()) : note;
  update(*db_, a.name, entity("action_point"), p["id"], p["version"],
         {{"status", "carried_over"}, {"note", carried_note}});
  // The carried point keeps its number (the seeds' register lists 10/03 again, "carried over from
  // October"), unless the new meeting already uses it; then it takes the meeting's next number.
  const auto to_id = to["id"].get<std::int64_t>();
  std::string c = p["code"];
  if (!fetch_where(*db_, entity("action_point"), "meeting_id = ? AND code = ?", {to_id, c}).empty()) {
    auto rows = db_->query("SELECT COUNT(*) FROM action_points WHERE meeting_id = ?", {to_id});
    c = parse_point_code(fmt::format("{}/{}", to["held_on"].get<std::string>().substr(5, 2), rows[0].int64(0) + 1));
  }
  auto out = insert(*db_, a.name, entity("action_point"),
                    {{"meeting_id", to_id},
                     {"code", c},
                     {"description", p["description"]},
                     {"owner", p["owner"]},
                     {"status", "open"},
                     {"note", fmt::format("Carried over from the meeting of {} ({})", from["held_on"].get<std::string>(),
                                          p["code"].get<std::string>())},
                     {"carried_from", p["id"]}});
  tx.commit();
  return out;
}

std::vector<Json> Workspace::point_history(std::int64_t point_id) {
  std::vector<Json> chain;
  std::optional<std::int64_t> id = point_id;
  while (id) {
    auto p = fetch(*db_, entity("action_point"), *id);
    if (!p) break;
    chain.insert(chain.begin(), *p);
    id = (*p)["carried_from"].is_null() ? std::nullopt : std::optional<std::int64_t>((*p)["carried_from"]);
    if (chain.size() > 10000) throw InternalError("action point chain does not end");
  }
  return chain;
}

Json Workspace::add_schedule(const Actor& a, const ScheduleInput& in) {
  require_editor(a);
  if (in.document_no < 1) throw InputError(fmt::format("document number {} must be 1 or more", in.document_no));
  Json f = {{"document_no", in.document_no},
            {"theme", required_text(in.theme, "schedule theme")},
            {"analysis_from", parse_month(in.analysis_from, "analysis from")},
            {"analysis_to", parse_month(in.analysis_to, "analysis to")},
            {"presentation", parse_month(in.presentation, "presentation month")}};
  if (f["analysis_to"] < f["analysis_from"]) throw InputError("the analysis ends before it starts");
  if (f["presentation"] < f["analysis_to"]) throw InputError("the presentation month is before the analysis ends");
  Transaction tx(*db_);
  auto out = insert(*db_, a.name, entity("schedule"), f);
  tx.commit();
  return out;
}

Json Workspace::add_recommendation(const Actor& a, const std::string& source, const std::string& kind,
                                   const std::string& subject, const std::string& category,
                                   const std::string& evidence) {
  require_editor(a);
  Transaction tx(*db_);
  auto existing = fetch_where(*db_, entity("recommendation"), "source = ? AND kind = ? AND subject = ?",
                              {source, kind, subject});
  Json out = existing.empty()
                 ? insert(*db_, a.name, entity("recommendation"),
                          {{"source", source}, {"kind", kind}, {"subject", subject}, {"category", category},
                           {"evidence", evidence}})
                 : update(*db_, a.name, entity("recommendation"), existing[0]["id"], existing[0]["version"],
                          {{"category", category}, {"evidence", evidence}});
  tx.commit();
  return out;
}

std::vector<Json> Workspace::priorities() { return fetch_where(*db_, entity("priority"), "", {}, "code"); }
std::vector<Json> Workspace::actions(std::int64_t priority_id) {
  return fetch_where(*db_, entity("action"), "priority_id = ?", {priority_id}, "sort_key");
}
std::vector<Json> Workspace::action_quarters(std::int64_t action_id) {
  return fetch_where(*db_, entity("action_quarter"), "action_id = ?", {action_id}, "quarter");
}
std::vector<Json> Workspace::kpis(std::int64_t priority_id) {
  return fetch_where(*db_, entity("kpi"), "priority_id = ?", {priority_id}, "id");
}
std::vector<Json> Workspace::kpi_quarters(std::int64_t kpi_id) {
  return fetch_where(*db_, entity("kpi_quarter"), "kpi_id = ?", {kpi_id}, "quarter");
}
std::vector<Json> Workspace::meetings() { return fetch_where(*db_, entity("meeting"), "", {}, "held_on"); }
std::vector<Json> Workspace::agenda(std::int64_t meeting_id) {
  return fetch_where(*db_, entity("agenda_item"), "meeting_id = ?", {meeting_id}, "number");
}
std::vector<Json> Workspace::points(std::int64_t meeting_id) {
  return fetch_where(*db_, entity("action_point"), "meeting_id = ?", {meeting_id}, "code");
}
std::vector<Json> Workspace::schedule() { return fetch_where(*db_, entity("schedule"), "", {}, "document_no, id"); }
std::vector<Json> Workspace::budget_lines() { return fetch_where(*db_, entity("budget_line"), "", {}, "financial_year, id"); }
std::vector<Json> Workspace::recommendations() { return fetch_where(*db_, entity("recommendation"), "", {}, "id"); }

std::vector<Json> Workspace::audit(const std::string& ent, const std::string& entity_id, std::int64_t limit) {
  std::string where = "1 = 1";
  std::vector<Value> params;
  if (!ent.empty()) {
    where += " AND entity = ?";
    params.emplace_back(ent);
  }
  if (!entity_id.empty()) {
    where += " AND entity_id = ?";
    params.emplace_back(entity_id);
  }
  params.emplace_back(limit);
  auto rows = db_->query(fmt::format("SELECT id, at, actor, entity, entity_id, change, before_json, after_json FROM "
                                     "audit_log WHERE {} ORDER BY id DESC LIMIT ?",
                                     where),
                         params);
  std::vector<Json> out;
  for (const auto& r : rows) {
    out.push_back({{"id", r.int64(0)},
                   {"at", r.text(1)},
                   {"actor", r.text(2)},
                   {"entity", r.text(3)},
                   {"entity_id", r.text(4)},
                   {"change", r.text(5)},
                   {"before", r.is_null(6) ? Json(nullptr) : Json::parse(r.text(6))},
                   {"after", r.is_null(7) ? Json(nullptr) : Json::parse(r.text(7))}});
  }
  return out;
}

std::vector<Json> Workspace::open_points_before(const std::string& held_on) {
  return fetch_where(*db_, entity("action_point"),
                     "status = 'open' AND meeting_id IN (SELECT id FROM meetings WHERE held_on <= ?)",
                     {parse_date(held_on, "meeting date")}, "code");
}

}  // namespace csa::workspace
