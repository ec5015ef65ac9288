#!/usr/bin/env bash
# csa series on the real Cambridgeshire data, checked against plain SQL over the raw police.uk CSVs and
# the ONS lookup imported by the sqlite3 shell (a second code path that shares nothing with csa's
# reader, store, cube or formatting): every monthly count of Cambridge shoplifting, one ward's series,
# one 12-month rolling average, the year-earlier column, months beyond the data as n/a, and the notes.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db csa.db -q > ingest.txt
"$CSA" geography load --db csa.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" --population-label "test population" > geo.txt

args=()
first=1
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup"
# "Jan 2025" from "2025-01", as csa prints a month.
label="substr('JanFebMarAprMayJunJulAugSepOctNovDec', (CAST(substr(m.Month, 6, 2) AS INTEGER) - 1) * 3 + 1, 3) || ' ' || substr(m.Month, 1, 4)"

# 1. Every monthly count of Cambridge shoplifting (all 24 months, no suppression).
"$CSA" series --db csa.db --area Cambridge --theme shoplifting --suppress-under 0 --format csv 2> notes.txt > series.csv
head -1 series.csv | grep -qx 'month,count,rolling_12m_average,year_earlier,change_on_year_earlier,spc,highest_since' \
  || fail "header: $(head -1 series.csv)"
tail -n +2 series.csv | cut -d, -f1,2 > counts.csa
sqlite3 -separator , raw.db "
  SELECT $label, count(r.Month)
  FROM (SELECT DISTINCT Month FROM raw) m
  LEFT JOIN raw r ON r.Month = m.Month AND r.\"Crime type\" = 'Shoplifting'
       AND r.\"LSOA code\" IN (SELECT LSOA21CD FROM lookup WHERE LAD23CD = 'E07000008')
  GROUP BY m.Month ORDER BY m.Month" > counts.sql
[ "$(wc -l < counts.sql)" = 24 ] || fail "expected 24 months in the raw files"
diff counts.sql counts.csa || fail "monthly counts of Cambridge shoplifting differ between SQL and csa series"

# 2. The same by GSS code, and a ward (Market, E05013057) month by month.
"$CSA" series --db csa.db --area E07000008 --theme shoplifting --suppress-under 0 --format csv 2>/dev/null \
  | cmp -s - series.csv || fail "--area E07000008 and --area Cambridge differ"
"$CSA" series --db csa.db --area E05013057 --theme shoplifting --suppress-under 0 --format csv 2>/dev/null \
  | tail -n +2 | cut -d, -f1,2 > ward.csa
sqlite3 -separator , raw.db "
  SELECT $label, count(r.Month)
  FROM (SELECT DISTINCT Month FROM raw) m
  LEFT JOIN raw r ON r.Month = m.Month AND r.\"Crime type\" = 'Shoplifting'
       AND r.\"LSOA code\" IN (SELECT LSOA21CD FROM lookup WHERE WD23CD = 'E05013057')
  GROUP BY m.Month ORDER BY m.Month" > ward.sql
diff ward.sql ward.csa || fail "monthly counts of Market ward shoplifting differ"

# 3. One 12-month rolling average in SQL: July 2024 to June 2025, / 12, one decimal half up in integers.
want=$(sqlite3 raw.db "
  SELECT printf('%d.%d', x / 10, x % 10) FROM (
    SELECT (count(*) * 20 + 12) / 24 AS x FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\"
    WHERE l.LAD23CD = 'E07000008' AND r.\"Crime type\" = 'Shoplifting' AND r.Month BETWEEN '2024-07' AND '2025-06')")
got=$(grep '^Jun 2025,' series.csv | cut -d, -f3)
[ "$got" = "$want" ] || fail "12-month average to Jun 2025: csa $got, SQL $want"
# Only from the 12th month: Nov 2024 has none, Dec 2024 has one.
[ "$(grep '^Nov 2024,' series.csv | cut -d, -f3)" = "" ] || fail "Nov 2024 has a 12-month average from 11 months"
[ -n "$(grep '^Dec 2024,' series.csv | cut -d, -f3)" ] || fail "Dec 2024 has no 12-month average"

# 4. The year-earlier column is the count 12 rows up; the first 12 months have none (n/a).
tail -n +2 series.csv | cut -d, -f2 > c.txt
tail -n +2 series.csv | cut -d, -f4 > y.txt
paste -d, <(head -n 12 c.txt) <(tail -n 12 y.txt) | awk -F, '$1 != $2 { bad = 1 } END { exit bad }' \
  || fail "year-earlier column is not the count 12 months before"
[ "$(head -n 12 y.txt | sort -u)" = "n/a" ] || fail "the first 12 months should have no year-earlier count"

# 5. Months beyond the loaded data print n/a, never 0, and the coverage note names them.
"$CSA" series --db csa.db --area Cambridge --theme shoplifting --from 2025-11 --to 2026-02 --format csv \
  2> beyond.notes > beyond.csv
grep -q '^Jan 2026,n/a,' beyond.csv || fail "Jan 2026 (not loaded) is not n/a: $(grep 2026 beyond.csv)"
grep -q '^Feb 2026,n/a,' beyond.csv || fail "Feb 2026 (not loaded) is not n/a"
grep -q 'no data for Jan 2026–Feb 2026 (2 of 4 months missing)' beyond.notes || fail "no coverage note: $(cat beyond.notes)"

# 6. Notes: peak month, yearly averages, the projection of 2025/26 from April–December, unplaced, OGL.
peak=$(sort -t, -k2,2n counts.sql | tail -1)
grep -q "Peak month of Jan 2024–Dec 2025: ${peak%,*} (${peak#*,})." notes.txt || fail "peak note: $(grep Peak notes.txt)"
ye25=$(sqlite3 raw.db "SELECT count(*) FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\"
  WHERE l.LAD23CD = 'E07000008' AND r.\"Crime type\" = 'Shoplifting' AND r.Month BETWEEN '2025-01' AND '2025-12'")
grep -q "YE December 2025: [0-9.]* ($(commas "$ye25") in the year)" notes.txt || fail "yearly average note: $(grep 'Monthly average' notes.txt)"
# a = April–December 2025, b = financial year 2024/25, c = April–December 2024; projected = a × b / c.
read -r a b c < <(sqlite3 -separator ' ' raw.db "
  SELECT sum(r.Month BETWEEN '2025-04' AND '2025-12'), sum(r.Month BETWEEN '2024-04' AND '2025-03'),
         sum(r.Month BETWEEN '2024-04' AND '2024-12')
  FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\" WHERE l.LAD23CD = 'E07000008' AND r.\"Crime type\" = 'Shoplifting'")
projected=$(( (2 * a * b + c) / (2 * c) ))
grep -q "Projected 2025/26: $(commas $projected) (95% interval [0-9,]*–[0-9,]*), from April–December 2025 ($(commas $a)) scaled by financial year 2024/25 ($(commas $b)) over April–December 2024 ($(commas $c))" notes.txt \
  || fail "projection note (SQL: a=$a b=$b c=$c, projected $projected): $(grep -i project notes.txt)"
grep -q 'Not placed: [0-9,]* Shoplifting incident(s) in Jan 2024–Dec 2025' notes.txt || fail "no unplaced note"
grep -q 'Open Government Licence v3.0' notes.txt || fail "no OGL attribution"

# 7. Other formats render; a bad period and an LSOA are refused with the input exit code.
"$CSA" series --db csa.db --area Cambridge --theme shoplifting --format json | grep -q '"rolling_12m_average_text": "219.3"' \
  || fail "json output lacks the Dec 2025 average"
"$CSA" series --db csa.db --area Cambridge --theme shoplifting --format markdown | grep -q '^| Dec 2025 |' \
  || fail "markdown output lacks Dec 2025"
set +e
"$CSA" series --db csa.db --area Cambridge --from 2025-06 --to 2025-01 2> err.txt; rc=$?
set -e
[ $rc = 2 ] && grep -q 'before --from' err.txt || fail "--to before --from: rc $rc, $(cat err.txt)"

echo "series checks passed: Cambridge and Market shoplifting, 24 months, against SQL"
