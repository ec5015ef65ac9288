#!/usr/bin/env bash
# Independent check on the real Cambridgeshire data: csa's ward and district tables against plain SQL
# over the raw police.uk CSVs and the ONS lookup, imported by the sqlite3 shell (a second code path
# that shares nothing with csa's reader, store, cube or formatting). Also per-month totals against
# the raw files' line counts.
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

# 1. The raw files, the lookup and the population, through the sqlite3 shell.
args=()
first=1
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" \
  ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup" \
  ".import --csv $data/population/lsoa21-population-ew.csv pop"

# 2. Rows: every data line of every file is in the database, month by month.
expected_rows=0
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  n=$(( $(wc -l < "$f") - 1 ))
  expected_rows=$((expected_rows + n))
done
grep -q "read $(commas $expected_rows) = stored $(commas $expected_rows) + quarantined 0" ingest.txt \
  || fail "ingest summary does not say read $expected_rows = stored $expected_rows + quarantined 0: $(tail -2 ingest.txt)"
sqlite3 raw.db "SELECT Month, count(*) FROM raw GROUP BY Month ORDER BY Month" > months.raw
sqlite3 csa.db "SELECT printf('%04d-%02d', month / 100, month % 100), count(*) FROM incident GROUP BY month ORDER BY month" > months.csa
diff months.raw months.csa || fail "per-month totals differ between the raw files and csa's store"
[ "$(wc -l < months.csa)" = 24 ] || fail "expected 24 months"

# 3. Ward counts, every crime type, 2024 and 2025, Cambridge (E07000008): csa table vs SQL.
while IFS= read -r type; do
  "$CSA" table --db csa.db --area E07000008 --by ward --theme "$type" --ye 2025-12 --years 2 \
    --suppress-under 0 --format csv 2>/dev/null | tail -n +2 | grep -v '(total)' | awk -F, '{print $2","$3","$4}' | sort > ward.csa
  sqlite3 -csv raw.db "
    SELECT l.WD23CD,
           sum(r.Month BETWEEN '2024-01' AND '2024-12'),
           sum(r.Month BETWEEN '2025-01' AND '2025-12')
    FROM lookup l LEFT JOIN raw r ON r.\"LSOA code\" = l.LSOA21CD AND r.\"Crime type\" = '$type'
    WHERE l.LAD23CD = 'E07000008' GROUP BY l.WD23CD ORDER BY l.WD23CD" | sed 's/,$/,0/; s/,,/,0,/' | sort > ward.sql
  diff ward.sql ward.csa > /dev/null || { diff ward.sql ward.csa; fail "ward counts for '$type' differ"; }
done < <(sqlite3 raw.db "SELECT DISTINCT \"Crime type\" FROM raw ORDER BY 1")

# 4. Rates per 1,000 for all crime and ASB by ward, 2025, exact half-up rounding in integers.
"$CSA" table --db csa.db --area E07000008 --by ward --theme all_incidents --ye 2025-12 --years 1 \
  --suppress-under 0 --format csv 2>/dev/null | tail -n +2 | grep -v '(total)' | awk -F, '{print $2","$3","$4}' | sort > rate.csa
sqlite3 -csv raw.db "
  WITH c AS (SELECT l.WD23CD w, count(r.Month) n FROM lookup l
             LEFT JOIN raw r ON r.\"LSOA code\" = l.LSOA21CD AND r.Month BETWEEN '2025-01' AND '2025-12'
             WHERE l.LAD23CD = 'E07000008' GROUP BY l.WD23CD),
       p AS (SELECT l.WD23CD w, sum(p.population) pop FROM lookup l JOIN pop p ON p.lsoacd = l.LSOA21CD
             WHERE l.LAD23CD = 'E07000008' GROUP BY l.WD23CD)
  SELECT w, n, printf('%d.%d', x / 10, x % 10)
  FROM (SELECT c.w, c.n, (c.n * 20000 + p.pop) / (2 * p.pop) AS x FROM c JOIN p USING (w)) ORDER BY w" | sort > rate.sql
diff rate.sql rate.csa || fail "ward rates per 1,000 differ"

# 5. District totals for every district of Cambridgeshire county, 2025, all crime and ASB.
for lad in $(sqlite3 csa.db "SELECT code FROM area WHERE level = 'lad' AND parent_code = 'E10000003' ORDER BY code"); do
  got=$("$CSA" table --db csa.db --area "$lad" --by theme --ye 2025-12 --years 1 --suppress-under 0 --format csv 2>/dev/null \
        | grep '^All crime and ASB,' | cut -d, -f2)
  want=$(sqlite3 raw.db "SELECT count(*) FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\"
                         WHERE l.LAD23CD = '$lad' AND r.Month BETWEEN '2025-01' AND '2025-12'")
  [ "$got" = "$want" ] || fail "district $lad: csa $got, SQL $want"
done
[ "$(sqlite3 csa.db "SELECT count(*) FROM area WHERE level = 'lad' AND parent_code = 'E10000003'")" -ge 5 ] \
  || fail "Cambridgeshire's districts not found under E10000003"

# 6. Unplaced incidents are reported, not dropped: the note carries the raw count of rows with no LSOA.
unlocated=$(sqlite3 raw.db "SELECT count(*) FROM raw WHERE \"LSOA code\" = '' AND Month BETWEEN '2025-01' AND '2025-12'")
"$CSA" table --db csa.db --area Cambridge --by theme --ye 2025-12 --years 1 > theme.txt
grep -q "Not placed: $(commas "$unlocated") crime and ASB incident(s) in 2025" theme.txt \
  || fail "the theme table does not report the $unlocated unlocated incidents of 2025"
# 7. CADET-style change for every theme, one decimal, from the SQL counts (half away from zero in integers).
"$CSA" table --db csa.db --area E07000008 --by theme --ye 2025-12 --years 2 --suppress-under 0 --change-style cadet \
  --format csv 2>/dev/null | tail -n +2 | head -n 14 | awk -F, '{print $2","$3","$4}' | sort > cadet.csa
sqlite3 -separator , raw.db "
  WITH c AS (SELECT r.\"Crime type\" t, sum(r.Month BETWEEN '2024-01' AND '2024-12') a, sum(r.Month BETWEEN '2025-01' AND '2025-12') b
             FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\" WHERE l.LAD23CD = 'E07000008' GROUP BY r.\"Crime type\"),
       d AS (SELECT a, b, (abs(b - a) * 2000 + a) / (2 * a) AS x FROM c)
  SELECT a, b, CASE WHEN b >= a THEN '+ ' ELSE '- ' END || printf('%d.%d%%', x / 10, x % 10) FROM d" | sort > cadet.sql
diff cadet.sql cadet.csa || fail "CADET-style changes differ"

# 8. The --stats columns on the real table, against values computed once in R 4.2.2:
#    binom.test(871, 912 + 871, 0.5)$p.value = 0.343 (Market 912 -> 871); binom.test(20, 25, 0.5) = 0.004
#    (Newnham 5 -> 20); binom.test(2632, 5470, 0.5) = 0.006 (Cambridge); qchisq(c(.025, .975), c(2*2632, 2*2632+2))/2/146995*1000 = 17.2, 18.6 (Cambridge).
"$CSA" table --db csa.db --area Cambridge --by ward --theme shoplifting --ye 2025-12 --years 2 --stats \
  --format csv 2>/dev/null > stats.csv
grep -q '^Market,E05013057,912,871,-4% (-41),"no, p=0.343",81.4,' stats.csv || fail "Market shoplifting stats: $(grep Market stats.csv)"
grep -q '^Newnham,E05013058,5,20,+300% (+15),"yes, p=0.004 (small base)",' stats.csv || fail "Newnham stats: $(grep Newnham stats.csv)"
grep -q '^Cambridge (total),E07000008,2838,2632,-7% (-206),"yes, p=0.006",17.9,17.2–18.6,' stats.csv \
  || fail "Cambridge total stats: $(grep total stats.csv)"

# 9. Harm: each theme's CCHI days = its 2025 count x the national-count-weighted mean of its
#    subgroups' days, recomputed in SQL from the weights file.
"$CSA" table --db csa.db --area E07000008 --by harm --ye 2025-12 --years 1 --suppress-under 0 \
  --harm-weights "$data/harm/cchi-weights-by-subgroup.csv" --format csv 2>/dev/null | tail -n +2 | grep -v '^All crime' \
  | awk -F, '{print $1","$2","$3}' | sort > harm.csa
sqlite3 raw.db ".import --csv $data/harm/cchi-weights-by-subgroup.csv harm"
sqlite3 -separator , raw.db "
  WITH w AS (SELECT category, sum(cchi_days * national_count_2024_25) / sum(national_count_2024_25) AS days
             FROM harm GROUP BY category),
       c AS (SELECT r.\"Crime type\" t, count(*) n FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\"
             WHERE l.LAD23CD = 'E07000008' AND r.Month BETWEEN '2025-01' AND '2025-12' GROUP BY r.\"Crime type\")
  SELECT c.t, c.n, printf('%.0f', c.n * w.days) FROM c JOIN w ON w.category = c.t" | sort > harm.sql
diff harm.sql harm.csa || fail "harm-weighted counts differ"

echo "real data checks passed: $expected_rows rows, 24 months, 14 crime types x 14 wards x 2 years, rates, districts"
