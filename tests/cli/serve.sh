#!/usr/bin/env bash
# csa serve over real HTTP on the real Cambridgeshire data: the API's answers against SQL over the
# same database (a calculation sharing nothing with csa's cube or server code), and the safety
# rules that hold for every request: GET only, no way out of the app folder, oversized requests
# refused, JSON errors, bound to 127.0.0.1, stopped cleanly by SIGTERM. The browser journeys are
# tests/cli/atlas_browser.sh.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}" "${CSA_SOURCE_DIR:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db cambs.db -q > /dev/null
"$CSA" geography load --db cambs.db \
  --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" \
  --boundaries "$data/geography/wards-2025-cambs-peterborough.geojson" > /dev/null

# A web folder of our own, so the static-file rules are tested whatever web/dist holds.
mkdir -p web && echo '<!doctype html><title>atlas</title>' > web/index.html
"$CSA" serve --db cambs.db --port 0 --web web > serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "open http" serve.log && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' serve.log) || fail "no URL printed: $(cat serve.log)"
grep -q "loaded in" serve.log || fail "no load time printed"

code() { curl -s -o body.json -w '%{http_code}' "$@"; }
[ "$(code "$url/")" = 200 ] || fail "/ is not served"
[ "$(code "$url/api/meta")" = 200 ] || fail "/api/meta: $(cat body.json)"
python3 -c "import json; m=json.load(open('body.json')); assert 'Open Government Licence' in m['attribution']; assert m['periods'][0]['id']=='ye2025-12'; assert [d['name'] for d in m['districts']][:1]==['Cambridge'], m['districts']" \
  || fail "meta: $(head -c 400 body.json)"

# Ward counts of all crime (every type but ASB) in Cambridge, year ending December 2025, by SQL.
[ "$(code "$url/api/map?district=E07000008&theme=all_crime&period=ye2025-12")" = 200 ] || fail "map: $(cat body.json)"
sqlite3 -separator , cambs.db "
  SELECT w.code, count(*) FROM incident_v i
  JOIN area l ON l.code = i.lsoa_code AND l.level = 'lsoa'
  JOIN area w ON w.code = l.parent_code AND w.level = 'ward'
  WHERE w.parent_code = 'E07000008' AND i.month BETWEEN '2025-01' AND '2025-12'
    AND i.crime_type <> 'Anti-social behaviour'
  GROUP BY w.code ORDER BY w.code" > sql.csv 2> sql.err || fail "SQL: $(cat sql.err)"
[ -s sql.csv ] || fail "SQL found nothing"
python3 - <<'PY' || fail "map counts differ from SQL"
import csv, json
m = json.load(open('body.json'))
sql = {code: int(n) for code, n in csv.reader(open('sql.csv'))}
api = {a['code']: a['count'] for a in m['areas']}
shown = {c: n for c, n in api.items() if n is not None}
assert len(shown) >= 10, api
for c, n in shown.items():
    assert sql.get(c, 0) == n, (c, n, sql.get(c))
assert m['total']['count'] >= sum(shown.values())
for a in m['areas']:
    assert a['count'] is None or a['count'] == 0 or a['count'] >= 5, a
print('map: %d wards match SQL' % len(shown))
PY

# Safety.
[ "$(code -X POST "$url/api/meta")" = 405 ] || fail "POST not refused"
grep -q '"error"' body.json || fail "405 without a JSON error"
[ "$(code -X DELETE "$url/")" = 405 ] || fail "DELETE not refused"
[ "$(code --path-as-is "$url/../../etc/passwd")" = 404 ] || fail "path traversal not refused"
[ "$(code "$url/%2e%2e/%2e%2e/etc/passwd")" = 404 ] || fail "encoded traversal not refused"
! grep -q "root:" body.json || fail "traversal served a system file"
[ "$(code "$url/api/meta?x=$(head -c 9000 /dev/zero | tr '\0' a)")" = 414 ] || fail "long URI not refused"
[ "$(code -H "X-Big: $(head -c 9000 /dev/zero | tr '\0' a)" "$url/api/meta")" = 400 ] || fail "oversized header not refused"
grep -q '"error"' body.json || fail "400 without a JSON error"
# A body is refused on every method that would read one (they are all 405); GET never reads it.
[ "$(code -X POST --data-binary "@$CSA_SHARED_DIR/data/geography/lad23-utla23-ew.csv" "$url/api/meta")" = 405 ] || fail "POST with a body not refused"
[ "$(code "$url/api/map?district=E07000008&colour=red")" = 400 ] || fail "unknown parameter not refused"
grep -q "colour" body.json || fail "400 does not name the parameter"
[ "$(code "$url/api/map?district=E99999999")" = 404 ] || fail "unknown district not 404"
[ "$(code "$url/api/nothing")" = 404 ] || fail "unknown endpoint not 404"
port=${url##*:}
if command -v ss >/dev/null; then
  ss -ltn | grep -q "127.0.0.1:$port " || fail "not bound to 127.0.0.1: $(ss -ltn | grep ":$port ")"
fi

kill -TERM $pid
wait $pid || fail "csa serve did not stop cleanly on SIGTERM"
grep -q "stopped" serve.log || fail "no stop message"
trap - EXIT
echo "serve: all checks passed"
