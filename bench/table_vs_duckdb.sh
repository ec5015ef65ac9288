#!/usr/bin/env bash
# District table speed, csa against DuckDB (docs/BENCHMARKS.md): ward x theme x year ending for
# Cambridge (LAD E07000008), year ending December 2025 and the year before, from each engine's store.
# Set-up (untimed): the 24 Cambridgeshire months ingested by each engine (csa ingest; DuckDB's CTAS
# as in bench/ingest_vs_duckdb.sh) and the ONS best-fit LSOA -> ward -> district lookup loaded
# (csa geography load; a DuckDB table `lookup`).
# csa:    `csa table --db X --area Cambridge --by ward --theme all_crime --ye 2025-12 --years 2
#          --format csv`, timed as the whole process.
# DuckDB: one query, wards x crime types x both years (a superset: any theme is a sum of its crime
#         types), timed from DuckDBInstance.create() on the existing file to after every row is read
#         (node start-up excluded); also the same query again on the warm connection.
# The all-crime counts per ward are checked equal between the two before any time is reported.
# Usage: bench/table_vs_duckdb.sh            (REPEAT=9 bench/table_vs_duckdb.sh for more runs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPEAT="${REPEAT:-5}"
need_csa
need_duckdb
out="$WORK_DIR/table"
rm -rf "$out" && mkdir -p "$out"
lookup="$DATA_DIR/geography/lsoa21-ward23-lad23-bestfit-ew.csv"
counties="$DATA_DIR/geography/lad23-utla23-ew.csv"
glob="$DATA_DIR/police-uk/cambridgeshire/*-street.csv"
LAD=E07000008 AREA=Cambridge YE=2025-12 YEARS=2

# Set-up, untimed.
# shellcheck disable=SC2086
"$CSA" ingest police-uk $glob --db "$out/csa.db" -q >"$out/ingest.txt"
"$CSA" geography load --db "$out/csa.db" --lookup "$lookup" --counties "$counties" >"$out/geography.txt"
node "$BENCH_DIR/duckdb_ingest.mjs" "$out/cambs.duckdb" "$glob" >"$out/duckdb-ingest.json"
node "$BENCH_DIR/duckdb_table.mjs" setup "$out/cambs.duckdb" "$lookup"

csa_table=("$CSA" table --db "$out/csa.db" --area "$AREA" --by ward --theme all_crime --ye "$YE" --years "$YEARS")

# Cross-check: csa's all-crime ward counts (unsuppressed) equal DuckDB's.
"${csa_table[@]}" --format csv --suppress-under 0 2>/dev/null | tail -n +2 | grep -v '(total)' \
  | awk -F, '{print $2 "," $3 "," $4}' | sort >"$out/csa-all-crime.csv"
node "$BENCH_DIR/duckdb_table.mjs" query "$out/cambs.duckdb" "$LAD" "$YE" "$YEARS" >"$out/duckdb-query.json"
node -e "const j = JSON.parse(require('fs').readFileSync('$out/duckdb-query.json', 'utf8'));
         for (const r of j.all_crime) console.log(r.join(','));" | sort >"$out/duckdb-all-crime.csv"
diff "$out/csa-all-crime.csv" "$out/duckdb-all-crime.csv" >/dev/null \
  || die "csa and DuckDB disagree on the all-crime ward counts: diff $out/csa-all-crime.csv $out/duckdb-all-crime.csv"
wards=$(wc -l <"$out/csa-all-crime.csv")

echo "## District table: csa vs DuckDB ($REPEAT runs each, medians)"
echo
machine_info
echo
csa_times=() duck_open=() duck_warm=()
for run in $(seq 1 "$REPEAT"); do
  csa_times+=("$(wall_seconds "$out/csa-table.csv" "${csa_table[@]}" --format csv)")
  wall_seconds "$out/duckdb-query.json" node "$BENCH_DIR/duckdb_table.mjs" query "$out/cambs.duckdb" "$LAD" "$YE" "$YEARS" >/dev/null
  json=$(cat "$out/duckdb-query.json")
  duck_open+=("$(echo "$json" | sed 's/.*"open_query_s":\([0-9.e-]*\).*/\1/')")
  duck_warm+=("$(echo "$json" | sed 's/.*"warm_query_s":\([0-9.e-]*\).*/\1/')")
done
duck_rows=$(sed 's/.*"rows":\([0-9]*\).*/\1/' "$out/duckdb-query.json")
c=$(median "${csa_times[@]}")
d=$(median "${duck_open[@]}")
w=$(median "${duck_warm[@]}")
echo "| table | csa, whole process | DuckDB, open file + query | DuckDB, query on a warm connection | DuckDB time ÷ csa time (open + query) |"
echo "|---|---:|---:|---:|---:|"
awk -v c="$c" -v d="$d" -v w="$w" -v wards="$wards" -v dr="$duck_rows" 'BEGIN {
  printf "| Cambridge: %d wards x all crime (csa) / x 14 crime types, %d rows (DuckDB); YE Dec 2024 and Dec 2025 | **%.3f s** | **%.3f s** | %.3f s | **%.2fx** |\n",
    wards, dr, c, d, w, d / c }'
echo
echo "Individual runs (seconds): csa ${csa_times[*]}; DuckDB open + query ${duck_open[*]}; warm ${duck_warm[*]}"
echo
echo "Cross-check: the all-crime count of each of the $wards wards, both years, is equal in csa and DuckDB."
echo "Goal (docs/DESIGN.md): csa faster than DuckDB, i.e. the ratio column > 1.00."
