#!/usr/bin/env bash
# The atlas in a real browser: builds a small database from the real Cambridgeshire data
# (../shared/data: the police.uk months, the ONS lookup and population, ward AND LSOA boundaries),
# then tests/atlas/atlas.test.mjs starts `csa serve` on a free port and drives Debian's Chromium with
# Playwright through the main journeys (map, theme and period, selecting a ward by clicking and by
# keyboard, profile, charts, monitoring table, CSV and PNG export, reload, pyramid, hot spots, LSOAs).
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
[ -s "$web/index.html" ] && [ -s "$web/app.js" ] || fail "$web has no built app: cd web && npm run build"

rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"

# 1. The database, as examples/cambridge/demo.sh makes it, plus the LSOA boundaries.
"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db cambs.db -q > /dev/null
"$CSA" geography load --db cambs.db \
  --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "LSOA population (vintage unknown)" \
  --boundaries "$data/geography/wards-2025-cambs-peterborough.geojson" \
               "$data/geography/lsoa21-cambs-peterborough.geojson" > /dev/null

# A synthetic local crime extract (csa synth extract) for Cambridge, so the pyramid is drawn from
# real server responses (victims and offenders by age and sex, marked synthetic).
"$CSA" synth extract --db cambs.db --area Cambridge --out synth --kinds crime -q > /dev/null
"$CSA" ingest extract synth/crime.csv --mapping "$CSA_SOURCE_DIR/examples/mappings/synthetic-crime.toml" \
  --db cambs.db -q > /dev/null

# 2. The browser journeys (they start and stop the server themselves).
CSA_EXPECT_PYRAMID=1 CSA="$CSA" CSA_DB="$CSA_WORK/cambs.db" CSA_WEB="$web" CSA_WORK="$CSA_WORK" CHROMIUM="$chromium" \
  CSA_OFFENCE_GROUPS="$data/harm/cchi-weights-by-subgroup.csv" \
  timeout 240 node "$CSA_SOURCE_DIR/tests/atlas/atlas.test.mjs"
