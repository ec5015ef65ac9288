#!/usr/bin/env bash
# A kill -9 in the middle of a large extract file's load leaves the database as it was before that
# file, and a second run loads it. A large file, with no other connection open, is written through
# SQLite's rollback journal instead of the write-ahead log (src/store/sqlite_bulk_write.hpp): the
# kill is aimed at that transaction (its journal exists and its pages are already in the database
# file), so what is checked is the journal's rollback by the next connection to open the database.
set -euo pipefail
: "${CSA:?}" "${CSA_SOURCE_DIR:?}" "${CSA_WORK:?}"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
mapping="$CSA_SOURCE_DIR/examples/mappings/synthetic-crime.toml"
small="$CSA_SOURCE_DIR/tests/fixtures/extract_checks/crime.csv"

# A large file: the fixture's 173 rows repeated, each with its own reference (about 100 MB).
python3 - "$small" > big.csv <<'PY'
import sys
lines = open(sys.argv[1], newline="").read().splitlines()
out = [lines[0]]
rows = lines[1:]
for i in range(900000):
    out.append("K%d," % i + rows[i % len(rows)].split(",", 1)[1])
print("\n".join(out))
PY

"$CSA" ingest extract "$small" --mapping "$mapping" --db k.db -q > first.txt
before_records=$(sqlite3 k.db 'SELECT count(*) FROM extract_record')
before_size=$(stat -c %s k.db)

"$CSA" ingest extract big.csv --mapping "$mapping" --db k.db -q > /dev/null &
pid=$!
# Wait until the big file's transaction is under way in the rollback journal with at least 8 MB of
# its pages written into the database file, then kill without warning.
caught=0
for _ in $(seq 1 1000); do
  if [ -e k.db-journal ] && [ "$(stat -c %s k.db 2>/dev/null || echo 0)" -gt $((before_size + 8000000)) ]; then
    kill -9 "$pid" 2>/dev/null && caught=1
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
wait "$pid" 2>/dev/null || true

# A load that never showed its journal went through the log instead, or was over in under 10 ms.
[ $caught = 1 ] || fail "the load of big.csv never showed a rollback journal with pages written"
if [ $caught = 1 ]; then
  [ -e k.db-journal ] || fail "killed mid-load, yet no rollback journal was left"
  [ "$(stat -c %s k.db)" -gt "$before_size" ] || fail "the kill came before any page was written"
fi
# The next connection rolls the journal back.
[ "$(sqlite3 k.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed"
if [ $caught = 1 ]; then
  [ ! -e k.db-journal ] || fail "the journal is still there after a connection opened the database"
  [ "$(sqlite3 k.db 'SELECT count(*) FROM extract_batch')" = 1 ] || fail "a batch of the killed load is visible"
  [ "$(sqlite3 k.db 'SELECT count(*) FROM extract_record')" = "$before_records" ] ||
    fail "records of the killed load are visible"
  [ "$(stat -c %s k.db)" = "$before_size" ] || fail "the database did not go back to its size before the load"
fi

"$CSA" ingest extract big.csv --mapping "$mapping" --db k.db -q > second.txt
grep -q 'big.csv .* loaded .* read 900,000 = stored' second.txt || fail "the second run: $(cat second.txt)"
[ "$(sqlite3 k.db 'PRAGMA journal_mode')" = wal ] || fail "the database was left out of write-ahead-log mode"
[ ! -e k.db-journal ] || fail "a journal was left after a completed load"
bad=$(sqlite3 k.db "SELECT count(*) FROM extract_batch b WHERE rows_stored !=
        (SELECT count(*) FROM extract_record r WHERE r.id BETWEEN b.first_record_id AND b.last_record_id)")
[ "$bad" = 0 ] || fail "$bad batch(es) whose records do not match their counts"
[ "$(sqlite3 k.db 'SELECT count(*) FROM extract_record')" = \
  "$(sqlite3 k.db 'SELECT sum(rows_stored) FROM extract_batch')" ] || fail "records outside any batch"
echo "killed mid-load in the rollback journal: the database went back to its state before the file; the second run loaded it"
