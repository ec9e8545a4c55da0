# SPDX-License-Identifier: GPL-3.0-or-later
"""What the store campaign's scripts share: running the program, and judging what it did.

hostile-stores.py, kill-stores.py and store-race.py run the built program (ATLAS_BINARY, set
by tests/meson.build) on stores made for the occasion, with no display, and check each run
against what issue 10 asks of every run: it ends in time, by itself (no signal, no sanitizer
report), prints no GLib CRITICAL or WARNING, and writes valid UTF-8.
"""

import contextlib
import csv
import hashlib
import io
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time

EVENTS_HEADER = ['id', 'start', 'end', 'precision', 'approximate', 'kind', 'title', 'place',
                 'actors', 'summary', 'excerpts', 'disputed']
EXCERPTS_HEADER = ['id', 'source', 'text', 'events', 'author', 'title', 'publication', 'date',
                   'position', 'source_kind']
APPLICATION_ID = 0x4341746c
# The schema version the program makes: one migration a version, in data/schema.
LATEST_VERSION = len([name for name in os.listdir(os.path.join(os.path.dirname(__file__), '..',
                                                               'data', 'schema'))
                      if re.fullmatch(r'\d{3}-.*\.sql', name)])

# GLib's "(prog:123): Domain-CRITICAL **: ..." and the sanitizers' reports.
LOG_PROBLEM = re.compile(r'(?:CRITICAL|WARNING|ERROR) \*\*|'
                         r'(?:Address|Leak|Thread|UndefinedBehavior)Sanitizer|runtime error:')


def binary():
    path = os.environ.get('ATLAS_BINARY')
    if not path or not os.access(path, os.X_OK):
        raise SystemExit('ATLAS_BINARY must name the built caucasus-atlas')
    return path


def environment():
    """The test environment without a display, and with criticals reported rather than fatal
    so that a run that logs one can be told from one that crashes."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['G_DEBUG'] = 'gc-friendly'
    env.setdefault('GSETTINGS_BACKEND', 'memory')
    env['LC_ALL'] = 'C.UTF-8'
    return env


class Run:
    """One finished (or killed) run of a program."""

    def __init__(self, argv, returncode, stdout, stderr, hung, seconds):
        self.argv = argv
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.hung = hung
        self.seconds = seconds

    def stderr_text(self):
        return self.stderr.decode('utf-8', 'replace')

    def problems(self):
        """What is wrong with this run whatever it was asked: the things that must never
        happen. An empty list for a run that is fine so far."""
        found = []
        if self.hung:
            found.append(f'hang (killed after {self.seconds:.0f} s)')
        elif self.returncode < 0:
            found.append(f'crash (signal {signal.Signals(-self.returncode).name})')
        elif self.returncode not in (0, 1, 2):
            found.append(f'exit status {self.returncode}')
        for line in self.stderr_text().splitlines():
            if LOG_PROBLEM.search(line):
                found.append(f'logged: {line.strip()[:200]}')
                break
        try:
            self.stdout.decode('utf-8')
        except UnicodeDecodeError as error:
            found.append(f'invalid UTF-8 on stdout at byte {error.start}')
        return found

    def describe(self):
        return ' '.join(os.path.basename(a) if i == 0 else a for i, a in enumerate(self.argv))


# A sanitizer build runs several times slower: its test setup stretches every limit.
TIME_SCALE = float(os.environ.get('ATLAS_TIME_SCALE', '1'))


def run(argv, timeout=10.0, env=None, cwd=None):
    """Runs @argv with a time limit; a run that overstays is killed with its children."""
    timeout *= TIME_SCALE
    start = time.monotonic()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env or environment(), cwd=cwd,
                               start_new_session=True)
    hung = False
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        hung = True
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
    return Run(argv, process.returncode, stdout, stderr, hung, time.monotonic() - start)


def atlas(db, *args, timeout=10.0, env=None):
    return run([binary(), '--db', db, *args], timeout=timeout, env=env)


def parse_csv(data):
    """The rows of an RFC 4180 listing, or None when it is not one."""
    csv.field_size_limit(1 << 31)  # a store may hold a text of any length
    try:
        return list(csv.reader(io.StringIO(data.decode('utf-8'), newline=''), strict=True))
    except (UnicodeDecodeError, csv.Error):
        return None


def make_store(path):
    """A new store filled by the program itself, as a user gets it on the first start."""
    result = atlas(path, '--list', 'events', timeout=60)
    if result.returncode != 0 or result.problems():
        raise SystemExit(f'could not make a store at {path}: {result.problems()} '
                         f'{result.stderr_text()}')
    return len(parse_csv(result.stdout)) - 1


def sha256(path):
    with open(path, 'rb') as file:
        return hashlib.sha256(file.read()).hexdigest()


@contextlib.contextmanager
def copy_of(path):
    """A connection to a copy of the store with its journal or WAL, so that a hot journal is
    rolled back in the copy and the store itself is left as it is for the program."""
    with tempfile.TemporaryDirectory(prefix='atlas-copy-') as folder:
        copy = os.path.join(folder, 'copy.db')
        shutil.copyfile(path, copy)
        for suffix in ('-journal', '-wal'):
            if os.path.exists(path + suffix):
                shutil.copyfile(path + suffix, copy + suffix)
        db = sqlite3.connect(copy)
        try:
            yield db
        finally:
            db.close()


def integrity(path):
    """PRAGMA integrity_check on a copy of the store: 'ok' or what is wrong."""
    try:
        with copy_of(path) as db:
            rows = db.execute('PRAGMA integrity_check').fetchall()
    except sqlite3.Error as error:
        return str(error)
    return 'ok' if rows == [('ok',)] else '; '.join(str(r[0]) for r in rows[:3])


def query(path, sql, *parameters):
    """The rows of @sql on a copy of the store."""
    with copy_of(path) as db:
        return db.execute(sql, parameters).fetchall()


def leftovers(folder, expected):
    """The files in @folder beyond @expected: journals, WAL files, temporaries, backups."""
    return sorted(set(os.listdir(folder)) - set(expected))


def check_listing(result, header, count=None):
    """What is wrong with a --list that exited 0: it must be CSV with the right header."""
    rows = parse_csv(result.stdout)
    if rows is None:
        return ['the listing is not CSV']
    if not rows or rows[0] != header:
        return [f'the listing has the header {rows[0] if rows else None}']
    if count is not None and len(rows) - 1 != count:
        return [f'{len(rows) - 1} rows instead of {count}']
    return []
