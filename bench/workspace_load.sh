#!/usr/bin/env bash
# Workspace load: (1) 1,000 actions and 10,000 audit rows, then the time of the queries the pages will
# run (priority list, the whole action tracker, one action's page with its history, the audit page),
# measured inside csa (--timing), on SQLite and on PostgreSQL; (2) 50 concurrent writers on
# PostgreSQL (50 processes, 20 optimistic updates each on 5 shared actions): every refused update
# must be a proper conflict (exit 2, "changed by"), any other failure is an error; errors must be 0.
# Usage: bench/workspace_load.sh [build dir]   (default build); needs PostgreSQL (scripts/install-deps.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
CSA=${CSA:-$here/${1:-build}/csa}
work=$(mktemp -d /tmp/csa-ws-bench.XXXXXX)
. "$here/scripts/throwaway-postgres.sh"
pg_start "$work"
trap 'pg_stop; rm -rf "$work"' EXIT
pg_createdb bench
export CSA_WORKSPACE_PASSWORD='bench password 1'

load() {  # $1 = workspace location: 10 priorities x 100 actions, then audit rows up to 10,000
  local ws=$1
  "$CSA" workspace user add --workspace "$ws" --name bench --role admin > /dev/null
  for p in $(seq 1 10); do
    "$CSA" workspace priority add --workspace "$ws" --as bench --code "$p" --title "Priority $p" --from 2024-04 --to 2025-03 > /dev/null
  done
  # 1,000 actions through the service (each audited), 10 at a time in parallel.
  for p in $(seq 1 10); do
    for a in $(seq 1 100); do
      echo "$p $a"
    done
  done | xargs -P 4 -n 2 sh -c '"$0" workspace action add --workspace "$1" --as bench --priority "$2" --id "$2.$3" \
      --description "Action $2.$3" --lead-agency "Agency $3" > /dev/null' "$CSA" "$ws"
  # 1,000 RAG changes through the service (2,000 audit rows).
  for p in $(seq 1 10); do
    for a in $(seq 1 100); do
      echo "$p $a"
    done
  done | xargs -P 4 -n 2 sh -c '"$0" workspace action set-rag --workspace "$1" --as bench --priority "$2" --id "$2.$3" \
      --rag amber --reason "Bench" --quarter fy2024/25q1 > /dev/null' "$CSA" "$ws"
}

pad_audit() {  # $1 = sql runner; tops the audit log up to 10,000 rows (history of other records)
  $1 "INSERT INTO audit_log (at, actor, entity, entity_id, change, before_json, after_json)
      SELECT '2025-01-01T00:00:00.000Z', 'bench', 'kpi', 'x', 'update', '{\"v\":1}', '{\"v\":2}'
      FROM audit_log a, audit_log b LIMIT (10000 - (SELECT COUNT(*) FROM audit_log))"
}

measure() {  # $1 = label, $2 = workspace
  local ws=$1
  best() { local b=999999; for i in 1 2 3 4 5; do t=$("$@" 2>&1 > /dev/null | sed -n 's/query: \([0-9.]*\) ms.*/\1/p'); b=$(python3 -c "print(min($b, $t))"); done; echo "$b"; }
  echo "  priority list:          $(best "$CSA" workspace list priorities --workspace "$ws" --timing) ms"
  echo "  action tracker (1,000): $(best "$CSA" workspace list actions --workspace "$ws" --timing) ms"
  echo "  one priority's actions: $(best "$CSA" workspace list actions --priority 7 --workspace "$ws" --timing) ms"
  echo "  action page + history:  $(best "$CSA" workspace show --priority 7 --id 7.42 --workspace "$ws" --timing) ms"
  echo "  audit page (100 rows):  $(best "$CSA" workspace audit --workspace "$ws" --timing) ms"
}

sqlite_ws="$work/ws.db"
pg_ws="postgresql://csa@/bench?host=$PG_SOCK"
t0=$(date +%s.%N)
load "$sqlite_ws"
pad_audit "sqlite3 $sqlite_ws"
t1=$(date +%s.%N)
load "$pg_ws"
pad_audit "${PG_AS[*]:-} $pg_bin/psql -h $PG_SOCK -U csa -d bench -qc"
t2=$(date +%s.%N)
echo "load: SQLite $(python3 -c "print(round($t1-$t0,1))") s, PostgreSQL $(python3 -c "print(round($t2-$t1,1))") s"
echo "SQLite: $(sqlite3 "$sqlite_ws" 'SELECT COUNT(*) FROM actions') actions, $(sqlite3 "$sqlite_ws" 'SELECT COUNT(*) FROM audit_log') audit rows (best of 5, server time)"
measure "$sqlite_ws"
echo "PostgreSQL: $("${PG_AS[@]}" "$pg_bin/psql" -h "$PG_SOCK" -U csa -d bench -tAc 'SELECT COUNT(*) FROM actions') actions, $("${PG_AS[@]}" "$pg_bin/psql" -h "$PG_SOCK" -U csa -d bench -tAc 'SELECT COUNT(*) FROM audit_log') audit rows"
measure "$pg_ws"

# 50 concurrent writers: each reads an action's version and updates it naming that version.
mkdir -p "$work/w"
chmod 777 "$work/w"
writer() {
  local id=$1 ok=0 conflict=0 error=0
  for i in $(seq 1 20); do
    local a=$(( (id + i) % 5 + 1 ))
    local v
    v=$("$CSA" workspace show --workspace "$pg_ws" --priority 1 --id "1.$a" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])') || { error=$((error+1)); continue; }
    local rag=green; [ $((i % 2)) -eq 0 ] && rag=amber
    if "$CSA" workspace action set-rag --workspace "$pg_ws" --as bench --priority 1 --id "1.$a" --rag $rag \
         --reason "writer $id step $i" --quarter fy2024/25q2 --version "$v" > /dev/null 2> "$work/w/$id.err"; then
      ok=$((ok+1))
    elif grep -q "changed by" "$work/w/$id.err"; then
      conflict=$((conflict+1))
    else
      error=$((error+1)); cat "$work/w/$id.err" >&2
    fi
  done
  echo "$ok $conflict $error" > "$work/w/$id.out"
}
before=$("${PG_AS[@]}" "$pg_bin/psql" -h "$PG_SOCK" -U csa -d bench -tAc "SELECT SUM(version) FROM actions WHERE priority_id = (SELECT id FROM priorities WHERE code = '1') AND code IN ('1.1','1.2','1.3','1.4','1.5')")
t0=$(date +%s.%N)
for id in $(seq 1 50); do writer "$id" & done
wait
t1=$(date +%s.%N)
after=$("${PG_AS[@]}" "$pg_bin/psql" -h "$PG_SOCK" -U csa -d bench -tAc "SELECT SUM(version) FROM actions WHERE priority_id = (SELECT id FROM priorities WHERE code = '1') AND code IN ('1.1','1.2','1.3','1.4','1.5')")
read ok conflict error < <(cat "$work"/w/*.out | awk '{o+=$1; c+=$2; e+=$3} END {print o, c, e}')
echo "50 writers x 20 updates on PostgreSQL in $(python3 -c "print(round($t1-$t0,1))") s: $ok applied, $conflict refused as conflicts (told who and when), $error errors"
# Nothing lost: every applied update raised a version by exactly one.
[ $((after - before)) -eq "$ok" ] || { echo "FAIL: versions rose by $((after - before)) but $ok updates were applied" >&2; exit 1; }
[ "$error" -eq 0 ] || { echo "FAIL: $error errors" >&2; exit 1; }
echo "versions rose by $((after - before)) = applied updates: nothing lost"
