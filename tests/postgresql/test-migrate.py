#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A team's SQLite database moves onto a server and back without losing or changing a row:
demo file → `rmmctl migrate` → server → `rmmctl backup` → file. Every table is the same in
the first file and the last, and all three pass `rmmctl check`. A second migrate into the
now-full database is refused and changes nothing; so is a restore onto a server.

Run as: with-cluster test-migrate.py RMMCTL
"""

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

rmmctl = sys.argv[1]
folder = tempfile.mkdtemp(prefix="rmm-migrate-")
atexit.register(shutil.rmtree, folder, ignore_errors=True)
first = os.path.join(folder, "team.sqlite")
last = os.path.join(folder, "copy.sqlite")
server = "dbname=county"


def run(*args, expect=0):
    result = subprocess.run([rmmctl, *args], capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(f"rmmctl {' '.join(args)}: exit {result.returncode}, expected {expect}: "
                 f"{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def tables(path):
    db = sqlite3.connect(path)
    names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = "
                                            "'table' AND name <> 'schema_version'")]
    return {name: list(db.execute(f"SELECT * FROM {name} ORDER BY 1")) for name in names}


def audit_events():
    return subprocess.run(["psql", "-X", "-tA", "-d", "county", "-c",
                           "SELECT count(*) FROM audit_event"], check=True,
                          capture_output=True, text=True).stdout.strip()


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
run("--database", server, "server", "init")
run("--database", first, "demo", "--children", "120", "--seed", "7", "--today", "2026-11-30")

out = run("migrate", "--from", first, "--to", server)
print(out.strip())
run("--database", server, "check")
events = audit_events()

out = run("migrate", "--from", first, "--to", server, expect=1)
assert "not empty" in out, out
assert audit_events() == events, "a refused migrate changed the server's database"

run("--database", server, "backup", last)
run("--database", last, "check")
assert oct(os.stat(last).st_mode & 0o777) == "0o600", oct(os.stat(last).st_mode)

before, after = tables(first), tables(last)
assert before.keys() == after.keys(), (before.keys() ^ after.keys())
for name in before:
    assert before[name] == after[name], f"table {name} differs after the round trip"
print(f"ok: {len(before)} tables, {sum(len(rows) for rows in before.values())} rows the same "
      "after file → server → file")

out = run("--database", server, "restore", last, expect=1)
assert "administrator" in out, out

# A demo goes only into an empty server database.
out = run("--database", server, "demo", expect=1)
assert "not empty" in out, out
