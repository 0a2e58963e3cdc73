#!/usr/bin/env bash
# Runs every libFuzzer harness of a fuzz build for a bounded time each.
#   scripts/fuzz.sh BUILD_DIR SECONDS
# Each fuzzer starts from a copy of its fuzz/corpus/<name> plus fuzz/regressions/<name> in a scratch
# directory, so nothing it writes lands in the repository. A crash input is copied to
# build/fuzz-findings/ and the script fails; add such an input to fuzz/regressions/<name>/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:?usage: scripts/fuzz.sh BUILD_DIR SECONDS}")
seconds=${2:?usage: scripts/fuzz.sh BUILD_DIR SECONDS}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
findings=$PWD/build/fuzz-findings
passed=0
failed=0
mapfile -t fuzzers < <(find "$build/fuzz" -type f -name 'fuzz_*' -perm -u+x | sort)
if [ ${#fuzzers[@]} -eq 0 ]; then
  echo "fuzz: no fuzzers in $build/fuzz (configure with -DEVENTWIRE_FUZZ=ON)" >&2
  exit 1
fi
for fuzzer in "${fuzzers[@]}"; do
  name=${fuzzer##*/fuzz_}
  corpus=$scratch/$name
  mkdir -p "$corpus"
  cp -r fuzz/corpus/"$name"/. fuzz/regressions/"$name"/. "$corpus"/ 2>/dev/null || true
  if (cd "$scratch" && "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 "$corpus" >"$scratch/$name.log" 2>&1); then
    runs=$(grep -m1 'stat::number_of_executed_units' "$scratch/$name.log" | awk '{print $2}')
    echo "fuzz $name: ok, ${runs:-?} executions in ${seconds} s"
    passed=$((passed + 1))
  else
    echo "fuzz $name: FAILED" >&2
    tail -n 40 "$scratch/$name.log" >&2
    mkdir -p "$findings"
    cp "$scratch"/crash-* "$scratch"/leak-* "$scratch"/oom-* "$scratch"/timeout-* "$findings"/ 2>/dev/null || true
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
