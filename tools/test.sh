#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds with warnings as errors and runs every test: the displayless ones and the
# display ones under Xvfb. Also checks the dataset files with tools/dataset-check.py.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --test
if [ -f _build/build.ninja ]; then
  meson configure _build -Dwerror=true
else
  meson setup _build -Dwerror=true
fi
ninja -C _build
python3 tools/dataset-check.py
meson test -C _build --print-errorlogs "$@"
