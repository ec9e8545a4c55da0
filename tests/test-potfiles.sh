#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with strings to translate is in po/POTFILES.in, and every file listed there exists.
#   tests/test-potfiles.sh SOURCE_DIR
set -euo pipefail
cd "${1:?usage: test-potfiles.sh SOURCE_DIR}"
expected=$( (grep -lE '\b(N?_|C_|NC_|g_dngettext) ?\(' app/*.c app/*/*.c;
             grep -l 'translatable="yes"' ui/*.ui ui/gtk/*.ui;
             ls data/*.desktop.in data/*.metainfo.xml.in) | sort -u)
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)
if [ "$expected" != "$listed" ]; then
  echo "po/POTFILES.in differs from the files with translatable strings:"
  diff <(echo "$listed") <(echo "$expected") || true
  exit 1
fi
echo "$(echo "$listed" | wc -l) files in po/POTFILES.in"
