#!/usr/bin/env bash
# Sets up the machine, then builds and runs every test: a g++ Release build (warnings are errors)
# with its install checked by building docs/consumer-example against it,
# a clang-14 ASan+UBSan build whose fuzz harnesses link libFuzzer, and each fuzzer for a bounded
# time. FUZZ_SECONDS (default 30) sets the time per fuzzer. The test programs' own sources are
# built with -O1 (g++) and -O0 (sanitizers): the libraries under test keep the build type's
# flags, and the test bodies, most of the build time, run little. Each phase prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc)
started=$SECONDS
phase() { echo "== [$((SECONDS - started)) s] $*" >&2; }

phase "g++ Release build and tests"
# g++ 12 at -O1 takes the delete of Asio's coroutine frames for a mismatch (a false
# -Wmismatched-new-delete that -O3 does not see), in test code only.
cmake -S . -B build/test-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DEVENTWIRE_TEST_OPTIMIZATION="-O1 -Wno-mismatched-new-delete"
cmake --build build/test-release -j "$jobs"
phase "g++ Release tests"
ctest --test-dir build/test-release --output-on-failure -j "$jobs"

phase "install, and a service built on the installed library (find_package and pkg-config)"
bash scripts/check-install.sh build/test-release

phase "clang-14 ASan+UBSan build and tests (fuzz harnesses with libFuzzer)"
# -O1 with line tables only: stack traces keep their lines, assertions stay on, and the build takes
# far less time than -O2 -g.
CXX=clang++-14 cmake -S . -B build/test-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DEVENTWIRE_SANITIZE=ON -DEVENTWIRE_FUZZ=ON -DEVENTWIRE_BENCH=OFF -DEVENTWIRE_TEST_OPTIMIZATION=-O0
cmake --build build/test-asan -j "$jobs"
phase "sanitizer tests"
ctest --test-dir build/test-asan --output-on-failure -j "$jobs"

phase "fuzzers, ${FUZZ_SECONDS:-30} s each"
bash scripts/fuzz.sh build/test-asan "${FUZZ_SECONDS:-30}"
phase "done"
