#!/usr/bin/env bash
# csa compare on the national month: Cambridge against its county's districts, England and Wales and
# its Most Similar Group (examples/cambridge/msg.toml), checked against plain SQL over the raw files.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}" "${CSA_SOURCE_DIR:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK/files" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
tar --zstd -xf "$data/police-uk/national/2025-01-all-forces-street.tar.zst" -C files

"$CSA" ingest police-uk files --db n.db -q > /dev/null
"$CSA" geography load --db n.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "test population" > /dev/null
"$CSA" compare --db n.db --month 2025-01 --theme all_crime --peers "$CSA_SOURCE_DIR/examples/cambridge/msg.toml" \
  --suppress-under 0 --format csv > compare.csv 2> notes.txt

# Independent: counts of crime (not ASB) per district from the raw files, rates per 1,000 with the
# summed LSOA population, ranked among the group members that have data.
args=(); first=1
for f in files/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup" \
  ".import --csv $data/population/lsoa21-population-ew.csv pop"
members="'Cambridge','Oxford','Cheltenham','Brighton and Hove','Exeter','Watford','Worthing','Reading','York','Runnymede','Hertsmere'"
sqlite3 -separator , raw.db "
  WITH c AS (SELECT l.LAD23NM lad, count(*) n FROM raw r JOIN lookup l ON l.LSOA21CD = r.\"LSOA code\"
             WHERE r.\"Crime type\" != 'Anti-social behaviour' AND l.LAD23NM IN ($members) GROUP BY l.LAD23NM),
       p AS (SELECT l.LAD23NM lad, sum(p.population) pop FROM lookup l JOIN pop p ON p.lsoacd = l.LSOA21CD
             WHERE l.LAD23NM IN ($members) GROUP BY l.LAD23NM)
  SELECT lad, n, pop, (SELECT count(*) + 1 FROM c c2 JOIN p p2 USING (lad) WHERE c2.n * 1.0 / p2.pop > c.n * 1.0 / p.pop)
  FROM c JOIN p USING (lad) ORDER BY lad" > msg.sql
grep ',most similar group,' compare.csv | awk -F, '{split($7, r, " "); print $1","$3","$4","r[1]}' | sort > msg.csa
diff msg.sql msg.csa || fail "Most Similar Group counts, populations or ranks differ from SQL"
grep -q 'Cambridge ranks 2 of 11' notes.txt || fail "rank note: $(cat notes.txt)"
grep -q 'Peers left out (4 of 14): Kingston upon Thames (no police data' notes.txt || fail "missing peers not named"
grep -q 'Bournemouth (not a district in the loaded lookup)' notes.txt || fail "Bournemouth not named"
# The county districts: Cambridge first, ranked among Cambridgeshire's five.
grep -q '^Cambridge,district,1168,146995,7.9,' compare.csv || fail "Cambridge row: $(grep '^Cambridge,district' compare.csv)"
[ "$(grep -c ',county district,' compare.csv)" = 4 ] || fail "expected the 4 other districts of Cambridgeshire"
echo "peer comparison checks passed"
