#!/usr/bin/env bash
# The main job: sets up the machine, builds eventwire in Release and runs `eventwire demo`:
# emulators on free loopback ports, the bridge against them, CloudEvents on stdout and a live
# status line on stderr. Arguments go to the demo (e.g. --duration 60s --rate 200).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)" --target eventwire_program
exec build/release/eventwire demo "$@"
