#!/usr/bin/env bash
# Runs every libFuzzer harness of a fuzz build for a bounded time each, as many at once as there
# are cores (FUZZ_JOBS overrides).
#   scripts/fuzz.sh BUILD_DIR SECONDS
# Each fuzzer starts from a copy of its fuzz/corpus/<name> plus fuzz/regressions/<name> in a scratch
# directory, so nothing it writes lands in the repository. A crash input is copied to
# build/fuzz-findings/ and the script fails; add such an input to fuzz/regressions/<name>/ once fixed.
# FUZZ_CORPUS_DIR=DIR keeps each fuzzer's corpus in DIR/<name> across runs instead (seeded from the
# repository's on first use); FUZZ_SAVE_REGRESSIONS=1 also copies each crash input into
# fuzz/regressions/<name>/, where ctest replays it (scripts/fuzz-long.sh sets both).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:?usage: scripts/fuzz.sh BUILD_DIR SECONDS}")
seconds=${2:?usage: scripts/fuzz.sh BUILD_DIR SECONDS}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
findings=$PWD/build/fuzz-findings
mapfile -t fuzzers < <(find "$build/fuzz" -type f -name 'fuzz_*' -perm -u+x | sort)
if [ ${#fuzzers[@]} -eq 0 ]; then
  echo "fuzz: no fuzzers in $build/fuzz (configure with -DEVENTWIRE_FUZZ=ON)" >&2
  exit 1
fi

# One fuzzer; leaves $scratch/<name>.ok or .failed behind.
fuzz_one() {
  local fuzzer=$1 name=${1##*/fuzz_}
  local corpus=$scratch/$name work=$scratch/work-$name
  if [ -n "${FUZZ_CORPUS_DIR:-}" ]; then corpus=$FUZZ_CORPUS_DIR/$name; fi
  mkdir -p "$corpus" "$work"
  cp -rn fuzz/corpus/"$name"/. fuzz/regressions/"$name"/. "$corpus"/ 2>/dev/null || true
  if (cd "$work" && "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 "$corpus" >"$scratch/$name.log" 2>&1); then
    local runs
    runs=$(grep -m1 'stat::number_of_executed_units' "$scratch/$name.log" | awk '{print $2}')
    local size
    size=$(find "$corpus" -type f | wc -l)
    echo "fuzz $name: ok, ${runs:-?} executions in ${seconds} s, corpus $size inputs"
    touch "$scratch/$name.ok"
  else
    echo "fuzz $name: FAILED" >&2
    tail -n 40 "$scratch/$name.log" >&2
    mkdir -p "$findings"
    cp "$work"/crash-* "$work"/leak-* "$work"/oom-* "$work"/timeout-* "$findings"/ 2>/dev/null || true
    if [ "${FUZZ_SAVE_REGRESSIONS:-0}" = 1 ]; then
      mkdir -p fuzz/regressions/"$name"
      cp "$work"/crash-* "$work"/leak-* "$work"/oom-* "$work"/timeout-* fuzz/regressions/"$name"/ 2>/dev/null || true
      echo "fuzz $name: the input is now in fuzz/regressions/$name/ (ctest replays it)" >&2
    fi
    touch "$scratch/$name.failed"
  fi
}

# As many fuzzers at once as there are cores: each is single-threaded.
parallel=${FUZZ_JOBS:-$(nproc)}
for fuzzer in "${fuzzers[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  fuzz_one "$fuzzer" &
done
wait
passed=$(find "$scratch" -maxdepth 1 -name '*.ok' | wc -l)
failed=$(find "$scratch" -maxdepth 1 -name '*.failed' | wc -l)
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -eq ${#fuzzers[@]} ]
