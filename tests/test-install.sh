#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary folder, as a package would, and starts the installed
# program from there with no display: it must find its data, its settings schema and its
# icons, list records, export a map, and (under Xvfb, when there is one) open its window.
#   tests/test-install.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: test-install.sh BUILD_DIR}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null
program=$(find "$dest" -path '*/bin/caucasus-atlas' -type f)
[ -x "$program" ] || { echo "not installed: bin/caucasus-atlas"; exit 1; }
share=$(dirname "$(dirname "$program")")/share
app_id=io.github.caucasusatlas.CaucasusAtlas

for file in "applications/$app_id.desktop" "metainfo/$app_id.metainfo.xml" \
            "icons/hicolor/scalable/apps/$app_id.svg" "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
            "glib-2.0/schemas/$app_id.gschema.xml" "locale/de/LC_MESSAGES/caucasus-atlas.mo"; do
  [ -f "$share/$file" ] || { echo "not installed: share/$file"; exit 1; }
done
# A package manager compiles the schemas on install; do the same here.
glib-compile-schemas "$share/glib-2.0/schemas"

export XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$dest/home" GSETTINGS_BACKEND=memory
unset DISPLAY WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR

"$program" --list corridors > "$dest/corridors.csv"
grep -q "TRIPP" "$dest/corridors.csv" || { echo "the installed program lists no TRIPP"; exit 1; }
"$program" --export "$dest/map.png" --size 640x480
head -c 8 "$dest/map.png" | grep -q "PNG" || { echo "the installed program exported no PNG"; exit 1; }
echo "listed and exported from $program"

if command -v xvfb-run >/dev/null; then
  # The window stays up until it is stopped, and finds its schema and icon.
  status=0
  GTK_A11Y=none NO_AT_BRIDGE=1 timeout 6 xvfb-run -a "$program" 2> "$dest/stderr" || status=$?
  [ "$status" -eq 124 ] || { echo "the installed window ended early ($status):"; cat "$dest/stderr"; exit 1; }
  if grep -E "CRITICAL|not installed|Failed to load" "$dest/stderr"; then
    exit 1
  fi
  echo "the installed window ran"
fi
