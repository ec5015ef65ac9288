#!/usr/bin/env bash
# The report chapters local extracts enable, on the real Cambridgeshire police.uk data plus a full
# synthetic extract set (csa synth extract, loaded with examples/mappings/synthetic-*.toml): the
# chapters appear, each fed by synthetic data says SYNTHETIC, the self-checks pass, and the counts
# the text quotes equal python3's own counts over the synthetic CSVs (Cambridge's wards from the ONS
# lookup, the year ending at the extract's last recorded month or December 2025, whichever is
# earlier, Home Office groups from the shared code list).
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! "$CSA" synth extract --help > /dev/null 2>&1; then
  fail "this build has no csa synth extract"
fi

"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db cambs.db -q > /dev/null
"$CSA" geography load --db cambs.db \
  --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "LSOA population (vintage unknown)" > /dev/null
"$CSA" synth extract --db cambs.db --area Cambridge --out synth --seed 11 -q > /dev/null
m="$CSA_SOURCE_DIR/examples/mappings"
"$CSA" ingest extract synth/crime.csv --mapping "$m/synthetic-crime.toml" --db cambs.db -q > /dev/null
"$CSA" ingest extract synth/da-incidents.csv --mapping "$m/synthetic-da-incidents.toml" --db cambs.db -q > /dev/null
"$CSA" ingest extract synth/asb.csv --mapping "$m/synthetic-asb.toml" --db cambs.db -q > /dev/null
"$CSA" ingest extract synth/fire.csv --mapping "$m/synthetic-fire.toml" --db cambs.db -q > /dev/null
"$CSA" ingest extract synth/ed-attendances.csv --mapping "$m/synthetic-ed-attendances.toml" --db cambs.db -q > /dev/null
"$CSA" ingest extract synth/ambulance.csv --mapping "$m/synthetic-ambulance.toml" --db cambs.db -q > /dev/null

{
  echo "[report]"
  echo "title = \"Extract chapters test\""
  echo "database = \"$CSA_WORK/cambs.db\""
  echo "area = \"Cambridge\""
  echo "year_ending = \"2025-12\""
  echo "years = 2"
} > csa.toml
"$CSA" report --config csa.toml --out out --no-pdf --no-docx > report.txt 2>&1 || fail "csa report failed: $(cat report.txt)"
html=out/$(ls out | grep '\.html$' | head -1)
[ -s "$html" ] || fail "no HTML report in out/: $(ls out)"
grep -qi "self-checks passed\|all self-checks passed\|checks passed" report.txt out/*.txt 2>/dev/null \
  || grep -q "passed" report.txt || fail "the self-checks did not report passing: $(cat report.txt)"

python3 - "$html" "$data" <<'PY' || fail "the extract chapters differ from the independent counts"
import csv, datetime, html as H, re, sys
page, data = open(sys.argv[1]).read(), sys.argv[2]
text = H.unescape(re.sub(r"<[^>]+>", "", page))
# Chapters: each present, and each fed by the synthetic batch says so before its next chapter.
chapters = ["Violence and the offence hierarchy", "Domestic abuse", "Hate crime", "Sexual offences and exploitation",
            "Victims and offenders", "When crimes happen and are reported", "Incidents and partner data"]
for c in chapters:
    m = re.search(r'<h2[^>]*id="(ch-extract-[a-z-]+)"[^>]*>' + re.escape(c), page)
    assert m, f"chapter '{c}' is missing"
    start = m.end()
    nxt = page.find("<h2", start)
    body = page[start:nxt if nxt > 0 else len(page)]
    assert "SYNTHETIC DATA" in body, f"chapter '{c}' does not say SYNTHETIC"
# Figures: the two pyramids.
assert 'Victims by age band and sex' in page and 'Offenders by age band and sex' in page, "pyramid figures missing"

# Independent counts.
lk = list(csv.reader(open(f"{data}/geography/lsoa21-ward23-lad23-bestfit-ew.csv", encoding="utf-8-sig")))
hdr = lk[0]
li, wi, ni = 0, hdr.index("WD23CD"), hdr.index("LAD23NM")
wards = {r[wi] for r in lk[1:] if r[ni] == "Cambridge"}
lsoa_ward = {r[li]: r[wi] for r in lk[1:]}
group = {r["offence_code"]: r["offence_group"] for r in csv.DictReader(open(f"{data}/taxonomy/home-office-offence-codes-2024-25.csv"))}
rows = list(csv.DictReader(open("synth/crime.csv")))
def day(s): d, m, y = s.split("/"); return datetime.date(int(y), int(m), int(d))
last = max(day(r["RecordedDate"]) for r in rows)
end = min((last.year, last.month), (2025, 12))
def in_year(d, e): return (e[0] - 1, e[1]) < (d.year, d.month) <= e
prev = (end[0] - 1, end[1])
def here(r):
    w = r["WardCode"] or lsoa_ward.get(r["LSOACode"], "")
    return w in wards
now = [r for r in rows if here(r) and in_year(day(r["RecordedDate"]), end)]
before = [r for r in rows if here(r) and in_year(day(r["RecordedDate"]), prev)]
vap = lambda rs: [r for r in rs if group.get(r["HOCode"]) == "Violence against the person"]
allc = lambda rs: [r for r in rs if group.get(r["HOCode"]) and "Fraud" not in group[r["HOCode"]]]
f = lambda n: f"{n:,}"
want = f"Violence against the person: {f(len(vap(now)))} (from {f(len(vap(before)))}"
assert want in text, f"expected '{want}' in the report"
da = [r for r in allc(now) if r["DAFlag"] == "Y"]
assert f"{f(len(da))} crimes in Cambridge carried the domestic abuse marker" in text, f"DA count {len(da)} not quoted"
hate = [r for r in now if r["HateFlag"] == "Y" or r["HateStrand"]]
if len(hate) >= 5:
    assert f"{f(len(hate))} hate crimes were recorded in Cambridge" in text, f"hate count {len(hate)} not quoted"
asb = [r for r in csv.DictReader(open("synth/asb.csv"))
       if (r["WardCode"] or lsoa_ward.get(r["LSOACode"], "")) in wards and r["IncidentDate"]]
asb_last = max(day(r["IncidentDate"]) for r in asb)
asb_end = min((asb_last.year, asb_last.month), (2025, 12))
n_asb = sum(in_year(day(r["IncidentDate"]), asb_end) for r in asb)
assert f"Anti-social behaviour incidents: {f(n_asb)} records" in text, f"ASB count {n_asb} not quoted"
print(f"checked: ASB {n_asb}, ", end="")
print(f"checked: VAP {len(vap(now))} vs {len(vap(before))}, DA {len(da)}, hate {len(hate)}, year ending {end}")
PY

# The self-check file says every quoted figure matched.
grep -rq "text equals tables" out/ || fail "no self-check record in out/"
! grep -rq "FAIL" out/*check* 2>/dev/null || fail "a self-check failed: $(cat out/*check*)"
echo "ok"
