#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds with AddressSanitizer and UndefinedBehaviorSanitizer in _build-sanitize and runs the
# whole test suite there, display tests included: any finding fails the run. Leaks of
# third-party libraries only are suppressed in tests/lsan.supp.
#   tools/test-sanitizers.sh [MESON TEST ARGUMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --test

build=_build-sanitize
# -fno-sanitize-recover: UBSan otherwise reports and carries on, and a test would pass.
options=(-Dwerror=true -Db_sanitize=address,undefined -Dc_args=-fno-sanitize-recover=all)
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" "${options[@]}"
else
  meson setup "$build" "${options[@]}"
fi
ninja -C "$build"
meson test -C "$build" --setup sanitize --print-errorlogs "$@"
