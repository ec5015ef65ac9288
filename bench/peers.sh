#!/usr/bin/env bash
# Peer comparison from a national year (issue 4 goal: under 1 s; docs/BENCHMARKS.md §6): the
# 12-month all-forces input bench/national_scale.sh makes (about 3.8 M rows; run that first),
# ingested into one database with the ONS lookup, counties and population (untimed), then
#   csa compare --area Cambridge --theme all_crime --period ye2025-12 --peers examples/cambridge/msg.toml
# timed as the whole process: Cambridge's rate against the other Cambridgeshire districts, the county,
# England and Wales and its Most Similar Group, with rank "k of n" and the group average.
# Usage: bench/peers.sh            (REPEAT=5 bench/peers.sh for more runs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPEAT="${REPEAT:-3}"
need_csa
scale="$WORK_DIR/scale"
[ -f "$scale/.complete" ] || die "no national year in $scale: run bench/national_scale.sh first"
out="$WORK_DIR/peers"
db="$out/national-year.db"
if [ ! -f "$db" ]; then
  mkdir -p "$out"
  "$CSA" ingest police-uk "$scale"/2025-* --db "$db" -q >"$out/ingest.txt"
  "$CSA" geography load --db "$db" \
    --lookup "$DATA_DIR/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
    --counties "$DATA_DIR/geography/lad23-utla23-ew.csv" \
    --population "$DATA_DIR/population/lsoa21-population-ew.csv" >"$out/geography.txt"
fi
rows=$(sqlite3 "$db" "SELECT sum(rows_stored) FROM batch")
cmd=("$CSA" compare --db "$db" --area Cambridge --theme all_crime --period ye2025-12 --peers "$REPO_DIR/examples/cambridge/msg.toml")
times=()
for _ in $(seq 1 "$REPEAT"); do times+=("$(wall_seconds "$out/compare.txt" "${cmd[@]}")"); done
grep -q "of" "$out/compare.txt" || die "compare printed no rank: $(cat "$out/compare.txt.err")"
echo "## Peer comparison from a national year ($REPEAT runs, median)"
echo
machine_info
echo
echo "| comparison | incidents in the database | csa, whole process | runs (s) |"
echo "|---|---:|---:|---|"
echo "| Cambridge, all crime, YE Dec 2025: county districts, county, England and Wales, Most Similar Group | $(commas "$rows") | **$(median "${times[@]}") s** | ${times[*]} |"
echo
echo '```'
head -n 25 "$out/compare.txt"
echo '```'
