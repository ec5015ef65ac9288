#!/usr/bin/env bash
# csa concentration on the real Cambridgeshire data, against an independent path: the sqlite3 shell
# imports the raw police.uk CSVs and the ONS best-fit lookup, plain SQL counts crime (not ASB) per
# Cambridge LSOA and ward in 2025 (zeros included, by a LEFT JOIN from the lookup), and python3
# recomputes the top-5% share (k = ceil(0.05 n)) and the Gini coefficient from its own formula
# (mean absolute difference: G = sum_i sum_j |x_i - x_j| / (2 n^2 mean), a different formula from
# csa's sorted-rank one, equal to it for the uncorrected Gini).
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db csa.db -q > /dev/null
"$CSA" geography load --db csa.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" > /dev/null
"$CSA" concentration --db csa.db --area Cambridge --theme all_crime --period ye2025-12 --format json > csa.json
"$CSA" concentration --db csa.db --area E07000008 --theme burglary --by ward --format csv > ward.csv 2> ward-notes.txt
# A rare theme, so that some LSOAs have none and must count as zeros.
"$CSA" concentration --db csa.db --area Cambridge --theme possession_of_weapons --by lsoa --format json > weapons.json

args=(); first=1
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup"
# The lookup's first header carries a BOM in some vintages: find the LSOA column by position instead.
lsoa_col=$(sqlite3 raw.db "SELECT name FROM pragma_table_info('lookup') WHERE cid = 0")
count_sql() {  # $1 = the level's code column, $2 = crime type filter
  sqlite3 -separator , raw.db "
    WITH areas AS (SELECT DISTINCT $1 code FROM lookup WHERE LAD23NM = 'Cambridge'),
         c AS (SELECT l.$1 code, count(*) n FROM raw r JOIN lookup l ON l.\"$lsoa_col\" = r.\"LSOA code\"
               WHERE l.LAD23NM = 'Cambridge' AND r.Month BETWEEN '2025-01' AND '2025-12' AND $2 GROUP BY l.$1)
    SELECT a.code, coalesce(c.n, 0) FROM areas a LEFT JOIN c USING (code) ORDER BY a.code"
}
count_sql "\"$lsoa_col\"" "r.\"Crime type\" != 'Anti-social behaviour'" > lsoa.sql
count_sql WD23CD "r.\"Crime type\" != 'Anti-social behaviour'" > ward.sql
count_sql WD23CD "r.\"Crime type\" = 'Burglary'" > ward-burglary.sql
count_sql "\"$lsoa_col\"" "r.\"Crime type\" = 'Possession of weapons'" > lsoa-weapons.sql
[ "$(wc -l < lsoa.sql)" -gt 60 ] || fail "expected Cambridge's LSOAs from the lookup, got $(wc -l < lsoa.sql)"

python3 - <<'PY' || fail "csa's concentration differs from the independent calculation"
import csv, json, math, sys

def load(path):
    return [int(row[1]) for row in csv.reader(open(path))]

def expected(counts):
    n, total = len(counts), sum(counts)
    k = math.ceil(0.05 * n - 1e-12)
    top = sum(sorted(counts, reverse=True)[:k]) / total
    mean = total / n
    gini = sum(abs(a - b) for a in counts for b in counts) / (2 * n * n * mean)
    return dict(areas=n, areas_without_incidents=counts.count(0), incidents=total, top_areas=k, top_share=top, gini=gini)

def check(label, got, want):
    for key, value in want.items():
        if abs(got[key] - value) > 1e-12 * max(1, abs(value)):
            print(f"{label} {key}: csa {got[key]}, independent {value}", file=sys.stderr)
            sys.exit(1)
    print(f"{label}: {want}")

table = json.load(open("csa.json"))
rows = {r["areas_of"]: r for r in table["rows"]}
lsoa, ward = load("lsoa.sql"), load("ward.sql")
check("LSOAs", rows["LSOAs"], expected(lsoa))
check("wards", rows["wards"], expected(ward))
weapons = load("lsoa-weapons.sql")
assert weapons.count(0) > 0, "expected Cambridge LSOAs with no weapons offences in 2025"
w = json.load(open("weapons.json"))
assert [r["areas_of"] for r in w["rows"]] == ["LSOAs"], w["rows"]
check("weapons LSOAs", w["rows"][0], expected(weapons))
# The CSV for burglary by ward: share to one decimal and Gini to three, as printed.
printed = list(csv.DictReader(open("ward.csv")))
assert len(printed) == 1 and printed[0]["areas_of"] == "wards", printed
want = expected(load("ward-burglary.sql"))
assert printed[0]["top_share"] == f"{100 * want['top_share']:.1f}%", (printed[0], want)
assert printed[0]["gini"] == f"{want['gini']:.3f}", (printed[0], want)
assert int(printed[0]["incidents"]) == want["incidents"], (printed[0], want)
print("burglary by ward:", printed[0])
PY
grep -q 'those with no incidents as zeros' <(python3 -c 'import json; print("\n".join(json.load(open("csa.json"))["notes"]))') \
  || fail "the note on LSOAs with no incidents is missing"
grep -q 'Open Government Licence' ward-notes.txt || fail "the CSV's notes (stderr) lack the OGL attribution"
# Bad input names the value and the fix.
if "$CSA" concentration --db csa.db --area Cambridge --by street 2> bad.txt; then fail "--by street accepted"; fi
grep -q "'street' is not known; use lsoa, ward" bad.txt || fail "bad --by message: $(cat bad.txt)"
if "$CSA" concentration --db csa.db --area Cambridge --period ye2019-12 2> bad.txt; then fail "an empty period accepted"; fi
grep -q "no data for 2019" bad.txt || fail "empty period message: $(cat bad.txt)"
echo "concentration checks passed"
