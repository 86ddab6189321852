#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RMM Desk's speed and memory, as medians of several runs and ratios against a floor.

  * demo generation at 20,000 children x 5 years, against the floor of writing the same
    number of rows with the sqlite3 shell in one transaction;
  * opening that database to the main window's first drawn frame, against an empty
    libadwaita window drawn once (the floor of any GTK app here);
  * the app's peak memory on that database (/usr/bin/time -v);
  * `rmmctl agenda` for a coming meeting of that database, against `rmmctl --version`
    (the two timed alternately);
  * importing 10,000 referrals from CSV into it, against the sqlite3 shell's bare .import
    of the same file;
  * `rmmctl check` (SQLite's checks, the schema, the chain, every row against the audit
    trail, the anchors), against sqlite3's bare PRAGMA integrity_check, and SQLite's
    quick_check, which a session runs once before its first write (the app in the
    background).

Run with `meson test -C _build --benchmark` (inside build-aux/gui-session) or directly.
Set RMM_BENCH_RUNS (default 3) and RMM_BENCH_CHILDREN (default 20000).
"""

import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

RMMCTL = os.environ["RMMCTL"]
RMM_DESK = os.environ["RMM_DESK"]
FLOOR = os.environ["BENCH_FLOOR"]
RUNS = int(os.environ.get("RMM_BENCH_RUNS", "3"))
CHILDREN = os.environ.get("RMM_BENCH_CHILDREN", "20000")
YEARS = os.environ.get("RMM_BENCH_YEARS", "5")


def timed(command, env=None):
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.monotonic() - started


def median_of(label, command, env=None, runs=RUNS, before=None):
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(command, env))
    value = statistics.median(times)
    print(f"{label}: median {value:.3f} s of {runs} ({', '.join(f'{t:.3f}' for t in times)})")
    return value


def paired_medians(label, command, floor_label, floor_command, runs):
    """Medians of two short commands timed alternately, so that both see the same machine:
    on a shared VM a few milliseconds drift over a second of back-to-back runs."""
    times, floor_times = [], []
    for _ in range(runs):
        times.append(timed(command))
        floor_times.append(timed(floor_command))
    for name, values in ((label, times), (floor_label, floor_times)):
        print(f"{name}: median {statistics.median(values) * 1000:.1f} ms of {runs} "
              f"({', '.join(f'{t * 1000:.1f}' for t in values)})")
    return statistics.median(times), statistics.median(floor_times)


def row_count(path):
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    total = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)
    con.close()
    return total


def main():
    tmp = tempfile.mkdtemp(prefix="rmm-bench-")
    # The audit trail's anchors of these throw-away databases stay with them.
    os.environ["XDG_STATE_HOME"] = os.path.join(tmp, "state")
    db = os.path.join(tmp, "big.sqlite")

    def remove_db():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)

    demo = median_of(f"demo --children {CHILDREN} --years {YEARS}",
                     [RMMCTL, "--database", db, "demo", "--children", CHILDREN, "--years", YEARS,
                      "--today", "2026-11-23"], before=remove_db)
    rows = row_count(db)
    floor_db = os.path.join(tmp, "floor.sqlite")
    floor_sql = ("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                 "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c INTEGER); BEGIN; "
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                 f"WHERE i < {rows}) INSERT INTO t (a, b, c) SELECT "
                 "printf('2026-11-23T10:%02d:00Z', i % 60), hex(randomblob(48)), i FROM n; "
                 "COMMIT;")

    def remove_floor():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(floor_db + suffix):
                os.unlink(floor_db + suffix)

    floor = median_of(f"floor: sqlite3 inserting the same {rows} rows",
                      ["sqlite3", floor_db, floor_sql], before=remove_floor)
    print(f"demo / floor: {demo / floor:.1f}x")

    env = dict(os.environ, RMM_DESK_EXIT_AFTER_FIRST_FRAME="1", GSETTINGS_BACKEND="memory")
    # One run to warm the page cache, as a chair's laptop would be by the second start.
    timed([RMM_DESK, "--database", db], env)
    start = median_of("open the 20,000-child database to the first frame",
                      [RMM_DESK, "--database", db], env)
    empty = median_of("floor: an empty libadwaita window to its first frame", [FLOOR], env)
    print(f"start-up / floor: {start / empty:.1f}x")

    result = subprocess.run(["/usr/bin/time", "-v", RMM_DESK, "--database", db], env=env,
                            capture_output=True, text=True, check=True)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    result = subprocess.run(["/usr/bin/time", "-v", FLOOR], env=env, capture_output=True,
                            text=True, check=True)
    floor_peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                               result.stderr).group(1))
    print(f"peak memory on the 20,000-child database: {peak / 1024:.0f} MB "
          f"(empty window: {floor_peak / 1024:.0f} MB)")

    meetings = json.loads(subprocess.run([RMMCTL, "--database", db, "list", "meetings",
                                          "--format", "json"], check=True,
                                         capture_output=True, text=True).stdout)
    coming = [m for m in meetings if m["status"] == "planned" and m["children"] > 0]
    meeting = str(max(coming, key=lambda m: m["children"])["id"])
    agenda_cmd = [RMMCTL, "--database", db, "agenda", "--meeting", meeting]
    timed(agenda_cmd)
    items = len(subprocess.run(agenda_cmd, capture_output=True, text=True).stdout.splitlines()) - 1
    agenda, version = paired_medians(f"rmmctl agenda ({items} children)", agenda_cmd,
                                     "rmmctl --version", [RMMCTL, "--version"],
                                     runs=max(RUNS, 31))
    print(f"agenda / --version: {agenda / version:.2f}x")

    evaluate = [RMMCTL, "--database", db, "triggers", "--evaluate", "--open"]
    median_of("rmmctl triggers --evaluate, raising what the demo's history calls for",
              evaluate, runs=1)
    median_of("rmmctl triggers --evaluate again (every rule, every child, nothing new)",
              evaluate)

    quick = median_of("SQLite's quick_check, run once before a session's first write",
                      ["sqlite3", db, "PRAGMA quick_check"])
    check = median_of("rmmctl check", [RMMCTL, "--database", db, "check"])
    integrity = median_of("floor: sqlite3 PRAGMA integrity_check",
                          ["sqlite3", db, "PRAGMA integrity_check"])
    print(f"check / floor: {check / integrity:.1f}x; quick_check {quick:.2f} s")

    csv = os.path.join(tmp, "referrals.csv")
    with open(csv, "w", newline="") as f:
        f.write("child_ref,first_name,last_name,date_of_birth,area,received_at,referrer_name,"
                "referrer_agency,route,concern_summary\r\n")
        for i in range(10000):
            f.write(f"BENCH-{i:05d},Ffion,Benchmark{i % 97},{1 + i % 28:02d}/0{1 + i % 9}/2012,"
                    f"Ashdown North,{1 + i % 28:02d}/10/2026 {8 + i % 10:02d}:{i % 60:02d},"
                    f"Referrer {i % 50},Pupil Support Team,SPA,\"Concern, number {i}\"\r\n")
    copy = os.path.join(tmp, "import.sqlite")

    def fresh_copy():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.unlink(copy + suffix)
        shutil.copy(db, copy)   # private, as the original

    imported = median_of("import 10,000 referrals", [RMMCTL, "--database", copy, "import",
                                                      "referrals", csv], before=fresh_copy)
    bare = os.path.join(tmp, "bare.sqlite")

    def remove_bare():
        if os.path.exists(bare):
            os.unlink(bare)

    bare_import = median_of("floor: sqlite3 .import of the same file",
                            ["sqlite3", bare, ".import --csv " + csv + " t"], before=remove_bare)
    print(f"import / floor: {imported / bare_import:.1f}x")

    shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
