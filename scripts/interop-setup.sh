#!/usr/bin/env bash
# Installs the official @microsoft/signalr client for the interop tests, exactly as pinned in
# tests/interop/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../tests/interop"
if ! command -v npm >/dev/null 2>&1; then
  echo "interop-setup: npm not found; install Node.js (18 or later) to run the interop tests" >&2
  exit 1
fi
# Again only when the lock file changed since the last install.
installed=node_modules/.package-lock.json
if [ -f node_modules/@microsoft/signalr/package.json ] && [ "$installed" -nt package-lock.json ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
