#!/usr/bin/env bash
# Installs a build into build/install and builds docs/consumer-example against it twice: with
# find_package(eventwire) and with pkg-config. Fails if either cannot build or run.
#   scripts/check-install.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/check-install.sh BUILD_DIR}
prefix=$PWD/build/install
rm -rf "$prefix" build/consumer-cmake build/consumer-pkgconfig
cmake --install "$build" --prefix "$prefix" >/dev/null

cmake -S docs/consumer-example -B build/consumer-cmake -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build build/consumer-cmake

mkdir -p build/consumer-pkgconfig
# shellcheck disable=SC2046
c++ -O1 docs/consumer-example/main.cpp -o build/consumer-pkgconfig/my_hub_consumer \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs eventwire)

for program in build/consumer-cmake/my_hub_consumer build/consumer-pkgconfig/my_hub_consumer; do
  status=0
  "$program" 2>/dev/null || status=$?
  [ "$status" -eq 2 ] || { echo "check-install: $program exited $status, expected its usage (2)" >&2; exit 1; }
done
"$prefix/bin/eventwire" --version
echo "check-install: find_package and pkg-config consumers build and run"
