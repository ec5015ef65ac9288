#!/usr/bin/env bash
# csa near-repeat on the fixtures in tests/fixtures/near-repeat/: 72 burglaries with BNG metres and
# ISO dates (65 good, 7 bad rows: an impossible date, a date in the other format, a missing easting,
# a northing that is not a number, lon/lat in the BNG columns, a missing date, an unquoted comma), and
# 23 with lon/lat and dd/mm/yyyy dates (3 bad). Every row is accounted for (read = used + rejected)
# and each bad row is named by file:line with its value; the observed pair counts in near_repeat.csv
# are checked against a brute-force count in Python over the same file (sharing no code with csa);
# the same seed gives the same file on 1 or 2 threads; meaningless requests exit 2 with a reason.
set -euo pipefail
: "${CSA:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
fixtures="$CSA_SOURCE_DIR/tests/fixtures/near-repeat"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_error() {  # expect_error <text in output> <command...>: exit 2 and the text in stdout/stderr
  local text=$1; shift
  set +e; out=$("$@" 2>&1); rc=$?; set -e
  [ "$rc" = 2 ] || fail "'$*' exited $rc, expected 2: $out"
  grep -qF -- "$text" <<<"$out" || fail "'$*' output lacks '$text': $out"
}

# 1. BNG metres, ISO dates, the Calculator's default bands.
csv="$fixtures/burglary.csv"
set +e
out=$("$CSA" near-repeat --input "$csv" --date-column date --permutations 199 --seed 7 --out nr -q 2>&1)
rc=$?
set -e
[ "$rc" = 0 ] || fail "csa near-repeat exited $rc: $out"
grep -qF "Rows:       72 read = 65 used + 7 rejected" <<<"$out" || fail "row accounting: $out"
for bad in "burglary.csv:11: date '2024-02-30' does not exist" \
           "burglary.csv:18: date '31/12/2024' is not in the form %Y-%m-%d" \
           "burglary.csv:25: no easting" \
           "burglary.csv:32: northing 'abc' is not a number" \
           "burglary.csv:39: easting 0.1218 and northing 52.2053 look like longitude and latitude" \
           "burglary.csv:46: no date" \
           "burglary.csv:53: has 6 fields, the header has 5"; do
  grep -qF "$bad" <<<"$out" || fail "rejected row not reported: $bad: $out"
done
grep -qF "Dates:      2024-01-" <<<"$out" || fail "no date range: $out"
grep -qF "Same location" <<<"$out" || fail "no table: $out"
grep -qF "1 to 200 m" <<<"$out" && grep -qF "0 to 14 days" <<<"$out" && grep -qF "More than 1,000 m" <<<"$out" \
  || fail "band labels: $out"
[ -s nr/near_repeat.csv ] || fail "nr/near_repeat.csv missing"
header=$(head -1 nr/near_repeat.csv)
[ "$header" = "distance_band,distance_from_m,distance_to_m,time_band,time_from_days,time_to_days,observed,expected,knox_ratio,p,significant" ] \
  || fail "near_repeat.csv header: $header"
[ "$(wc -l < nr/near_repeat.csv)" = 43 ] || fail "near_repeat.csv should have 7 × 6 cells"

# 2. The observed counts against a brute force over the file's good rows.
python3 - "$csv" nr/near_repeat.csv <<'PY' || fail "observed counts differ from the brute force"
import csv, datetime, math, sys
good = []
for row in csv.DictReader(open(sys.argv[1])):
    try:
        x, y = float(row["easting"]), float(row["northing"])
        d = datetime.date.fromisoformat(row["date"][:10])
    except (ValueError, TypeError, KeyError):
        continue
    if x < 1000 and y < 1000 or None in row:
        continue
    good.append((x, y, d.toordinal()))
assert len(good) == 65, len(good)
counts = {}
for i in range(len(good)):
    for j in range(i):
        m = math.floor(math.hypot(good[i][0] - good[j][0], good[i][1] - good[j][1]) + 0.5)
        row = 0 if m == 0 else min(6, (m - 1) // 200 + 1)
        gap = abs(good[i][2] - good[j][2])
        col = 0 if gap <= 14 else min(5, (gap - 1) // 14)
        counts[(row, col)] = counts.get((row, col), 0) + 1
rows = list(csv.DictReader(open(sys.argv[2])))
total = 0
for k, r in enumerate(rows):
    want = counts.get((k // 6, k % 6), 0)
    assert int(r["observed"]) == want, (k, r, want)
    total += int(r["observed"])
assert total == 65 * 64 // 2, total
assert counts.get((0, 0), 0) >= 1 and counts.get((0, 1), 0) >= 1  # the two same-address repeats
print("brute force agrees:", total, "pairs")
PY

# 3. The same seed gives the same result whatever the threads; another seed other p-values.
"$CSA" near-repeat --input "$csv" --permutations 199 --seed 7 --threads 1 --out nr1 -q > /dev/null
cmp nr/near_repeat.csv nr1/near_repeat.csv || fail "1 thread and all threads differ with one seed"
"$CSA" near-repeat --input "$csv" --permutations 199 --seed 8 --out nr8 -q > /dev/null
cmp -s nr/near_repeat.csv nr8/near_repeat.csv && fail "seeds 7 and 8 gave identical p-values"

# 4. The planted near repeats (6 sources × 3 followers within 150 m and 10 days) are found.
out=$("$CSA" near-repeat --input "$csv" --permutations 999 -q)
grep -qE "^1 to 200 m +[0-9.]+\*\*" <<<"$out" || fail "1 to 200 m, 0 to 14 days not flagged at 0.01: $out"
grep -qF "Near repeat:  1 to 200 m, 0 to 14 days:" <<<"$out" || fail "no near-repeat sentence: $out"

# 5. Longitude/latitude, dd/mm/yyyy.
ll="$fixtures/burglary-lonlat.csv"
set +e
out=$("$CSA" near-repeat --input "$ll" --lon-column Longitude --lat-column Latitude --date-column "Date of offence" \
  --date-format %d/%m/%Y --distance-band 100 --distance-bands 3 --time-band 7 --time-bands 4 --permutations 99 -q 2>&1)
rc=$?
set -e
[ "$rc" = 0 ] || fail "lon/lat run exited $rc: $out"
grep -qF "Rows:       23 read = 20 used + 3 rejected" <<<"$out" || fail "lon/lat row accounting: $out"
grep -qF "burglary-lonlat.csv:6: longitude '52.205300' is outside -9 to 2.5; are the longitude and latitude columns swapped" <<<"$out" \
  || fail "swapped lon/lat not explained: $out"
grep -qF "burglary-lonlat.csv:10: longitude '200' is outside" <<<"$out" || fail "longitude 200 not rejected: $out"
grep -qF "burglary-lonlat.csv:13: date '2024-03-05' is not in the form %d/%m/%Y" <<<"$out" || fail "ISO date not rejected: $out"
grep -qF "Projection: " <<<"$out" || fail "projection not announced: $out"
grep -qF "More than 300 m" <<<"$out" && grep -qF "22 to 28 days" <<<"$out" || fail "custom bands: $out"

# 6. Meaningless requests.
expect_error "burglary.csv:1: no column northing_m (--y-column); columns found: crime_ref, offence, easting, northing, date" "$CSA" near-repeat --input "$csv" --y-column northing_m
expect_error "no column when (--date-column)" "$CSA" near-repeat --input "$csv" --date-column when
expect_error "--date-format %m/%d/%Y is not one csa reads" "$CSA" near-repeat --input "$csv" --date-format %m/%d/%Y
expect_error "0 distance bands is out of range" "$CSA" near-repeat --input "$csv" --distance-bands 0
expect_error "0 permutations is out of range" "$CSA" near-repeat --input "$csv" --permutations 0
expect_error "give both --lon-column and --lat-column" "$CSA" near-repeat --input "$csv" --lon-column easting
expect_error "--input FILE.csv is required" "$CSA" near-repeat
head -2 "$csv" > one.csv
expect_error "1 usable incident; the near-repeat test needs at least 2" "$CSA" near-repeat --input one.csv
{ echo "easting,northing,date"; for m in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "545$m,2570$m,2024-$m-01"; done; } > months.csv
expect_error "all 12 dates are the 1st of a month, so they look like months" "$CSA" near-repeat --input months.csv
set +e; out=$("$CSA" near-repeat --input missing.csv 2>&1); rc=$?; set -e
[ "$rc" = 3 ] || fail "a missing file should exit 3, got $rc: $out"
echo "near_repeat: ok"
