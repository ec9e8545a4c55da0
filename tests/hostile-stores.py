#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""hostile-stores.py: the program against stores made to break it (issue 10).

A real store is made with the built program, then mutated copies of it (byte flips,
truncations, zeroed pages, headers that lie) and hand-made hostile ones (views, triggers,
endless recursive queries, huge and invalid text, NaN and infinite coordinates, special
files). On each, the program lists events and excerpts and exports the map, with no display.
Each run must be refused with a message naming the file (exit 1 or 2) or work correctly, and
never crash, hang, log a GLib CRITICAL or WARNING, or write invalid UTF-8; the file is never
modified and nothing is left beside it.

  hostile-stores.py                       500 mutants with a fixed seed (CI)
  ATLAS_HOSTILE_MUTANTS=5000 hostile-stores.py
                                          more of them, with a random seed that it prints
  hostile-stores.py --seed S --mutants N  the same run again
  hostile-stores.py --only NAME --keep D  some stores again, keeping those that fail in D

It prints "hostile: N stores, N refused, N opened, N failures" and exits 1 on any failure.
"""

import argparse
import concurrent.futures
import os
import random
import shutil
import sqlite3
import stat
import struct
import sys
import tempfile

import campaign

CI_MUTANTS = 500
CI_SEED = 777
TIME_LIMIT = 10.0
EXPORT_SIZE = ('--size', '400x300')


class Store:
    """A hostile store: how to make it, and what the program may do with it.

    expect is 'open' (every command must work), 'refuse' (every command must be refused) or
    'either'. events is the number of events a listing must show when it works, None when
    unknown. views are saved views to export. hint is a word a refusal must hold, and
    forbidden words it must not (the messages that misdescribe the file). writer saves a view
    in it too. brief (for the mutants, to keep CI short) skips the export without a view, and
    the other commands once the first is refused: they open the store the same way. Views in
    plain hold nothing usable, so when they work they must export what no view exports."""

    def __init__(self, name, make, expect='either', events=None, views=(), hint=None,
                 forbidden=(), writer=False, brief=False, plain=()):
        self.name = name
        self.make = make
        self.expect = expect
        self.events = events
        self.views = list(views)
        self.hint = hint
        self.forbidden = forbidden
        self.writer = writer
        self.brief = brief
        self.plain = plain


# Mutants ---------------------------------------------------------------------------------

# Header fields (offset, size) and the lies to tell in them: a number, a function of the
# true page count, or None for a random value.
HEADER_LIES = {
    'page size': (16, 2, [0, 1, 2, 256, 512, 1024, 2048, 8192, 32768, 65535, None]),
    'write version': (18, 1, [0, 2, 3, 255]),
    'read version': (19, 1, [0, 2, 3, 255]),
    'reserved bytes': (20, 1, [1, 8, 32, 255]),
    'payload fractions': (21, 1, [0, 32, 255]),
    'change counter': (24, 4, [0, None]),
    'page count': (28, 4, [0, 1, 2, lambda p: p - 1, lambda p: p + 1, lambda p: 2 * p,
                           0x7fffffff, 0xffffffff, None]),
    'freelist trunk': (32, 4, [1, 2, lambda p: p, lambda p: p + 5, 0xffffffff, None]),
    'freelist count': (36, 4, [1, 2, 100, lambda p: p, 0xffffffff, None]),
    'schema cookie': (40, 4, [0, 1, 0xffffffff, None]),
    'schema format': (44, 4, [0, 5, 99, None]),
    'largest root page': (52, 4, [1, lambda p: p, 0xffffffff, None]),
    'text encoding': (56, 4, [0, 2, 3, 4, 99]),
    'user_version': (60, 4, [-1, -2, -2147483648, 0, 1, campaign.LATEST_VERSION + 1, 2147483647, None]),
    'incremental vacuum': (64, 4, [1, None]),
    'application_id': (68, 4, [0, 1, campaign.APPLICATION_ID + 1, None]),
    'version-valid-for': (92, 4, [0, None]),
}


def lie_about(data, rng, pages):
    field = rng.choice(sorted(HEADER_LIES))
    offset, size, values = HEADER_LIES[field]
    value = rng.choice(values)
    if value is None:
        value = rng.getrandbits(8 * size)
    elif callable(value):
        value = value(pages)
    value &= (1 << (8 * size)) - 1
    data[offset:offset + size] = value.to_bytes(size, 'big')
    shown = struct.unpack('>i', value.to_bytes(4, 'big'))[0] if size == 4 else value
    return f'{field} = {shown}'


def flip_bytes(data, rng):
    count = rng.choice([1, 1, 1, 2, 3, 8, 32])
    offsets = sorted(rng.randrange(100) if rng.random() < 0.3 else rng.randrange(len(data))
                     for _ in range(count))
    for offset in offsets:
        data[offset] ^= rng.randrange(1, 256)
    return f'{count} bytes flipped at {",".join(map(str, offsets[:8]))}'


def mutate(base, page_size, rng):
    """A mutated copy of @base and what was done to it."""
    data = bytearray(base)
    pages = len(data) // page_size
    kind = rng.choices(['flip', 'truncate', 'zero', 'header', 'header+flip'],
                       weights=[30, 15, 15, 30, 10])[0]
    if kind == 'flip':
        return bytes(data), flip_bytes(data, rng)
    if kind == 'truncate':
        # Not to 0 bytes: an empty file is a new store, which the program fills.
        length = rng.choice([rng.randrange(1, 200), rng.randrange(1, len(data)),
                             rng.randrange(1, pages) * page_size,
                             rng.randrange(1, pages) * page_size + rng.choice([-1, 1, 100])])
        return bytes(data[:length]), f'truncated to {length} bytes'
    if kind == 'zero':
        page = rng.randrange(pages)
        data[page * page_size:(page + 1) * page_size] = bytes(page_size)
        return bytes(data), f'page {page + 1} zeroed'
    description = lie_about(data, rng, pages)
    if kind == 'header+flip':
        description += ', ' + flip_bytes(data, rng)
    return bytes(data), description


def mutants(base, page_size, count, seed):
    rng = random.Random(seed)
    stores = []
    for i in range(count):
        data, description = mutate(base, page_size, rng)
        stores.append(Store(f'mutant-{i:05d} ({description})', write_bytes(data),
                            views=['view 0'], brief=True))
    return stores


def write_bytes(data):
    def make(folder):
        path = os.path.join(folder, 'store.db')
        with open(path, 'wb') as file:
            file.write(data)
        return path
    return make


# Hand-made hostile stores ----------------------------------------------------------------

def derived(base, sql):
    """A copy of the real store @base (or a new file when None) changed by @sql through SQLite
    itself, so that it passes every check of the file format and only its content is hostile."""
    def make(folder):
        path = os.path.join(folder, 'store.db')
        if base:
            shutil.copyfile(base, path)
        db = sqlite3.connect(path, isolation_level=None)
        db.executescript(sql)
        db.close()
        return path
    return make


def invalid_utf8(column):
    """SQL for @column with bytes that are not UTF-8 inside it: a lone continuation byte, an
    overlong form and a byte that never occurs, kept as TEXT by the CAST."""
    return f"CAST (X'C328' || CAST ({column} AS BLOB) || X'80FFC0AF' AS TEXT)"


ENDLESS = 'WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)'

PLACES_COLUMNS = ("n AS id, 'p' || n AS key, 'city' AS kind, 'Nowhere' AS name, 40.0 AS lat, "
                  "45.0 AS lon, NULL AS country_id, 0 AS approximate, NULL AS description")

# Saved view states that the program might write itself (NaN, infinities) or that someone
# wrote by hand; each is exported with --view.
ODD_VIEWS = {
    'nan-map': "{'map': <(nan, nan, nan)>}",
    'inf-map': "{'map': <(inf, -inf, inf)>}",
    'huge-map': "{'map': <(1e308, -1e308, 1e308)>}",
    'bad-date': "{'date': <'2025-02-30'>}",
    'not-a-date': "{'date': <'yesterday'>}",
    'bad-filter-dates': "{'filter': <{'from': <'2025-13'>, 'to': <'0000-00-00'>}>}",
    'odd-search': "{'filter': <{'text': <'\"* NEAR( OR AND -'>}>}",
    'unknown-ids': "{'filter': <{'actors': <[int64 -1, 9223372036854775807]>, "
                   "'places': <[int64 0]>}>, 'selection': <(99, 123456789)>}",
    'wrong-types': "{'map': <'here'>, 'filter': <[1, 2]>, 'date': <42>, 'selection': <'x'>}",
    'deep-variants': "{'filter': <" + '<' * 300 + "{'a': <1>}" + '>' * 300 + ">}",
    'deep-arrays': "{'lanes': <" + '[' * 300 + ']' * 300 + ">}",
    'empty': '{}',
    'not-a-dict': '[1, 2, 3]',
    'garbage': "{'map': <(1.0, 2.0",
}


def sql_text(text):
    return "'" + text.replace("'", "''") + "'"


def view_rows(views):
    return ''.join(f'INSERT INTO saved_views (name, state) VALUES ({sql_text(name)}, '
                   f'{sql_text(state)});\n' for name, state in views.items())


def hand_made(base, events):
    ours = campaign.APPLICATION_ID
    unchanged_views = ['view 0', 'view 1']
    stores = [
        Store('pristine', derived(base, ''), 'open', events, unchanged_views, writer=True),
        Store('wal-mode', derived(base, 'PRAGMA journal_mode = WAL;'), 'open', events,
              unchanged_views, writer=True),
        Store('wrong-application-id', derived(base, 'PRAGMA application_id = 305419896;'),
              'refuse'),
        Store('no-application-id', derived(base, 'PRAGMA application_id = 0;'), 'refuse'),
        Store('user-version-negative', derived(base, 'PRAGMA user_version = -1;'), 'refuse'),
        Store('user-version-minimum', derived(base, 'PRAGMA user_version = -2147483648;'),
              'refuse'),
        Store('user-version-huge', derived(base, 'PRAGMA user_version = 2147483647;'),
              'refuse'),
        Store('user-version-newer', derived(base, f'PRAGMA user_version = {campaign.LATEST_VERSION + 1};'),
              'refuse'),
        # A version 2 store that says it is version 1: its upgrade cannot work.
        Store('user-version-older', derived(base, 'PRAGMA user_version = 1;'), 'refuse'),
        Store('user-version-0-our-id', derived(base, 'PRAGMA user_version = 0;'), 'refuse',
              forbidden=('already exists',)),
        Store('our-id-no-tables',
              derived(None, f'PRAGMA application_id = {ours}; PRAGMA user_version = 2;'),
              'refuse',
              forbidden=('no such table',)),
        # Views and triggers: a store that passes every check of the format can still hold
        # queries that never end, or that wipe the data when the program writes.
        Store('places-view-endless',
              derived(base, f'DROP TABLE places; CREATE VIEW places AS {ENDLESS} '
                            f'SELECT {PLACES_COLUMNS} FROM r;')),
        Store('places-view-bounded',
              derived(base, f'DROP TABLE places; CREATE VIEW places AS {ENDLESS} '
                            f'SELECT {PLACES_COLUMNS} FROM r LIMIT 3;')),
        Store('places-view-load-extension',
              derived(base, "DROP TABLE places; CREATE VIEW places AS SELECT 1 AS id, "
                            "load_extension ('/nonexistent/libevil') AS key, 'city' AS kind, "
                            "'x' AS name, 40.0 AS lat, 45.0 AS lon, NULL AS country_id, "
                            "0 AS approximate, NULL AS description;")),
        Store('extra-view', derived(base, f'CREATE VIEW extra AS {ENDLESS} SELECT n FROM r;'),
              events=events),
        Store('extra-table', derived(base, 'CREATE TABLE extra (x); INSERT INTO extra VALUES (1);'),
              events=events),
        Store('extra-column', derived(base, 'ALTER TABLE events ADD COLUMN extra TEXT;'),
              events=events),
        Store('extra-index', derived(base, 'CREATE INDEX extra ON events (title, summary);'),
              events=events),
        Store('trigger-wipes-on-save',
              derived(base, ''.join(f'CREATE TRIGGER wipe_{when} AFTER {when} ON saved_views '
                                    'BEGIN DELETE FROM event_actors; DELETE FROM events; END;'
                                    for when in ('INSERT', 'UPDATE'))),
              events=events, writer=True),
        Store('trigger-endless-on-save',
              derived(base, ''.join(f'CREATE TRIGGER endless_{when} AFTER {when} ON saved_views '
                                    f'BEGIN INSERT INTO saved_views (name, state) {ENDLESS} '
                                    "SELECT 'x' || n, '{}' FROM r; END;"
                                    for when in ('INSERT', 'UPDATE'))),
              events=events, writer=True),
        # Huge and odd text.
        Store('huge-summary',
              derived(base, "UPDATE events SET summary = printf ('%.*c', 20000000, 'x') "
                            'WHERE id = (SELECT min (id) FROM events);'), events=events),
        Store('blobs-in-text',
              derived(base, 'UPDATE places SET name = randomblob (100000) '
                            'WHERE id = (SELECT min (id) FROM places);'
                            'UPDATE actors SET name = zeroblob (16) '
                            'WHERE id = (SELECT min (id) FROM actors);'
                            'UPDATE events SET title = randomblob (5000) '
                            'WHERE id = (SELECT max (id) FROM events);'), events=events),
        Store('nul-in-text',
              derived(base, "UPDATE excerpts SET text = CAST (X'41004200' AS TEXT);"
                            "UPDATE events SET summary = CAST (X'00' AS TEXT);"),
              events=events),
        Store('invalid-utf8-places',
              derived(base, f"UPDATE places SET name = {invalid_utf8('name')};"
                            f"UPDATE names SET name = {invalid_utf8('name')} "
                            'WHERE place_id IS NOT NULL;'), events=events),
        Store('invalid-utf8-actors',
              derived(base, f"UPDATE actors SET name = {invalid_utf8('name')};"
                            f"UPDATE names SET name = {invalid_utf8('name')} "
                            'WHERE actor_id IS NOT NULL;'), events=events),
        Store('invalid-utf8-events',
              derived(base, f"UPDATE events SET title = {invalid_utf8('title')}, "
                            f"summary = {invalid_utf8('summary')};"), events=events),
        Store('invalid-utf8-excerpts',
              derived(base, f"UPDATE excerpts SET text = {invalid_utf8('text')};"
                            f"UPDATE sources SET title = {invalid_utf8('title')}, "
                            f"author = {invalid_utf8('author')};"), events=events),
        Store('invalid-utf8-view-name',
              derived(base, 'INSERT INTO saved_views (name, state) VALUES '
                            f"({invalid_utf8(chr(39) + 'bad' + chr(39))}, '{{}}');"),
              events=events, views=unchanged_views),
        Store('invalid-utf8-view-state',
              derived(base, "INSERT INTO saved_views (name, state) VALUES ('bad', "
                            "CAST (X'7B2764617465273A203C27' || X'C328FF' || X'273E7D' AS TEXT));"),
              events=events, views=['bad']),
        Store('odd-view-states', derived(base, view_rows(ODD_VIEWS)), events=events,
              views=list(ODD_VIEWS), plain=['nan-map', 'wrong-types', 'empty']),
        # Coordinates that are not numbers: SQLite keeps NaN as NULL, so infinities (9e999),
        # numbers far out of range and text stand in for it.
        Store('infinite-coordinates',
              derived(base, 'PRAGMA ignore_check_constraints = ON;'
                            'UPDATE places SET lat = 9e999, lon = -9e999 WHERE id % 2 = 0;'
                            'UPDATE corridor_points SET lat = -9e999 WHERE seq = 1;'
                            'UPDATE zone_points SET lon = 9e999 WHERE seq = 0;'), events=events),
        Store('huge-coordinates',
              derived(base, 'PRAGMA ignore_check_constraints = ON;'
                            'UPDATE places SET lat = 1e300, lon = -1e300;'
                            'UPDATE corridor_points SET lon = 1e308;'), events=events),
        Store('text-coordinates',
              derived(base, 'PRAGMA ignore_check_constraints = ON;'
                            "UPDATE places SET lat = CAST ('nan' AS TEXT), "
                            "lon = CAST ('inf' AS TEXT);"
                            "UPDATE zone_points SET lat = CAST ('NaN' AS TEXT);"), events=events),
        Store('invalid-dates',
              derived(base, 'PRAGMA ignore_check_constraints = ON;'
                            "UPDATE events SET start = '2025-02-30' WHERE id % 3 = 0;"
                            "UPDATE events SET start = 'soon' WHERE id % 3 = 1;"
                            "UPDATE sources SET date = '99999';"), events=events),
        # Files that are not regular files.
        Store('symlink', make_symlink(base), events=events, hint='link'),
        Store('fifo', special('fifo'), 'refuse'),
        Store('null-device', special('null'), 'refuse'),
        Store('directory', special('folder'), 'refuse'),
    ]
    return stores


def make_symlink(base):
    def make(folder):
        target = os.path.join(folder, 'target.db')
        shutil.copyfile(base, target)
        os.symlink('target.db', os.path.join(folder, 'store.db'))
        return os.path.join(folder, 'store.db')
    return make


def special(kind):
    """Something that is not a regular file where the store should be. For the null device
    it is /dev/null itself, unless we are root: then SQLite could create /dev/null-journal on
    the machine, so a device like it is made in the folder instead."""
    def make(folder):
        path = os.path.join(folder, 'store.db')
        if kind == 'fifo':
            os.mkfifo(path)
        elif kind == 'folder':
            os.mkdir(path)
        elif os.geteuid() != 0:
            return '/dev/null'
        else:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return path
    return make


# Judging ---------------------------------------------------------------------------------

def fingerprint(path):
    """What must not change: the content of a file (through a link), what a special file is."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return ('link', os.readlink(path), fingerprint(os.path.realpath(path)))
    if stat.S_ISREG(info.st_mode):
        return ('file', campaign.sha256(path))
    if stat.S_ISDIR(info.st_mode):
        return ('folder', sorted(os.listdir(path)))
    return ('special', stat.S_IFMT(info.st_mode), info.st_rdev)


def png_size(path):
    try:
        with open(path, 'rb') as file:
            head = file.read(24)
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def judge(store, result, command, names):
    """What is wrong with one run of @command on @store."""
    problems = result.problems()
    if problems:
        return problems
    if result.returncode == 0:
        if store.expect == 'refuse':
            return ['opened, but must be refused']
        if command[:2] == ['--list', 'events']:
            return campaign.check_listing(result, campaign.EVENTS_HEADER, store.events)
        if command[:2] == ['--list', 'excerpts']:
            return campaign.check_listing(result, campaign.EXCERPTS_HEADER)
        output = command[command.index('--export') + 1]
        if png_size(output) != (400, 300):
            return [f'exit 0 but the export is not a 400×300 PNG: {png_size(output)}']
        return []
    if store.expect == 'open':
        return [f'refused, but must open: {result.stderr_text().strip()[:300]}']
    message = result.stderr_text().strip()
    if not message:
        return [f'exit {result.returncode} with no message']
    problems = []
    if not any(name in message for name in names):
        problems.append(f'the message does not name the file: {message[:300]}')
    if store.hint and store.hint not in message.lower():
        problems.append(f'the message does not say why (“{store.hint}”): {message[:300]}')
    for word in store.forbidden:
        if word in message:
            problems.append(f'the message misdescribes the file: {message[:300]}')
    return problems


def row_counts(path):
    tables = ['actors', 'places', 'corridors', 'events', 'event_actors', 'excerpts',
              'excerpt_links', 'sources', 'names', 'relations']
    return {table: campaign.query(path, f'SELECT count (*) FROM {table}')[0][0]
            for table in tables}


def try_writer(store, path, names):
    """Saves one view through the program's code: either refused, or the view is there and
    nothing else changed (a trigger could have wiped the events)."""
    writer = os.environ.get('ATLAS_VIEW_WRITER')
    if not writer:
        return ['ATLAS_VIEW_WRITER is not set']
    before = fingerprint(path)
    counts = row_counts(path)
    result = campaign.run([writer, path, '1'], timeout=TIME_LIMIT)
    problems = result.problems()
    if problems:
        return [f'saving a view: {p}' for p in problems]
    if result.returncode != 0:
        message = result.stderr_text().strip()
        if store.expect == 'open':
            problems.append(f'saving a view was refused, but must work: {message[:300]}')
        if fingerprint(path) != before:
            problems.append('saving a view was refused, but the file was modified')
        if not any(name in message for name in names):
            problems.append(f'saving a view was refused without naming the file: {message}')
        return problems
    state = campaign.integrity(path)
    after = row_counts(path) if state == 'ok' else None
    if state != 'ok':
        problems.append(f'after saving a view: {state}')
    elif after != counts:
        changed = {t: f'{n} → {after[t]}' for t, n in counts.items() if after[t] != n}
        problems.append(f'saving a view changed other tables: {changed}')
    elif not campaign.query(path, "SELECT 1 FROM saved_views WHERE name = 'view 0'"):
        problems.append('saving a view was acknowledged but the view is not there')
    return problems


def label(command):
    """A command as the report shows it: files by their names only."""
    return ' '.join(os.path.basename(word) if os.path.isabs(word) else
                    f'“{word}”' if ' ' in word else word for word in command)


def examine(store, scratch, keep):
    """Runs every command on @store; returns (outcome, problems)."""
    folder = tempfile.mkdtemp(prefix='store-', dir=scratch)
    exports = tempfile.mkdtemp(prefix='exports-', dir=scratch)
    path = store.make(folder)
    names = {os.path.basename(path), os.path.basename(os.path.realpath(path))}
    beside = sorted(os.listdir(folder))
    watched = [path + suffix for suffix in ('-journal', '-wal', '-shm')
               if not os.path.exists(path + suffix)]
    before = fingerprint(path)

    commands = [['--list', 'events'], ['--list', 'excerpts']]
    if not store.brief:
        commands.append(['--export', os.path.join(exports, 'map.png'), *EXPORT_SIZE])
    commands += [['--view', view, '--export', os.path.join(exports, 'view.png'), *EXPORT_SIZE]
                 for view in store.views]
    problems = []
    opened = False
    plain_picture = None
    for command in commands:
        result = campaign.atlas(path, *command, timeout=TIME_LIMIT)
        view_names = names | {command[1]} if command[0] == '--view' else names
        found = judge(store, result, command, view_names)
        if not found and result.returncode == 0 and command[0] == '--export':
            plain_picture = read_bytes(command[1])
        elif not found and result.returncode == 0 and command[1] in store.plain and \
                read_bytes(command[3]) != plain_picture:
            found = ['exit 0 but not the picture of the default view: '
                     'what is not usable in the view was used']
        problems += [f'{label(command)}: {p}' for p in found]
        opened = opened or (result.returncode == 0 and not found)
        for output in os.listdir(exports):
            os.unlink(os.path.join(exports, output))
        if result.hung:
            break  # the others would hang as well, and each costs the whole time limit
        if store.brief and result.returncode != 0 and not found:
            break

    if fingerprint(path) != before:
        problems.append('the file was modified')
    left = {os.path.basename(p) for p in watched if os.path.exists(p)}
    left.update(campaign.leftovers(folder, beside))
    if left:
        problems.append(f'left beside it: {", ".join(sorted(left))}')
    if store.writer and not any('hang' in p for p in problems):
        problems += try_writer(store, path, names)

    if problems and keep:
        shutil.copytree(folder, os.path.join(keep, store.name.split(' ')[0]), symlinks=True,
                        ignore_dangling_symlinks=True, dirs_exist_ok=True,
                        copy_function=copy_regular)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(exports, ignore_errors=True)
    if problems:
        return 'failure', problems
    return ('opened' if opened else 'refused'), []


def read_bytes(path):
    with open(path, 'rb') as file:
        return file.read()


def copy_regular(source, target):
    if stat.S_ISREG(os.lstat(source).st_mode):
        shutil.copy2(source, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--mutants', type=int,
                        default=int(os.environ.get('ATLAS_HOSTILE_MUTANTS', CI_MUTANTS)))
    parser.add_argument('--seed', type=int, default=os.environ.get('ATLAS_HOSTILE_SEED'))
    parser.add_argument('--jobs', type=int, default=int(os.environ.get('ATLAS_HOSTILE_JOBS', 2)))
    parser.add_argument('--only', action='append', help='stores whose name starts so')
    parser.add_argument('--keep', help='a folder to copy the failing stores into')
    options = parser.parse_args()
    if options.seed is None:
        options.seed = CI_SEED if options.mutants == CI_MUTANTS else random.randrange(1 << 32)
    print(f'seed {options.seed}, {options.mutants} mutants', flush=True)

    with tempfile.TemporaryDirectory(prefix='atlas-hostile-') as scratch:
        base = os.path.join(scratch, 'real.db')
        events = campaign.make_store(base)
        writer = os.environ.get('ATLAS_VIEW_WRITER')
        if writer:
            campaign.run([writer, base, '2'], timeout=60)
        page_size = campaign.query(base, 'PRAGMA page_size')[0][0]
        with open(base, 'rb') as file:
            data = file.read()
        stores = hand_made(base, events) + mutants(data, page_size, options.mutants, options.seed)
        if options.only:
            stores = [s for s in stores if any(s.name.startswith(o) for o in options.only)]

        counts = {'refused': 0, 'opened': 0, 'failure': 0}
        with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
            futures = [pool.submit(examine, s, scratch, options.keep) for s in stores]
            for store, future in zip(stores, futures):
                try:
                    outcome, problems = future.result()
                except (OSError, sqlite3.Error) as error:
                    outcome, problems = 'failure', [f'the test could not run: {error}']
                counts[outcome] += 1
                for problem in problems:
                    print(f'FAIL {store.name}: {problem}', flush=True)

    print(f'hostile: {len(stores)} stores, {counts["refused"]} refused, '
          f'{counts["opened"]} opened, {counts["failure"]} failures')
    return 1 if counts['failure'] else 0


if __name__ == '__main__':
    sys.exit(main())
