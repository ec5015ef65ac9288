#!/usr/bin/env bash
# csa hotspots on the real Cambridgeshire data (../shared/data): shoplifting in Cambridge, year
# ending December 2025. The cells' counts add up to the incidents plain SQL over the database finds
# (a second calculation sharing nothing with csa's dataset, grid or hot-spot code); cells.geojson is
# in lon/lat where Cambridge is; the map is written as SVG and a PNG that is not blank. Then the
# meaningless requests: each exits 2 with a message saying why.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
expect_error() {  # expect_error <text in output> <command...>: exit 2 and the text in stdout/stderr
  local text=$1; shift
  set +e; out=$("$@" 2>&1); rc=$?; set -e
  [ "$rc" = 2 ] || fail "'$*' exited $rc, expected 2: $out"
  grep -qF -- "$text" <<<"$out" || fail "'$*' output lacks '$text': $out"
}

# 1. The database, as examples/cambridge/demo.sh makes it.
"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db cambs.db -q > /dev/null
"$CSA" geography load --db cambs.db \
  --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" \
  --population "$data/population/lsoa21-population-ew.csv" \
  --population-label "LSOA population (vintage unknown)" \
  --boundaries "$data/geography/wards-2025-cambs-peterborough.geojson" > /dev/null

# 2. The hot spots.
set +e
out=$("$CSA" hotspots --db cambs.db --area Cambridge --theme shoplifting --period ye2025-12 --out hot 2>&1)
rc=$?
set -e
[ "$rc" = 0 ] || fail "csa hotspots exited $rc: $out"
for f in cells.csv cells.geojson map.svg map.png; do [ -s "hot/$f" ] || fail "hot/$f missing or empty"; done

# 3. The cells' counts against SQL: Cambridge (E07000008) shoplifting in 2025 with coordinates,
#    whose LSOA lies in a ward of the district.
expected=$(sqlite3 cambs.db "
  SELECT count(*) FROM incident i
  JOIN crime_type ct ON ct.id = i.crime_type_id
  JOIN lsoa_ref r ON r.id = i.lsoa_id
  JOIN area lsoa ON lsoa.code = r.code AND lsoa.level = 'lsoa'
  JOIN area ward ON ward.code = lsoa.parent_code AND ward.level = 'ward'
  WHERE ward.parent_code = 'E07000008' AND i.month BETWEEN 202501 AND 202512
    AND ct.name = 'Shoplifting' AND i.lon IS NOT NULL AND i.lat IS NOT NULL")
[ "$expected" -gt 500 ] || fail "SQL count of Cambridge shoplifting 2025 looks wrong: $expected"
header=$(head -1 hot/cells.csv)
[ "$header" = "cell_id,column,row,x,y,count,kde,gi_z,p,p_adjusted,class" ] || fail "cells.csv header: $header"
total=$(awk -F, 'NR > 1 { s += $6 } END { print s + 0 }' hot/cells.csv)
# The grid is clipped to Cambridge's boundary: the incidents in cells centred outside it are
# announced, and with them the cells' counts add up to SQL's.
dropped=$(sed -n 's/.* dropped; \([0-9,]*\) mapped incidents\{0,1\} in dropped cells.*/\1/p' <<<"$out" | tr -d ,)
[ -n "$dropped" ] || fail "the summary does not announce the clipped cells: $out"
[ "$((total + dropped))" = "$expected" ] || fail "cells.csv counts $total + $dropped dropped, SQL says $expected"
grep -qF "$(commas "$expected") mapped" <<<"$out" || fail "summary does not say $expected mapped: $out"
# The kept cells of 100 m cover Cambridge: ONS's standard area measurement of E07000008 is 40.70 km²
# (4,070 hectares), so about 4,070 cells, within 2% (the boundary's generalisation and the cells
# along it).
kept=$(awk 'END { print NR - 1 }' hot/cells.csv)
grep -qF "Clip:       $(commas "$kept") cells kept" <<<"$out" || fail "the summary's kept cells differ from cells.csv's $kept: $out"
grep -q "^Cells:      .*100 m" <<<"$out" || fail "expected 100 m cells for Cambridge: $out"
[ "$kept" -gt 3989 ] && [ "$kept" -lt 4151 ] || fail "$kept cells of a hectare kept; Cambridge is 4,070 ha"
grep -q "^Hot cells:  [1-9]" <<<"$out" || fail "no hot cells at 99% in Cambridge shoplifting: $out"

# 4. cells.geojson: WGS84 lon/lat (RFC 7946, no crs member), every coordinate in Cambridge.
grep -q '"crs"' hot/cells.geojson && fail "cells.geojson has a crs member"
python3 - hot/cells.geojson <<'PY' || fail "cells.geojson coordinates are not lon/lat in Cambridge"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["type"] == "FeatureCollection" and len(j["features"]) > 100
lons = [p[0] for f in j["features"] for p in f["geometry"]["coordinates"][0]]
lats = [p[1] for f in j["features"] for p in f["geometry"]["coordinates"][0]]
assert 0.0 < min(lons) and max(lons) < 0.3, (min(lons), max(lons))
assert 52.1 < min(lats) and max(lats) < 52.3, (min(lats), max(lats))
assert sum(f["properties"]["count"] for f in j["features"]) > 0
PY

# 5. The map: the SVG has cells, wards and the attribution; the PNG is a PNG and not one colour.
grep -q 'class="cell"' hot/map.svg || fail "map.svg has no cells"
grep -q 'class="ward"' hot/map.svg || fail "map.svg has no ward boundaries"
grep -q 'class="outline"' hot/map.svg || fail "map.svg has no district outline"
grep -qF "Contains OS data © Crown copyright and database right" hot/map.svg || fail "map.svg lacks the OS line"
grep -qF "Open Government Licence v3.0" hot/map.svg || fail "map.svg lacks the OGL line"
[ "$(head -c 8 hot/map.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "map.png is not a PNG"
python3 - hot/map.png <<'PY' || fail "map.png looks blank"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
pos, idat, w, h = 8, b"", 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": w, h = struct.unpack(">II", body[:8])
    if kind == b"IDAT": idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
assert w > 200 and h > 200, (w, h)
# Distinct byte values in the scanlines: a blank (one-colour) image has very few.
assert len(set(raw[::7])) > 20, len(set(raw[::7]))
PY

# 6. --compare: the history map, a legend of the history classes whose counts are history.csv's.
"$CSA" hotspots --db cambs.db --area Cambridge --theme shoplifting --period ye2025-12 --compare ye2024-12 \
  --out hist > hist.txt 2>&1 || fail "csa hotspots --compare failed: $(cat hist.txt)"
for f in history.csv periods.csv history.svg history.png map.svg; do [ -s "hist/$f" ] || fail "hist/$f missing"; done
python3 - hist/history.csv hist/history.svg <<'PY' || fail "history.svg's legend does not count history.csv's classes"
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
svg = open(sys.argv[2]).read()
n = {}
for r in rows:
    n[r["history"]] = n.get(r["history"], 0) + 1
labels = re.findall(r'class="legend-label"[^>]*>([^<]*)<', svg)
counts = [int(c) for c in re.findall(r'class="legend-count"[^>]*>([^<]*)<', svg)]
legend = dict(zip(labels, counts))
for cls, label in [("new", "New"), ("intensifying", "Intensifying"), ("persistent", "Persistent"),
                   ("intermittent", "Intermittent"), ("diminishing", "Diminishing"), ("former", "Former")]:
    assert legend[label] == n.get(cls, 0), (label, legend[label], n.get(cls, 0))
assert sum(legend[l] for l in ["New", "Persistent", "Former", "Intermittent", "Intensifying", "Diminishing"]) > 0
# Never hot with incidents: cells of history none with a count in either period.
grey = sum(1 for r in rows if r["history"] == "none" and (int(r["count_first"]) + int(r["count_last"])) > 0)
assert legend["Never hot (with incidents)"] == grey, (legend["Never hot (with incidents)"], grey)
PY

# 7. Sparse counts: robbery in Cambridge on 100 m cells averages far under 5 incidents a Gi*
#    neighbourhood; the warning's suggested cell size brings the average (printed again) to 5 or more.
"$CSA" hotspots --db cambs.db --area Cambridge --theme robbery --period ye2025-12 --out rob > rob.txt 2>&1 \
  || fail "csa hotspots robbery failed: $(cat rob.txt)"
suggest=$(sed -n 's/^Warning:    the average Gi\* neighbourhood holds .* try --cell-size \([0-9.]*\) .*/\1/p' rob.txt)
[ -n "$suggest" ] || fail "no sparse-count warning for robbery on 100 m cells: $(cat rob.txt)"
"$CSA" hotspots --db cambs.db --area Cambridge --theme robbery --period ye2025-12 --cell-size "$suggest" \
  --out rob2 > rob2.txt 2>&1 || fail "csa hotspots robbery --cell-size $suggest failed: $(cat rob2.txt)"
grep -q "^Warning:    the average Gi" rob2.txt && fail "--cell-size $suggest is still too sparse: $(cat rob2.txt)"
# The average neighbourhood, computed here from cells.csv: 9 × the mean count of the cells kept.
python3 - rob2/cells.csv <<'PY' || fail "robbery at the suggested cell size: average neighbourhood under 5"
import csv, sys
counts = [int(r["count"]) for r in csv.DictReader(open(sys.argv[1]))]
assert 9 * sum(counts) / len(counts) >= 5, 9 * sum(counts) / len(counts)
PY

# 8. --dual: incidents per 1,000 residents. The residents' density is computed again here from the
#    centroid file and the database's LSOA populations, projected by cs2cs (PROJ's command line, not
#    csa's code), the quartic kernel written out in Python, at 30 cells; then the rate from it.
centroids="$data/geography/lsoa-centroids-uk.csv"
"$CSA" hotspots --db cambs.db --area Cambridge --theme shoplifting --period ye2025-12 --dual \
  --centroids "$centroids" --out dual > dual.txt 2>&1 || fail "csa hotspots --dual failed: $(cat dual.txt)"
grep -q "^Residents:  146,995 in 78 LSOAs" dual.txt || fail "--dual did not place Cambridge's 146,995 residents: $(cat dual.txt)"
sqlite3 -csv cambs.db "SELECT p.area_code, p.population FROM population p JOIN area l ON l.code = p.area_code AND l.level = 'lsoa'
  JOIN area w ON w.code = l.parent_code AND w.level = 'ward' WHERE w.parent_code = 'E07000008'" > pop.csv
python3 - "$centroids" pop.csv > lonlat.txt <<'PY'
import csv, sys
pop = {r[0]: int(r[1]) for r in csv.reader(open(sys.argv[2]))}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if r["LSOACD"] in pop:
        print(r["longitude"], r["latitude"], pop[r["LSOACD"]])
PY
cs2cs -f %.4f EPSG:4326 EPSG:27700 <<<"$(awk '{ print $2, $1 }' lonlat.txt)" | awk '{ print $1, $2 }' > bng.txt
paste -d' ' bng.txt <(awk '{ print $3 }' lonlat.txt) > residents.txt
bandwidth=$(sed -n 's/^Density:    quartic kernel, bandwidth \([0-9]*\) m.*/\1/p' dual.txt)
[ -n "$bandwidth" ] || fail "no bandwidth in the --dual summary: $(cat dual.txt)"
python3 - residents.txt dual/cells.csv "$bandwidth" <<'PY' || fail "--dual columns differ from the independent calculation"
import csv, math, sys
res = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
assert len(res) == 78, len(res)
cells = list(csv.DictReader(open(sys.argv[2])))
h = float(sys.argv[3])
def density(x, y):
    t = 0.0
    for px, py, w in res:
        d2 = (x - px) ** 2 + (y - py) ** 2
        if d2 < h * h:
            t += w * 3 / (math.pi * h * h) * (1 - d2 / (h * h)) ** 2 * 1e6
    return t
# The bandwidth is printed rounded to the metre, so compare to 0.5%.
mean = sum(float(c["residents_kde"]) for c in cells) / len(cells)
floor = 0.1 * mean
for c in cells[:: max(1, len(cells) // 30)]:
    want = density(float(c["x"]), float(c["y"]))
    got = float(c["residents_kde"])
    assert abs(got - want) <= 5e-3 * max(want, 100.0), (c["cell_id"], got, want)
    rate = 1000 * float(c["kde"]) / max(got, floor)
    assert abs(float(c["kde_per_1000"]) - rate) <= 1e-9 * max(rate, 1.0), (c["cell_id"], c["kde_per_1000"], rate)
PY
# The dual map: five classes at the quintiles (R's type-7 quantiles = Python's "inclusive") of the
# cells' positive kde_per_1000; the legend's counts are those of cells.csv classed here.
[ -s dual/dual.svg ] && [ -s dual/dual.png ] || fail "--dual wrote no dual.svg/.png"
python3 - dual/cells.csv dual/dual.svg <<'PY' || fail "dual.svg's legend does not count cells.csv's classes"
import csv, re, statistics, sys
v = sorted(float(r["kde_per_1000"]) for r in csv.DictReader(open(sys.argv[1])) if float(r["kde_per_1000"]) > 0)
breaks = statistics.quantiles(v, n=5, method="inclusive")
n = [0] * 5
for x in v:
    n[next((k for k, b in enumerate(breaks) if x <= b), 4)] += 1
svg = open(sys.argv[2]).read()
counts = [int(c) for c in re.findall(r'class="legend-count"[^>]*>([^<]*)<', svg)]
labels = re.findall(r'class="legend-label"[^>]*>([^<]*)<', svg)
assert counts == n, (counts, n)
assert labels[0] == f"{v[0]:.1f} to {breaks[0]:.1f}" and labels[4] == f"{breaks[3]:.1f} to {v[-1]:.1f}", labels
PY
expect_error "--dual needs --centroids" "$CSA" hotspots --db cambs.db --area Cambridge --theme shoplifting --dual --out nd

# 9. Meaningless requests exit 2 and say why.
expect_error "nothing to map" "$CSA" hotspots --db cambs.db --area Norwich --theme shoplifting --period ye2025-12 --out none
expect_error "larger than the area" "$CSA" hotspots --db cambs.db --area Cambridge --theme shoplifting --period ye2025-12 \
  --cell-size 50000 --out big
echo "hotspots: ok ($expected incidents in the cells)"
