#!/usr/bin/env bash
# Gi* on a ~100,000-cell grid (317 × 317 cells of 100 m) with 100,000 synthetic incidents: csa's
# time, then R spdep's on the very same cells (read back from csa's cells.csv), as a ratio from one
# run, and the largest difference between the two sets of z-scores as a check that both computed
# the same thing. Usage: bench/hotspots.sh [path/to/csa]   (default build-hot/csa)
#
# What is timed. csa: placing the points in cells + Gi* + Benjamini–Hochberg (the density is timed
# separately on the next line of its output). R: the neighbour list (dnearneigh + include.self,
# what sfhotspot does) + localG + p.adjust; R does not count points into cells here, so the ratio
# if anything flatters R.
set -euo pipefail
CSA=${1:-${CSA:-build-hot/csa}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== csa hotspots --synthetic 100000 (machine: $(nproc) cores, $(uname -m); $(date -u +%Y-%m-%d))"
"$CSA" hotspots --synthetic 100000 --synthetic-side 31700 --cell-size 100 --out "$work" | tee "$work/csa.txt"
csa_seconds=$(sed -n 's/^Time: *grid counts + Gi\* + FDR \([0-9.]*\) s.*/\1/p' "$work/csa.txt")

if ! Rscript -e 'quit(status = !requireNamespace("spdep", quietly = TRUE))' 2>/dev/null; then
  echo "spdep not installed (apt-get install r-cran-spdep): no R comparison"
  exit 0
fi
echo "== R spdep on the same cells"
Rscript - "$work/cells.csv" "$csa_seconds" <<'REOF'
args <- commandArgs(TRUE)
cells <- read.csv(args[1])
csa <- as.numeric(args[2])
suppressPackageStartupMessages(library(spdep))
xy <- cbind(cells$x, cells$y)
t_nb <- system.time({
  nb <- include.self(dnearneigh(xy, 0, 100 * sqrt(2) + 1e-6))
  lw <- nb2listw(nb, style = "B")
})[["elapsed"]]
t_g <- system.time(z <- as.numeric(localG(cells$count, lw)))[["elapsed"]]
t_q <- system.time(q <- p.adjust(2 * pnorm(-abs(z)), "BH"))[["elapsed"]]
total <- t_nb + t_g + t_q
cat(sprintf("%s, spdep %s: %d cells; neighbours %.2f s, localG %.2f s, BH %.2f s; total %.2f s\n",
            R.version.string, packageVersion("spdep"), nrow(cells), t_nb, t_g, t_q, total))
cat(sprintf("largest |z(csa) - z(spdep)| = %.2g (csa writes 10 significant digits)\n", max(abs(cells$gi_z - z))))
cat(sprintf("ratio, whole (neighbours + localG + BH): spdep / csa = %.0f (%.2f s / %.3f s)\n", total / csa, total, csa))
cat(sprintf("ratio, statistic only (localG + BH; csa's time still includes counting the points into cells): %.0f (%.2f s / %.3f s)\n",
            (t_g + t_q) / csa, t_g + t_q, csa))
REOF
