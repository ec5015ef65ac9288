#!/usr/bin/env bash
# The partnership workspace in a real browser (tests/atlas/workspace.test.mjs): a workspace with an
# admin, an editor and a viewer and one priority, served with `csa serve --workspace` over a small
# atlas database (the latest year of Cambridgeshire police.uk data with its geography); Playwright drives
# Debian's Chromium through logging in, adding an action, changing its RAG with a reason, the audit
# log, the board pack download, refused forged/unauthenticated/viewer changes and a concurrent edit.
# Skips (exit 0, prints SKIP) only when /usr/bin/chromium or web/node_modules is missing.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
chromium=${CHROMIUM:-/usr/bin/chromium}
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ ! -x "$chromium" ]; then echo "SKIP: $chromium not found (apt-get install chromium)"; exit 0; fi
if [ ! -d "$CSA_SOURCE_DIR/web/node_modules/playwright-core" ]; then
  echo "SKIP: web/node_modules missing (cd web && npm ci && npm run build)"; exit 0
fi
command -v node > /dev/null || fail "node not found"
web=${CSA_WEB:-$CSA_SOURCE_DIR/web/dist}
[ -s "$web/workspace.html" ] && [ -s "$web/workspace.js" ] || fail "$web has no built workspace pages: cd web && npm run build"

rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
# The atlas shows years ending a month, so a year of months is the least it serves.
mapfile -t months < <(ls "$data/police-uk/cambridgeshire"/*-street.csv | sort | tail -12)
"$CSA" ingest police-uk "${months[@]}" --db cambs.db -q > /dev/null
"$CSA" geography load --db cambs.db \
  --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "LSOA population (vintage unknown)" \
  --boundaries "$data/geography/wards-2025-cambs-peterborough.geojson" > /dev/null

"$CSA" workspace init --workspace ws.db > /dev/null
echo "admin password 1" | "$CSA" workspace user add --workspace ws.db --name admin --role admin > /dev/null
echo "editor password 1" | "$CSA" workspace user add --workspace ws.db --as admin --name editor --role editor > /dev/null
echo "viewer password 1" | "$CSA" workspace user add --workspace ws.db --as admin --name viewer --role viewer > /dev/null
"$CSA" workspace priority add --workspace ws.db --as admin --code 1 --title "Support vulnerable groups" \
  --from 2024-04 --to 2025-03 --lead "Community Safety Manager" > /dev/null

# Without a user the server refuses to start with the workspace (nobody could log in).
"$CSA" workspace init --workspace empty.db > /dev/null
if "$CSA" serve --db cambs.db --workspace empty.db --port 0 > empty.out 2>&1; then fail "served a workspace with no users"; fi
grep -q "has no users" empty.out || fail "no clear message for a workspace without users: $(cat empty.out)"

CSA="$CSA" CSA_DB="$CSA_WORK/cambs.db" CSA_WS="$CSA_WORK/ws.db" CSA_WEB="$web" CSA_WORK="$CSA_WORK" CHROMIUM="$chromium" \
  timeout 240 node "$CSA_SOURCE_DIR/tests/atlas/workspace.test.mjs"

# What the browser did is in the workspace, audited under the browser's users.
"$CSA" workspace audit --workspace ws.db --entity action --format json > audit.json
python3 - <<'PY'
import json
log = json.load(open("audit.json"))
changes = [(e["actor"], e["change"]) for e in log]
assert ("editor", "create") in changes, changes
assert any(e["actor"] == "editor" and e["change"] == "update" and (e["after"] or {}).get("rag") == "amber" for e in log), changes
assert not any(e["actor"] == "admin" and e["change"] == "update" for e in log), "the stale edit was refused"
print("audit: ok,", len(log), "action changes")
PY
echo "PASS"
