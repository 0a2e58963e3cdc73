#!/usr/bin/env bash
# ThreadSanitizer (issue 8) over the tests of the code that uses threads: the sessions run on one
# thread each, but the NATS and file sinks write on a worker thread of their own, nats.c (the
# sink, the key-value checkpoint store) has threads of its own, and the hub connection's tests
# run emulators on other threads. clang-14, -O1; the test programs' own sources at -O0.
#   scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
CXX=clang++-14 cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g0" -DCMAKE_CXX_FLAGS="-fsanitize=thread" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DEVENTWIRE_BENCH=OFF -DEVENTWIRE_FAULTS=OFF \
  -DEVENTWIRE_TEST_OPTIMIZATION=-O0 >/dev/null
suites=(test_sink test_state test_hub_connection)
cmake --build build/tsan -j "$(nproc)" --target "${suites[@]}"
failed=0
for suite in "${suites[@]}"; do
  program=$(find build/tsan -name "$suite" -type f -perm -u+x | head -1)
  echo "== $suite"
  TSAN_OPTIONS="halt_on_error=1" "$program" --log_level=warning || failed=1
done
exit "$failed"
