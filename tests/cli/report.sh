#!/usr/bin/env bash
# csa report on the real Cambridgeshire data (../shared/data): the strategic assessment of Cambridge
# is written in every format, self-checked, and quotes the all-crime count that plain SQL over the
# database gives (a second calculation that shares nothing with csa's cube, tables or report code).
# Then bad input: each mistake exits 2 with a message naming what was wrong. Then --all-districts.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
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

title="CLI test assessment for Cambridge"
write_config() {  # write_config <file> <extra [report] lines...>
  local file=$1; shift
  {
    echo "[report]"
    echo "title = \"$title\""
    echo "database = \"$CSA_WORK/cambs.db\""
    echo "years = 2"
    echo "peers = \"$CSA_SOURCE_DIR/examples/cambridge/msg.toml\""
    for line in "$@"; do echo "$line"; done
  } > "$file"
}
write_config csa.toml 'area = "Cambridge"' 'year_ending = "2025-12"'

# 2. The all-crime count of Cambridge (E07000008), YE December 2025 and 2024, straight from the
#    database: incidents whose LSOA is in a ward of the district, every crime type but ASB.
count_sql() {  # count_sql <first YYYYMM> <last YYYYMM>
  sqlite3 cambs.db "
    SELECT count(*) FROM incident i
    JOIN crime_type ct ON ct.id = i.crime_type_id
    JOIN lsoa_ref r ON r.id = i.lsoa_id
    JOIN area lsoa ON lsoa.code = r.code AND lsoa.level = 'lsoa'
    JOIN area ward ON ward.code = lsoa.parent_code AND ward.level = 'ward'
    WHERE ward.parent_code = 'E07000008' AND i.month BETWEEN $1 AND $2 AND ct.name <> 'Anti-social behaviour'"
}
all2025=$(count_sql 202501 202512)
all2024=$(count_sql 202401 202412)
[ "$all2025" -gt 1000 ] || fail "SQL count for Cambridge 2025 looks wrong: $all2025"
# The change as the summary words it: whole percent, half away from zero, of the earlier count.
diff=$((all2025 - all2024))
absdiff=${diff#-}
pct=$(( (200 * absdiff + all2024) / (2 * all2024) ))
if [ "$diff" -gt 0 ]; then change="increased by ${pct}% (+$(commas $absdiff) offences)";
elif [ "$diff" -lt 0 ]; then change="decreased by ${pct}% (-$(commas $absdiff) offences)";
else change="did not change"; fi

# 3. The full report: every format.
"$CSA" report --config csa.toml --out out -q > report.txt 2> report.err || fail "csa report failed: $(cat report.err)"
for f in report.html report.pdf report.docx tables.xlsx self-checks.txt; do
  [ -s "out/$f" ] || fail "out/$f was not written"
done
grep -q "^Cambridge (E07000008): 7 self-checks passed" report.txt || fail "stdout lacks the self-check line: $(head -3 report.txt)"
grep -q "hot-spot tables add up" out/self-checks.txt || fail "self-checks.txt lacks the hot-spot tables check"
# Hot-spot maps: the all-crime one in the overview and shoplifting's in its chapter, as SVG and PNG,
# in the HTML and the DOCX; robbery, sparse in Cambridge, on cells coarser than the report's 100 m.
for f in all_crime-hotspots shoplifting-hotspots; do
  [ -s "out/figures/$f.svg" ] && [ -s "out/figures/$f.png" ] || fail "out/figures/$f.svg/.png missing"
done
grep -q 'class="cell"' out/figures/shoplifting-hotspots.svg || fail "the shoplifting hot-spot map draws no cells"
grep -qF "Getis–Ord Gi* on" out/report.html || fail "report.html lacks a hot-spot map caption"
grep -qF "Shoplifting hot-spot cells by ward, Cambridge, YE December 2025" out/report.html || fail "report.html lacks the shoplifting hot-spot table"
grep -qF "maps where robbery concentrated in YE December 2025: of the 163 grid cells of 500 m in the district (coarser than the report" out/report.html \
  || fail "report.html lacks robbery's coarser cells: $(grep -o 'maps where robbery[^.]*' out/report.html)"
# The report's shoplifting map (100 m cells, clipped to Cambridge) has as many hot cells as csa hotspots
# finds on the same grid, and the cells kept are Cambridge's 4,073 hectares.
"$CSA" hotspots --db cambs.db --area Cambridge --theme shoplifting --period ye2025-12 --out hot > hot.txt \
  || fail "csa hotspots failed: $(cat hot.txt)"
read -r h99 h95 h90 < <(sed -n 's/^Hot cells:  \([0-9]*\) at 99%, \([0-9]*\) at 95%, \([0-9]*\) at 90%/\1 \2 \3/p' hot.txt)
hot=$((h99 + h95 + h90))
grep -qF "maps where shoplifting concentrated in YE December 2025: of the 4,073 grid cells of 100 m in the district, $hot are hot spots at 90% confidence or more ($h99 at 99%)" out/report.html \
  || fail "the report's shoplifting hot cells differ from csa hotspots' $hot ($h99 at 99%): $(grep -o 'maps where shoplifting[^.]*' out/report.html)"
[ "$(unzip -p out/report.docx word/document.xml | grep -o 'Getis–Ord Gi\* on' | wc -l)" -ge 2 ] \
  || fail "report.docx lacks the hot-spot maps' captions"

pdftotext out/report.pdf out/report.txt
grep -qF "$title" out/report.txt || fail "report.pdf lacks the title '$title'"
grep -qF "Executive summary" out/report.txt || fail "report.pdf lacks 'Executive summary'"
grep -qF "$(commas "$all2025")" out/report.txt || fail "report.pdf lacks the all-crime count $(commas "$all2025") (SQL)"
# The summary's sentence, in the HTML (one line, no page breaks to cut it).
grep -qF "Police recorded $(commas "$all2025") crimes in Cambridge in YE December 2025; crime $change compared with YE December 2024" out/report.html \
  || fail "report.html lacks 'Police recorded $(commas "$all2025") crimes in Cambridge in YE December 2025; crime $change': $(grep -o 'Police recorded[^.]*' out/report.html | head -1)"

unzip -p out/report.docx word/document.xml | grep -q 'w:val="Heading1"' || fail "report.docx has no Heading1 paragraph"
sheets=$(unzip -l out/tables.xlsx | grep -c 'xl/worksheets/sheet[0-9]*\.xml')
[ "$sheets" -gt 10 ] || fail "tables.xlsx has $sheets worksheets, expected more than 10"

# The figures: an SVG and a PNG each, and no PNG blank (a valid PNG with a size and several colours).
svgs=$(find out/figures -name '*.svg' | wc -l)
pngs=$(find out/figures -name '*.png' | wc -l)
[ "$svgs" -gt 0 ] && [ "$svgs" = "$pngs" ] || fail "figures: $svgs SVG and $pngs PNG files"
for svg in out/figures/*.svg; do [ -s "${svg%.svg}.png" ] || fail "no PNG beside $svg"; done
if command -v python3 > /dev/null; then
  python3 - out/figures/*.png <<'PY' || fail "a figure PNG is blank or broken"
import struct, sys, zlib
def colours(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    assert w > 0 and h > 0 and depth == 8 and ctype in (2, 6), (w, h, depth, ctype)
    bpp = 4 if ctype == 6 else 3
    raw, stride, prev, seen = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 7 == 0:
            seen.update(bytes(line[k:k + bpp]) for k in range(0, stride, bpp * 3))
        prev = line
    return len(seen)
for path in sys.argv[1:]:
    n = colours(path)
    if n < 3:
        sys.exit(f"{path}: only {n} colour(s)")
PY
fi

# Secondary suppression hides a count with every figure derived from it: a row whose rate is [c]
# may not print its rate's 95% interval (the exact interval gives the count back).
# (Found on Cambridge's Possession of weapons table: Cherry Hinton '[c]' beside a 95% CI '0.2–1.4',
# which only a count of 6 on 9,273 residents gives; fixed.)
if command -v python3 > /dev/null; then
  set +e
  leaks=$(python3 - out/report.html <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
cells = lambda row: [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
for table in re.findall(r"<table.*?</table>", text, re.S):
    rows = [cells(r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]
    head = next((r for r in rows if "95% CI" in r and "Rate per 1,000" in r), None)
    if head is None:
        continue
    rate, ci = head.index("Rate per 1,000"), head.index("95% CI")
    for r in rows:
        if len(r) > ci and r[rate] == "[c]" and re.search(r"[0-9]", r[ci]):
            print(f"{r[0]}: rate [c] but 95% CI {r[ci]}")
PY
)
  set -e
  [ -z "$leaks" ] || fail "secondary suppression leaves intervals printed: $leaks"
fi

# self-checks.txt: the seven checks, each passed.
[ "$(head -1 out/self-checks.txt)" = "Self-checks passed:" ] || fail "self-checks.txt: $(head -1 out/self-checks.txt)"
[ "$(grep -c '^  - ' out/self-checks.txt)" = 7 ] || fail "self-checks.txt does not list 7 checks: $(cat out/self-checks.txt)"
for check in "text equals tables:" "groups add up:" "changes and shares recompute:" "numbering:" "suppression:" "suppression across tables:" "hot-spot tables add up:"; do
  grep -qF -- "  - $check" out/self-checks.txt || fail "self-checks.txt lacks '$check'"
done

# 4. Bad input: exit 2 and a message that names the mistake.
write_config bad-area.toml 'area = "Cambrigde"' 'year_ending = "2025-12"'
expect_error "Cambrigde" "$CSA" report --config bad-area.toml --out bad -q --no-pdf --no-docx
write_config no-data.toml 'area = "Cambridge"' 'year_ending = "2019-12"'
expect_error "fewer than two complete years ending December" "$CSA" report --config no-data.toml --out bad -q --no-pdf --no-docx
write_config bad-theme.toml 'area = "Cambridge"' 'themes = ["shoplifting", "shopliftng"]'
expect_error "shopliftng" "$CSA" report --config bad-theme.toml --out bad -q --no-pdf --no-docx
expect_error "nonsense" "$CSA" report --config csa.toml --theme nonsense --out bad -q --no-pdf --no-docx
{ echo '[report]'; echo 'area = "Cambridge"'; echo 'database = "missing.db"'; } > no-db.toml
expect_error "missing.db: database not found" "$CSA" report --config no-db.toml --out bad -q --no-pdf --no-docx
expect_error "does-not-exist.db: database not found" "$CSA" report --config csa.toml --db does-not-exist.db --out bad -q --no-pdf --no-docx
expect_error "nope.toml: report configuration not found" "$CSA" report --config nope.toml --out bad -q --no-pdf --no-docx
{ echo '[report]'; echo 'area = "Cambridge"'; echo 'yeers = 3'; } > typo.toml
expect_error "typo.toml:3: unknown key 'yeers'" "$CSA" report --config typo.toml --out bad -q --no-pdf --no-docx
write_config bad-ye.toml 'area = "Cambridge"' 'year_ending = "2025-13"'
expect_error "bad-ye.toml:7: [report] year_ending: month \"2025-13\" is not valid" "$CSA" report --config bad-ye.toml --out bad -q --no-pdf --no-docx
write_config ward.toml 'area = "E05013057"'
expect_error "covers a district or county; Market (E05013057) is a ward" "$CSA" report --config ward.toml --out bad -q --no-pdf --no-docx
expect_error "--config is required" "$CSA" report --out bad
[ ! -e bad ] || fail "a failed report left an output folder behind: $(find bad | head)"

# 5. A deep dive: one theme's chapter, with its end-of-year review; the other chapters are left out.
"$CSA" report --config csa.toml --theme shoplifting --no-pdf --no-docx --out deep -q > deep.txt 2> deep.err \
  || fail "--theme shoplifting failed: $(cat deep.err)"
grep -qF "$title: Shoplifting deep dive" deep/report.html || fail "the deep dive's title is not '$title: Shoplifting deep dive'"
grep -q 'id="ch-shoplifting-review"' deep/report.html || fail "the deep dive has no end-of-year review"
! grep -q 'id="ch-burglary"' deep/report.html || fail "the shoplifting deep dive has a burglary chapter"
grep -q 'id="ch-burglary"' out/report.html || fail "the full report has no burglary chapter (id ch-burglary)"

# 6. A county: the config documents area as "district (or county) name or GSS code".
write_config county.toml 'area = "E10000003"' 'year_ending = "2025-12"'
set +e; county_out=$("$CSA" report --config county.toml --no-pdf --no-docx --out county -q 2>&1); county_rc=$?; set -e
if [ "$county_rc" = 0 ]; then
  county2025=$(sqlite3 cambs.db "
    SELECT count(*) FROM incident i JOIN crime_type ct ON ct.id = i.crime_type_id JOIN lsoa_ref r ON r.id = i.lsoa_id
    JOIN area lsoa ON lsoa.code = r.code AND lsoa.level = 'lsoa' JOIN area ward ON ward.code = lsoa.parent_code
    JOIN area lad ON lad.code = ward.parent_code
    WHERE lad.parent_code = 'E10000003' AND i.month BETWEEN 202501 AND 202512 AND ct.name <> 'Anti-social behaviour'")
  grep -qF "Police recorded $(commas "$county2025") crimes in Cambridgeshire in YE December 2025" county/report.html \
    || fail "the county report does not quote $(commas "$county2025") crimes in Cambridgeshire"
else
  fail "a county report exits $county_rc: $county_out"
fi

# 7. Every district of Cambridgeshire, HTML only.
"$CSA" report --config csa.toml --all-districts --no-pdf --no-docx --out all -q > all.txt 2> all.err \
  || fail "--all-districts failed: $(cat all.err)"
districts=$(sqlite3 cambs.db "SELECT count(*) FROM area WHERE level = 'lad' AND parent_code = 'E10000003'")
[ "$districts" = 5 ] || fail "expected 5 districts of Cambridgeshire in the lookup, found $districts"
[ "$(find all -mindepth 1 -maxdepth 1 -type d | wc -l)" = 5 ] || fail "--all-districts wrote $(ls all | tr '\n' ' ')"
for d in all/*/; do
  [ -s "$d/report.html" ] || fail "$d has no report.html"
  [ ! -e "$d/report.pdf" ] && [ ! -e "$d/report.docx" ] || fail "$d has a PDF or DOCX despite --no-pdf --no-docx"
done
[ -s all/cambridge/report.html ] || fail "no all/cambridge/report.html: $(ls all)"
[ "$(grep -c 'self-checks passed' all.txt)" = 5 ] || fail "--all-districts: $(grep 'self-checks passed' all.txt)"
# Each district's summary quotes its own all-crime count from SQL.
while IFS='|' read -r code name; do
  n=$(sqlite3 cambs.db "
    SELECT count(*) FROM incident i JOIN crime_type ct ON ct.id = i.crime_type_id JOIN lsoa_ref r ON r.id = i.lsoa_id
    JOIN area lsoa ON lsoa.code = r.code AND lsoa.level = 'lsoa' JOIN area ward ON ward.code = lsoa.parent_code
    WHERE ward.parent_code = '$code' AND i.month BETWEEN 202501 AND 202512 AND ct.name <> 'Anti-social behaviour'")
  slug=$(echo "$name" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9]\{1,\}/-/g; s/-$//')
  grep -qF "Police recorded $(commas "$n") crimes in $name in YE December 2025" "all/$slug/report.html" \
    || fail "all/$slug/report.html does not quote $(commas "$n") crimes in $name"
done < <(sqlite3 cambs.db "SELECT code, name FROM area WHERE level = 'lad' AND parent_code = 'E10000003' ORDER BY code")

echo "report checks passed: Cambridge all crime 2025 = $all2025 (2024: $all2024), $svgs figures, $sheets sheets, 5 districts"
