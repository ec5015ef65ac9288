# Shared by the bench/*.sh scripts (sourced, not run): paths, machine description, timing helpers.
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
SHARED_DIR="${CSA_SHARED_DIR:-$(cd "$REPO_DIR/../shared" 2>/dev/null && pwd || echo "$REPO_DIR/../shared")}"
DATA_DIR="$SHARED_DIR/data"
WORK_DIR="$BENCH_DIR/work"  # git-ignored
CSA="${CSA:-$REPO_DIR/build/csa}"

die() { echo "bench: $*" >&2; exit 1; }

need_csa() {
  [ -x "$CSA" ] || die "no csa binary at $CSA: run 'make build' first (or set CSA=/path/to/csa)"
}

need_duckdb() {
  command -v node >/dev/null || die "node is not installed (DuckDB runs through npm @duckdb/node-api)"
  [ -d "$BENCH_DIR/node_modules/@duckdb/node-api" ] || die "run 'npm ci' in bench/ first"
}

duckdb_version() {
  (cd "$BENCH_DIR" && node --input-type=module -e \
    "import { version } from '@duckdb/node-api'; console.log(version())")
}

# Prints the machine, software and date as Markdown bullet points.
machine_info() {
  local cpu ram
  cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
  ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  echo "- date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- machine: $(nproc) cores ($cpu), $ram RAM, $(uname -sr)"
  echo "- disk: $(df -h "$WORK_DIR" | awk 'NR==2 {print $1 " (" $2 ")"}')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- csa: $("$CSA" --version 2>/dev/null | head -1), commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO_DIR" diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
  echo "- SQLite (system library): $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
  if command -v node >/dev/null && [ -d "$BENCH_DIR/node_modules/@duckdb/node-api" ]; then
    echo "- DuckDB: $(duckdb_version) through @duckdb/node-api $(node -p "require('$BENCH_DIR/node_modules/@duckdb/node-api/package.json').version"), node $(node --version)"
  fi
}

# Wall seconds of a command, printed to stdout (the command's own output goes to $2, stderr to $2.err).
wall_seconds() {
  local out="$1"; shift
  local t0 t1
  t0=$EPOCHREALTIME
  "$@" >"$out" 2>"$out.err"
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}'
}

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# 1234567 -> 1,234,567 (as csa prints counts), whatever the locale.
commas() {
  echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
}

# Reads files once so that every engine starts with them in the page cache.
warm_cache() {
  cat "$@" >/dev/null
}

# Extracts the national month into $WORK_DIR/national (once).
national_month_dir() {
  local dir="$WORK_DIR/national"
  if [ "$(find "$dir" -name '*-street.csv' 2>/dev/null | wc -l)" != 41 ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    tar --zstd -xf "$DATA_DIR/police-uk/national/2025-01-all-forces-street.tar.zst" -C "$dir"
    # Some archives hold a folder: bring the files up to $dir.
    find "$dir" -mindepth 2 -name '*-street.csv' -exec mv -t "$dir" {} +
  fi
  echo "$dir"
}
