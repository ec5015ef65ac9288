#!/usr/bin/env bash
# The atlas under load (docs/BENCHMARKS.md §7): csa serve on the 24 Cambridgeshire months plus the
# national month, as issue 6 asks. Measures the server's start from an existing database, and wrk's
# latency distribution on loopback for the map, series and profile endpoints (a fixed set of
# requests; wrk runs as fast as it can, so the throughput printed is at least the 200 requests/s the
# goal names, and p99 is measured at that or higher load). One run; figures with the machine.
# Usage: bench/atlas_latency.sh     (needs make build; wrk from Debian's packages)
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_csa
command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk; scripts/install-deps.sh does)"
mkdir -p "$WORK_DIR/atlas" && cd "$WORK_DIR/atlas"
national=$(national_month_dir)

if [ ! -s atlas.db ]; then
  "$CSA" ingest police-uk "$DATA_DIR/police-uk/cambridgeshire/" "$national" --db atlas.db -q > /dev/null
  "$CSA" geography load --db atlas.db \
    --lookup "$DATA_DIR/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
    --counties "$DATA_DIR/geography/lad23-utla23-ew.csv" \
    --population "$DATA_DIR/population/lsoa21-population-ew.csv" \
    --boundaries "$DATA_DIR/geography/wards-2025-cambs-peterborough.geojson" \
    --boundaries "$DATA_DIR/geography/lsoa21-cambs-peterborough.geojson" > /dev/null
fi
rows=$(sqlite3 atlas.db "SELECT count(*) FROM incident")

t0=$EPOCHREALTIME
"$CSA" serve --db atlas.db --port 0 > serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 200); do grep -q "open http" serve.log && break; sleep 0.005; done
t1=$EPOCHREALTIME
url=$(grep -o 'http://127.0.0.1:[0-9]*' serve.log)
start=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')

echo "## Atlas server: start and latency ($(date -u +%Y-%m-%d))"
machine_info
echo "- database: 24 Cambridgeshire months + the national month 2025-01, $(commas "$rows") incidents"
echo "- start (process launch to listening, as printed by the server: $(grep -o 'loaded in [0-9.]* s' serve.log)): ${start} s"
echo
echo "| endpoint | requests/s | p50 | p90 | p99 |"
echo "| --- | --- | --- | --- | --- |"
for path in "/api/map?district=E07000008&theme=all_crime&period=ye2025-12" \
            "/api/map?district=E07000011&level=lsoa&theme=burglary&period=ye2025-12" \
            "/api/series?area=E05013050&theme=shoplifting" \
            "/api/profile?area=E05013050&period=ye2025-12"; do
  curl -s -o /dev/null "$url$path"  # warm the disclosure plan (made once per district and period)
  out=$(wrk -t2 -c4 -d5s --latency "$url$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p() { awk -v q="$1" '$1 == q {print $2}' <<<"$out"; }
  echo "| \`${path%%\?*}\` (${path#*\?}) | $rps | $(p 50%) | $(p 90%) | $(p 99%) |"
done
