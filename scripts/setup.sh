#!/usr/bin/env bash
# Installs every Debian 12 package eventwire needs to build, test, fuzz and benchmark (jq and
# time: scripts/bench-run.sh, run by ctest as bench_smoke_run).
# Idempotent: a machine that already has everything skips apt entirely.
set -euo pipefail

packages=(
  build-essential g++ cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-test1.81-dev libboost-url1.81-dev
  libboost-system1.81-dev
  libbenchmark-dev libssl-dev ca-certificates
  clang-14 libclang-rt-14-dev
  libnats-dev nats-server
  jq time
  systemd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Node.js with npm (for the official SignalR client used as referee): Debian's packages
# only where the machine has none; some images ship a nodejs that bundles npm.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The official @microsoft/signalr client, pinned in tests/interop/package-lock.json.
bash "$(dirname "$0")/interop-setup.sh"
