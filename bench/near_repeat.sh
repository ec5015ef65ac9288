#!/usr/bin/env bash
# The near-repeat Knox test at the size of a large city's year of burglaries: 10,000 synthetic
# incidents (80% uniform, 20% in 10 tight clusters, days uniform over a year, fixed seed), the Near
# Repeat Calculator's default bands (5 × 200 m, 5 × 14 days) and 999 permutations, in a 10 km square
# (a city) and a 5 km square (four times the density, so about three times the close pairs). csa's
# own timing lines: finding the close pairs, then the permutations; three runs each on one thread and
# on all threads, and the wall and CPU (user) time of the whole command: on a busy machine the CPU
# time is the steadier measure of the work.
# Usage: bench/near_repeat.sh [path/to/csa]   (default build/csa, or $CSA)
set -euo pipefail
. "$(dirname "$0")/common.sh"
CSA=${1:-$CSA}
need_csa
mkdir -p "$WORK_DIR"

echo "== near-repeat: 10,000 incidents × 999 permutations"
machine_info
for side in 10000 5000; do
  for threads in 1 "$(nproc)"; do
    for run in 1 2 3; do
      t=$(wall_seconds "$WORK_DIR/near_repeat.out" /usr/bin/time -f "%U" -o "$WORK_DIR/near_repeat.cpu" \
        "$CSA" near-repeat --synthetic 10000 --synthetic-side "$side" --threads "$threads" -q)
      pairs=$(sed -n 's/^Pairs: *\(.*\)/\1/p' "$WORK_DIR/near_repeat.out")
      timing=$(sed -n 's/^Time: *//p' "$WORK_DIR/near_repeat.out")
      echo "side ${side} m, ${threads} thread(s), run ${run}: ${pairs}; ${timing}; whole command ${t} s wall," \
        "$(cat "$WORK_DIR/near_repeat.cpu") s CPU"
    done
  done
done
