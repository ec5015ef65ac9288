// Editing and deleting any workspace record: the web forms' calls (Workspace::edit, Workspace::remove).
// Each editable field names the rule that validates it, the same function the add_* calls use, so a
// value refused when a record is added is refused when it is edited, with the same message.
#include <fmt/format.h>

#include <functional>
#include <map>

#include "workspace/workspace.hpp"

namespace csa::workspace {
namespace {

// One editable field: its label for messages and the rule that turns the submitted text into the
// stored value. `unique_within`: the field is unique among records sharing that column ("" = table).
struct Field {
  std::string label;
  std::function<Json(const std::string&, std::string_view)> rule;
  std::optional<std::string> unique_within;
};

Json text_rule(const std::string& t, std::string_view) { return t; }
Json required_rule(const std::string& t, std::string_view f) { return required_text(t, f); }
Json month_rule(const std::string& t, std::string_view f) { return parse_month(t, f); }
Json optional_month_rule(const std::string& t, std::string_view f) {
  return t.empty() ? Json(nullptr) : Json(parse_month(t, f));
}
Json optional_date_rule(const std::string& t, std::string_view f) {
  return t.empty() ? Json(nullptr) : Json(parse_date(t, f));
}
Json pence_rule(const std::string& t, std::string_view f) { return parse_pence(t, f); }
Json number_or_null(const std::string& t, std::string_view f) {
  auto d = parse_optional_number(t, f);
  return d ? Json(*d) : Json(nullptr);
}
Json positive_rule(const std::string& t, std::string_view f) {
  auto n = parse_integer(t, f);
  if (n < 1) throw InputError(fmt::format("{} {} must be 1 or more", f, n));
  return n;
}

using Fields = std::map<std::string, Field, std::less<>>;

const std::map<std::string, Fields, std::less<>>& editable() {
  static const std::map<std::string, Fields, std::less<>> m = {
      {"priority",
       {{"code", {"priority code", required_rule, ""}},
        {"title", {"priority title", required_rule, {}}},
        {"period_from", {"priority period from", month_rule, {}}},
        {"period_to", {"priority period to", month_rule, {}}},
        {"rationale", {"rationale", text_rule, {}}},
        {"cross_cutting", {"cross-cutting themes", text_rule, {}}},
        {"lead", {"lead", text_rule, {}}}}},
      {"action",
       {{"code", {"action id", [](const std::string& t, std::string_view) { return Json(parse_action_code(t).code); },
                  "priority_id"}},
        {"description", {"action description", required_rule, {}}},
        {"lead_agency", {"lead agency", required_rule, {}}},
        {"lead_officer", {"lead officer", text_rule, {}}},
        {"due", {"due date", optional_date_rule, {}}}}},
      {"action_quarter", {{"progress", {"progress note", text_rule, {}}}}},
      {"kpi",
       {{"description", {"KPI description", required_rule, {}}},
        {"direction",
         {"KPI direction",
          [](const std::string& t, std::string_view) {
            return Json(std::string(kpi_direction_name(parse_kpi_direction(t))));
          },
          {}}},
        {"target", {"KPI target", number_or_null, {}}},
        {"target_by", {"KPI target month", optional_month_rule, {}}}}},
      {"kpi_quarter",
       {{"target", {"quarter's target", number_or_null, {}}},
        {"actual", {"quarter's actual", number_or_null, {}}},
        {"note", {"note", text_rule, {}}}}},
      {"budget_line",
       {{"source", {"budget source", required_rule, {}}},
        {"financial_year", {"financial year", required_rule, {}}},
        {"allocated_pence", {"allocated", pence_rule, {}}},
        {"spent_pence", {"spent", pence_rule, {}}},
        {"carried_forward_pence", {"carried forward", pence_rule, {}}},
        {"note", {"note", text_rule, {}}}}},
      {"meeting",
       {{"held_on", {"meeting date", [](const std::string& t, std::string_view f) { return Json(parse_date(t, f)); }, ""}},
        {"title", {"meeting title", required_rule, {}}},
        {"location", {"location", text_rule, {}}},
        {"minutes", {"minutes", text_rule, {}}}}},
      {"agenda_item",
       {{"number", {"agenda item number", positive_rule, "meeting_id"}},
        {"item", {"agenda item", required_rule, {}}},
        {"lead", {"lead", text_rule, {}}},
        {"time_minutes",
         {"time in minutes",
          [](const std::string& t, std::string_view f) {
            if (t.empty()) return Json(nullptr);
            auto n = parse_integer(t, f);
            if (n < 0) throw InputError("the item's time in minutes cannot be negative");
            return Json(n);
          },
          {}}},
        {"session",
         {"session", [](const std::string& t, std::string_view) { return Json(std::string(session_name(parse_session(t)))); },
          {}}},
        {"minutes", {"minutes", text_rule, {}}},
        {"decision", {"decision", text_rule, {}}}}},
      {"action_point",
       {{"code", {"action point id", [](const std::string& t, std::string_view) { return Json(parse_point_code(t)); },
                  "meeting_id"}},
        {"description", {"action point", required_rule, {}}},
        {"owner", {"action point owner", required_rule, {}}},
        {"note", {"note", text_rule, {}}}}},
      {"schedule",
       {{"document_no", {"document number", positive_rule, {}}},
        {"theme", {"schedule theme", required_rule, {}}},
        {"analysis_from", {"analysis from", month_rule, {}}},
        {"analysis_to", {"analysis to", month_rule, {}}},
        {"presentation", {"presentation month", month_rule, {}}}}},
  };
  return m;
}

// Fields that exist but are changed through a rule of their own.
std::string owned_elsewhere(std::string_view entity, std::string_view field) {
  if (entity == "action" && (field == "rag" || field == "rag_reason")) return "set its RAG with a reason and quarter";
  if (entity == "action_point" && field == "status") return "set its status (or carry it over)";
  if (entity == "action_quarter" && (field == "rag" || field == "rag_reason")) return "set the action's RAG";
  return "";
}

// The order a record's fields must keep once the edit is applied (checked on the merged record).
void check_record(std::string_view entity, const Json& r) {
  if (entity == "priority" && r["period_to"].get<std::string>() < r["period_from"].get<std::string>()) {
    throw InputError(fmt::format("the priority's period ends ({}) before it starts ({})",
                                 r["period_to"].get<std::string>(), r["period_from"].get<std::string>()));
  }
  if (entity == "schedule") {
    if (r["analysis_to"] < r["analysis_from"]) throw InputError("the analysis ends before it starts");
    if (r["presentation"] < r["analysis_to"]) throw InputError("the presentation month is before the analysis ends");
  }
}

std::int64_t count(Backend& db, const std::string& sql, std::int64_t id) {
  return db.query(sql, {id}).at(0).int64(0);
}

}  // namespace

Json Workspace::edit(const Actor& a, const std::string& entity_name, std::int64_t id, std::int64_t version,
                     const Json& changes) {
  require_role(a, Role::editor, "change the workspace");
  auto fields_it = editable().find(entity_name);
  if (fields_it == editable().end()) {
    throw InputError(fmt::format("'{}' records cannot be edited here; editable: priority, action, action_quarter, kpi, "
                                 "kpi_quarter, budget_line, meeting, agenda_item, action_point, schedule",
                                 entity_name));
  }
  if (!changes.is_object() || changes.empty()) throw InputError("give at least one field to change");
  const auto& fields = fields_it->second;
  const auto& spec = entity(entity_name);
  Json values = Json::object();
  for (const auto& [name, v] : changes.items()) {
    auto f = fields.find(name);
    if (f == fields.end()) {
      auto elsewhere = owned_elsewhere(entity_name, name);
      if (!elsewhere.empty()) throw InputError(fmt::format("the {} of a {} is not edited directly: {}", name, entity_name, elsewhere));
      std::string known;
      for (const auto& [k, unused] : fields) known += (known.empty() ? "" : ", ") + k;
      throw InputError(fmt::format("a {} has no editable field '{}'; its fields are {}", entity_name, name, known));
    }
    values[name] = f->second.rule(value_text(v, f->second.label), f->second.label);
  }
  Transaction tx(*db_);
  auto before = fetch(*db_, spec, id);
  if (!before) throw InputError(fmt::format("there is no {} with id {}", entity_name, id));
  Json merged = *before;
  for (const auto& [name, v] : values.items()) merged[name] = v;
  check_record(entity_name, merged);
  for (const auto& [name, v] : values.items()) {
    const auto& within = fields.at(name).unique_within;
    if (!within || v == (*before)[name]) continue;
    std::string where = name + " = ? AND id <> ?";
    std::vector<Value> params = {v.is_string() ? Value(v.get<std::string>()) : Value(v.get<std::int64_t>()), id};
    if (!within->empty()) {
      where += " AND " + *within + " = ?";
      params.emplace_back((*before)[*within].get<std::int64_t>());
    }
    if (!fetch_where(*db_, spec, where, params).empty()) {
      throw InputError(fmt::format("another {} already has {} {}; it must be unique{}", entity_name,
                                   fields.at(name).label, v.is_string() ? v.get<std::string>() : v.dump(),
                                   within->empty() ? "" : " within its " + within->substr(0, within->size() - 3)));
    }
  }
  if (entity_name == "action" && values.contains("code")) values["sort_key"] = parse_action_code(values["code"].get<std::string>()).sort_key;
  auto out = update(*db_, a.name, spec, id, version, values);
  tx.commit();
  return out;
}

void Workspace::remove(const Actor& a, const std::string& entity_name, std::int64_t id, std::int64_t version) {
  require_role(a, Role::editor, "change the workspace");
  if (!editable().contains(entity_name) || entity_name == "action_quarter" || entity_name == "kpi_quarter") {
    throw InputError(fmt::format("'{}' records cannot be deleted here; deletable: priority, action, kpi, budget_line, "
                                 "meeting, agenda_item, action_point, schedule",
                                 entity_name));
  }
  Transaction tx(*db_);
  auto& db = *db_;
  // What would be left pointing at nothing: refused with what to delete first.
  auto refuse_if = [&](const std::string& sql, const std::string& what) {
    if (auto n = count(db, sql, id); n > 0) {
      throw InputError(fmt::format("this {} still has {} {}; delete or move them first", entity_name, n, what));
    }
  };
  if (entity_name == "priority") {
    refuse_if("SELECT COUNT(*) FROM actions WHERE priority_id = ?", "action(s)");
    refuse_if("SELECT COUNT(*) FROM kpis WHERE priority_id = ?", "KPI(s)");
    refuse_if("SELECT COUNT(*) FROM budget_lines WHERE priority_id = ?", "budget line(s)");
    refuse_if("SELECT COUNT(*) FROM action_links WHERE priority_id = ?", "action(s) of other priorities linked to it");
  } else if (entity_name == "action") {
    refuse_if("SELECT COUNT(*) FROM kpis WHERE action_id = ?", "KPI(s)");
    refuse_if("SELECT COUNT(*) FROM budget_lines WHERE action_id = ?", "budget line(s)");
    // Its quarterly RAG and progress and its links belong to it: they go with it, each audited.
    for (const auto& q : fetch_where(db, entity("action_quarter"), "action_id = ?", {id})) {
      workspace::remove(db, a.name, entity("action_quarter"), q["id"], q["version"]);
    }
    for (const auto& r : db.query("SELECT priority_id FROM action_links WHERE action_id = ?", {id})) {
      write_audit(db, a.name, "action_link", fmt::format("{}:{}", id, r.int64(0)), "delete", Json{{"action_id", id}, {"priority_id", r.int64(0)}}, std::nullopt);
    }
    db.query("DELETE FROM action_links WHERE action_id = ?", {id});
  } else if (entity_name == "kpi") {
    for (const auto& q : fetch_where(db, entity("kpi_quarter"), "kpi_id = ?", {id})) {
      workspace::remove(db, a.name, entity("kpi_quarter"), q["id"], q["version"]);
    }
  } else if (entity_name == "meeting") {
    refuse_if("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = ?", "agenda item(s)");
    refuse_if("SELECT COUNT(*) FROM action_points WHERE meeting_id = ?", "action point(s)");
  } else if (entity_name == "action_point") {
    refuse_if("SELECT COUNT(*) FROM action_points WHERE carried_from = ?", "later point(s) carried from it");
    // Deleting the copy a carry made undoes the carry: the earlier point is open again (audited).
    auto p = fetch(db, entity("action_point"), id);
    if (p && !(*p)["carried_from"].is_null()) {
      const std::int64_t from = (*p)["carried_from"];
      auto earlier = fetch(db, entity("action_point"), from);
      workspace::remove(db, a.name, entity(entity_name), id, version);
      if (earlier) update(db, a.name, entity("action_point"), from, (*earlier)["version"], {{"status", "open"}, {"note", ""}});
      tx.commit();
      return;
    }
  }
  workspace::remove(db, a.name, entity(entity_name), id, version);
  tx.commit();
}

}  // namespace csa::workspace
