#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Caucasus Atlas needs, skipping those already there.
#   tools/install-deps.sh          to build and run
#   tools/install-deps.sh --test   also to run the tests, benchmarks, sanitizers and fuzzers
#   tools/install-deps.sh --bench  as --test, and Mapnik for bench/bench-mapnik.py (not for CI)
set -euo pipefail

# desktop-file-utils and libgtk-4-bin: meson runs their update tools after an install.
packages=(meson ninja-build pkg-config gcc gettext libglib2.0-dev libglib2.0-dev-bin
          libgtk-4-dev libgtk-4-bin libshumate-dev libsqlite3-dev zlib1g-dev desktop-file-utils)
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
  packages+=(python3 xvfb xauth imagemagick librsvg2-bin poppler-utils appstream locales)
  # tools/test-sanitizers.sh (gcc's ASan and UBSan come with gcc) and tools/fuzz.sh: clang
  # with its libFuzzer runtime, and llvm-symbolizer for readable stacks.
  packages+=(clang libclang-rt-14-dev llvm)
fi
if [ "${1:-}" = "--bench" ]; then
  # The exports are measured beside Mapnik 3.1 drawing the same layers.
  packages+=(python3-mapnik)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
