#!/usr/bin/env bash
# Bad input never crashes and never disappears: clear messages naming file, line and value, the
# documented exit codes (2 = bad input or arguments, 3 = I/O), and --help everywhere.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect <exit code> <text in output> <command...>
  local code=$1 text=$2; shift 2
  set +e; out=$("$@" 2>&1); rc=$?; set -e
  [ "$rc" = "$code" ] || fail "'$*' exited $rc, expected $code: $out"
  grep -qF -- "$text" <<<"$out" || fail "'$*' output lacks '$text': $out"
}

for cmd in "" "ingest" "ingest police-uk" "geography" "geography load" "geography areas" "geography compare" "table" "status"; do
  # shellcheck disable=SC2086
  expect 0 "Usage" "$CSA" $cmd --help
done

# A path that does not exist.
expect 2 "no such file or folder" "$CSA" ingest police-uk does-not-exist.csv --db t.db
# A CSV that is not police.uk data fails alone, names its missing columns, and the others load.
printf 'a,b\n1,2\n' > 2025-01-notpolice-street.csv
cp "$CSA_SHARED_DIR/data/police-uk/cambridgeshire/2025-01-cambridgeshire-street.csv" .
expect 2 "missing column(s) Crime ID" "$CSA" ingest police-uk 2025-01-notpolice-street.csv 2025-01-cambridgeshire-street.csv --db t.db -q
[ "$(sqlite3 t.db 'SELECT count(*) FROM batch')" = 1 ] || fail "the good file should still load"
# Bad rows are quarantined with file:line and reason; read = stored + quarantined is printed.
{
  head -n 3 2025-01-cambridgeshire-street.csv
  echo 'abc,2025-13,Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.1,52.2,On or near X,E01017540,Bedford 001A,Burglary,,'
  echo 'abd,2025-01,Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.1,,On or near X,E01017540,Bedford 001A,Burglary,,'
  echo 'abe,2025-01,Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.1,52.2,On or near X,E01017540,Bedford 001A,Shopliftng,,'
  echo 'only,three,fields'
} > 2025-01-mixed-street.csv
expect 0 "read 6 = stored 2 + quarantined 4" "$CSA" ingest police-uk 2025-01-mixed-street.csv --db t.db -q
out=$("$CSA" status --db t.db --quarantine)
grep -qF "line 4: Month '2025-13' is not a valid YYYY-MM month" <<<"$out" || fail "quarantine line 4 reason missing: $out"
grep -qF "line 5: only one coordinate given" <<<"$out" || fail "quarantine line 5 reason missing"
grep -qF "line 6: Crime type 'Shopliftng' is not one of the 14 police.uk crime types" <<<"$out" || fail "line 6 reason missing"
grep -qF "line 7: expected 12 fields as in the header, found 3" <<<"$out" || fail "line 7 reason missing"

# Tables: bad arguments name the value and the fix.
expect 2 "no geography is loaded" "$CSA" table --db t.db --area Cambridge
"$CSA" geography load --db t.db --lookup "$CSA_SHARED_DIR/data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" > /dev/null
expect 2 "is neither a GSS code nor the name" "$CSA" table --db t.db --area Cambrigde
expect 2 "--ye" "$CSA" table --db t.db --area Cambridge --ye 2025-13
expect 2 "shopliftin" "$CSA" table --db t.db --area Cambridge --theme shopliftin
expect 2 "--format 'xml' is not known" "$CSA" table --db t.db --area Cambridge --format xml
expect 2 "--by ward needs a district or county" "$CSA" table --db t.db --area E05013057 --by ward
expect 2 "point-in-polygon assignment needs ward boundaries" "$CSA" table --db t.db --area Cambridge --assign point-in-polygon
expect 0 "not comparable" "$CSA" table --db t.db --area Cambridge --by theme --ye 2025-02 --years 2
expect 2 "nothing to load" "$CSA" geography load --db t.db
expect 3 "cannot open" "$CSA" geography load --db t.db --population nope.csv
# A database file that is not SQLite.
echo "not a database" > junk.db
expect 3 "junk.db" "$CSA" status --db junk.db
echo "bad input checks passed"
