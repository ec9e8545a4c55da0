#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts Caucasus Atlas under Xvfb, lets it settle and saves a PNG of the screen.
#   tools/screenshot.sh OUTPUT.png [WIDTHxHEIGHT] [-- program arguments]
# Needs xvfb and imagemagick (the test set-up installs both).
set -euo pipefail
out=${1:?usage: tools/screenshot.sh OUTPUT.png [WIDTHxHEIGHT] [-- args]}
size=${2:-1400x860}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
here=$(cd "$(dirname "$0")/.." && pwd)
binary=${ATLAS_BINARY:-$here/_build/app/caucasus-atlas}
export GTK_A11Y=none NO_AT_BRIDGE=1 ATLAS_OUT="$out" GSETTINGS_SCHEMA_DIR="$here/_build/data"
xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  "$0" "$@" &
  pid=$!
  sleep "${ATLAS_SETTLE:-4}"
  ${ATLAS_BEFORE_SHOT:-true}
  import -window root "$ATLAS_OUT"
  kill $pid
' "$binary" "$@"
