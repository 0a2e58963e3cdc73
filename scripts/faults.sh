#!/usr/bin/env bash
# The fault suite (docs/RELIABILITY.md): builds eventwire and its driver in Release, then runs the
# real program against each emulator while the driver injects faults, and prints one markdown row
# per source and fault.
#   scripts/faults.sh            every source type, every fault that applies to it (about 11 minutes)
#   scripts/faults.sh --short    webroot-unity with six faults, and signalr sigkill (under 2 minutes)
# Other arguments go to the driver (--source TYPE, --scenario NAME, --rate N; --help lists them);
# --scenario sigstop --scenario sigkill: the rows whose server is a real `eventwire emulate` process.
# Exit status 1 when a row lost events or did not recover.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVENTWIRE_FAULTS=ON >/dev/null
cmake --build build/release -j "$(nproc)" --target eventwire_program eventwire_faults
echo "fault suite: $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -n), eventwire $(build/release/eventwire --version | cut -d' ' -f2)" >&2
exec build/release/eventwire-faults "$@"
