#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RMM Desk on a shared PostgreSQL server against the same database in an SQLite file, on
this machine: medians and percentiles, never pass/fail.

  * `rmmctl migrate` of the 20,000-child, 5-year demo file onto the server;
  * `rmmctl agenda` for its largest coming meeting, on the server over a local socket and
    on the file, timed alternately (target: at most 3x the file);
  * opening the app on each to its first drawn frame, alternately (target: at most 1.2x);
  * 50 laptops at once for 60 s, each reading that agenda, saving its minutes and confirming
    a rating with both chairs in a loop begun every second (already far busier than a county's
    meetings): p50 and p95 of each (target: p95 under 100 ms);
  * the same 50 laptops as fast as they can: how many rounds a second the server takes, and
    how long each waits when it is full.
Each laptop's first ten rounds, while all 50 connect in the same second (preparing their
statements, as the app does while it opens), are reported apart.

Run inside tests/postgresql/with-cluster (with RMM_CLUSTER_FSYNC=on: a real server's
durability) and build-aux/gui-session, as `meson test --benchmark server` does.
Set RMM_BENCH_CHILDREN, RMM_BENCH_YEARS, RMM_BENCH_CLIENTS, RMM_BENCH_SECONDS and
RMM_BENCH_EVERY_MS (how often each laptop begins a round) to change it,
and RMM_BENCH_DEMO_FILE to start from a demo file made before.
With RMM_BENCH_PROFILE=1 (and RMM_TEST_SERVER_OPTIONS="-c shared_preload_libraries=
pg_stat_statements -c pg_stat_statements.track=all", so the server counts), where the server
spent its time in the flat-out run, statement by statement, nested ones too.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RMMCTL = os.environ["RMMCTL"]
RMM_DESK = os.environ["RMM_DESK"]
CLIENT = os.environ["SERVER_CLIENT"]
CHILDREN = os.environ.get("RMM_BENCH_CHILDREN", "20000")
YEARS = os.environ.get("RMM_BENCH_YEARS", "5")
CLIENTS = int(os.environ.get("RMM_BENCH_CLIENTS", "50"))
SECONDS = int(os.environ.get("RMM_BENCH_SECONDS", "60"))
EVERY_MS = int(os.environ.get("RMM_BENCH_EVERY_MS", "1000"))
# The laptops all connect in the same second, which a county's never do: their statements are
# prepared, the check at open runs, and the queue that builds lasts some rounds. Those first
# ten rounds are reported apart, as the start.
WARM_UP_ROUNDS = 10
PROFILE = os.environ.get("RMM_BENCH_PROFILE") == "1"
SERVER = "host=%s dbname=county" % os.environ["PGHOST"]


def run(*command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:4])}…: exit {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def timed(command, env=None):
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.monotonic() - started


def alternately(label_a, command_a, label_b, command_b, runs, env=None):
    """Medians of two commands timed in turn, so that both see the same machine."""
    a, b = [], []
    for _ in range(runs):
        a.append(timed(command_a, env))
        b.append(timed(command_b, env))
    for label, values in ((label_a, a), (label_b, b)):
        print(f"{label}: median {statistics.median(values) * 1000:.1f} ms of {runs}")
    ratio = statistics.median(a) / statistics.median(b)
    print(f"  ratio {ratio:.2f}")
    return statistics.median(a), statistics.median(b)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def largest_coming_meeting(database):
    meetings = json.loads(run(RMMCTL, "--database", database, "list", "meetings", "--format",
                              "json"))
    coming = [m for m in meetings if m["status"] == "planned"]
    return max(coming, key=lambda m: (m.get("children", 0), -m["id"]))["id"]


def laptops(meeting, meeting_in_progress, chair1, chair2, items, every_ms, title):
    """Each laptop's rounds on its own item; the latencies of all but its first rounds."""
    # What the copy and the set-up left to write out is written first: a checkpoint the laptops
    # ran into would be the migration's cost, timed as theirs.
    run("psql", "-X", "-q", "-d", "county", "-c", "CHECKPOINT")
    running = [subprocess.Popen([CLIENT, SERVER + " user=laptop", "load", str(k), str(SECONDS),
                                 str(every_ms), meeting, meeting_in_progress, chair1, chair2,
                                 item],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for k, item in enumerate(items)]
    latencies = {"agenda": [], "minutes": [], "decision": []}
    starting = {"agenda": [], "minutes": [], "decision": []}
    for laptop in running:
        out, err = laptop.communicate()
        if laptop.returncode != 0:
            sys.exit(f"a laptop failed: {err}")
        rounds = {}
        for line in out.splitlines():
            operation, ms = line.split()
            rounds[operation] = rounds.get(operation, 0) + 1
            if rounds[operation] > WARM_UP_ROUNDS:
                latencies[operation].append(float(ms))
            else:
                starting[operation].append(float(ms))
    print(title)
    for operation, values in latencies.items():
        print(f"  {operation}: {len(values)} done ({len(values) / SECONDS:.1f}/s), "
              f"p50 {percentile(values, 50):.1f} ms, p95 {percentile(values, 95):.1f} ms; "
              f"in the first {WARM_UP_ROUNDS} rounds, all connecting at once: "
              f"p50 {percentile(starting[operation], 50):.1f} ms, "
              f"p95 {percentile(starting[operation], 95):.1f} ms")


def main():
    tmp = tempfile.mkdtemp(prefix="rmm-bench-server-")
    try:
        file = os.path.join(tmp, "county.sqlite")
        started = time.monotonic()
        if os.environ.get("RMM_BENCH_DEMO_FILE"):
            # A demo made before (rmmctl demo --children 20000 --years 5), copied.
            shutil.copy(os.environ["RMM_BENCH_DEMO_FILE"], file)
        else:
            run(RMMCTL, "--database", file, "demo", "--children", CHILDREN, "--years", YEARS)
        print(f"demo file ({CHILDREN} children, {YEARS} years): {time.monotonic() - started:.0f} s")

        run("psql", "-X", "-q", "-c", "CREATE DATABASE county")
        run(RMMCTL, "--database", SERVER, "server", "init")
        started = time.monotonic()
        print(run(RMMCTL, "migrate", "--from", file, "--to", SERVER).strip())
        print(f"rmmctl migrate: {time.monotonic() - started:.1f} s")
        run("psql", "-X", "-q", "-d", "county", "-c", "VACUUM ANALYZE")

        meeting = str(largest_coming_meeting(file))
        for database in (file, SERVER):   # the agenda built once on each
            run(RMMCTL, "--database", database, "agenda", "--meeting", meeting)
        alternately("rmmctl agenda on the server",
                    [RMMCTL, "--database", SERVER, "agenda", "--meeting", meeting],
                    "rmmctl agenda on the file",
                    [RMMCTL, "--database", file, "agenda", "--meeting", meeting], 31)

        env = dict(os.environ, RMM_DESK_EXIT_AFTER_FIRST_FRAME="1", GSETTINGS_BACKEND="memory")
        alternately("open the app on the server to its first frame",
                    [RMM_DESK, "--database", SERVER],
                    "open the app on the file to its first frame",
                    [RMM_DESK, "--database", file], 5, env=env)

        ids = run(CLIENT, SERVER, "setup", str(2 * CLIENTS)).split()
        # The laptops connect as a chair of the two areas they work on, as in a county: the
        # server checks every event they append against its chain (the owner is exempt), and
        # every row they read or write against their areas (need to know).
        run("psql", "-X", "-q", "-c", "CREATE ROLE laptop LOGIN")
        area = run("psql", "-X", "-tA", "-d", "county", "-c",
                   f"SELECT a.name FROM meeting m JOIN area a ON a.id = m.area_id "
                   f"WHERE m.id = {meeting}").strip()
        run(RMMCTL, "--database", SERVER, "server", "grant", "laptop", "chair", "--area", area,
            "--area", "Testshire Central")
        meeting_in_progress, chair1, chair2, items = ids[1], ids[2], ids[3], ids[4:]
        laptops(meeting, meeting_in_progress, chair1, chair2, items[:CLIENTS], EVERY_MS,
                f"{CLIENTS} laptops for {SECONDS} s, each beginning a round every {EVERY_MS} ms:")
        if PROFILE:
            run("psql", "-X", "-q", "-d", "county", "-c",
                "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; "
                "SELECT pg_stat_statements_reset ()")
        laptops(meeting, meeting_in_progress, chair1, chair2, items[CLIENTS:], 0,
                f"{CLIENTS} laptops for {SECONDS} s, as fast as they can:")
        if PROFILE:
            print(run("psql", "-X", "-d", "county", "-c",
                      "SELECT round (total_exec_time) AS ms, calls, "
                      "round ((total_exec_time / calls)::numeric, 3) AS each, "
                      "left (regexp_replace (query, '\\s+', ' ', 'g'), 110) AS statement "
                      "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40"))
        print(run(RMMCTL, "--database", SERVER, "check").strip())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
