#include "workspace/records.hpp"

#include <fmt/format.h>

#include <map>

#include "workspace/clock.hpp"

namespace csa::workspace {
namespace {

using K = ColumnKind;

std::map<std::string, EntitySpec, std::less<>> make_entities() {
  std::vector<EntitySpec> all = {
      {"user", "users", {{"name", K::text}, {"role", K::text}, {"password_hash", K::text}, {"created_at", K::text}}, "name"},
      {"recommendation",
       "recommendations",
       {{"source", K::text}, {"kind", K::text}, {"subject", K::text}, {"category", K::text}, {"evidence", K::text}}, "subject"},
      {"priority",
       "priorities",
       {{"code", K::text},
        {"title", K::text},
        {"period_from", K::text},
        {"period_to", K::text},
        {"rationale", K::text},
        {"recommendation_id", K::integer},
        {"cross_cutting", K::text},
        {"lead", K::text},
        {"indicator_theme", K::text},
        {"indicator_area", K::text},
        {"indicator_period", K::text}}, "code"},
      {"action",
       "actions",
       {{"priority_id", K::integer},
        {"code", K::text},
        {"sort_key", K::text},
        {"description", K::text},
        {"lead_agency", K::text},
        {"lead_officer", K::text},
        {"due", K::text},
        {"rag", K::text},
        {"rag_reason", K::text}}, "code"},
      {"action_quarter",
       "action_quarters",
       {{"action_id", K::integer}, {"quarter", K::text}, {"rag", K::text}, {"rag_reason", K::text}, {"progress", K::text}}, ""},
      {"kpi",
       "kpis",
       {{"action_id", K::integer},
        {"priority_id", K::integer},
        {"description", K::text},
        {"direction", K::text},
        {"target", K::real},
        {"target_by", K::text},
        {"indicator_theme", K::text},
        {"indicator_area", K::text},
        {"indicator_period", K::text}}, "description"},
      {"kpi_quarter",
       "kpi_quarters",
       {{"kpi_id", K::integer}, {"quarter", K::text}, {"target", K::real}, {"actual", K::real}, {"note", K::text}}, ""},
      {"budget_line",
       "budget_lines",
       {{"priority_id", K::integer},
        {"action_id", K::integer},
        {"source", K::text},
        {"financial_year", K::text},
        {"allocated_pence", K::integer},
        {"spent_pence", K::integer},
        {"carried_forward_pence", K::integer},
        {"note", K::text}}, ""},
      {"meeting", "meetings", {{"held_on", K::text}, {"title", K::text}, {"location", K::text}, {"minutes", K::text}}, "held_on"},
      {"agenda_item",
       "agenda_items",
       {{"meeting_id", K::integer},
        {"number", K::integer},
        {"item", K::text},
        {"lead", K::text},
        {"time_minutes", K::integer},
        {"session", K::text},
        {"minutes", K::text},
        {"decision", K::text}}, "item"},
      {"action_point",
       "action_points",
       {{"meeting_id", K::integer},
        {"code", K::text},
        {"description", K::text},
        {"owner", K::text},
        {"status", K::text},
        {"note", K::text},
        {"carried_from", K::integer}}, "code"},
      {"schedule",
       "schedule",
       {{"document_no", K::integer},
        {"theme", K::text},
        {"analysis_from", K::text},
        {"analysis_to", K::text},
        {"presentation", K::text}}, ""},
  };
  std::map<std::string, EntitySpec, std::less<>> m;
  for (auto& e : all) m.emplace(e.entity, e);
  return m;
}

// The record as its users know it: "action 1.4", "meeting 2024-10-01", kpi "Repeat victims down";
// by id where the entity has no such column or the record leaves it empty ("action quarter 7").
std::string record_name(const EntitySpec& e, const Json& record) {
  std::string noun = e.entity;
  for (auto& c : noun)
    if (c == '_') c = ' ';
  if (!e.known_by.empty()) {
    const auto it = record.find(e.known_by);
    if (it != record.end() && it->is_string() && !it->get<std::string>().empty()) {
      const auto& v = it->get_ref<const std::string&>();
      return v.find(' ') == std::string::npos ? fmt::format("{} {}", noun, v) : fmt::format("{} \"{}\"", noun, v);
    }
  }
  return fmt::format("{} {}", noun, record.at("id").get<std::int64_t>());
}

std::string select_list(const EntitySpec& e) {
  std::string s = "id";
  for (const auto& c : e.columns) s += ", " + c.name;
  return s + ", version, updated_by, updated_at";
}

Json to_json(const EntitySpec& e, const Row& r) {
  Json j = Json::object();
  j["id"] = r.int64(0);
  for (std::size_t i = 0; i < e.columns.size(); ++i) {
    const auto& c = e.columns[i];
    if (r.is_null(i + 1)) {
      j[c.name] = nullptr;
    } else if (c.kind == K::integer) {
      j[c.name] = r.int64(i + 1);
    } else if (c.kind == K::real) {
      j[c.name] = *r.real(i + 1);
    } else {
      j[c.name] = r.text(i + 1);
    }
  }
  std::size_t n = e.columns.size();
  j["version"] = r.int64(n + 1);
  j["updated_by"] = r.text(n + 2);
  j["updated_at"] = r.text(n + 3);
  return j;
}

Value to_value(const ColumnSpec& c, const Json& v) {
  if (v.is_null()) return std::monostate{};
  switch (c.kind) {
    case K::integer: return v.get<std::int64_t>();
    case K::real: return v.get<double>();
    case K::text: break;
  }
  return v.get<std::string>();
}

const ColumnSpec& column(const EntitySpec& e, const std::string& name) {
  for (const auto& c : e.columns) {
    if (c.name == name) return c;
  }
  throw InternalError(fmt::format("{} has no column {}", e.entity, name));
}

// The audit log keeps no password hashes: a user record is logged without it.
Json for_audit(const EntitySpec& e, Json j) {
  if (e.entity == "user") j.erase("password_hash");
  return j;
}

}  // namespace

std::string value_text(const Json& v, std::string_view field) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number()) return fmt::format("{}", v.get<double>());
  if (v.is_null()) return "";
  throw InputError(fmt::format("{} must be text or a number, not {}", field, v.dump()));
}

const EntitySpec& entity(std::string_view name) {
  static const auto entities = make_entities();
  auto it = entities.find(name);
  if (it == entities.end()) throw InternalError(fmt::format("no workspace entity '{}'", name));
  return it->second;
}

std::optional<Json> fetch(Backend& db, const EntitySpec& e, std::int64_t id) {
  auto rows = db.query(fmt::format("SELECT {} FROM {} WHERE id = ?", select_list(e), e.table), {id});
  if (rows.empty()) return std::nullopt;
  return to_json(e, rows[0]);
}

std::vector<Json> fetch_where(Backend& db, const EntitySpec& e, const std::string& where,
                              const std::vector<Value>& params, const std::string& order_by) {
  auto rows = db.query(fmt::format("SELECT {} FROM {} WHERE {} ORDER BY {}", select_list(e), e.table,
                                   where.empty() ? "1 = 1" : where, order_by),
                       params);
  std::vector<Json> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(to_json(e, r));
  return out;
}

Json insert(Backend& db, const std::string& actor, const EntitySpec& e, const Json& fields) {
  std::string cols, marks;
  std::vector<Value> params;
  for (const auto& [name, v] : fields.items()) {
    cols += name + ", ";
    marks += "?, ";
    params.push_back(to_value(column(e, name), v));
  }
  params.emplace_back(actor);
  params.emplace_back(now_utc());
  auto rows = db.query(fmt::format("INSERT INTO {} ({}updated_by, updated_at) VALUES ({}?, ?) RETURNING id", e.table,
                                   cols, marks),
                       params);
  auto after = fetch(db, e, rows.at(0).int64(0));
  write_audit(db, actor, e.entity, std::to_string(rows.at(0).int64(0)), "create", std::nullopt, for_audit(e, *after));
  return *after;
}

namespace {

ConflictError conflict(const EntitySpec& e, std::int64_t expected_version, const Json& current) {
  return ConflictError(
      fmt::format("{} was changed by {} at {} (now version {}, you edited version {}); reload it and apply "
                  "your change again",
                  record_name(e, current), current["updated_by"].get<std::string>(), current["updated_at"].get<std::string>(),
                  current["version"].get<std::int64_t>(), expected_version),
      current["updated_by"], current["updated_at"], current["version"]);
}

// The refusal when the version-checked statement matched nothing: changed, or deleted, meanwhile.
// `before` is the record as this edit read it (named in the message when it is gone).
[[noreturn]] void refuse_stale(Backend& db, const EntitySpec& e, const Json& before, std::int64_t expected_version);

}  // namespace

Json update(Backend& db, const std::string& actor, const EntitySpec& e, std::int64_t id,
            std::int64_t expected_version, const Json& changes) {
  auto before = fetch(db, e, id);
  if (!before) throw InputError(fmt::format("there is no {} with id {}", e.entity, id));
  if ((*before)["version"].get<std::int64_t>() != expected_version) throw conflict(e, expected_version, *before);
  std::string sets;
  std::vector<Value> params;
  for (const auto& [name, v] : changes.items()) {
    sets += name + " = ?, ";
    params.push_back(to_value(column(e, name), v));
  }
  params.emplace_back(actor);
  params.emplace_back(now_utc());
  params.emplace_back(id);
  params.emplace_back(expected_version);
  // The version test is in the UPDATE itself, so two writers racing past the check above cannot both
  // succeed: the second matches no row.
  auto rows = db.query(fmt::format("UPDATE {} SET {}version = version + 1, updated_by = ?, updated_at = ? "
                                   "WHERE id = ? AND version = ? RETURNING id",
                                   e.table, sets),
                       params);
  if (rows.empty()) refuse_stale(db, e, *before, expected_version);
  auto after = fetch(db, e, id);
  write_audit(db, actor, e.entity, std::to_string(id), "update", for_audit(e, *before), for_audit(e, *after));
  return *after;
}

void remove(Backend& db, const std::string& actor, const EntitySpec& e, std::int64_t id, std::int64_t expected_version) {
  auto before = fetch(db, e, id);
  if (!before) throw InputError(fmt::format("there is no {} with id {}", e.entity, id));
  if ((*before)["version"].get<std::int64_t>() != expected_version) throw conflict(e, expected_version, *before);
  // As in update(): the version is part of the DELETE, so a racing edit makes it match nothing.
  auto rows = db.query(fmt::format("DELETE FROM {} WHERE id = ? AND version = ? RETURNING id", e.table),
                       {id, expected_version});
  if (rows.empty()) refuse_stale(db, e, *before, expected_version);
  write_audit(db, actor, e.entity, std::to_string(id), "delete", for_audit(e, *before), std::nullopt);
}

namespace {

void refuse_stale(Backend& db, const EntitySpec& e, const Json& before, std::int64_t expected_version) {
  auto current = fetch(db, e, before.at("id").get<std::int64_t>());
  if (!current) throw InputError(fmt::format("{} was deleted by someone else meanwhile; reload", record_name(e, before)));
  throw conflict(e, expected_version, *current);
}

}  // namespace

void write_audit(Backend& db, const std::string& actor, const std::string& entity, const std::string& entity_id,
                 const std::string& change, const std::optional<Json>& before, const std::optional<Json>& after) {
  auto text = [](const std::optional<Json>& j) -> Value {
    if (!j) return std::monostate{};
    return j->dump();
  };
  db.query("INSERT INTO audit_log (at, actor, entity, entity_id, change, before_json, after_json) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)",
           {now_utc(), actor, entity, entity_id, change, text(before), text(after)});
}

}  // namespace csa::workspace
