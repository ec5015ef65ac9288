#!/usr/bin/env bash
# The report's [extracts] table and the extract chapters in every format, on the real Cambridgeshire
# police.uk data plus a synthetic extract set (csa synth extract): with persistent_offender_threshold
# = 3 and keywords = examples/keywords.toml (plus one list over crimes), the offenders table's
# persistent row and each list's counts and shares (crimes, ASB, domestic abuse incidents) equal
# python3's own counts over the synthetic CSVs; the CADET, offenders and keyword tables print counts
# with thousands separators (equal to python's counts); CADET indents labels by depth (HTML padding,
# DOCX w:ind); `csa extract-table` text output (cadet, offenders, keywords) groups digits as the
# CSV's numbers; the PDF (pdftotext) and DOCX (unzip) hold the chapters' headings, a CADET count and
# the SYNTHETIC label; a misspelt key is an error naming it and the key meant.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

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

# The shipped word lists, plus one over crimes' MO text (the shipped file has none), so every chapter
# with keyword tables is exercised.
{
  cat "$CSA_SOURCE_DIR/examples/keywords.toml"
  printf '\n[[list]]\nid = "night_time_economy"\nlabel = "Night-time economy"\ndataset = "crime"\n'
  printf 'words = ["nightclub", "night-time economy", "pub", "bar"]\nsource = "cli.report_extracts_config"\n'
} > keywords.toml

config() {
  echo "[report]"
  echo "title = \"Extract config test\""
  echo "database = \"$CSA_WORK/cambs.db\""
  echo "area = \"Cambridge\""
  echo "year_ending = \"2025-12\""
  echo "years = 2"
  echo "[extracts]"
  echo "$1 = 3"
  echo "keywords = \"$CSA_WORK/keywords.toml\""
}

# A misspelt key: refused, naming the file, the key and the one meant.
config persistent_offender_treshold > bad.toml
if "$CSA" report --config bad.toml --out bad --no-pdf --no-docx > bad.txt 2>&1; then fail "a misspelt key was accepted"; fi
grep -q "bad.toml:8: unknown key 'persistent_offender_treshold' in \[extracts\] (did you mean 'persistent_offender_threshold'?)" bad.txt \
  || fail "the misspelt key's message: $(cat bad.txt)"

config persistent_offender_threshold > csa.toml
"$CSA" report --config csa.toml --out out > report.txt 2>&1 || fail "csa report failed: $(cat report.txt)"
for f in out/report.html out/report.pdf out/report.docx; do [ -s "$f" ] || fail "$f missing: $(ls out)"; done
pdftotext -layout out/report.pdf report-pdf.txt
unzip -p out/report.docx word/document.xml > document.xml
for t in cadet offenders keywords; do
  "$CSA" extract-table --db cambs.db --table $t --area Cambridge --ye 2025-12 --keywords keywords.toml --dataset crime > $t.txt 2> /dev/null
  "$CSA" extract-table --db cambs.db --table $t --area Cambridge --ye 2025-12 --keywords keywords.toml --dataset crime --format csv \
    > $t.csv 2> /dev/null
done

python3 - "$data" keywords.toml <<'PY' || fail "the extract chapters differ from the independent counts"
import csv, datetime, html as H, re, sys, tomllib
data, keywords = sys.argv[1], sys.argv[2]
page = open("out/report.html").read()
text = H.unescape(re.sub(r"<[^>]+>", "", page))
pdf = " ".join(open("report-pdf.txt").read().split())
docx = open("document.xml").read()
docx_text = H.unescape(re.sub(r"<[^>]+>", "", docx))

lk = list(csv.reader(open(f"{data}/geography/lsoa21-ward23-lad23-bestfit-ew.csv", encoding="utf-8-sig")))
hdr = lk[0]
wi, ni = hdr.index("WD23CD"), hdr.index("LAD23NM")
wards = {r[wi] for r in lk[1:] if r[ni] == "Cambridge"}
lsoa_ward = {r[0]: r[wi] for r in lk[1:]}
group = {r["offence_code"]: r["offence_group"] for r in csv.DictReader(open(f"{data}/taxonomy/home-office-offence-codes-2024-25.csv"))}
def day(s): d, m, y = s.split("/"); return datetime.date(int(y), int(m), int(d))
def in_year(d, e): return (e[0] - 1, e[1]) < (d.year, d.month) <= e
def here(r): return (r["WardCode"] or lsoa_ward.get(r["LSOACode"], "")) in wards
def year_end(dates): last = max(dates); return min((last.year, last.month), (2025, 12))
def half_away(num, den): return (2 * num + den) // (2 * den)   # non-negative shares, half away from zero

# The HTML row of a table: the cells' texts, the label's style.
def row(table_id, label):
    start = page.index(f'id="{table_id}"')
    seg = page[start:page.index("</table>", start)]
    m = re.search(r'<tr[^>]*><th scope="row"( style="[^"]*")?>' + re.escape(H.escape(label, quote=False)) + r"</th>(.*?)</tr>", seg)
    assert m, f"no row '{label}' in {table_id}"
    return [H.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", m.group(2))], m.group(1) or ""

crimes = list(csv.DictReader(open("synth/crime.csv")))
end = year_end(day(r["RecordedDate"]) for r in crimes)
prev = (end[0] - 1, end[1])
now = [r for r in crimes if here(r) and in_year(day(r["RecordedDate"]), end)]
before = [r for r in crimes if here(r) and in_year(day(r["RecordedDate"]), prev)]

# 1. persistent offenders at the configured threshold of 3 (crimes by recorded date, main offender id).
per = {}
for r in now:
    if r["OffenderID"]: per[r["OffenderID"]] = per.get(r["OffenderID"], 0) + 1
pers = [n for n in per.values() if n >= 3]
cells, _ = row("tbl-extract-offenders", "Persistent (3 or more crimes)")
want = [f"{len(pers):,}", f"{half_away(100 * len(pers), len(per))}%", f"{sum(pers):,}", f"{half_away(100 * sum(pers), sum(per.values()))}%"]
assert cells == want, (cells, want)
cells, _ = row("tbl-extract-offenders", "All offenders")
assert cells == [f"{len(per):,}", "100%", f"{sum(per.values()):,}", "100%"], (cells, len(per), sum(per.values()))
assert sum(per.values()) >= 1000, "the offenders check needs a count of four digits"
assert "persistent offenders (3 or more crimes in the year)" in text

# 2. Keyword lists (crimes by recorded date; ASB and domestic abuse incidents by the date they
#    started): records caught in the chapter's year and their share of all the area's records of that kind.
def caught(t, words):
    t = t.lower()
    return any(re.search(r"(?<![a-z0-9])" + re.escape(w.lower()) + r"(?![a-z0-9])", t) for w in words)
all_lists = tomllib.load(open(keywords, "rb"))["list"]
checked = []
for dataset, csv_file, date, free, table_id, records in (
        ("crime", "synth/crime.csv", "RecordedDate", "MO", "tbl-extract-crime-keywords", "crimes"),
        ("asb", "synth/asb.csv", "IncidentDate", "Summary", "tbl-extract-asb-keywords", "anti-social behaviour incidents"),
        ("da-incident", "synth/da-incidents.csv", "IncidentDate", "Summary", "tbl-extract-da-keywords", "domestic abuse incidents")):
    lists = [l for l in all_lists if l["dataset"] == dataset]
    assert lists, dataset
    recs = [r for r in csv.DictReader(open(csv_file)) if here(r) and r[date]]
    yend = year_end(day(r[date]) for r in recs)
    year = [r for r in recs if in_year(day(r[date]), yend)]
    assert f"Keyword searches of the free text of {records}, Cambridge" in text, f"no keyword table for {records}"
    for l in lists:
        hit = sum(caught(r[free], l["words"]) for r in year)
        cells, _ = row(table_id, l["label"])
        share = f"{half_away(100 * hit, len(year))}%"
        assert cells[-3:] == [f"{len(year):,}", f"{hit:,}", share], (l["label"], cells, len(year), hit, share)
        if hit >= 5:
            assert f"{l['label']} {hit:,} ({share} of all)" in text, f"'{l['label']} {hit:,} ({share} of all)' not quoted"
        checked.append((l["label"], hit, len(year), share))
assert max(n for _, _, n, _ in checked) >= 1000, "the keyword check needs a count of four digits"

# 3. CADET: counts with separators equal to python's, labels indented by depth (All crime 0, VAP 2).
allc = lambda rs: [r for r in rs if group.get(r["HOCode"]) and "Fraud" not in group[r["HOCode"]]]
vap = lambda rs: [r for r in rs if group.get(r["HOCode"]) == "Violence against the person"]
cells, style = row("tbl-extract-cadet", "All crime (excluding fraud)")
assert cells[:2] == [f"{len(allc(before)):,}", f"{len(allc(now)):,}"] and style == "", (cells, style)
assert len(allc(now)) >= 1000 and "," in cells[1], "the test needs a count of four digits"
cells, style = row("tbl-extract-cadet", "Violence against the person")
assert cells[:2] == [f"{len(vap(before)):,}", f"{len(vap(now)):,}"], cells
assert "calc(0.5rem + 2.4em)" in style, style
all_now = f"{len(allc(now)):,}"

# 4. PDF and DOCX: the chapters' headings, the CADET count and the SYNTHETIC label.
for name, body in (("PDF", pdf), ("DOCX", docx_text)):
    for heading in ("Violence and the offence hierarchy", "Domestic abuse", "Victims and offenders",
                    "Incidents and partner data", "Anti-social behaviour incidents"):
        assert heading in body, f"{name} lacks the heading '{heading}'"
    assert all_now in body, f"{name} lacks the CADET count {all_now}"
    assert "SYNTHETIC DATA" in body, f"{name} lacks the SYNTHETIC label"
vap_cell = re.search(r"<w:tc>(?:(?!</w:tc>).)*>Violence against the person<.*?</w:tc>", docx)
assert vap_cell and '<w:ind w:left="480" />' in vap_cell.group(0), "the DOCX does not indent the VAP row"

# 5. csa extract-table text (cadet, offenders, keywords): every count the CSV gives, grouped with
#    commas in the same row; at least one of four digits in each.
for name, key in (("cadet", "node"), ("offenders", "band"), ("keywords", "list")):
    rows = list(csv.DictReader(open(f"{name}.csv")))
    txt = open(f"{name}.txt").read().splitlines()
    big = 0
    for r in rows:
        line = next(l for l in txt if l.startswith(r[key] + " "))
        for k in (k for k in r if k.startswith(("count_", "records_"))):
            if r[k].isdigit():
                assert f" {int(r[k]):,} " in line + " ", (name, r[key], k, line)
                big = max(big, int(r[k]))
    assert big >= 1000, f"extract-table {name}: no count of four digits to check"
print(f"checked: persistent {len(pers)} offenders / {sum(pers)} crimes, keywords {checked}, All crime {all_now}")
PY
grep -q "FAIL" out/self-checks.txt && fail "a self-check failed: $(cat out/self-checks.txt)"
echo "ok"
