#!/usr/bin/env bash
# csa prevalence: (1) the shipped worked example reproduces seed 000's 4,531 + 2,525 = 7,056 and
# "as little as 24%" (lines 764-778); (2) the survey's own ages applied to the ONS age bands, checked
# against python3 reading the same CSV; (3) a police count taken from a database of the real
# Cambridgeshire data, checked against plain SQL over the raw files, with the share police data
# captures and its interval recomputed in python3; (4) a bad file gives file, line, value and fix.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}" "${CSA_SOURCE_DIR:?}"
data="$CSA_SHARED_DIR/data"
ages="$data/population/lad-population-by-age-band.csv"
examples="$CSA_SOURCE_DIR/examples/cambridge"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The seed's worked example.
"$CSA" prevalence --config "$examples/prevalence-domestic-abuse.toml" > seed.txt
"$CSA" prevalence --config "$examples/prevalence-domestic-abuse.toml" --format json > seed.json
python3 - <<'PY' || fail "the seed's worked example is not reproduced: $(cat seed.txt)"
import json
t = json.load(open("seed.json"))
rows = {r["group"]: r for r in t["rows"]}
assert rows["Women 16-59"]["population"] == 53300 and rows["Men 16-59"]["population"] == 56100, rows
assert rows["Women 16-59"]["victims_text"] == "4,531" and rows["Men 16-59"]["victims_text"] == "2,525", rows
assert rows["All groups"]["victims"] == 7056 and rows["All groups"]["victims_text"] == "7,056", rows["All groups"]
police = next(r for k, r in rows.items() if k.startswith("Police recorded"))
assert police["victims"] == 1716, police
share = rows["Share police data captures"]
assert abs(share["victims"] - 1716 / 7056) < 1e-12 and share["victims_text"] == "24.3%", share
notes = "\n".join(t["notes"])
assert "unrounded total is 7055.0" in notes, notes
assert "beyond the ages it was measured on" in notes, notes
assert "No interval for the total" in notes, notes
PY

# 2. The survey's ages against the ONS age bands (and an assumed even split by sex, which is said).
"$CSA" prevalence --config "$examples/prevalence-domestic-abuse-2021.toml" --population-file "$ages" --format json > ages.json
python3 - "$ages" <<'PY' || fail "age-band populations differ from the independent sum"
import csv, json, re, sys
row = next(r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["LAD23NM"] == "Cambridge")
total = 0.0
for col, value in row.items():
    m = re.fullmatch(r"Aged (\d+) to (\d+) years", col)
    if not m:
        continue
    lo, hi = int(m[1]), int(m[2])
    years = len(set(range(lo, hi + 1)) & set(range(16, 60)))
    total += int(value) * years / (hi - lo + 1)
each = round(total * 0.5)
t = json.load(open("ages.json"))
rows = {r["group"]: r for r in t["rows"]}
assert rows["Women 16-59"]["population"] == each and rows["Men 16-59"]["population"] == each, (rows, total)
assert abs(rows["All groups"]["victims"] - (0.085 + 0.045) * each) < 1e-9, rows["All groups"]
notes = "\n".join(t["notes"])
assert "The split by sex is not in that file" in notes and "ASSUMED even split" in notes, notes
assert "15 to 19 (4 of 5 years)" in notes, notes
print("16-59:", total, "each sex", each)
PY

# 3. A police count from a database, with survey standard errors.
"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db c.db -q > /dev/null
"$CSA" geography load --db c.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" > /dev/null
cat > va.toml <<EOT
name = "Violence: survey against police.uk"
area = "Cambridge"
[survey]
name = "A test survey"
source = "made up for tests/cli/prevalence.sh"
ages = "16-74"
[[survey.group]]
sex = "female"
prevalence = 0.05
standard_error = 0.004
[[survey.group]]
sex = "male"
prevalence = 0.06
interval = [0.05, 0.07]
[population]
file = "$ages"
female_share = 0.5
female_share_source = "assumed for the test"
[police]
theme = "violence_and_sexual_offences"
period = "ye2025-12"
EOT
"$CSA" prevalence --config va.toml --db c.db --format json > va.json
args=(); first=1
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup"
lsoa_col=$(sqlite3 raw.db "SELECT name FROM pragma_table_info('lookup') WHERE cid = 0")
police=$(sqlite3 raw.db "SELECT count(*) FROM raw r JOIN lookup l ON l.\"$lsoa_col\" = r.\"LSOA code\"
  WHERE l.LAD23NM = 'Cambridge' AND r.Month BETWEEN '2025-01' AND '2025-12' AND r.\"Crime type\" = 'Violence and sexual offences'")
python3 - "$ages" "$police" <<'PY' || fail "police count, share or interval differ from the independent calculation"
import csv, json, math, re, sys
Z = 1.959963984540054
row = next(r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["LAD23NM"] == "Cambridge")
pop = 0.0
for col, value in row.items():
    m = re.fullmatch(r"Aged (\d+) to (\d+) years", col)
    if m:
        lo, hi = int(m[1]), int(m[2])
        pop += int(value) * len(set(range(lo, hi + 1)) & set(range(16, 75))) / (hi - lo + 1)
n = round(pop * 0.5)
victims = 0.05 * n + 0.06 * n
se_male = (0.07 - 0.05) / (2 * Z)
half = Z * math.sqrt((n * 0.004) ** 2 + (n * se_male) ** 2)
police = int(sys.argv[2])
t = json.load(open("va.json"))
rows = {r["group"]: r for r in t["rows"]}
got_police = next(r for k, r in rows.items() if k.startswith("Police recorded"))
assert got_police["victims"] == police, (got_police, police)
assert abs(rows["All groups"]["victims"] - victims) < 1e-9, (rows["All groups"], victims)
lo, hi = victims - half, victims + half
assert rows["All groups"]["victims_interval"] == f"{round(lo):,}–{round(hi):,}", (rows["All groups"], lo, hi)
share = rows["Share police data captures"]
assert abs(share["victims"] - police / victims) < 1e-12, (share, police / victims)
assert share["victims_interval"] == f"{100 * police / hi:.1f}%–{100 * police / lo:.1f}%", share
assert rows["Women 16-74"]["interval_from"].startswith("survey's SE 0.40"), rows["Women 16-74"]
assert rows["Men 16-74"]["interval_from"] == "survey's interval", rows["Men 16-74"]
print("police", police, "victims", victims, "share", police / victims)
PY

# 4. Bad input.
sed 's/prevalence = 0.085/prevalence = 8.5/' "$examples/prevalence-domestic-abuse.toml" > bad.toml
line=$(grep -n 'prevalence = 8.5' bad.toml | head -1 | cut -d: -f1)
set +e; "$CSA" prevalence --config bad.toml > /dev/null 2> bad.txt; rc=$?; set -e
[ $rc = 2 ] || fail "a percentage as a whole number exits $rc, not 2"
grep -q "bad.toml:$line: prevalence = 8.5 is not a fraction between 0 and 1; for 8.5% write prevalence = 0.085" bad.txt \
  || fail "bad prevalence message: $(cat bad.txt)"
set +e; "$CSA" prevalence --config va.toml > /dev/null 2> nodb.txt; rc=$?; set -e
[ $rc = 2 ] && grep -q "give --db FILE" nodb.txt || fail "a theme without --db: $(cat nodb.txt)"
echo "prevalence checks passed"
