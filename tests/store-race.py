#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""store-race.py: several programs starting at once on one new store (issue 10).

In each trial N processes run `--list events` on the same path, which does not exist yet,
released together from a barrier after they have all been started. Every one must succeed
and list every event; afterwards there is exactly one store, complete, with nothing beside
it: no loser may fail, nor remove the store that the winner made.

CI runs 20 trials of 6; by hand, `--trials 120 --processes 12` (or ATLAS_RACE_TRIALS,
ATLAS_RACE_PROCESSES). It prints "race: N trials of N processes, N failed runs, N trials
failed" and exits 1 on any failure.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import campaign


# Each process waits in a shell for the end of its standard input, then becomes the
# program: closing the pipe releases them all at once, after the slow part of starting them.
AT_BARRIER = ['/bin/sh', '-c', 'read start; exec "$@"', 'sh']


def trial(scratch, processes, events):
    folder = tempfile.mkdtemp(prefix='race-', dir=scratch)
    path = os.path.join(folder, 'new.db')
    read_end, write_end = os.pipe()
    children = []
    for _ in range(processes):
        children.append(subprocess.Popen(
            AT_BARRIER + [campaign.binary(), '--db', path, '--list', 'events'], stdin=read_end,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=campaign.environment()))
    os.close(read_end)
    os.close(write_end)  # the start signal: every shell reads end-of-file at once

    problems = []
    failed_runs = 0
    for child in children:
        try:
            stdout, stderr = child.communicate(timeout=60)
            result = campaign.Run(child.args, child.returncode, stdout, stderr, False, 0)
        except subprocess.TimeoutExpired:
            child.kill()
            stdout, stderr = child.communicate()
            result = campaign.Run(child.args, child.returncode, stdout, stderr, True, 60)
        found = result.problems()
        if not found and result.returncode != 0:
            found = [f'exit {result.returncode}: {result.stderr_text().strip()[:300]}']
        elif not found:
            found = campaign.check_listing(result, campaign.EVENTS_HEADER, events)
        if found:
            failed_runs += 1
            problems += found

    if not os.path.exists(path):
        problems.append('no store is left: a loser removed it')
    else:
        state = campaign.integrity(path)
        if state != 'ok':
            problems.append(f'the store is damaged: {state}')
        elif campaign.query(path, 'SELECT count (*) FROM events')[0][0] != events:
            problems.append('the store is not complete')
    # Connections that close at the same moment may each find the other still there, and
    # leave SQLite's write-ahead log for the next one to fold in: after one more start,
    # nothing may be left beside the store.
    result = campaign.atlas(path, '--list', 'events')
    if result.returncode != 0 or result.problems():
        problems.append(f'the start after the race failed: {result.problems()} '
                        f'{result.stderr_text().strip()[:300]}')
    left = campaign.leftovers(folder, ['new.db'])
    if left:
        problems.append(f'left beside the store after the next start: {", ".join(left)}')
    shutil.rmtree(folder)
    return failed_runs, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--trials', type=int, default=int(os.environ.get('ATLAS_RACE_TRIALS', 20)))
    parser.add_argument('--processes', type=int,
                        default=int(os.environ.get('ATLAS_RACE_PROCESSES', 6)))
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix='atlas-race-') as scratch:
        events = campaign.make_store(os.path.join(scratch, 'reference.db'))
        failed_runs = 0
        failed_trials = 0
        for number in range(options.trials):
            runs, problems = trial(scratch, options.processes, events)
            failed_runs += runs
            if problems:
                failed_trials += 1
                # The same message from several losers is said once, with their count.
                for problem in sorted(set(problems)):
                    count = problems.count(problem)
                    print(f'FAIL trial {number}: {problem}' + (f' (×{count})' if count > 1 else ''),
                          flush=True)

    print(f'race: {options.trials} trials of {options.processes} processes, '
          f'{failed_runs} failed runs, {failed_trials} trials failed')
    return 1 if failed_trials else 0


if __name__ == '__main__':
    sys.exit(main())
