#!/usr/bin/env bash
# Mapped ingest against police.uk ingest (docs/BENCHMARKS.md §10; issue 7's goal: at least as fast per
# row). police.uk: the 24 Cambridgeshire street files. Extract: a crime extract of about the same
# number of rows in the synthetic crime layout (docs/EXTRACTS.md), made by `csa synth extract` at
# --scale 2 on the county when that command is built, else by python3, loaded through
# examples/mappings/synthetic-crime.toml. Each load goes into a new database, durably, one transaction
# per file: police.uk through the write-ahead log with its final checkpoint, the extract (one file of
# 39 MB, no other connection) through the rollback journal (src/store/sqlite_bulk_write.hpp).
# REPEAT runs each (default 5), medians reported: wall time,
# and CPU time (user + system, from /usr/bin/time), which a machine shared with other work inflates
# less than the wall time.
# Usage: bench/extract_ingest.sh     (needs make build)
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_csa
REPEAT="${REPEAT:-5}"
mkdir -p "$WORK_DIR/extract" && cd "$WORK_DIR/extract"
police="$DATA_DIR/police-uk/cambridgeshire"
mapping="$REPO_DIR/examples/mappings/synthetic-crime.toml"

if [ ! -s crime.csv ]; then
  if "$CSA" synth extract --help > /dev/null 2>&1; then
    "$CSA" ingest police-uk "$police/" --db source.db -q > /dev/null
    "$CSA" geography load --db source.db --lookup "$DATA_DIR/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
      --counties "$DATA_DIR/geography/lad23-utla23-ew.csv" \
      --population "$DATA_DIR/population/lsoa21-population-ew.csv" > /dev/null
    "$CSA" synth extract --db source.db --area E10000003 --scale 2 --kinds crime --out synth -q > /dev/null
    mv synth/crime.csv crime.csv
    echo "csa synth extract --area E10000003 --scale 2 --kinds crime" > crime.made-by
  else
    python3 - <<'PY'
import csv, random
random.seed(1)
codes = ["8N", "105A", "46", "44", "28E", "30C", "58C", "8L", "3A", "149"]
head = "CrimeRef,HOCode,OffenceDescription,CommittedFromDate,CommittedFromTime,RecordedDate,RecordedTime,Easting,Northing,LSOACode,WardCode,DAFlag,HateFlag,HateStrand,CSEFlag,KnifeFlag,CyberFlag,VulnerableVictim,AlcoholFlag,DrugsFlag,CCEFlag,VictimAge,VictimSex,OffenderAge,OffenderSex,VictimID,OffenderID,MO".split(",")
with open("crime.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(head)
    for i in range(176000):
        d, m = random.randint(1, 28), random.randint(1, 12)
        w.writerow([f"PY-{i:08d}", random.choice(codes), "Offence description text", f"{d:02d}/{m:02d}/2024", "10:15",
                    f"{d:02d}/{m:02d}/2024", "11:30", random.randint(520000, 560000), random.randint(240000, 280000),
                    "E01017943", "E05013050"] + ["N"] * 2 + [""] + ["N"] * 7 +
                   [random.randint(10, 80), "F", "", "", f"V{i}", "", "Free text describing what happened at the scene."])
PY
    echo "python3 (csa synth extract not built)" > crime.made-by
  fi
fi
made_by=$(cat crime.made-by 2>/dev/null || echo "an earlier run")
extract_rows=$(($(python3 -c "import csv; print(sum(1 for _ in csv.reader(open('crime.csv', newline=''))))") - 1))

[ -x /usr/bin/time ] || die "needs /usr/bin/time (Debian package time) for the CPU times"
# CPU seconds (user + system) of a command timed below, as /usr/bin/time wrote them to $1.cpu.
cpu_of() { awk '{printf "%.3f", $1 + $2}' "$1.cpu"; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
police_times=(); extract_times=(); police_cpu=(); extract_cpu=()
for _ in $(seq "$REPEAT"); do
  rm -f p.db p.db-wal p.db-shm x.db x.db-wal x.db-shm
  police_times+=("$(wall_seconds police.out /usr/bin/time -f '%U %S' -o police.out.cpu "$CSA" ingest police-uk "$police/" --db p.db -q)")
  police_cpu+=("$(cpu_of police.out)")
  extract_times+=("$(wall_seconds extract.out /usr/bin/time -f '%U %S' -o extract.out.cpu "$CSA" ingest extract crime.csv --mapping "$mapping" --db x.db -q)")
  extract_cpu+=("$(cpu_of extract.out)")
done
police_rows=$(sqlite3 p.db "SELECT sum(rows_read) FROM batch")
stored=$(sqlite3 x.db "SELECT rows_read FROM extract_batch")
[ "$stored" = "$extract_rows" ] || die "the extract ingest read $stored rows, the file has $extract_rows"
pm=$(median "${police_times[@]}"); em=$(median "${extract_times[@]}")
pc=$(median "${police_cpu[@]}"); ec=$(median "${extract_cpu[@]}")
prate=$(awk -v r="$police_rows" -v s="$pm" 'BEGIN {printf "%.0f", r / s}')
erate=$(awk -v r="$extract_rows" -v s="$em" 'BEGIN {printf "%.0f", r / s}')

echo "## Mapped ingest vs police.uk ingest ($(date -u +%Y-%m-%d))"
machine_info
echo "- extract file: $made_by; $(commas "$extract_rows") rows, $(du -h crime.csv | cut -f1)"
echo "- police.uk: 24 Cambridgeshire files, $(commas "$police_rows") rows, $(du -sh "$police" | cut -f1)"
echo "- $REPEAT runs each, alternating; all runs, wall s: police.uk ${police_times[*]}; extract ${extract_times[*]}"
echo "  CPU s (user + sys): police.uk ${police_cpu[*]}; extract ${extract_cpu[*]}"
echo "- load average (1, 5, 15 min) before the runs: $load_before; after them: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| ingest | rows | median wall s | rows/s (wall) | median CPU s | rows per CPU s |"
echo "| --- | --- | --- | --- | --- | --- |"
pcr=$(awk -v r="$police_rows" -v s="$pc" 'BEGIN {printf "%.0f", r / s}')
ecr=$(awk -v r="$extract_rows" -v s="$ec" 'BEGIN {printf "%.0f", r / s}')
echo "| csa ingest police-uk | $(commas "$police_rows") | $pm | $(commas "$prate") | $pc | $(commas "$pcr") |"
echo "| csa ingest extract (crime, synthetic-crime.toml) | $(commas "$extract_rows") | $em | $(commas "$erate") | $ec | $(commas "$ecr") |"
echo
awk -v e="$erate" -v p="$prate" 'BEGIN {printf "extract / police.uk rows per second (wall): %.2f\n", e / p}'
awk -v e="$ecr" -v p="$pcr" 'BEGIN {printf "extract / police.uk rows per CPU second: %.2f\n", e / p}'
# What SQLite writes per row (twice: to the write-ahead log, then by the checkpoint) sets most of the
# store's cost: the database bytes per stored row, after the last run of each.
pb=$(stat -c %s p.db); xb=$(stat -c %s x.db)
awk -v pb="$pb" -v xb="$xb" -v pr="$police_rows" -v xr="$extract_rows" \
  'BEGIN {printf "database bytes per row: police.uk %.0f, extract %.0f (%.2f times)\n", pb / pr, xb / xr, (xb / xr) / (pb / pr)}'
