#!/usr/bin/env bash
# The main job: sets up the machine, builds eventwire in Release and runs it. Until the
# `eventwire demo` program exists, the main job is the codec benchmarks, each beside its
# reference measured in the same run (see docs/PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)"
for bench in $(find build/release/bench -type f -name 'bench_*' -perm -u+x | sort); do
  echo "== ${bench##*/}"
  "$bench" --benchmark_counters_tabular=true
done
