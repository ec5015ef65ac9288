#!/usr/bin/env bash
# Ingest speed, csa against DuckDB, on the same police.uk files, in one run (docs/BENCHMARKS.md):
#   (a) the 24 Cambridgeshire months, (b) the national month (41 files, extracted under bench/work/).
# csa:    `csa ingest police-uk FILES --db fresh.db -q`, timed as the whole process (start-up, parsing,
#         every per-file transaction, the final WAL checkpoint and fsync, exit).
# DuckDB: `CREATE TABLE incidents AS SELECT * FROM read_csv('<glob>', union_by_name=true)` into a fresh
#         database file through @duckdb/node-api, timed from DuckDBInstance.create() to after the CTAS
#         (node's start-up and module loading excluded); also shown: to after the instance is closed.
# Each engine runs REPEAT times per data set, alternating; the table gives medians.
# Usage: bench/ingest_vs_duckdb.sh            (REPEAT=5 bench/ingest_vs_duckdb.sh for more runs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPEAT="${REPEAT:-3}"
need_csa
need_duckdb
out="$WORK_DIR/ingest"
rm -rf "$out" && mkdir -p "$out"

national=$(national_month_dir)
declare -A GLOB=(
  [cambridgeshire]="$DATA_DIR/police-uk/cambridgeshire/*-street.csv"
  [national]="$national/*-street.csv"
)
declare -A LABEL=(
  [cambridgeshire]="Cambridgeshire, 24 months (2024-01..2025-12)"
  [national]="National month 2025-01, 41 forces"
)

echo "## Ingest: csa vs DuckDB ($REPEAT runs each, medians)"
echo
machine_info
echo

results=()
for set in cambridgeshire national; do
  # shellcheck disable=SC2206
  files=(${GLOB[$set]})
  rows=0
  for f in "${files[@]}"; do rows=$((rows + $(wc -l <"$f") - 1)); done
  bytes=$(cat "${files[@]}" | wc -c)
  warm_cache "${files[@]}"
  csa_times=() duck_ctas=() duck_closed=() duck_node=()
  for run in $(seq 1 "$REPEAT"); do
    db="$out/$set-csa.db"
    rm -f "$db" "$db-wal" "$db-shm"
    t=$(wall_seconds "$out/$set-csa.txt" "$CSA" ingest police-uk "${files[@]}" --db "$db" -q)
    grep -q "^total: ${#files[@]} file(s), read $(commas "$rows") " "$out/$set-csa.txt" \
      || die "csa did not read $rows rows from ${#files[@]} files: $(tail -1 "$out/$set-csa.txt")"
    csa_times+=("$t")

    ddb="$out/$set.duckdb"
    t=$(wall_seconds "$out/$set-duckdb.json" node "$BENCH_DIR/duckdb_ingest.mjs" "$ddb" "${GLOB[$set]}")
    json=$(cat "$out/$set-duckdb.json")
    duck_rows=$(echo "$json" | sed 's/.*"rows":\([0-9]*\).*/\1/')
    [ "$duck_rows" = "$rows" ] || die "DuckDB loaded $duck_rows rows, expected $rows"
    duck_ctas+=("$(echo "$json" | sed 's/.*"ctas_s":\([0-9.]*\).*/\1/')")
    duck_closed+=("$(echo "$json" | sed 's/.*"closed_s":\([0-9.]*\).*/\1/')")
    duck_node+=("$t")
  done
  c=$(median "${csa_times[@]}")
  d=$(median "${duck_ctas[@]}")
  dc=$(median "${duck_closed[@]}")
  dn=$(median "${duck_node[@]}")
  stored=$(sqlite3 "$out/$set-csa.db" 'SELECT count(*) FROM incident')
  csa_db_bytes=$(stat -c %s "$out/$set-csa.db")
  duck_db_bytes=$(stat -c %s "$out/$set.duckdb")
  results+=("$(awk -v label="${LABEL[$set]}" -v files="${#files[@]}" -v rows="$rows" -v mb="$bytes" \
    -v c="$c" -v d="$d" -v dc="$dc" -v dn="$dn" -v cs="$(IFS=' '; echo "${csa_times[*]}")" \
    -v ds="$(IFS=' '; echo "${duck_ctas[*]}")" -v stored="$stored" -v cdb="$csa_db_bytes" -v ddb="$duck_db_bytes" \
    'function commas(n,   s, out) { s = sprintf("%d", n); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) } return s out }
     BEGIN {
       printf "| %s | %d | %s (%.0f MB) | **%.3f s** (%s rows/s) | **%.3f s** (%s rows/s) | %.3f s / %.3f s | **%.2fx** | %.1f / %.1f MB |\n",
         label, files, commas(rows), mb / 1e6, c, commas(rows / c), d, commas(rows / d), dc, dn, d / c, cdb / 1e6, ddb / 1e6
       printf "RUNS %s: csa %s; DuckDB CTAS %s; csa stored %s of %s rows read (the rest quarantined)\n", label, cs, ds, commas(stored), commas(rows)
     }')")
done

echo "| data | files | rows (CSV bytes) | csa, whole process | DuckDB, create to after CTAS | DuckDB to after close / node process | DuckDB time ÷ csa time | db file csa / DuckDB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for r in "${results[@]}"; do echo "$r" | grep -v '^RUNS'; done
echo
echo "Individual runs (seconds):"
for r in "${results[@]}"; do echo "$r" | grep '^RUNS' | sed 's/^RUNS /- /'; done
echo
echo "Goal (docs/DESIGN.md): csa at least 2x faster than DuckDB, i.e. the ratio column >= 2.00."
