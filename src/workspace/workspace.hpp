// The partnership workspace as a service: every record the board packs keep (priorities, actions
// with RAG and quarterly progress, KPIs, budget lines, meetings and agendas, action points, the
// assessment schedule, imported recommendations), each change checked by the rules, versioned, and
// audited in the same transaction. The CLI (cli/cmd_workspace.cpp) and the web layer call this and
// nothing below it. Records come back as JSON objects with their id and version.
//
// Rules (docs/WORKSPACE.md):
//   - action ids are hierarchical ("1.1 a") and unique within their priority;
//   - a RAG change needs a reason, and is recorded for its quarter (the RAG history) and in the audit log;
//   - an action point is carried over by closing it as carried_over and opening a new point at the next
//     meeting that links back (carried_from); a point is carried once, so the chain is a line;
//   - a KPI's status follows its target (kpi_status.hpp);
//   - an update names the version it edited; a stale one is refused with who changed it and when.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "workspace/backend.hpp"
#include "workspace/kpi_status.hpp"
#include "workspace/records.hpp"
#include "workspace/rules.hpp"
#include "workspace/users.hpp"

namespace csa::workspace {

struct PriorityInput {
  std::string code, title, period_from, period_to, rationale, cross_cutting, lead;
  std::optional<std::int64_t> recommendation_id;
};
struct ActionInput {
  std::string priority, code, description, lead_agency, lead_officer, due;
  std::vector<std::string> linked_priorities;
};
struct KpiInput {
  std::string priority, action;  // action optional: a KPI of the whole priority
  std::string description, direction = "higher", target_by;
  std::optional<double> target;
};
struct BudgetInput {
  std::string priority, action, source, financial_year, allocated = "0", spent = "0", carried_forward = "0", note;
};
struct AgendaInput {
  std::string meeting, item, lead, session = "public", minutes, decision;
  std::int64_t number = 0;
  std::optional<std::int64_t> time_minutes;
};
struct ScheduleInput {
  std::int64_t document_no = 0;
  std::string theme, analysis_from, analysis_to, presentation;
};
struct KpiState {
  KpiStatus status = KpiStatus::no_data;
  std::string quarter;  // the latest quarter with an actual; empty when none
  std::optional<double> target, actual;
};
// A KPI's state from its record and its quarters (in any order), for a caller that has read them
// already (the plan reads every KPI's quarters once and shows them beside the state): the latest
// quarter with an actual, against that quarter's target or else the KPI's own.
KpiState kpi_state(const Json& kpi, const std::vector<Json>& quarters);

class Workspace {
 public:
  // Opens (and migrates) the workspace at `location` (a file or postgresql://…).
  explicit Workspace(const std::string& location);
  explicit Workspace(std::unique_ptr<Backend> db);
  Backend& db() { return *db_; }

  Json add_priority(const Actor& a, const PriorityInput& in);
  Json add_action(const Actor& a, const ActionInput& in);
  // Sets the current RAG of an action and its RAG for `quarter`. `expected_version` none: the current one.
  Json set_rag(const Actor& a, const std::string& priority, const std::string& action, const std::string& rag,
               const std::string& reason, const std::string& quarter, std::optional<std::int64_t> expected_version = {});
  Json set_progress(const Actor& a, const std::string& priority, const std::string& action, const std::string& quarter,
                    const std::string& progress);
  Json add_kpi(const Actor& a, const KpiInput& in);
  // Sets a quarter's target and/or actual (the one not given is kept).
  Json set_kpi_quarter(const Actor& a, std::int64_t kpi_id, const std::string& quarter, std::optional<double> target,
                       std::optional<double> actual, const std::string& note = "");
  KpiState kpi_state(std::int64_t kpi_id);
  Json add_budget_line(const Actor& a, const BudgetInput& in);
  Json add_meeting(const Actor& a, const std::string& held_on, const std::string& title, const std::string& location);
  Json add_agenda_item(const Actor& a, const AgendaInput& in);
  // `code` empty: the next number of the meeting's month ("10/04" after "10/03").
  Json add_point(const Actor& a, const std::string& meeting, const std::string& code, const std::string& description,
                 const std::string& owner);
  Json set_point_status(const Actor& a, const std::string& meeting, const std::string& code, const std::string& status,
                        const std::string& note);
  // Carries an open point to a later meeting; returns the new point.
  Json carry_point(const Actor& a, const std::string& meeting, const std::string& code, const std::string& to_meeting,
                   const std::string& note);
  // The point and the points it was carried from, oldest first.
  std::vector<Json> point_history(std::int64_t point_id);
  Json add_schedule(const Actor& a, const ScheduleInput& in);
  Json add_recommendation(const Actor& a, const std::string& source, const std::string& kind,
                          const std::string& subject, const std::string& category, const std::string& evidence);

  // Changes fields of any record (what the web forms send): `changes` maps field -> new value (text or
  // number; "" clears an optional field). Each field is validated as when the record is added
  // (edits.cpp), uniqueness included; fields a rule owns (an action's RAG, a point's status, the ids
  // that link records) are refused with the call that changes them. `version`: the one edited.
  Json edit(const Actor& a, const std::string& entity, std::int64_t id, std::int64_t version, const Json& changes);
  // Deletes a record nothing else depends on (an action with its quarterly history and links, a KPI
  // with its quarters); otherwise refused, naming what depends on it. Audited with the record as it was.
  void remove(const Actor& a, const std::string& entity, std::int64_t id, std::int64_t version);

  // Reading, for the board pack and the pages.
  std::vector<Json> priorities();
  std::vector<Json> actions(std::int64_t priority_id);
  std::vector<Json> action_quarters(std::int64_t action_id);
  std::vector<Json> kpis(std::int64_t priority_id);
  std::vector<Json> kpi_quarters(std::int64_t kpi_id);  // by quarter
  std::vector<Json> meetings();
  std::vector<Json> agenda(std::int64_t meeting_id);
  std::vector<Json> points(std::int64_t meeting_id);
  std::vector<Json> open_points_before(const std::string& held_on);  // open or carried to this meeting
  std::vector<Json> schedule();
  std::vector<Json> budget_lines();
  std::vector<Json> recommendations();
  // Newest first; entity and entity_id filter when not empty.
  std::vector<Json> audit(const std::string& entity = "", const std::string& entity_id = "", std::int64_t limit = 100);

  Json priority_by_code(const std::string& code);
  Json action_by_code(const std::string& priority, const std::string& code);
  Json meeting_by_date(const std::string& held_on);
  Json point_by_code(const std::string& meeting, const std::string& code);

 private:
  std::unique_ptr<Backend> db_;
};

}  // namespace csa::workspace
