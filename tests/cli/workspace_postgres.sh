#!/usr/bin/env bash
# The workspace on a REAL PostgreSQL server: a throwaway cluster (initdb into $CSA_WORK, listening only
# on a unix socket there), the workspace unit tests run against it (CSA_TEST_PG), a CLI round trip,
# then the server is stopped (trap). Never skipped: without PostgreSQL the test fails with the hint.
# As root (CI on a fresh Debian 12), the server runs as the `postgres` system user through runuser.
set -euo pipefail
: "${CSA:?}" "${CSA_WORK:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }
tests_bin="$(dirname "$CSA")/csa_tests"
[ -x "$tests_bin" ] || fail "csa_tests not found beside $CSA; build it first"
. "${CSA_SOURCE_DIR:?}/scripts/throwaway-postgres.sh"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
pg_start "$CSA_WORK" || exit 1
trap pg_stop EXIT
pg_createdb csa_test
pg_createdb csa_cli
sock=$PG_SOCK
export CSA_TEST_PG="postgresql://csa@/csa_test?host=$sock"

# 1. Every backend-parameterised unit test, on PostgreSQL; none may be skipped.
"$tests_bin" --gtest_filter='Backends/WorkspaceBackendTest.*/postgresql' > unit.log 2>&1 || { cat unit.log; fail "unit tests on PostgreSQL"; }
grep -q "SKIPPED" unit.log && { cat unit.log; fail "unit tests were skipped"; }
n=$(grep -c "^\[       OK \]" unit.log)
[ "$n" -ge 9 ] || { cat unit.log; fail "expected at least 9 PostgreSQL tests, $n passed"; }

# 2. A CLI round trip on PostgreSQL (the same commands as tests/cli/workspace.sh on SQLite).
ws="postgresql://csa@/csa_cli?host=$sock"
"$CSA" workspace init --workspace "$ws" > /dev/null
CSA_WORKSPACE_PASSWORD='admin password 1' "$CSA" workspace user add --workspace "$ws" --name admin --role admin > /dev/null
"$CSA" workspace priority add --workspace "$ws" --as admin --code 1 --title "Reducing violence" --from 2023-09 --to 2025-03 > /dev/null
"$CSA" workspace action add --workspace "$ws" --as admin --priority 1 --id "1.1 a" --description "Serious violence materials" --lead-agency "Cambridge City Council" > /dev/null
"$CSA" workspace action set-rag --workspace "$ws" --as admin --priority 1 --id "1.1 a" --rag amber --reason "Materials late" --quarter fy2024/25q1 > /dev/null
"$CSA" workspace audit --workspace "$ws" --format json > audit.json
python3 - <<'PY' || fail "audit log on PostgreSQL"
import json
log = json.load(open("audit.json"))
rag = [e for e in log if e["entity"] == "action" and e["change"] == "update"]
assert len(rag) == 1 and rag[0]["before"]["rag"] == "none" and rag[0]["after"]["rag"] == "amber", rag
assert rag[0]["actor"] == "admin"
PY
echo "workspace_postgres: $n unit tests and the CLI round trip passed on PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"
