#!/usr/bin/env bash
# All forces, one month (../shared/data/police-uk/national): 41 files including British Transport
# Police and Northern Ireland, whose rows have no LSOA. Every data line must be read, and read =
# stored + quarantined must hold per file and in total.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK/files" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

tar --zstd -xf "$CSA_SHARED_DIR/data/police-uk/national/2025-01-all-forces-street.tar.zst" -C files
nfiles=$(find files -name '*-street.csv' | wc -l)
[ "$nfiles" = 41 ] || fail "expected 41 files in the national month, found $nfiles"
lines=0
while IFS= read -r f; do lines=$((lines + $(wc -l < "$f") - 1)); done < <(find files -name '*-street.csv')

"$CSA" ingest police-uk files --db national.db -q > ingest.txt
total=$(grep '^total:' ingest.txt)
read_n=$(echo "$total" | sed -E 's/.*read ([0-9,]+) = stored ([0-9,]+) \+ quarantined ([0-9,]+).*/\1/' | tr -d ,)
stored=$(echo "$total" | sed -E 's/.*read ([0-9,]+) = stored ([0-9,]+) \+ quarantined ([0-9,]+).*/\2/' | tr -d ,)
quar=$(echo "$total" | sed -E 's/.*read ([0-9,]+) = stored ([0-9,]+) \+ quarantined ([0-9,]+).*/\3/' | tr -d ,)
[ "$read_n" = "$lines" ] || fail "read $read_n rows, the files hold $lines data lines"
[ $((stored + quar)) = "$read_n" ] || fail "stored $stored + quarantined $quar != read $read_n"
[ "$(sqlite3 national.db 'SELECT count(*) FROM incident')" = "$stored" ] || fail "incident table does not hold $stored rows"
[ "$(sqlite3 national.db 'SELECT count(*) FROM quarantine')" = "$quar" ] || fail "quarantine table does not hold $quar rows"
[ "$(sqlite3 national.db 'SELECT count(*) FROM batch')" = 41 ] || fail "expected 41 batches"
grep -q '^2025-01-btp-street.csv .*loaded' ingest.txt || fail "BTP file not loaded"
grep -q '^2025-01-northern-ireland-street.csv .*loaded' ingest.txt || fail "Northern Ireland file not loaded"
# Northern Ireland rows have coordinates but no LSOA: stored, and counted as not placed by LSOA.
ni_no_lsoa=$(sqlite3 national.db "SELECT count(*) FROM incident i JOIN batch b ON b.id = i.batch_id
                                   WHERE b.force = 'northern-ireland' AND i.lsoa_id IS NULL")
[ "$ni_no_lsoa" -gt 0 ] || fail "Northern Ireland rows should have no LSOA"
# A second load of the same files changes nothing.
before=$(sqlite3 national.db 'SELECT count(*), sum(id) FROM incident')
"$CSA" ingest police-uk files --db national.db -q > again.txt
[ "$(grep -c ' unchanged ' again.txt)" = 41 ] || fail "second ingest should leave all 41 files unchanged"
[ "$(sqlite3 national.db 'SELECT count(*), sum(id) FROM incident')" = "$before" ] || fail "second ingest changed the incidents"
echo "national month: $nfiles files, read $(commas "$read_n") = stored $(commas "$stored") + quarantined $quar; reload unchanged"
