// The workspace schema, written once for both backends (schema.cpp), and its versioned migrations.
#pragma once

#include "workspace/backend.hpp"

namespace csa::workspace {

// The schema version this build writes and reads.
int schema_version();

// Creates the tables on an empty workspace and applies any migrations a newer csa brings, each in
// its own transaction and recorded in schema_migrations. Throws InputError when the workspace was
// made by a newer csa (its version is above schema_version()).
void migrate(Backend& db);

// The version recorded in the workspace, 0 when it holds no workspace yet.
int current_version(Backend& db);

}  // namespace csa::workspace
