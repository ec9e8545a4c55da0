#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The core library (app/core/) stays free of the toolkit: none of its files includes a header
# of GTK, GDK, GSK, libshumate or libadwaita, or one of the UI's own; none is compiled with
# their include paths; and its objects call none of their functions.
#   tests/test-core-links.sh CORE_LIBRARY SOURCE_DIR BUILD_DIR
set -euo pipefail
library=${1:?usage: test-core-links.sh CORE_LIBRARY SOURCE_DIR BUILD_DIR}
source=${2:?}
build=${3:?}
toolkit='gtk|gdk|gsk|shumate|adw|graphene'
failures=0

fail () {
  echo "$1"
  sed 's/^/  /'
  failures=$((failures + 1))
}

# What its objects call. A library with no calls at all would be a broken check, not a pass.
undefined=$(nm -u "$library" | awk 'NF { print $NF }' | sort -u)
if ! grep -qx 'sqlite3_open_v2' <<< "$undefined"; then
  echo "nm -u $library does not list the core's calls into SQLite: the check cannot run" >&2
  exit 1
fi
calls=$(grep -E "^($toolkit)_" <<< "$undefined" || true)
[ -z "$calls" ] || fail "libatlas-core calls the toolkit:" <<< "$calls"

# What its files include: the toolkit's headers, or any header that is not the core's own.
cd "$source/app/core"
toolkit_headers=$(grep -nE "^\s*#\s*include\s*<($toolkit)[a-z0-9]*[/.]" ./*.[ch] || true)
[ -z "$toolkit_headers" ] || fail "app/core includes the toolkit's headers:" <<< "$toolkit_headers"
local_headers=$(grep -nE '^\s*#\s*include\s*"' ./*.[ch] |
  while IFS= read -r line; do
    header=$(sed -E 's/.*#\s*include\s*"([^"]+)".*/\1/' <<< "$line")
    case $header in
      config.h | atlas-data-resources.h) ;;
      *) [ -f "$header" ] || echo "$line" ;;
    esac
  done)
[ -z "$local_headers" ] || fail "app/core includes headers from outside it:" <<< "$local_headers"

# How its files are compiled: with no include path of the toolkit.
paths=$(python3 - "$build/compile_commands.json" "$source/app/core/" "$toolkit" <<'PY'
import json, os, re, sys
commands, core, toolkit = sys.argv[1], sys.argv[2], sys.argv[3]
checked = 0
for entry in json.load(open(commands)):
    path = os.path.normpath(os.path.join(entry['directory'], entry['file']))
    if path.startswith(core) and 'libatlas-core' in entry.get('output', entry['command']):
        checked += 1
        found = re.findall(r'-I\S*(?:%s)\S*' % toolkit, entry['command'])
        if found:
            print(os.path.basename(path) + ': ' + ' '.join(sorted(set(found))))
if checked == 0:
    sys.exit('%s has no compile command of libatlas-core: the check cannot run' % commands)
PY
)
[ -z "$paths" ] || fail "app/core is compiled with the toolkit's include paths:" <<< "$paths"

if [ $failures -gt 0 ]; then
  exit 1
fi
echo "libatlas-core: $(grep -c . <<< "$undefined") symbols called, none of the toolkit's;" \
     "$(ls ./*.[ch] | wc -l) files, none including or compiled with its headers"
