#!/usr/bin/env bash
# Independent checks of csa extract-table's incident and marker tables: the fixtures of
# tests/fixtures/extract_checks (made by make_fixtures.py: blanks, misspelt categories, records
# outside the area or the years, band edges, upper-case codes, small counts) are ingested through
# examples/mappings, and every figure of --table asb, fire, ed, ambulance, hate, da, da-incidents
# and series, for Cambridge in 2024 and 2025, is compared with what expected.py computes from the
# CSVs themselves (not the store), the ONS lookup and the Home Office code list (hate and da: every
# row, sub-groups too, rolled up by python from data/taxonomy/offence-hierarchy.toml). Also: ingest's
# read = stored + quarantined per file against python's own validation (the series total row is a
# row read and stored), the offender pyramid counts people (one offender with three crimes once, at
# the age of the first), every table's --format json is exactly one JSON document, and at ward level
# no count of 1-4 is printed and no hidden cell can be worked back from its column's total.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
codes="$data/taxonomy/home-office-offence-codes-2024-25.csv"
lookup="$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv"
fixtures="$CSA_SOURCE_DIR/tests/fixtures/extract_checks"
maps="$CSA_SOURCE_DIR/examples/mappings"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK/expected" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 "$fixtures/expected.py" "$fixtures" "$lookup" "$codes" expected
"$CSA" geography load --db csa.db --lookup "$lookup" --counties "$data/geography/lad23-utla23-ew.csv" > /dev/null
ingest() {  # name file mapping
  "$CSA" ingest extract "$fixtures/$2" --mapping "$maps/$3.toml" --db csa.db --offence-codes "$codes" -q > "ingest-$1.txt"
  python3 - "$1" "ingest-$1.txt" expected/ingest.json <<'PY'
import json, re, sys
name, text, want = sys.argv[1], open(sys.argv[2]).read(), json.load(open(sys.argv[3]))[sys.argv[1]]
m = re.search(r"total: 1 file\(s\), read (\d+) = stored (\d+) \+ quarantined (\d+)", text)
got = dict(zip(("read", "stored", "quarantined"), map(int, m.groups()))) if m else None
if got != want:
    sys.exit(f"ingest {name}: csa {got} python {want}\n{text}")
PY
}
ingest crime crime.csv synthetic-crime
ingest asb asb.csv synthetic-asb
ingest fire fire.csv synthetic-fire
ingest ed ed.csv synthetic-ed-attendances
ingest ambulance ambulance.csv synthetic-ambulance
ingest da-incidents da-incidents.csv synthetic-da-incidents
ingest treatment treatment.csv treatment

# Every figure, through --format json (which must parse as one document).
for t in asb fire ed ambulance hate da da-incidents; do
  "$CSA" extract-table --db csa.db --table "$t" --area Cambridge --ye 2025-12 --years 2 --offence-codes "$codes" \
    --format json > "$t.json"
  python3 - "$t" "$t.json" "expected/$t.json" <<'PY'
import json, sys
name = sys.argv[1]
got = json.load(open(sys.argv[2]))          # fails unless the whole output is one JSON document
want = json.load(open(sys.argv[3]))
assert len(got["tables"]) == len(want["tables"]), f"{name}: {len(got['tables'])} tables, python {len(want['tables'])}"
bad = []
for i, (g, w) in enumerate(zip(got["tables"], want["tables"])):
    key = w.get("key") or g["columns"][0]["key"]
    rows = {}
    for r in g["rows"]:
        rows[str(r[key]).strip()] = r
    if w["order"] is not None and list(rows) != w["order"]:
        bad.append(f"table {i} ({g['title']}): rows {list(rows)}, python {w['order']}")
    for label, cells in w["rows"].items():
        if label not in rows:
            bad.append(f"table {i}: no row {label!r}")
            continue
        for col, text in cells.items():
            have = str(rows[label].get(col + "_text", rows[label].get(col)))
            if have != text:
                bad.append(f"table {i} ({g['title']}), row {label!r}, {col}: csa {have!r}, python {text!r}")
if bad:
    sys.exit(f"{name}:\n  " + "\n  ".join(bad))
PY
done

# The series: one JSON document; its total row read and stored at ingest (checked above).
"$CSA" extract-table --db csa.db --table series --format json > series.json
python3 -c 'import json,sys; t=json.load(sys.stdin)["tables"][0]; r=t["rows"][-1]; assert (r["category"], r["count_earlier"], r["count_later"]) == ("Total in treatment", 20, 24), r' < series.json \
  || fail "series: $(cat series.json)"

# Every table's JSON is exactly one document, the ones without a python check too.
for t in cadet lag offenders repeat-victims time-of-day pyramid hierarchy-check; do
  "$CSA" extract-table --db csa.db --table "$t" --area Cambridge --ye 2025-12 --offence-codes "$codes" --format json > "$t.json" \
    2> "$t.err" || fail "$t: $(cat "$t.err")"
  python3 -c 'import json,sys; json.load(sys.stdin)' < "$t.json" || fail "--table $t --format json is not one JSON document"
done

# The offender pyramid counts people: python's distinct offenders per band and sex. Threshold 2,
# so only cells of 1 are hidden; a shown cell must equal python's and a hidden one be 1 (or [c]).
"$CSA" extract-table --db csa.db --table pyramid --person offender --area Cambridge --ye 2025-12 --suppress-under 2 \
  --format json > pyramid-offender.json
python3 - pyramid-offender.json expected/pyramid-offender.json <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["tables"][0]
w = json.load(open(sys.argv[2]))
bad = []
for r in t["rows"][:-1]:
    b = w["bands"].index(r["age_band"])
    for sex in ("female", "male"):
        cell, want = r["count_" + sex], w[sex][b]
        if isinstance(cell, int) and cell != want or not isinstance(cell, int) and not (cell == "<2" and want == 1 or cell == "[c]"):
            bad.append(f"{r['age_band']} {sex}: csa {cell!r}, python {want}")
basis = " ".join(t["notes"])
need = f"{w['people']} distinct offender ids"
if need not in basis:
    bad.append(f"basis line lacks {need!r}: {basis}")
if bad:
    sys.exit("offender pyramid:\n  " + "\n  ".join(bad))
PY

# Ward level (Market): no count 1-4 printed, and no column with exactly one hidden cell beside its total.
for t in asb fire ed; do
  "$CSA" extract-table --db csa.db --table "$t" --area E05013057 --ye 2025-12 --format json > "ward-$t.json"
  python3 - "$t" "ward-$t.json" <<'PY'
import json, sys
for tab in json.load(open(sys.argv[2]))["tables"]:
    for col in [c["key"] for c in tab["columns"] if c["key"].startswith("count_")]:
        cells = [r[col] for r in tab["rows"] if not r["total_row"]]
        shown = [c for c in cells if isinstance(c, int)]
        assert not any(1 <= c <= 4 for c in shown), f"{sys.argv[1]} {tab['title']} {col}: a count of 1-4 is shown: {cells}"
        hidden = len(cells) - len(shown)
        total = [r[col] for r in tab["rows"] if r["total_row"]]
        assert not (hidden == 1 and total and isinstance(total[0], int)), f"{sys.argv[1]} {tab['title']} {col}: one hidden cell beside a total: {cells}"
PY
done
echo "extract_checks: ok"
