#!/usr/bin/env bash
# The workspace's pages over HTTP (csa serve --workspace), on SQLite and on PostgreSQL:
#   (1) a workspace of 10 priorities x 100 actions, 1,000 RAG changes and an audit log topped up to
#       10,000 rows, loaded through the HTTP API itself (python3's http.client, one session);
#   (2) each page's request (the plan with all 1,000 actions and their quarters, meetings, the audit
#       page, the session) timed from the client on loopback, best of 5: server time plus a loopback
#       round trip (issue 8's goal: pages under 50 ms of server time);
#   (3) 50 concurrent editors: 50 sessions (python threads, each logged in as its own user) making
#       20 edits each of 5 shared actions, each naming the version it read; every refusal must be a
#       409 conflict naming who changed the action; any other status is an error (must be 0), and
#       the actions' versions must rise by exactly the number of edits applied.
# Usage: bench/workspace_http.sh [build dir]   (default build); needs PostgreSQL (scripts/install-deps.sh)
# and ../shared/data (a year of Cambridgeshire police.uk data for the atlas the workspace is served with).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
CSA=${CSA:-$here/${1:-build}/csa}
data=${CSA_SHARED_DIR:-$here/../shared}/data
work=$(mktemp -d /tmp/csa-ws-http.XXXXXX)
. "$here/scripts/throwaway-postgres.sh"
pg_start "$work"
server=
trap '[ -n "$server" ] && kill $server 2> /dev/null; pg_stop; rm -rf "$work"' EXIT
pg_createdb bench

mapfile -t months < <(ls "$data/police-uk/cambridgeshire"/*-street.csv | sort | tail -12)
"$CSA" ingest police-uk "${months[@]}" --db "$work/cambs.db" -q > /dev/null
"$CSA" geography load --db "$work/cambs.db" --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" --population "$data/population/lsoa21-population-ew.csv" \
  --boundaries "$data/geography/wards-2025-cambs-peterborough.geojson" > /dev/null

run() {  # $1 label, $2 workspace location, $3 sql runner for the audit top-up
  local label=$1 ws=$2
  "$CSA" workspace init --workspace "$ws" > /dev/null
  echo "bench password 1" | "$CSA" workspace user add --workspace "$ws" --name bench --role admin > /dev/null
  for i in $(seq 1 50); do
    echo "bench password 1" | "$CSA" workspace user add --workspace "$ws" --as bench --name "editor$i" --role editor > /dev/null
  done
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$CSA" serve --db "$work/cambs.db" --workspace "$ws" --port "$port" --threads 16 --web "" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/meta" > /dev/null && break; sleep 0.1; done
  echo "$label"
  PORT=$port TOPUP="$3" python3 - <<'PY'
import http.client, json, os, subprocess, threading, time
port = int(os.environ["PORT"])

class Session:
    def __init__(self, user):
        self.c = http.client.HTTPConnection("127.0.0.1", port)
        r = self.req("POST", "login", {"name": user, "password": "bench password 1"}, login=True)
        self.csrf = r["csrf"]
    def req(self, method, path, body=None, login=False):
        h = {"Accept": "application/json", "Host": f"127.0.0.1:{port}"}
        if method == "POST":
            h["Content-Type"] = "application/json"
            if not login: h["X-CSRF-Token"] = self.csrf
        if hasattr(self, "cookie"): h["Cookie"] = self.cookie
        # A connection per request, as the server closes idle keep-alive connections after 5 s
        # (cpp-httplib's default); the times below include the loopback connect.
        self.c = http.client.HTTPConnection("127.0.0.1", port)
        self.c.request(method, "/api/workspace/" + path, json.dumps(body) if body is not None else None, h)
        res = self.c.getresponse()
        data = res.read()
        self.c.close()
        for k, v in res.getheaders():
            if k.lower() == "set-cookie": self.cookie = v.split(";")[0]
        self.status = res.status
        if res.status >= 400:
            raise RuntimeError(f"{res.status} {data[:200]!r}")
        return json.loads(data) if data[:1] in (b"{", b"[") else data

s = Session("bench")
t0 = time.time()
for p in range(1, 11):
    s.req("POST", "priorities", {"code": str(p), "title": f"Priority {p}", "period_from": "2024-04", "period_to": "2025-03"})
    for a in range(1, 101):
        s.req("POST", "actions", {"priority": str(p), "code": f"{p}.{a}", "description": f"Action {p}.{a}", "lead_agency": f"Agency {a}"})
        s.req("POST", "actions/rag", {"priority": str(p), "action": f"{p}.{a}", "rag": "amber", "reason": "Bench", "quarter": "fy2024/25q1"})
s.req("POST", "meetings", {"held_on": "2025-02-25", "title": "Board"})
for i in range(1, 21):
    s.req("POST", "points", {"meeting": "2025-02-25", "description": f"Point {i}", "owner": "Owner"})
load_s = time.time() - t0
subprocess.run(os.environ["TOPUP"] + ''' "INSERT INTO audit_log (at, actor, entity, entity_id, change, before_json, after_json)
  SELECT '2025-01-01T00:00:00.000Z', 'bench', 'kpi', 'x', 'update', '{\\"v\\":1}', '{\\"v\\":2}'
  FROM audit_log a, audit_log b LIMIT (10000 - (SELECT COUNT(*) FROM audit_log))"''', shell=True, check=True)
print(f"  loaded through HTTP in {load_s:.1f} s: 1,000 actions, 1,000 RAG changes, 20 action points; audit log topped up to 10,000 rows")

def best(path, n=5):
    times = []
    for _ in range(n):
        t = time.perf_counter(); s.req("GET", path); times.append((time.perf_counter() - t) * 1000)
    return min(times)
plan = s.req("GET", "plan")
assert sum(len(p["actions"]) for p in plan["priorities"]) == 1000
for label, path in [("plan (10 priorities, 1,000 actions with quarters)", "plan"), ("meetings with agendas and points", "meetings"),
                    ("audit page (newest 100 of 10,000)", "audit"), ("one action's history", "audit?entity=action&id=742"),
                    ("session", "session")]:
    print(f"  {label:52s} {best(path):7.2f} ms")

# 50 editors at once on 5 shared actions of priority 1.
results = []
lock = threading.Lock()
def editor(i):
    me = Session(f"editor{i}")
    ok = conflict = error = 0
    for step in range(20):
        code = f"1.{(i + step) % 5 + 1}"
        try:
            acts = me.req("GET", "plan")["priorities"][0]["actions"]
            act = next(a for a in acts if a["code"] == code)
            me.req("POST", "edit", {"entity": "action", "id": act["id"], "version": act["version"],
                                    "changes": {"lead_officer": f"editor{i} step {step}"}})
            ok += 1
        except RuntimeError as e:
            if str(e).startswith("409") and "changed by" in str(e): conflict += 1
            else: error += 1; print("  error:", e)
    with lock: results.append((ok, conflict, error))
before = sum(a["version"] for a in s.req("GET", "plan")["priorities"][0]["actions"][:5])
t = time.time()
threads = [threading.Thread(target=editor, args=(i,)) for i in range(1, 51)]
for th in threads: th.start()
for th in threads: th.join()
wall = time.time() - t
after = sum(a["version"] for a in s.req("GET", "plan")["priorities"][0]["actions"][:5])
ok, conflict, error = (sum(r[k] for r in results) for k in range(3))
print(f"  50 editors x 20 edits in {wall:.1f} s: {ok} applied, {conflict} refused as conflicts (409, who and when), {error} errors")
assert after - before == ok, f"versions rose by {after - before} but {ok} edits were applied"
assert error == 0
print(f"  versions rose by {after - before} = edits applied: nothing lost")
PY
  kill $server; wait $server 2> /dev/null || true; server=
}

run "SQLite ($work/ws.db)" "$work/ws.db" "sqlite3 $work/ws.db"
run "PostgreSQL 15 (unix socket)" "postgresql://csa@/bench?host=$PG_SOCK" "${PG_AS[*]:-} $pg_bin/psql -h $PG_SOCK -U csa -d bench -qc"
