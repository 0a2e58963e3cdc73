#!/usr/bin/env bash
# Every benchmark, each printing its figures beside a reference measured in the same run (see
# docs/PERFORMANCE.md). Builds in Release first.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)"
for bench in $(find build/release/bench -type f -name 'bench_*' -perm -u+x | sort); do
  echo "== ${bench##*/}"
  "$bench" --benchmark_counters_tabular=true
done
