#!/usr/bin/env bash
# csa ingest extract through the shipped example mappings, checked against independent paths:
# python3 reads the fixture CSVs itself (row counts, dates as days via datetime, offence codes
# normalised by its own rule), the sqlite3 shell reads what was stored, and PROJ's cs2cs projects
# lon/lat to British National Grid. Also: idempotent reloads, the golden treatment table, the
# synthetic files of `csa synth extract` (when that command is built), and errors that name the key.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
fixtures="$CSA_SOURCE_DIR/tests/fixtures/extract"
maps="$CSA_SOURCE_DIR/examples/mappings"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CSA" ingest extract "$fixtures/crime-bad.csv" --mapping "$maps/synthetic-crime.toml" --db x.db -q > crime.txt
grep -q 'crime-bad.csv .* loaded .* read *13 = stored *3 + quarantined *10  SYNTHETIC' crime.txt || fail "crime summary: $(cat crime.txt)"
grep -q "quarantined 1: offence code is not in the Home Office code list" crime.txt || fail "reasons: $(cat crime.txt)"
"$CSA" ingest extract "$fixtures/crime-bad.csv" --mapping "$maps/synthetic-crime.toml" --db x.db -q > again.txt
grep -q 'crime-bad.csv .* unchanged' again.txt || fail "second load not unchanged: $(cat again.txt)"
# The same file twice in one command, into a new database: the first is hashed as it is read, the
# second is then a reload of it and must be found unchanged too.
"$CSA" ingest extract "$fixtures/crime-bad.csv" "$fixtures/crime-bad.csv" --mapping "$maps/synthetic-crime.toml" --db twice.db -q > twice.txt
[ "$(grep -c 'crime-bad.csv .* loaded' twice.txt)" = 1 ] && grep -q 'crime-bad.csv .* unchanged' twice.txt ||
  fail "the same file twice in one command: $(cat twice.txt)"
"$CSA" ingest extract "$fixtures/force-crime.csv" --mapping "$maps/force-crime-iso.toml" --db x.db -q > force.txt
"$CSA" ingest extract "$CSA_SHARED_DIR/golden/sa2024-treatment.csv" --mapping "$maps/treatment.toml" --db x.db -q > series.txt
grep -q "total row 'Total in treatment' (line 6) equals the sum" series.txt || fail "series: $(cat series.txt)"

sqlite3 -csv x.db "SELECT reference, code, start_date, start_minute, recorded_date, recorded_minute, easting, northing,
                          victim_age, offender_age FROM extract_record_v WHERE file_name = 'crime-bad.csv' ORDER BY id" > stored.csv
sqlite3 -csv x.db "SELECT (SELECT count(*) FROM extract_record r JOIN extract_batch b ON r.id BETWEEN b.first_record_id AND b.last_record_id WHERE b.file_name = 'crime-bad.csv'),
                          (SELECT count(*) FROM extract_quarantine q JOIN extract_batch b ON b.id = q.batch_id WHERE b.file_name = 'crime-bad.csv')" > counts.csv
sqlite3 -csv x.db "SELECT category, period, value FROM series_value ORDER BY id" > series.csv
sqlite3 -csv x.db "SELECT reference, easting, northing FROM extract_record_v WHERE file_name = 'force-crime.csv' ORDER BY id" > force.csv
# The force fixture's coordinates, projected by PROJ's own command-line tool.
python3 -c "
import csv
for r in csv.DictReader(open('$fixtures/force-crime.csv')):
    print(r['Lat'], r['Lon'])" | cs2cs -f %.3f EPSG:4326 EPSG:27700 > projected.txt

python3 - "$fixtures" "$CSA_SHARED_DIR" <<'PY' || fail "stored values differ from the independent reading"
import csv, sys
from datetime import date, datetime
fixtures, shared = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{fixtures}/crime-bad.csv", newline="")))
stored, quarantined = map(int, open("counts.csv").read().split(","))
assert len(rows) == 13 == stored + quarantined, (len(rows), stored, quarantined)
def day(text):
    return (datetime.strptime(text, "%d/%m/%Y").date() - date(1970, 1, 1)).days
def code(text):
    return text.strip().upper().lstrip("0")
got = {r[0]: r for r in csv.reader(open("stored.csv"))}
assert sorted(got) == ["C1", "C13", "C2"], sorted(got)
for r in rows:
    if r["CrimeRef"] not in got: continue
    g = got[r["CrimeRef"]]
    assert g[1] == code(r["HOCode"]), (g, r)
    assert (datetime.strptime(g[2], "%Y-%m-%d").date() - date(1970, 1, 1)).days == day(r["CommittedFromDate"]), g
    assert g[4] == datetime.strptime(r["RecordedDate"], "%d/%m/%Y").strftime("%Y-%m-%d"), g
    if r["CommittedFromTime"]:
        h, m = map(int, r["CommittedFromTime"].split(":")); assert int(g[3]) == 60 * h + m, g
    else:
        assert g[3] == "", g
    assert (g[6], g[7]) == ((f"{float(r['Easting'])}", f"{float(r['Northing'])}") if r["Easting"] else ("", "")), g
    assert g[8] == r["VictimAge"] and g[9] == r["OffenderAge"], g
# Golden treatment: every category and period as published, the total row too (read, checked, stored).
published = list(csv.DictReader(open(f"{shared}/golden/sa2024-treatment.csv")))
want = [(p["substance_type"], label, float(p[col])) for p in published
        for col, label in (("ye_sep_2023", "ye2023-09"), ("ye_sep_2024", "ye2024-09"))]
got = [(c, p, float(v)) for c, p, v in csv.reader(open("series.csv"))]
assert got == want, (got, want)
# lon/lat projected as PROJ projects them (the row outside Great Britain is quarantined).
proj = [tuple(map(float, l.split()[:2])) for l in open("projected.txt")]
force = list(csv.reader(open("force.csv")))
assert [f[0] for f in force] == ["EX/1/24", "EX/2/24"], force
for f, p in zip(force, proj):
    assert abs(float(f[1]) - p[0]) < 0.01 and abs(float(f[2]) - p[1]) < 0.01, (f, p)
print("stored values agree:", len(got), "series values,", len(force), "projected points")
PY

"$CSA" status --db x.db > status.txt
grep -q "extract crime .*Synthetic crime extract / crime-bad.csv: read 13 = stored 3 + quarantined 10.*SYNTHETIC" status.txt \
  || fail "status: $(cat status.txt)"
grep "extract series" status.txt | grep -vq SYNTHETIC || fail "the published table is tagged synthetic"
"$CSA" status --db x.db --quarantine > q.txt
grep -q "victim age 212 is impossible (0-120)" q.txt || fail "status --quarantine: $(cat q.txt)"

# Errors name the file and the key, and store nothing.
printf '[source]\nname = "x"\ndataset = "crime"\n[columns]\ncode = "HOCode"\nrecorded_date = "RecordedDate"\nvictim_agee = "VictimAge"\n' > typo.toml
if "$CSA" ingest extract "$fixtures/crime-bad.csv" --mapping typo.toml --db y.db 2> typo.txt; then fail "typo accepted"; fi
grep -q "typo.toml:7: columns.victim_agee: unknown key (did you mean 'victim_age'?)" typo.txt || fail "typo: $(cat typo.txt)"
if "$CSA" ingest extract "$fixtures/crime-bad.csv" --mapping "$maps/synthetic-crime.toml" --offence-codes nowhere.csv --db y.db 2> codes.txt; then
  fail "missing code list accepted"
fi
grep -q "nowhere.csv" codes.txt || fail "code list error: $(cat codes.txt)"
if "$CSA" ingest extract "$fixtures/treatment-bad-total.csv" --mapping "$maps/treatment.toml" --db y.db > bad.txt; then
  fail "a total that does not add up was accepted"
fi
grep -q "column ye_sep_2024: 1239 but the 4 stored categories sum to 1238" bad.txt || fail "total: $(cat bad.txt)"

# The synthetic files, when csa synth extract is part of this build: every file through its mapping.
if "$CSA" synth extract --help > /dev/null 2>&1; then
  data="$CSA_SHARED_DIR/data"
  "$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db s.db -q > /dev/null
  "$CSA" geography load --db s.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
    --counties "$data/geography/lad23-utla23-ew.csv" --population "$data/population/lsoa21-population-ew.csv" > /dev/null
  "$CSA" synth extract --db s.db --area Cambridge --out synth -q > /dev/null
  for pair in crime:synthetic-crime asb:synthetic-asb da-incidents:synthetic-da-incidents fire:synthetic-fire \
              ed-attendances:synthetic-ed-attendances ambulance:synthetic-ambulance; do
    file=${pair%%:*}; map=${pair##*:}
    "$CSA" ingest extract "synth/$file.csv" --mapping "$maps/$map.toml" --db s.db -q > "load-$file.txt"
    n=$(python3 -c "import csv,sys; n = sum(1 for _ in csv.DictReader(open(sys.argv[1], newline=''))); print(f'{n:,}')" "synth/$file.csv")
    grep -q "read *$n = stored *$n + quarantined *0  SYNTHETIC" "load-$file.txt" \
      || fail "synthetic $file: expected all $n rows stored: $(cat "load-$file.txt")"
  done
  echo "synthetic files: all rows stored through the example mappings"
fi
echo "ingest extract checks passed"
