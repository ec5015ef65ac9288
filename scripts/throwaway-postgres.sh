# Sourced by tests/cli/workspace_postgres.sh and bench/workspace_load.sh: a throwaway PostgreSQL
# cluster in a folder, listening only on a unix socket there (no TCP, so parallel runs cannot clash).
# As root it runs as the `postgres` system user through runuser.
#   pg_start DIR   -> sets PG_SOCK, PG_AS (the runuser prefix) and starts the server; fails with the install hint
#   pg_createdb NAME
#   pg_stop
pg_bin=${CSA_PG_BIN:-/usr/lib/postgresql/15/bin}
pg_start() {
  PG_DIR=$1
  if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    echo "FAIL: PostgreSQL server binaries not found in $pg_bin; install them with scripts/install-deps.sh (Debian package postgresql)" >&2
    return 1
  fi
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres > /dev/null 2>&1 || { echo "FAIL: running as root needs the postgres system user (Debian package postgresql)" >&2; return 1; }
    chown postgres "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  PG_SOCK=$PG_DIR
  "${PG_AS[@]}" "$pg_bin/initdb" -D "$PG_DIR/pgdata" -U csa --auth=trust -E UTF8 --locale=C.UTF-8 > "$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; echo "FAIL: initdb" >&2; return 1; }
  "${PG_AS[@]}" "$pg_bin/pg_ctl" -D "$PG_DIR/pgdata" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_SOCK' -c max_connections=120 -c fsync=off" start > /dev/null ||
    { cat "$PG_DIR/server.log" >&2; echo "FAIL: the PostgreSQL server did not start" >&2; return 1; }
}
pg_createdb() { "${PG_AS[@]}" "$pg_bin/psql" -h "$PG_SOCK" -U csa -d postgres -qc "CREATE DATABASE $1"; }
pg_stop() { "${PG_AS[@]}" "$pg_bin/pg_ctl" -D "$PG_DIR/pgdata" -m fast stop > /dev/null 2>&1 || true; }
