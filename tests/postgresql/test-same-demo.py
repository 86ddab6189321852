#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The repositories' one copy of SQL means the same on both engines: the demo, which writes a
year of a county's meetings through the store's public API (agendas built, decisions taken,
plans, triggers raised by the rules, closures, minutes signed off), makes the same database on
a server as in a file, row for row, with the same seed. The only difference allowed is who
did it: a file records the name the program gives ("demo"), a server its login.

Run as: with-cluster test-same-demo.py RMMCTL
"""

import atexit
import getpass
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

rmmctl = sys.argv[1]
folder = tempfile.mkdtemp(prefix="rmm-same-demo-")
atexit.register(shutil.rmtree, folder, ignore_errors=True)
in_file = os.path.join(folder, "file.sqlite")
from_server = os.path.join(folder, "server.sqlite")
demo = ["demo", "--children", "120", "--seed", "11", "--today", "2026-11-30"]
# Whose hand (the login, on a server; the demo, in a file): the hash chain covers it, so the
# hashes differ too.
WHO = {"actor", "hash", "prev_hash", "recorded_by", "chair1_login", "chair2_login",
       "added_by", "circulated_by"}


def run(*args):
    subprocess.run([rmmctl, *args], check=True, capture_output=True)


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
run("--database", "dbname=county", "server", "init")
run("--database", "dbname=county", *demo)
run("--database", "dbname=county", "backup", from_server)
run("--database", in_file, *demo)
login = os.environ.get("PGUSER") or getpass.getuser()

a, b = sqlite3.connect(in_file), sqlite3.connect(from_server)
differing = []
compared = 0
for (table,) in a.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND name <> 'schema_version' ORDER BY name"):
    columns = [row[1] for row in a.execute(f"PRAGMA table_info({table})")
               if row[1] not in WHO]
    sql = f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1"
    rows_a = list(a.execute(sql))
    rows_b = [tuple(value.replace(f'"{login}"', '"demo"') if isinstance(value, str) else value
                    for value in row) for row in b.execute(sql)]
    compared += len(rows_a)
    if rows_a != rows_b:
        first = next(((x, y) for x, y in zip(rows_a, rows_b) if x != y), None)
        differing.append(f"{table}: {len(rows_a)} rows in the file, {len(rows_b)} from the "
                         f"server; first difference {first}")

if differing:
    sys.exit("\n".join(differing))
print(f"ok: {compared} rows the same on both engines")
