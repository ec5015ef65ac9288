#!/usr/bin/env bash
# National scale (docs/BENCHMARKS.md): a 12-month all-forces input made from the national month
# (2025-01, 41 files, 318,117 rows): for each month 2025-01..2025-12 a copy of every file with its
# Month column set to that month and fresh Crime IDs (the first two hex digits replaced by the month
# number, so ids stay 64 hex digits and unique across months; empty ids, as BTP's, stay empty),
# written under bench/work/scale/. About 3.8 M rows and 0.8 GB of CSV.
# Then `csa ingest police-uk` of the first 3, 6 and 12 months, each into a fresh database, under
# /usr/bin/time -v: wall time, peak resident memory, database bytes, bytes per stored incident.
# Usage: bench/national_scale.sh            (MONTHS="3 6 12" by default)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
MONTHS="${MONTHS:-3 6 12}"
need_csa
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (Debian package 'time')"
national=$(national_month_dir)
scale="$WORK_DIR/scale"
mkdir -p "$scale"

# 1. The synthetic year (made once; a marker file records that it is complete).
if [ ! -f "$scale/.complete" ]; then
  rm -rf "${scale:?}"/2025-*
  for m in $(seq 1 12); do
    mm=$(printf '%02d' "$m")
    dir="$scale/2025-$mm"
    mkdir -p "$dir"
    for f in "$national"/2025-01-*-street.csv; do
      name=$(basename "$f")
      # Crime ID and Month are the first two fields and never quoted in police.uk files, so the rest
      # of the line (which may hold quoted commas) is copied unchanged after the second comma.
      awk -v month="2025-$mm" -v prefix="$mm" '
        NR == 1 { print; next }
        {
          c1 = index($0, ","); rest = substr($0, c1 + 1); c2 = index(rest, ",")
          id = substr($0, 1, c1 - 1)
          if (length(id) == 64) id = prefix substr(id, 3)
          print id "," month substr(rest, c2)
        }' "$f" >"$dir/2025-$mm-${name#2025-01-}"
    done
  done
  touch "$scale/.complete"
fi
rows_per_month=0
for f in "$scale"/2025-01/*-street.csv; do rows_per_month=$((rows_per_month + $(wc -l <"$f") - 1)); done

echo "## National scale: 12 synthetic months of all forces"
echo
machine_info
echo "- input: the national month 2025-01 copied to 2025-01..2025-12 (Month set, fresh Crime IDs), $(commas "$rows_per_month") rows per month, $(du -ch "$scale"/2025-* | tail -1 | cut -f1) of CSV in total"
echo
echo "| months | files | rows read | rows stored | wall | rows/s | peak RSS | database bytes | bytes per stored incident | RSS per row read |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $MONTHS; do
  files=()
  for m in $(seq 1 "$n"); do files+=("$scale"/2025-"$(printf '%02d' "$m")"/*-street.csv); done
  warm_cache "${files[@]}"
  db="$scale/scale-$n.db"
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -v "$CSA" ingest police-uk "${files[@]}" --db "$db" -q >"$scale/ingest-$n.txt" 2>"$scale/time-$n.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s}' "$scale/time-$n.txt")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$scale/time-$n.txt")
  read_rows=$(sed -n 's/^total: .* read \([0-9,]*\) = .*/\1/p' "$scale/ingest-$n.txt" | tr -d ,)
  stored=$(sqlite3 "$db" 'SELECT count(*) FROM incident')
  bytes=$(stat -c %s "$db")
  [ ! -e "$db-wal" ] || [ "$(stat -c %s "$db-wal")" = 0 ] || die "the WAL of $db was not checkpointed"
  awk -v n="$n" -v f="${#files[@]}" -v r="$read_rows" -v s="$stored" -v w="$wall" -v rss="$rss_kb" -v b="$bytes" \
    'function commas(x,   t, out) { t = sprintf("%d", x); out = ""; while (length(t) > 3) { out = "," substr(t, length(t) - 2) out; t = substr(t, 1, length(t) - 3) } return t out }
     BEGIN { printf "| %d | %d | %s | %s | %.2f s | %s | %.0f MiB | %s (%.0f MiB) | %.1f | %.0f B |\n",
       n, f, commas(r), commas(s), w, commas(r / w), rss / 1024, commas(b), b / 1048576, b / s, rss * 1024 / r }'
done
echo
echo "Peak RSS is the process's maximum resident set (/usr/bin/time -v); database bytes are the file after"
echo "the final checkpoint (no WAL left)."
