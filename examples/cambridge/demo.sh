#!/usr/bin/env bash
# The Cambridge example: the real Cambridgeshire police.uk data (24 months) and ONS geography from
# ../shared/data, into out/cambridge/. Run by `make demo`.
set -euo pipefail
shared=${1:-../shared}
root=$(cd "$(dirname "$0")/../.." && pwd)
csa="$root/build/csa"
data="$shared/data"
out="$root/out/cambridge"
db="$out/cambs.db"

[ -d "$data/police-uk/cambridgeshire" ] || { echo "demo: $data/police-uk/cambridgeshire not found; pass the shared folder: make demo SHARED=/path/to/shared" >&2; exit 2; }
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm"

echo "== 1. Ingest 24 months of Cambridgeshire police.uk street-level data"
"$csa" ingest police-uk "$data/police-uk/cambridgeshire/" --db "$db" | tail -n 4

echo
echo "== 2. Load ONS geography: LSOA -> ward -> district lookup, counties, LSOA population, ward boundaries"
"$csa" geography load --db "$db" \
  --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "LSOA population (vintage unknown)" \
  --boundaries "$data/geography/wards-2025-cambs-peterborough.geojson" \
  --boundaries "$data/geography/lsoa21-cambs-peterborough.geojson"

echo
echo "== 3. Tables for Cambridge (E07000008), years ending December 2024 and 2025"
"$csa" table --db "$db" --area Cambridge --by ward --theme shoplifting --ye 2025-12 --years 2 > "$out/shoplifting-by-ward.txt"
"$csa" table --db "$db" --area Cambridge --by ward --theme all_crime --ye 2025-12 --years 2 --format markdown > "$out/all-crime-by-ward.md"
"$csa" table --db "$db" --area E07000008 --by theme --ye 2025-12 --years 2 --format csv > "$out/themes.csv" 2>/dev/null
"$csa" table --db "$db" --area E07000008 --by theme --ye 2025-12 --years 2 --format json > "$out/themes.json"
"$csa" table --db "$db" --area E07000008 --by theme --ye 2025-09 --years 2 --format markdown > "$out/themes-ye-september.md"
"$csa" geography compare --db "$db" --area Cambridge > "$out/ward-assignment-compare.txt"
"$csa" table --db "$db" --area Cambridge --by ward --theme all_crime --ye 2025-12 --years 2 --stats > "$out/all-crime-by-ward-stats.txt"
"$csa" table --db "$db" --area Cambridge --by harm --ye 2025-12 --harm-weights "$data/harm/cchi-weights-by-subgroup.csv" > "$out/harm.txt"
"$csa" compare --db "$db" --area Cambridge --theme all_crime --period ye2025-12 --peers "$root/examples/cambridge/msg.toml" > "$out/compare-places.txt"
cat "$out/shoplifting-by-ward.txt" | head -n 20

echo
echo "== 4. Local extracts: real ones are confidential, so csa synth extract makes SYNTHETIC ones from the"
echo "      police.uk data above (labelled synthetic wherever they are used), loaded through their mappings"
synth="$out/synthetic-extract"
"$csa" synth extract --db "$db" --area Cambridgeshire --out "$synth" -q | head -n 9
for kind in crime asb da-incidents fire ed-attendances ambulance; do
  "$csa" ingest extract "$synth/$kind.csv" --mapping "$root/examples/mappings/synthetic-$kind.toml" --db "$db" -q | tail -n 1
done
"$csa" ingest extract "$synth/treatment.csv" --mapping "$root/examples/mappings/synthetic-treatment.toml" --db "$db" -q | tail -n 1
"$csa" extract-table --db "$db" --table cadet --area Cambridge --ye 2025-12 > "$out/extract-cadet.txt"
"$csa" extract-table --db "$db" --table da --area Cambridge --ye 2025-12 > "$out/extract-domestic-abuse.txt"
"$csa" extract-table --db "$db" --table pyramid --person victim --area Cambridge --ye 2025-12 > "$out/extract-victim-pyramid.txt"
"$csa" extract-table --db "$db" --table keywords --area Cambridge --ye 2025-12 --keywords "$root/examples/keywords.toml" > "$out/extract-keywords.txt"

echo
echo "== 5. The strategic assessment for Cambridge (examples/cambridge/csa.toml), self-checked"
"$csa" report --config "$root/examples/cambridge/csa.toml" --db "$db" --out "$out/report" -q

echo
echo "== Outputs"
echo "database:                        $db"
for f in extract-cadet.txt extract-domestic-abuse.txt extract-victim-pyramid.txt extract-keywords.txt shoplifting-by-ward.txt all-crime-by-ward.md all-crime-by-ward-stats.txt harm.txt compare-places.txt themes.csv themes.json themes-ye-september.md ward-assignment-compare.txt; do
  echo "  $out/$f"
done
echo "strategic assessment:            $out/report/report.html (also report.pdf, report.docx, tables.xlsx, figures/)"
echo "try: $csa table --db $db --area Cambridge --by ward --theme burglary --years 2"
echo "atlas: $csa serve --db $db --offence-groups $data/harm/cchi-weights-by-subgroup.csv"
echo "       then open http://127.0.0.1:8080/ in a browser (Ctrl-C stops it)"
echo
echo "== Headline: crime and ASB in Cambridge by theme"
"$csa" table --db "$db" --area E07000008 --by theme --ye 2025-12 --years 2
