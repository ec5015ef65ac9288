#!/usr/bin/env bash
# Installs the Debian 12 packages csa builds and runs with. Idempotent: does nothing when all are present.
# Needs root (or sudo) only when something is missing.
set -euo pipefail
pkgs=(
  build-essential cmake pkg-config git ca-certificates
  clang libclang-rt-14-dev          # libFuzzer target for the CSV reader
  libsqlite3-dev sqlite3            # the embedded store; sqlite3 CLI for independent checks in tests
  libgdal-dev libproj-dev libgeos-dev   # boundaries (GDAL/OGR), projections (PROJ), point in polygon (GEOS)
  libfmt-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libboost-math-dev
  libgtest-dev libgmock-dev
  libxxhash-dev                    # content hash of ingested files (same file twice changes nothing)
  zstd time
  libxlsxwriter-dev                # tables.xlsx of the report
  libminizip-dev                   # DOCX cell shading (the zip library libxlsxwriter uses)
  pandoc                           # report.docx (from the report's pandoc document, with a reference.docx)
  chromium                         # report.pdf (headless print of report.html); the atlas's browser tests
  librsvg2-dev libcairo2-dev       # figures: SVG rendered to PNG in-process
  poppler-utils unzip zip          # pdftoppm/pdftotext, unzip: tests look inside the PDF, DOCX, XLSX; zip: data/report/make-reference-docx.sh
  fonts-dejavu-core fonts-liberation2   # the fonts the figures and the PDF are set in (no download at run time)
  libcpp-httplib-dev                # csa serve: the atlas's HTTP server (in the native module)
  wrk                               # bench/atlas_latency.sh: load on the atlas API
  libsodium-dev                     # workspace: Argon2id password hashes, session tokens, CSRF compare
  libpq-dev postgresql              # workspace: the PostgreSQL backend, and a real server for its tests
)
# Node.js and npm build the atlas app (web/); machines of this kind ship Node 20, else Debian's.
command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} Debian packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
