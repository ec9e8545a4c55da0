#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and starts Caucasus Atlas on its bundled data. Arguments go to the program,
# e.g. tools/run.sh --db /tmp/other.db
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build
# The settings schema, compiled in the build folder, for a run without installing.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec _build/app/caucasus-atlas "$@"
