#!/usr/bin/env bash
# The scheduled fuzzing run (issue 8): every libFuzzer harness, with ASan and UBSan, for MINUTES
# minutes each (default 10), FUZZ_JOBS at once (default: the number of cores). Corpora are kept
# in build/fuzz-corpus/<name> across runs; a crash, leak, timeout or out-of-memory input is copied
# into fuzz/regressions/<name>/, which ctest replays in every build: commit it with the fix.
#   scripts/fuzz-long.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}

bash scripts/setup.sh
CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DEVENTWIRE_SANITIZE=ON -DEVENTWIRE_FUZZ=ON -DEVENTWIRE_BENCH=OFF >/dev/null
targets=$(cmake --build build/fuzz --target help | awk -F: '/^fuzz_/ {print $1}')
# shellcheck disable=SC2086
cmake --build build/fuzz -j "$(nproc)" --target $targets
FUZZ_CORPUS_DIR=$PWD/build/fuzz-corpus FUZZ_SAVE_REGRESSIONS=1 \
  bash scripts/fuzz.sh build/fuzz $((minutes * 60))
