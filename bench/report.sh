#!/usr/bin/env bash
# Report speed (docs/BENCHMARKS.md section 4): the Cambridge strategic assessment from an existing
# database, whole process each time.
#   1. HTML + XLSX only (--no-pdf --no-docx --no-png)      goal: under 2 s
#   2. HTML + XLSX + figures as SVG and PNG (--no-pdf --no-docx)
#   3. everything: HTML, XLSX, figures, DOCX (pandoc) and PDF (Chromium)   goal for the PDF: under 15 s
#   4. --all-districts for the Cambridgeshire county, HTML + XLSX + figures, and everything
# Set-up (untimed): the 24 Cambridgeshire months ingested and the ONS geography loaded, as make demo does.
# Usage: bench/report.sh            (REPEAT=5 bench/report.sh for more runs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPEAT="${REPEAT:-3}"
need_csa
out="$WORK_DIR/report"
rm -rf "$out" && mkdir -p "$out"
db="$out/cambs.db"
"$CSA" ingest police-uk "$DATA_DIR/police-uk/cambridgeshire/" --db "$db" -q >"$out/ingest.txt"
"$CSA" geography load --db "$db" \
  --lookup "$DATA_DIR/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$DATA_DIR/geography/lad23-utla23-ew.csv" \
  --population "$DATA_DIR/population/lsoa21-population-ew.csv" \
  --boundaries "$DATA_DIR/geography/wards-2025-cambs-peterborough.geojson" >"$out/geography.txt"
config="$REPO_DIR/examples/cambridge/csa.toml"

run() {  # label, then csa report arguments; prints the median of REPEAT runs
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$REPEAT"); do
    rm -rf "$out/r"
    times+=("$(wall_seconds "$out/run.txt" "$CSA" report --config "$config" --db "$db" --out "$out/r" "$@")")
  done
  grep -q "self-checks passed" "$out/run.txt" || die "$label: the report did not pass its self-checks: $(cat "$out/run.txt.err")"
  printf '| %s | %s s | %s |\n' "$label" "$(median "${times[@]}")" "${times[*]}"
}

echo "## Report: Cambridge strategic assessment ($REPEAT runs each, medians)"
echo
machine_info
echo
echo "| output | median | runs (s) |"
echo "|---|---:|---|"
run "HTML + XLSX (--no-pdf --no-docx --no-png)" --no-pdf --no-docx --no-png -q
run "HTML + XLSX + figures SVG and PNG" --no-pdf --no-docx -q
run "everything: HTML, XLSX, figures, DOCX, PDF" -q
"$CSA" report --config "$config" --db "$db" --out "$out/r" >"$out/steps.txt" 2>"$out/steps.err"
echo
echo "Steps of one full run (seconds since start, from csa's progress lines):"
echo
echo '```'
cat "$out/steps.err"
echo '```'
REPEAT=1
run "--all-districts (5 districts), HTML + XLSX + figures" --all-districts --no-pdf --no-docx -q
run "--all-districts (5 districts), everything" --all-districts -q
echo
echo "PDF page count (full Cambridge run): $(pdfinfo "$out/r/cambridge/report.pdf" 2>/dev/null | awk '/Pages/ {print $2}')"
