#!/usr/bin/env bash
# Issue 7's benchmark (docs/BENCHMARKS.md §9): about one million synthetic extract crime rows
# generated, ingested and the CADET table computed. The rows come from `csa synth extract` on all of
# Cambridgeshire county (E10000003), 24 police.uk months, at the --scale that makes the crime count
# about 1,000,000 (the scale is computed from the county's police.uk crimes, printed below). Each step
# is timed once as a whole process (wall and CPU seconds); the CADET step is skipped (and said so) while
# `csa extract-table` is not built.
# Usage: bench/extract_million.sh     (needs make build)
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_csa
TARGET="${TARGET:-1000000}"
mkdir -p "$WORK_DIR/million" && cd "$WORK_DIR/million"
police="$DATA_DIR/police-uk/cambridgeshire"
mapping="$REPO_DIR/examples/mappings/synthetic-crime.toml"

# Wall and CPU (user + system) seconds of a command as "wall cpu"; its output goes to $1. CPU time is
# shown because the machine is shared: wall time includes waiting for the cores.
timed() {
  local out="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$out.time" "$@" > "$out" 2> "$out.err"
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$out.time"
}

if [ ! -s source.db ]; then
  "$CSA" ingest police-uk "$police/" --db source.db -q > /dev/null
  "$CSA" geography load --db source.db --lookup "$DATA_DIR/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
    --counties "$DATA_DIR/geography/lad23-utla23-ew.csv" \
    --population "$DATA_DIR/population/lsoa21-population-ew.csv" \
    --population-label "LSOA population (vintage unknown)" > /dev/null
fi
# The county's police.uk crimes (not ASB), by the same rule csa uses: LSOA inside the county.
"$CSA" synth extract --db source.db --area E10000003 --scale 1 --kinds asb --out probe -q > probe.txt
crimes=$(grep -o '([0-9,]* crimes' probe.txt | tr -dc '0-9')
scale=$(awk -v t="$TARGET" -v c="$crimes" 'BEGIN {printf "%.4f", t / c}')

rm -rf synth
gen=$(timed gen.out "$CSA" synth extract --db source.db --area E10000003 --scale "$scale" --kinds crime --out synth --seed 1 -q)
rows=$(($(wc -l < synth/crime.csv) - 1))
rm -f x.db x.db-wal x.db-shm
cp source.db x.db
ingest=$(timed ingest.out "$CSA" ingest extract synth/crime.csv --mapping "$mapping" --db x.db -q)
stored=$(sqlite3 x.db "SELECT rows_stored FROM extract_batch")
if "$CSA" extract-table --help > /dev/null 2>&1; then
  cadet=$(timed cadet.out "$CSA" extract-table --db x.db --table cadet --area Cambridgeshire)
  grep -q "SYNTHETIC" cadet.out || die "the CADET table does not say its data are synthetic"
  cadet_line="| csa extract-table --table cadet --area Cambridgeshire (reads the store) | $(commas "$stored") | ${cadet% *} | ${cadet#* } |"
else
  cadet_line="| csa extract-table --table cadet | - | not measured: the command is not built at this commit | |"
fi

echo "## One million synthetic extract rows ($(date -u +%Y-%m-%d))"
machine_info
echo "- source: Cambridgeshire county (E10000003), 24 police.uk months, $(commas "$crimes") crimes; --scale $scale"
echo "- crime.csv: $(commas "$rows") rows, $(du -h synth/crime.csv | cut -f1); stored by the ingest: $(commas "$stored")"
echo
echo "| step | rows | wall s | CPU s (user + sys) |"
echo "| --- | --- | --- | --- |"
echo "| csa synth extract --kinds crime | $(commas "$rows") | ${gen% *} | ${gen#* } |"
echo "| csa ingest extract (synthetic-crime.toml, into a copy of the police.uk store) | $(commas "$rows") | ${ingest% *} | ${ingest#* } |"
echo "$cadet_line"
