# csa: the two commands a new user needs are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
JOBS  ?= $(shell nproc)
SHARED ?= $(abspath ../shared)
FUZZ_SECONDS ?= 60

.PHONY: all deps build web build-asan build-fuzz test test-release test-asan fuzz-short demo clean

all: build

deps:
	@./scripts/install-deps.sh

# The atlas app (web/ → web/dist/), bundled by esbuild from the npm packages pinned in
# web/package-lock.json; npm ci runs again only when the lock file changes.
web: deps
	@cd web && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build

build: deps web
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCSA_SHARED_DIR=$(SHARED) >/dev/null
	@cmake --build build -j$(JOBS)

build-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCSA_SANITIZE=ON -DCSA_SHARED_DIR=$(SHARED) >/dev/null
	@cmake --build build-asan -j$(JOBS)

build-fuzz: deps
	@cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCSA_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j$(JOBS)

test-release: build
	cd build && ctest --output-on-failure -j$(JOBS)

test-asan: build-asan
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

# A short libFuzzer run on the CSV reader, seeded with the fixtures; the long run is in docs/FUZZING.md.
fuzz-short: build-fuzz
	@mkdir -p fuzz/corpus-run
	./build-fuzz/csv_reader_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -detect_leaks=1 \
	  -print_final_stats=1 fuzz/corpus-run fuzz/seeds 2>&1 | tail -n 15

test: test-release test-asan fuzz-short
	@echo "make test: all suites passed (release, ASan+UBSan, fuzz $(FUZZ_SECONDS)s)"

demo: build
	@./examples/cambridge/demo.sh $(SHARED)

clean:
	rm -rf build build-asan build-fuzz out
