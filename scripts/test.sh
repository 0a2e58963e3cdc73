#!/usr/bin/env bash
# Sets up the machine, then builds and runs every test: a g++ Release build (warnings are errors)
# with its install checked by building docs/consumer-example against it,
# a clang-14 ASan+UBSan build whose fuzz harnesses link libFuzzer, and each fuzzer for a bounded
# time. FUZZ_SECONDS (default 30) sets the time per fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc)

echo "== g++ Release build and tests" >&2
cmake -S . -B build/test-release -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build/test-release -j "$jobs"
ctest --test-dir build/test-release --output-on-failure -j "$jobs"

echo "== install, and a service built on the installed library (find_package and pkg-config)" >&2
bash scripts/check-install.sh build/test-release

echo "== clang-14 ASan+UBSan build and tests (fuzz harnesses with libFuzzer)" >&2
# -O1 with line tables only: stack traces keep their lines, assertions stay on, and the build takes
# far less time than -O2 -g.
CXX=clang++-14 cmake -S . -B build/test-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DEVENTWIRE_SANITIZE=ON -DEVENTWIRE_FUZZ=ON -DEVENTWIRE_BENCH=OFF
cmake --build build/test-asan -j "$jobs"
ctest --test-dir build/test-asan --output-on-failure -j "$jobs"

echo "== fuzzers, ${FUZZ_SECONDS:-30} s each" >&2
bash scripts/fuzz.sh build/test-asan "${FUZZ_SECONDS:-30}"
