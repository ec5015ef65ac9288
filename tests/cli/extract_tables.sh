#!/usr/bin/env bash
# csa extract-table on a crime extract made here (tests/fixtures/extract_analysis/cli_expected.py:
# 1,500 crimes in the synthetic layout over real Cambridge and South Cambridgeshire LSOAs, 5% with no
# location), ingested through examples/mappings/synthetic-crime.toml, against the figures the same
# Python script computes from the same CSV and the Home Office code list: the CADET table's counts,
# numeric changes and "+ 11.3%" texts for the hierarchy's main nodes, fraud and the DA marker, and
# the victim pyramid with cells 1-4 as <5. Also: the SYNTHETIC note, the location-unknown note,
# read = stored + quarantined at ingest, and the hierarchy check.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
codes="$data/taxonomy/home-office-offence-codes-2024-25.csv"
lookup="$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

read -r rows unlocated < <(python3 "$CSA_SOURCE_DIR/tests/fixtures/extract_analysis/cli_expected.py" "$lookup" "$codes" .)
"$CSA" geography load --db csa.db --lookup "$lookup" --counties "$data/geography/lad23-utla23-ew.csv" > /dev/null
"$CSA" ingest extract crimes.csv --mapping "$CSA_SOURCE_DIR/examples/mappings/synthetic-crime.toml" --db csa.db \
  --offence-codes "$codes" -q > ingest.txt
grep -qF "read $rows = stored $rows + quarantined 0" ingest.txt || fail "ingest did not store every row: $(cat ingest.txt)"

"$CSA" extract-table --db csa.db --table hierarchy-check --offence-codes "$codes" --format csv > tree.csv 2> /dev/null
grep -q '^all_crime,All crime (excluding fraud),144,' tree.csv || fail "hierarchy check: $(head -3 tree.csv)"

"$CSA" extract-table --db csa.db --table cadet --area Cambridge --ye 2025-12 --offence-codes "$codes" --format csv \
  > cadet.csv 2> cadet-notes.txt
grep -q "SYNTHETIC DATA: made by csa synth extract; not real crimes" cadet-notes.txt || fail "no synthetic note"
grep -q "location unknown" cadet-notes.txt || fail "no location-unknown note: $(cat cadet-notes.txt)"
python3 - cadet.csv expected-cadet.csv <<'PY'
import csv, sys
got = {r["node"]: r for r in csv.DictReader(open(sys.argv[1]))}
bad = 0
for node, a, b, d, pct in csv.reader(open(sys.argv[2])):
    r = got[node]
    want = [a, b, d, pct]
    have = [r["count_earlier"], r["count_later"], r["change_volume"], r["change_percent"]]
    if want != have:
        print(f"{node}: csa {have} python {want}")
        bad += 1
sys.exit(1 if bad else 0)
PY

"$CSA" extract-table --db csa.db --table pyramid --area Cambridge --ye 2025-12 --format csv > pyramid.csv 2> /dev/null
python3 - pyramid.csv expected-pyramid.csv <<'PY'
import csv, sys
got = [[r["age_band"], r["count_female"], r["count_male"]] for r in csv.DictReader(open(sys.argv[1]))][:-1]
want = [r for r in csv.reader(open(sys.argv[2]))]
if got != want:
    print("pyramid: csa", got, "python", want)
    sys.exit(1)
PY

# Bad input: an unknown table and an unknown area are clear errors with exit code 2.
set +e
"$CSA" extract-table --db csa.db --table cadets --area Cambridge > /dev/null 2> err.txt; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "not known; use one of" err.txt || fail "unknown table: rc=$rc $(cat err.txt)"
echo "extract_tables: ok ($rows crimes, $unlocated without location)"
