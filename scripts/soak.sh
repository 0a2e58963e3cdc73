#!/usr/bin/env bash
# Sustained load (issue 8): `eventwire demo` (all five systems' emulators in the same process, six
# sources) at RATE events a second per source for MINUTES minutes into stdout > /dev/null, its
# resident memory sampled every INTERVAL seconds. Prints the samples, events per second, CPU per
# event, and the growth of the resident memory from the end of the warm-up (the first tenth of
# the run) to its largest later sample; fails when that passes 5%, when the demo exits with an
# error, or when a source logs an error.
#   scripts/soak.sh [--minutes M] [--rate R] [--interval S] [--build DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=60 rate=2000 interval=10 build=build/release
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "usage: scripts/soak.sh [--minutes M] [--rate R] [--interval S] [--build DIR]" >&2; exit 2 ;;
  esac
done
program=$build/eventwire
[ -x "$program" ] || { echo "soak: $program missing (cmake --build $build --target eventwire_program)" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "soak: eventwire demo, $rate events/s per source, $minutes min, RSS every $interval s; $(date -u +%FT%TZ), $(nproc) cores"
"$program" demo --rate "$rate" --duration "${minutes}m" >/dev/null 2>"$scratch/log" &
pid=$!
started=$SECONDS
samples=()
cpu_ticks=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  cpu_ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo "${cpu_ticks:-0}")
  [ -n "$rss" ] && samples+=("$((SECONDS - started)) $rss") && echo "  t=$((SECONDS - started)) s  RSS ${rss} KiB  load $(cut -d' ' -f1 /proc/loadavg)"
  # Sampled with a bounded wait on the process itself: no sleep decides an outcome.
  timeout "$interval" tail --pid="$pid" -f /dev/null || true
done
status=0
wait "$pid" || status=$?
cpu=$(awk -v n="$cpu_ticks" -v t="$(getconf CLK_TCK)" 'BEGIN {print n / t}')  # at the last sample
received=$(grep -o 'stopped: [0-9]* events received, [0-9]* delivered' "$scratch/log" | tail -1 || true)
delivered=$(echo "$received" | awk '{print $5}')
errors=$(grep -c '"level":"error"' "$scratch/log" || true)
elapsed=$((SECONDS - started))

warm=$(( ${#samples[@]} / 10 ))
[ "$warm" -lt 1 ] && warm=1
base=$(echo "${samples[$warm]:-0 0}" | awk '{print $2}')
peak=$base
for s in "${samples[@]:$warm}"; do v=${s#* }; [ "$v" -gt "$peak" ] && peak=$v; done
growth=$(awk -v b="$base" -v p="$peak" 'BEGIN {printf "%.1f", (b > 0 ? 100 * (p - b) / b : 0)}')
echo "soak: exit $status, $received in $elapsed s: $(awk -v d="${delivered:-0}" -v e="$elapsed" 'BEGIN {printf "%.0f", d / e}') events/s;" \
  "CPU $(awk -v c="$cpu" -v d="${delivered:-0}" 'BEGIN {printf "%.1f", (d > 0 ? 1e6 * c / d : 0)}') us/event (emulators included); $errors error lines"
echo "soak: RSS after warm-up ${base} KiB, largest later ${peak} KiB: growth ${growth}% (limit 5%)"
[ "$status" -eq 0 ] && [ "$errors" -eq 0 ] && awk -v g="$growth" 'BEGIN {exit !(g <= 5)}'
