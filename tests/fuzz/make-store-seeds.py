#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the seed stores of fuzz-store from a store the program wrote (run it with --db FULL
# --list actors first): a few records of each kind at version 2 with a saved view, and the
# same at version 1, which the opener upgrades; and a reproducer of issue 10's first defect, an
# empty store of ours at version -1. Small pages keep the seeds small.
#   tests/fuzz/make-store-seeds.py FULL OUTPUT_FOLDER
import os
import shutil
import sqlite3
import sys

full, out = sys.argv[1], sys.argv[2]
v2 = os.path.join(out, 'small-v2.db')
v1 = os.path.join(out, 'small-v1.db')
shutil.copy(full, v2)

con = sqlite3.connect(v2, isolation_level=None)
con.execute('PRAGMA foreign_keys = ON')
con.executescript('''
BEGIN;
DELETE FROM events WHERE id > 4;
DELETE FROM excerpts WHERE id > 4;
DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM excerpts);
DELETE FROM relations WHERE id > 2;
DELETE FROM corridors WHERE id > 1;
DELETE FROM zones WHERE id > 1;
DELETE FROM places WHERE id > 3 AND id NOT IN (SELECT place_id FROM events WHERE place_id IS NOT NULL);
DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM event_actors UNION SELECT actor_a
  FROM relations UNION SELECT actor_b FROM relations UNION SELECT country_id FROM places
  WHERE country_id IS NOT NULL);
INSERT INTO saved_views (name, state) VALUES ('Seed', '{''filter'': <{''from'': <''2025''>,'
  || ' ''actors'': <[int64 1]>, ''kinds'': <@as []>, ''with-excerpts'': <false>}>,'
  || ' ''selection'': <(1, int64 1)>, ''date'': <''2025-08-08''>, ''map'': <(40.5, 45.5, 7.0)>}');
COMMIT;
INSERT INTO excerpt_search (excerpt_search) VALUES ('optimize');
INSERT INTO event_search (event_search) VALUES ('optimize');
PRAGMA page_size = 512;
VACUUM;
''')
assert con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
con.close()

shutil.copy(v2, v1)
con = sqlite3.connect(v1, isolation_level=None)
con.executescript('''
DROP TABLE excerpt_search;
DROP TABLE event_search;
PRAGMA user_version = 1;
VACUUM;
''')
con.close()

negative = os.path.join(out, 'fixed-negative-user-version.db')
if os.path.exists(negative):
    os.remove(negative)
con = sqlite3.connect(negative, isolation_level=None)
con.executescript('''
PRAGMA page_size = 512;
PRAGMA application_id = 1128363116;  -- 0x4341746c, "CAtl"
PRAGMA user_version = -1;
VACUUM;
''')
con.close()
