// The workspace's tables as entities: for each, its table, its columns and their kinds, so one
// generic layer (records.cpp) can read a record as JSON, insert it, and update it under optimistic
// concurrency with an audit row in the same transaction. The rules about what may be written live in
// the service (workspace.hpp); this layer only guarantees "versioned, audited, all or nothing".
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "workspace/backend.hpp"

namespace csa::workspace {

using Json = nlohmann::json;

enum class ColumnKind { integer, real, text };
struct ColumnSpec {
  std::string name;
  ColumnKind kind;
};
struct EntitySpec {
  std::string entity;   // "action", for the audit log and messages
  std::string table;    // "actions"
  std::vector<ColumnSpec> columns;  // without id, version, updated_by, updated_at (every entity has them)
  // The column people know a record by, for messages: an action's code ("1.4"), a meeting's date, a
  // user's name. Empty: the record has none (an action's quarterly update), and messages give its id.
  std::string known_by;
};

// Entities by name: user, recommendation, priority, action, action_quarter, kpi, kpi_quarter,
// budget_line, meeting, agenda_item, action_point, schedule. Throws InternalError for another name.
const EntitySpec& entity(std::string_view name);

// An update naming a version that is no longer current: someone else changed the record first.
// The message names the record as its users know it ("action 1.4", not its internal id) and says who
// and when, so the second editor can reload and re-apply; nothing is lost.
class ConflictError : public InputError {
 public:
  ConflictError(const std::string& message, std::string by, std::string at, std::int64_t current)
      : InputError(message), changed_by(std::move(by)), changed_at(std::move(at)), current_version(current) {}
  std::string changed_by;
  std::string changed_at;
  std::int64_t current_version;
};

// A submitted JSON value as the text the rules parse: forms send strings, scripts may send numbers;
// null is "". Anything else (an object, a list, true) is refused naming `field`.
std::string value_text(const Json& v, std::string_view field);

// All of these run inside the caller's transaction.
std::optional<Json> fetch(Backend& db, const EntitySpec& e, std::int64_t id);
std::vector<Json> fetch_where(Backend& db, const EntitySpec& e, const std::string& where,
                              const std::vector<Value>& params, const std::string& order_by = "id");
// Inserts `fields` (column -> value; JSON null for NULL), audits "create", returns the new record.
Json insert(Backend& db, const std::string& actor, const EntitySpec& e, const Json& fields);
// Applies `changes` when the record is still at `expected_version`; throws ConflictError otherwise,
// InputError when there is no such record. Audits "update" with the record before and after.
Json update(Backend& db, const std::string& actor, const EntitySpec& e, std::int64_t id,
            std::int64_t expected_version, const Json& changes);

// Deletes the record when it is still at `expected_version` (ConflictError otherwise, InputError when
// there is no such record); audits "delete" with the record as it was. The caller checks dependants.
void remove(Backend& db, const std::string& actor, const EntitySpec& e, std::int64_t id, std::int64_t expected_version);

void write_audit(Backend& db, const std::string& actor, const std::string& entity, const std::string& entity_id,
                 const std::string& change, const std::optional<Json>& before, const std::optional<Json>& after);

}  // namespace csa::workspace
