#!/usr/bin/env bash
# csa synth extract on the real Cambridgeshire data, checked against independent paths:
#  - rows per police.uk crime type: the sqlite3 shell imports the raw police.uk CSVs and the ONS
#    best-fit lookup and counts Cambridge's crimes per type and its ASB; python3 maps each synthetic
#    row's Home Office code back to its police.uk type through the shared code list and the CCHI
#    subgroup file (code -> subgroup -> police.uk category), and the counts must be exactly 2x (--scale 2);
#  - layouts: each file's header line equals the one in docs/EXTRACTS.md, and python's csv module
#    reads every row with that many fields;
#  - determinism: the same seed gives byte-identical files, another seed different ones;
#  - bad arguments name the value and the fix.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db csa.db -q > /dev/null
"$CSA" geography load --db csa.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "LSOA population (vintage unknown)" > /dev/null
"$CSA" synth extract --db csa.db --area Cambridge --out a --seed 5 --scale 2 -q > summary.txt
"$CSA" synth extract --db csa.db --area E07000008 --out b --seed 5 --scale 2 -q > /dev/null
"$CSA" synth extract --db csa.db --area Cambridge --out c --seed 6 --scale 2 --kinds crime -q > /dev/null

for f in crime.csv asb.csv da-incidents.csv fire.csv ed-attendances.csv ambulance.csv treatment.csv; do
  [ -s "a/$f" ] || fail "a/$f is missing or empty"
  cmp -s "a/$f" "b/$f" || fail "the same seed gave different $f"
done
cmp -s a/crime.csv c/crime.csv && fail "another seed gave the same crime.csv"
grep -q '^SYNTHETIC DATA' a/SYNTHETIC.txt || fail "SYNTHETIC.txt does not say what it is"
grep -q 'Seed: 5' a/SYNTHETIC.txt || fail "SYNTHETIC.txt lacks the seed"
grep -q 'Open Government Licence' a/SYNTHETIC.txt || fail "SYNTHETIC.txt lacks the OGL attribution"
grep -q 'csa ingest extract a/crime.csv --mapping examples/mappings/synthetic-crime.toml' summary.txt \
  || fail "the summary does not print the ingest commands: $(cat summary.txt)"

args=(); first=1
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup"
lsoa_col=$(sqlite3 raw.db "SELECT name FROM pragma_table_info('lookup') WHERE cid = 0")
sqlite3 -separator , raw.db "SELECT r.\"Crime type\", count(*) FROM raw r JOIN lookup l ON l.\"$lsoa_col\" = r.\"LSOA code\"
  WHERE l.LAD23NM = 'Cambridge' GROUP BY 1 ORDER BY 1" > police-uk-counts.csv
[ "$(wc -l < police-uk-counts.csv)" -eq 14 ] || fail "expected 14 police.uk types in Cambridge: $(cat police-uk-counts.csv)"

python3 - "$CSA_SOURCE_DIR/docs/EXTRACTS.md" "$data" <<'PY' || fail "the synthetic files differ from the independent checks"
import csv, re, sys, collections
doc, data = open(sys.argv[1]).read(), sys.argv[2]
files = {"crime.csv": "crime.csv", "asb.csv": "asb.csv", "da-incidents.csv": "da-incidents.csv", "fire.csv": "fire.csv",
         "ed-attendances.csv": "ed-attendances.csv", "ambulance.csv": "ambulance.csv", "treatment.csv": "treatment.csv"}
rows = {}
for name in files:
    m = re.search(r"\*\*" + re.escape(name) + r"\*\*[^`]*`([^`]+)`", doc)
    assert m, f"docs/EXTRACTS.md has no layout for {name}"
    header = m.group(1).split(",")
    with open(f"a/{name}", newline="") as fh:
        r = list(csv.reader(fh))
    assert r[0] == header, f"{name}: header {r[0]} is not the documented {header}"
    bad = [i for i, row in enumerate(r[1:], 2) if len(row) != len(header)]
    assert not bad, f"{name}: lines {bad[:5]} have the wrong number of fields"
    rows[name] = [dict(zip(header, row)) for row in r[1:]]
    print(f"{name}: {len(r) - 1} rows, layout as documented")

# Home Office code -> subgroup (code list) -> police.uk type (CCHI subgroup file).
sub = {r["offence_code"]: r["offence_subgroup"] for r in csv.DictReader(open(f"{data}/taxonomy/home-office-offence-codes-2024-25.csv", encoding="utf-8-sig"))}
cat = {r["prc_subgroup"]: r["category"] for r in csv.DictReader(open(f"{data}/harm/cchi-weights-by-subgroup.csv", encoding="utf-8-sig"))}
got = collections.Counter(cat[sub[r["HOCode"]]] for r in rows["crime.csv"])
got["Anti-social behaviour"] = len(rows["asb.csv"])
want = {t: 2 * int(n) for t, n in csv.reader(open("police-uk-counts.csv"))}
assert dict(got) == want, f"rows per police.uk type {dict(got)} != 2 x police.uk {want}"
print("rows per police.uk type = 2 x police.uk:", want)

crimes = rows["crime.csv"]
import datetime
def day(s): return datetime.datetime.strptime(s, "%d/%m/%Y").date()
for r in crimes:
    assert day(r["CommittedFromDate"]) <= day(r["RecordedDate"]), r
    assert r["DAFlag"] in "YN" and r["HateFlag"] in "YN", r
    assert (r["HateFlag"] == "Y") == (r["HateStrand"] != ""), r
    assert r["LSOACode"].startswith("E01") and r["WardCode"].startswith("E05"), r
# Every ward code is the LSOA's best-fit ward (the ONS lookup, read here).
lk = {}
with open(f"{data}/geography/lsoa21-ward23-lad23-bestfit-ew.csv", encoding="utf-8-sig") as fh:
    for r in csv.DictReader(fh):
        lk[r["LSOA21CD"]] = (r["WD23CD"], r["LAD23NM"])
assert all(lk[r["LSOACode"]] == (r["WardCode"], "Cambridge") for r in crimes), "a crime's ward is not its LSOA's best fit"
# Repeat victims and offenders exist; persistent offenders (6+ crimes in the data) too.
v = collections.Counter(r["VictimID"] for r in crimes if r["VictimID"])
o = collections.Counter(r["OffenderID"] for r in crimes if r["OffenderID"])
assert sum(1 for n in v.values() if n > 1) > 100, "no repeat victims"
assert sum(1 for n in o.values() if n >= 6) > 10, "no persistent offenders"
# Keywords the classifiers look for are there.
assert any("e-scooter" in r["Summary"] for r in rows["asb.csv"]), "no e-scooter ASB"
assert any(w in r["MO"] for r in crimes for w in ("mother", "father", "brother")), "no familial DA"
# DA incidents: crimed Y/N, and about 1.28 per DA crime (golden DA table 1,914 / 1,494), within 4 sd
# of a binomial on the second incident's 0.281.
da = sum(r["DAFlag"] == "Y" for r in crimes)
n = len(rows["da-incidents.csv"])
p = 1914 / 1494 - 1
assert abs((n - da) - p * da) < 4 * (p * (1 - p) * da) ** 0.5, (n, da)
# Treatment: the total row is the sum.
t = rows["treatment.csv"]
assert t[-1]["substance_type"] == "Total in treatment"
for col in ("ye_sep_2023", "ye_sep_2024"):
    assert int(t[-1][col]) == sum(int(r[col]) for r in t[:-1]), col
fire = rows["fire.csv"]
assert all(r["Cause"] in ("Deliberate", "Accidental") for r in fire)
assert all((r["Cause"] == "Deliberate") == (r["DeliberateType"] != "") for r in fire)
# Fires: Poisson with mean 2 (scale) x 24 months / 12 x 214 / 146,995 per resident (seed 002 lines
# 1906-1908) x Cambridge's LSOA population, summed here from the population file; within 4 sd.
pop = 0
with open(f"{data}/population/lsoa21-population-ew.csv", encoding="utf-8-sig") as fh:
    rd = csv.reader(fh)
    next(rd)
    for row in rd:
        if lk.get(row[0], ("", ""))[1] == "Cambridge":
            pop += int(float(row[-1]))
mean = 2 * 2 * 214 / 146995 * pop
assert abs(len(fire) - mean) < 4 * mean ** 0.5, (len(fire), mean, pop)
# ED attendances and ambulance call-outs: binomial on the violence with injury crimes (0.6, 0.35).
vwi = sum(sub[r["HOCode"]] == "Violence with injury" for r in crimes)
for name, p in (("ed-attendances.csv", 0.6), ("ambulance.csv", 0.35)):
    k = len(rows[name])
    assert abs(k - p * vwi) < 4 * (p * (1 - p) * vwi) ** 0.5, (name, k, vwi)
print(f"fires {len(fire)} (expected {mean:.0f}); violence with injury {vwi}: ED {len(rows['ed-attendances.csv'])}, "
      f"ambulance {len(rows['ambulance.csv'])}")
print("markers, ids, keywords, DA incidents, treatment, fire and hospital checks passed")
PY

# Every file loads through its example mapping with nothing quarantined, and is labelled synthetic.
cp csa.db loaded.db
for f in crime asb da-incidents fire ed-attendances ambulance; do
  "$CSA" ingest extract "a/$f.csv" --mapping "$CSA_SOURCE_DIR/examples/mappings/synthetic-$f.toml" --db loaded.db -q \
    > "ingest-$f.txt" || fail "csa ingest extract a/$f.csv failed: $(cat "ingest-$f.txt")"
  rows=$(python3 -c "import csv, sys; print(format(sum(1 for _ in csv.reader(open(sys.argv[1]))) - 1, ','))" "a/$f.csv")
  grep -Eq "read +$rows = stored +$rows \+ quarantined +0 +SYNTHETIC" "ingest-$f.txt" \
    || fail "a/$f.csv did not load whole and labelled synthetic: $(cat "ingest-$f.txt")"
done
"$CSA" ingest extract a/treatment.csv --mapping "$CSA_SOURCE_DIR/examples/mappings/synthetic-treatment.toml" --db loaded.db -q \
  > ingest-treatment.txt || fail "treatment.csv failed to load: $(cat ingest-treatment.txt)"
grep -Eq "quarantined +0 +SYNTHETIC" ingest-treatment.txt || fail "treatment.csv did not load labelled synthetic: $(cat ingest-treatment.txt)"

# Bad input names the value and the fix.
if "$CSA" synth extract --db csa.db --area Cambridge --out bad --kinds crime,burglary 2> bad.txt; then fail "--kinds burglary accepted"; fi
grep -q "'burglary' is not a kind; use any of crime,asb" bad.txt || fail "bad --kinds message: $(cat bad.txt)"
if "$CSA" synth extract --db csa.db --area Cambridge --out bad --scale 0 2> bad.txt; then fail "--scale 0 accepted"; fi
grep -q "must be above 0" bad.txt || fail "bad --scale message: $(cat bad.txt)"
if "$CSA" synth extract --db csa.db --area Cambridge --out bad --months 2019-01..2019-12 2> bad.txt; then fail "empty months accepted"; fi
grep -q "no police.uk incidents in Cambridge" bad.txt || fail "empty months message: $(cat bad.txt)"
echo "synth extract checks passed"
