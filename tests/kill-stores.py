#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""kill-stores.py: SIGKILL while the program writes a store, then check what is left (issue 10).

  kill-stores.py first-fill    kill `--list events` while it creates and fills a new store
  kill-stores.py upgrade       kill it while it upgrades a version 1 store
  kill-stores.py saved-views   kill tests/atlas-view-writer while it saves views

Each kill lands at a random moment (the seed is printed). After it the store, with its journal,
must pass PRAGMA integrity_check and hold everything that was acknowledged: an upgrade is done
or not begun, every view the writer reported saved is there as saved. Then the next start must work (a half-filled store is completed or made
again, an interrupted upgrade is finished) and leave nothing beside the store but one whole
backup of an upgraded one.

CI runs 30 kills of each; by hand, `--kills 350` (or ATLAS_KILLS=350) for more, and
`--seed S` to repeat a run. It prints "KIND: N kills (...), N failures" and exits 1 on any.
"""

import argparse
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import campaign

CI_KILLS = 30


def start(argv):
    return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=campaign.environment(),
                            start_new_session=True)


def kill_after(process, delay, once=None):
    """Kills @process @delay seconds after it started, or after @once() first holds;
    returns its output and whether it was still running, i.e. really killed."""
    if once is not None:
        while not once() and process.poll() is None:
            time.sleep(0.0005)
    try:
        process.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        killed = True
    stdout, stderr = process.communicate()
    return stdout, stderr, killed


def timed_run(argv):
    begin = time.monotonic()
    result = campaign.run(argv, timeout=60)
    if result.returncode != 0 or result.problems():
        raise SystemExit(f'{result.describe()} failed: {result.problems()} '
                         f'{result.stderr_text()}')
    return time.monotonic() - begin


def check_next_start(path, events, allowed):
    """The start after a kill: it must work and leave nothing but @allowed files."""
    problems = []
    result = campaign.atlas(path, '--list', 'events', timeout=30)
    problems += [f'next start: {p}' for p in result.problems()]
    if result.returncode != 0:
        problems.append(f'next start failed: {result.stderr_text().strip()[:300]}')
    else:
        problems += [f'next start: {p}'
                     for p in campaign.check_listing(result, campaign.EVENTS_HEADER, events)]
    folder = os.path.dirname(path)
    left = [name for name in campaign.leftovers(folder, [os.path.basename(path)])
            if not allowed(name)]
    if left:
        problems.append(f'left after the next start: {", ".join(left)}')
    if os.path.exists(path) and campaign.integrity(path) != 'ok':
        problems.append(f'after the next start: {campaign.integrity(path)}')
    return problems


# The first fill ----------------------------------------------------------------------------

def kill_first_fill(scratch, rng, _source, events, fill_time):
    folder = tempfile.mkdtemp(prefix='fill-', dir=scratch)
    path = os.path.join(folder, 'new.db')
    delay = rng.uniform(0, 1.2 * fill_time)
    _, _, killed = kill_after(start([campaign.binary(), '--db', path, '--list', 'events']),
                              delay)
    problems = []
    if not os.path.exists(path):
        moment = 'before the file'
    else:
        state = campaign.integrity(path)
        if state != 'ok':
            problems.append(f'after the kill: {state}')
            moment = 'damaged'
        else:
            tables = campaign.query(path, "SELECT count (*) FROM sqlite_schema "
                                          "WHERE type = 'table'")[0][0]
            # A half-filled store is allowed here, as long as the next start completes it.
            filled = tables and campaign.query(path, 'SELECT count (*) FROM events')[0][0]
            moment = 'after the fill' if filled == events else 'during the fill'
    if not killed:
        moment = 'finished'
    problems += check_next_start(path, events, allowed=lambda name: False)
    shutil.rmtree(folder)
    return moment, problems


# The upgrade -------------------------------------------------------------------------------

def make_version_1(path):
    """Takes a store made by the program back to schema version 1, as an earlier version
    of the program made it: without 002-search.sql's full-text tables and triggers, with
    the indexes of 001-base.sql, not those later versions made or dropped, and without the
    columns 004-as-of.sql adds or the tables and column of 005-claims.sql."""
    base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'schema',
                        '001-base.sql')
    with open(base, encoding='utf-8') as schema:
        statements = {match.group(1): match.group(0) for match in
                      re.finditer(r'CREATE (?:UNIQUE )?INDEX (\w+)[^;]*;', schema.read())}
    db = sqlite3.connect(path, isolation_level=None)
    for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'").fetchall():
        db.execute(f'DROP TRIGGER {name}')
    db.execute('DROP TABLE excerpt_search')
    for table in ('event_account_excerpts', 'event_accounts', 'official_names'):
        db.execute(f'DROP TABLE {table}')
    db.execute('DROP TABLE event_search')
    present = {name for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'index'"
                                              " AND sql IS NOT NULL")}
    for name in present - set(statements):
        db.execute(f'DROP INDEX {name}')
    for name in set(statements) - present:
        db.execute(statements[name])
    db.execute('ALTER TABLE corridor_status DROP COLUMN kind')
    db.execute('ALTER TABLE sources DROP COLUMN kind')
    db.execute('ALTER TABLE names DROP COLUMN in_sources')
    db.execute('PRAGMA user_version = 1')
    db.execute('VACUUM')
    db.close()


def version_state(path):
    """(user_version, events, whether it has the search tables) of a store, read on a copy."""
    version = campaign.query(path, 'PRAGMA user_version')[0][0]
    events = campaign.query(path, 'SELECT count (*) FROM events')[0][0]
    search = campaign.query(path, "SELECT count (*) FROM sqlite_schema "
                                  "WHERE name IN ('excerpt_search', 'event_search')")[0][0]
    return version, events, search


def is_backup(name):
    return re.fullmatch(r'old\.db\.v1(-\d+)?\.bak', name) is not None


def is_whole_backup(path, events):
    return campaign.integrity(path) == 'ok' and version_state(path) == (1, events, 0)


def kill_upgrade(scratch, rng, old, events, upgrade_time):
    folder = tempfile.mkdtemp(prefix='upgrade-', dir=scratch)
    path = os.path.join(folder, 'old.db')
    shutil.copyfile(old, path)
    # Half the kills from the start, half from the moment the backup appears, so that
    # enough of them land in the backup and the migration rather than in starting up.
    process = start([campaign.binary(), '--db', path, '--list', 'events'])
    if rng.random() < 0.5:
        _, _, killed = kill_after(process, rng.uniform(0, 1.2 * upgrade_time))
    else:
        _, _, killed = kill_after(process, rng.uniform(0, 0.3 * upgrade_time),
                                  once=lambda: any(map(is_backup, os.listdir(folder))))
    problems = []
    # A backup under its final name must be whole, even just after the kill.
    backups = [name for name in sorted(os.listdir(folder)) if is_backup(name)]
    partial = [name for name in backups if not is_whole_backup(os.path.join(folder, name), events)]
    problems += [f'after the kill {name} is not a whole copy of the old store' for name in partial]
    state = campaign.integrity(path)
    if state != 'ok':
        problems.append(f'after the kill: {state}')
        moment = 'damaged'
    else:
        version, count, search = version_state(path)
        if (version, count, search) == (1, events, 0):
            moment = ('during the backup' if partial else 'after the backup' if backups
                      else 'before the backup')
        elif (version, count, search) == (campaign.LATEST_VERSION, events, 2):
            moment = 'after the upgrade'
        else:
            moment = 'half-way'
            problems.append(f'after the kill the store is half upgraded: version {version}, '
                            f'{count} events, {search} search tables')
    if not killed:
        moment = 'finished'

    problems += check_next_start(path, events, allowed=is_backup)
    backups = [name for name in os.listdir(folder) if is_backup(name)]
    if len(backups) != 1:
        problems.append(f'{len(backups)} backups after the next start: {", ".join(backups)}')
    problems += [f'the backup {name} is not a whole copy of the old store'
                 for name in backups if not is_whole_backup(os.path.join(folder, name), events)]
    if os.path.exists(path) and campaign.integrity(path) == 'ok' and \
       version_state(path) != (campaign.LATEST_VERSION, events, 2):
        problems.append(f'after the next start: {version_state(path)}')
    shutil.rmtree(folder)
    return moment, problems


# Saved views -------------------------------------------------------------------------------

def acknowledged(output):
    """From the writer's output: {name: save number} of the saves it reported done, and the
    save that was under way when it was killed, (name, number) or None."""
    done = {}
    under_way = None
    for line in output.decode('utf-8', 'replace').splitlines():
        fields = line.split('\t')
        if len(fields) != 3 or not fields[2].isdigit():
            continue  # the last line may be cut short by the kill
        if fields[0] == 'saving':
            under_way = (fields[1], int(fields[2]))
        elif fields[0] == 'saved':
            done[fields[1]] = int(fields[2])
            under_way = None
    return done, under_way


def kill_saved_views(scratch, rng, store, events, _):
    folder = tempfile.mkdtemp(prefix='views-', dir=scratch)
    path = os.path.join(folder, 'views.db')
    shutil.copyfile(store, path)
    writer = os.environ['ATLAS_VIEW_WRITER']
    stdout, stderr, killed = kill_after(start([writer, path]), rng.uniform(0.05, 0.6))
    done, under_way = acknowledged(stdout)
    problems = []
    if not killed:
        problems.append(f'the writer stopped by itself: {stderr.decode("utf-8", "replace")}')
    state = campaign.integrity(path)
    if state != 'ok':
        problems.append(f'after the kill: {state}')
    else:
        saved = {name: text for name, text in
                 campaign.query(path, 'SELECT name, state FROM saved_views')}
        for name, number in done.items():
            found = re.search(r"'lanes': <'lanes (\d+)'>", saved.get(name, ''))
            allowed = {number} | ({under_way[1]} if under_way and under_way[0] == name else set())
            if name not in saved:
                problems.append(f'the acknowledged view “{name}” is lost')
            elif not found or int(found.group(1)) not in allowed:
                problems.append(f'the view “{name}” is not as saved (save {number}): '
                                f'{saved[name][:200]}')
        if campaign.query(path, 'SELECT count (*) FROM events')[0][0] != events:
            problems.append('the events changed')
    problems += check_next_start(path, events, allowed=lambda name: False)
    if done and not problems:
        name = max(done, key=done.get)
        result = campaign.atlas(path, '--view', name, '--export',
                                os.path.join(scratch, 'view.png'), '--size', '200x150')
        if result.returncode != 0 or result.problems():
            problems.append(f'the view “{name}” does not open: {result.problems()} '
                            f'{result.stderr_text().strip()[:300]}')
    shutil.rmtree(folder)
    return f'{len(done)} acknowledged', problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('kind', choices=['first-fill', 'upgrade', 'saved-views'])
    parser.add_argument('--kills', type=int, default=int(os.environ.get('ATLAS_KILLS', CI_KILLS)))
    parser.add_argument('--seed', type=int, default=os.environ.get('ATLAS_KILLS_SEED'))
    options = parser.parse_args()
    if options.seed is None:
        options.seed = random.randrange(1 << 32)
    print(f'{options.kind}: seed {options.seed}, {options.kills} kills', flush=True)
    rng = random.Random(options.seed)

    with tempfile.TemporaryDirectory(prefix='atlas-kill-') as scratch:
        store = os.path.join(scratch, 'filled.db')
        fill_time = timed_run([campaign.binary(), '--db', store, '--list', 'events'])
        events = campaign.query(store, 'SELECT count (*) FROM events')[0][0]
        if options.kind == 'first-fill':
            kill, source, duration = kill_first_fill, None, fill_time
        elif options.kind == 'upgrade':
            source = os.path.join(scratch, 'version-1.db')
            shutil.copyfile(store, source)
            make_version_1(source)
            trial = os.path.join(scratch, 'trial.db')
            shutil.copyfile(source, trial)
            duration = timed_run([campaign.binary(), '--db', trial, '--list', 'events'])
            kill = kill_upgrade
        else:
            kill, source, duration = kill_saved_views, store, None
        if duration:
            print(f'{options.kind}: an uninterrupted run takes {duration:.2f} s', flush=True)

        moments = {}
        failures = 0
        total_acknowledged = 0
        for number in range(options.kills):
            moment, problems = kill(scratch, rng, source, events, duration)
            if moment.endswith(' acknowledged'):
                total_acknowledged += int(moment.split()[0])
                moment = 'while saving'
            moments[moment] = moments.get(moment, 0) + 1
            if problems:
                failures += 1
                for problem in problems:
                    print(f'FAIL {options.kind} kill {number} ({moment}): {problem}', flush=True)

    spread = ', '.join(f'{n} {m}' for m, n in sorted(moments.items()))
    extra = f', {total_acknowledged} acknowledged views checked' if total_acknowledged else ''
    print(f'{options.kind}: {options.kills} kills ({spread}){extra}, {failures} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
