#!/usr/bin/env bash
# The whole program: `eventwire run --config FILE --count N` consuming `eventwire emulate`
# emulators (each in its own process), into
#   stdout > /dev/null   the reference: everything but the sink
#   file, sync "batch"   fdatasync before each acknowledgement
#   file, sync "never"
#   nats                 JetStream, create_stream, on a nats-server -js started here (fresh store)
#   nats_publish_reference (bench/cli): nats.c alone publishing the same lines to a fresh
#                        nats-server: the ceiling of the client library and the server
# Rows run in turn within each repetition (so a change of load hits them all); one table, figures
# per row: events/s and MB/s (median and range), ratios to the references of the same
# repetition, CPU time (user + system) of the measured process per event, its peak RSS, and the
# CPU time per event of the other processes of the row (emulators, nats-server). eventwire rows are
# timed from the start of the process to its exit; the publisher times itself from its connect to
# the last acknowledgement (reading its input file left out).
#
#   scripts/bench-run.sh [--build DIR] [--count N] [--repeat R] [--sources LIST] [--rate R]
#     --count   events per source (default 1000000; Unity's pages hold 1000)
#     --sources comma-separated scenarios: unity (default), portos, signalr, all (the three together)
#     --rate    the push emulators' rate, events a second (default 10000000: as fast as they go)
#     --program, --reference   the binaries (default DIR/eventwire, DIR/bench/cli/nats_publish_reference)
#     --keep    keep the scratch directory (its path is printed)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/release"
program="" reference=""
count=1000000 repeat=3 scenarios=unity rate=10000000 keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --program) program=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --sources) scenarios=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "bench-run.sh: unknown argument $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
program=${program:-$build/eventwire}
reference=${reference:-$build/bench/cli/nats_publish_reference}
for binary in "$program" "$reference"; do
  [[ -x $binary ]] || { echo "bench-run.sh: $binary is not built" >&2; exit 2; }
done
command -v nats-server >/dev/null || { echo "bench-run.sh: nats-server is missing (scripts/setup.sh)" >&2; exit 2; }

scratch=$(mktemp -d /tmp/eventwire-bench-run-XXXXXX)
pids=()  # the processes started here that may still run
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $keep == 1 ]]; then echo "scratch directory kept: $scratch" >&2; else rm -rf "$scratch"; fi
}
trap cleanup EXIT

fail() {
  echo "bench-run.sh: $*" >&2
  exit 1
}

# Waits until FILE holds a line matching PATTERN, at most SECONDS, while PID lives.
wait_for_line() {
  local file=$1 pattern=$2 seconds=$3 pid=$4
  local deadline=$((SECONDS + seconds))
  until grep -q -- "$pattern" "$file" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || fail "process $pid ended before '$pattern' appeared in $file: $(tail -5 "$file")"
    ((SECONDS < deadline)) || fail "no '$pattern' in $file after ${seconds}s"
    sleep 0.02
  done
}

stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local kept=()
  for p in "${pids[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
  pids=("${kept[@]+"${kept[@]}"}")
}

# Starts `eventwire emulate SYSTEM` for `count` events; appends its sources entries (one JSON
# array a line) to $sources_file and its pid to emulator_pids. Unity's notifications are all made
# available before this returns (pull: fetching faster than they appear would wait poll_interval).
emulator_pids=()
start_emulator() {
  local system=$1 log="$scratch/emulate-$1.log"
  : >"$log"  # emptied before the start: the previous row's lines must not be read as this one's
  "$program" emulate "$system" --count "$count" --rate "$rate" >/dev/null 2>"$log" &
  local pid=$!
  pids+=("$pid")
  emulator_pids+=("$pid")
  wait_for_line "$log" '^\[' 10 "$pid"
  grep '^\[' "$log" >>"$sources_file"
  if [[ $system == unity ]]; then wait_for_line "$log" "all $count events generated" 120 "$pid"; fi
}

# A nats-server with JetStream on a free loopback port, its store fresh; sets nats_pid, nats_url.
start_nats() {
  local dir="$scratch/nats-$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  nats-server -js -a 127.0.0.1 -p -1 -sd "$dir/store" --ports_file_dir "$dir" >"$dir/log" 2>&1 &
  nats_pid=$!
  pids+=("$nats_pid")
  wait_for_line "$dir/log" 'Server is ready' 10 "$nats_pid"
  local port
  port=$(sed -n 's/.*Listening for client connections on 127.0.0.1:\([0-9]*\).*/\1/p' "$dir/log" | head -1)
  [[ -n $port ]] || fail "no client port in $dir/log"
  nats_url="nats://127.0.0.1:$port"
}

now_ns() { date +%s%N; }

# Appends one result line: scenario row repetition microseconds events bytes cpu_seconds rss_kib
# load other_cpu_seconds (the emulators and nats-server)
record() { echo "$*" >>"$scratch/results"; }

# One `eventwire run` of scenario $1 (systems in $2) into sink row $3, repetition $4.
run_program() {
  local scenario=$1 systems=$2 row=$3 rep=$4
  local run="$scratch/$scenario-$row-$rep"
  mkdir -p "$run"
  sources_file="$run/sources"
  : >"$sources_file"
  emulator_pids=()
  local system
  for system in ${systems//,/ }; do start_emulator "$system"; done
  local sources
  sources=$(jq -s -c 'add' "$sources_file")
  local total=$(($(jq 'length' <<<"$sources") * count))
  local sink
  nats_pid=""
  case "$row" in
    stdout) sink='{"type": "stdout"}' ;;
    file-batch) sink="{\"type\": \"file\", \"path\": \"$run/events.ndjson\", \"sync\": \"batch\"}" ;;
    file-never) sink="{\"type\": \"file\", \"path\": \"$run/events.ndjson\", \"sync\": \"never\"}" ;;
    nats) start_nats "$scenario-$rep"
          sink="{\"type\": \"nats\", \"url\": \"$nats_url\", \"create_stream\": true}" ;;
  esac
  cat >"$run/config.json" <<EOF
{"sources": $sources, "sinks": [$sink], "checkpoints": {"type": "file", "dir": "$run/state"}}
EOF
  local load started ended
  load=$(cut -d' ' -f1 /proc/loadavg)
  started=$(now_ns)
  /usr/bin/time -f '%U %S %M' -o "$run/time" \
    "$program" run --config "$run/config.json" --count "$total" --duration 600s >/dev/null 2>"$run/log" ||
    fail "eventwire run failed ($row): $(tail -5 "$run/log")"
  ended=$(now_ns)
  local other_ticks=0  # user + system CPU of the emulators (generation included) and nats-server
  for pid in "${emulator_pids[@]}" ${nats_pid:+"$nats_pid"}; do
    other_ticks=$((other_ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    stop "$pid"
  done
  local delivered
  delivered=$(sed -n 's/.*stopped: [0-9]* events received, \([0-9]*\) delivered to every sink.*/\1/p' "$run/log")
  [[ ${delivered:-0} -ge $total ]] || fail "$row delivered ${delivered:-nothing} of $total: $(tail -5 "$run/log")"
  local bytes=0
  if [[ -f $run/events.ndjson ]]; then
    [[ $(wc -l <"$run/events.ndjson") -ge $total ]] || fail "$row: fewer than $total lines in the file"
    bytes=$(stat -c %s "$run/events.ndjson")
    echo "$bytes" >"$scratch/$scenario-$rep.bytes"
    mv "$run/events.ndjson" "$scratch/$scenario-$rep.ndjson"  # the reference publishes these lines
  fi
  read -r user system_time rss <"$run/time"
  record "$scenario" "$row" "$rep" "$(((ended - started) / 1000))" "$delivered" "$bytes" \
    "$(awk "BEGIN {print $user + $system_time}")" "$rss" "$load" "$(awk "BEGIN {print $other_ticks / $(getconf CLK_TCK)}")"
}

# The nats.c reference publishing the file sink's lines of the same repetition.
run_reference() {
  local scenario=$1 rep=$2 run="$scratch/$1-nats-reference-$2"
  mkdir -p "$run"
  start_nats "$scenario-$rep-reference"
  local load started ended events
  load=$(cut -d' ' -f1 /proc/loadavg)
  events=$(wc -l <"$scratch/$scenario-$rep.ndjson")
  started=$(now_ns)
  /usr/bin/time -f '%U %S %M' -o "$run/time" \
    "$reference" --url "$nats_url" --input "$scratch/$scenario-$rep.ndjson" >"$run/out" 2>"$run/log" ||
    fail "nats_publish_reference failed: $(tail -5 "$run/log")"
  ended=$(now_ns)
  local server_ticks
  server_ticks=$(awk '{print $14 + $15}' "/proc/$nats_pid/stat")
  stop "$nats_pid"
  # Its own figures: from the connect to the last acknowledgement, reading the file left out.
  local seconds cpu_seconds rss
  seconds=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' "$run/out")
  cpu_seconds=$(sed -n 's/.* cpu_seconds=\([0-9.]*\).*/\1/p' "$run/out")
  read -r _ _ rss <"$run/time"
  record "$scenario" nats-reference "$rep" "$(awk "BEGIN {printf \"%d\", $seconds * 1e6}")" "$events" \
    "$(cat "$scratch/$scenario-$rep.bytes")" "$cpu_seconds" "$rss" "$load" \
    "$(awk "BEGIN {print $server_ticks / $(getconf CLK_TCK)}")"
  rm -f "$scratch/$scenario-$rep.ndjson"
}

command -v jq >/dev/null || fail "jq is missing (apt-get install jq)"
: >"$scratch/results"
for scenario in ${scenarios//,/ }; do
  case "$scenario" in
    unity | portos | signalr) systems=$scenario ;;
    all) systems=unity,portos,signalr ;;
    *) fail "unknown scenario $scenario (unity, portos, signalr, all)" ;;
  esac
  for rep in $(seq 1 "$repeat"); do
    for row in stdout file-batch file-never nats; do
      echo "== $scenario, $row, repetition $rep (load $(cut -d' ' -f1 /proc/loadavg))" >&2
      run_program "$scenario" "$systems" "$row" "$rep"
    done
    echo "== $scenario, nats-reference, repetition $rep" >&2
    run_reference "$scenario" "$rep"
  done
done

# The table: per scenario and row, medians and ranges over the repetitions; ratios are taken per
# repetition against that repetition's reference rows, then summarised the same way.
echo "eventwire run, $count events per source, $repeat repetitions, $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
awk '
function median(list, n,    sorted, i, j, t) {
  for (i = 1; i <= n; i++) sorted[i] = list[i]
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
  lo = sorted[1]; hi = sorted[n]
  return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
}
function summary(list, n, scale, format,    m) {
  m = median(list, n)
  return sprintf(format " (" format "-" format ")", m * scale, lo * scale, hi * scale)
}
{
  key = $1 SUBSEP $2
  if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
  if (!($1 in scenario_seen)) { scenario_seen[$1] = 1 }
  seconds = $4 / 1e6
  rate[$1, $2, $3] = $5 / seconds
  bytes_rate[$1, $2, $3] = ($6 > 0 ? $6 : 0) / seconds
  events[$1, $2, $3] = $5
  cpu[$1, $2, $3] = $7 / $5 * 1e6
  rss[$1, $2, $3] = $8 / 1024
  load[$1, $2, $3] = $9
  other[$1, $2, $3] = $10 / $5 * 1e6
  bytes[$1, $3] = $6 > bytes[$1, $3] ? $6 : bytes[$1, $3]
  reps[$1] = $3 > reps[$1] ? $3 : reps[$1]
}
END {
  print "| scenario | sink | events/s | MB/s | / stdout | / nats.c publisher | CPU us/event | peak RSS MiB | emulators + nats-server CPU us/event | load |"
  print "|---|---|---|---|---|---|---|---|---|---|"
  for (r = 1; r <= rows; r++) {
    split(order[r], k, SUBSEP); s = k[1]; w = k[2]; n = reps[s]
    for (i = 1; i <= n; i++) {
      a[i] = rate[s, w, i]
      b[i] = bytes[s, i] / (events[s, w, i] / rate[s, w, i]) / 1e6
      c[i] = rate[s, w, i] / rate[s, "stdout", i]
      d[i] = ((s, "nats-reference", i) in rate) ? rate[s, w, i] / rate[s, "nats-reference", i] : 0
      e[i] = cpu[s, w, i]
      f[i] = rss[s, w, i]
      g[i] = load[s, w, i]
      h[i] = other[s, w, i]
    }
    ratio_ref = (w == "nats" || w == "nats-reference") ? summary(d, n, 1, "%.2fx") : ""
    median(f, n); peak = hi
    median(g, n); loads = sprintf("%.1f-%.1f", lo, hi)
    others = summary(h, n, 1, "%.2f")
    printf "| %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s |\n", s, w, summary(a, n, 1e-3, "%.1fk"),
      summary(b, n, 1, "%.1f"), summary(c, n, 1, "%.2fx"), ratio_ref, summary(e, n, 1, "%.2f"), peak, others, loads
  }
}' "$scratch/results"
