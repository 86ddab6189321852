#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every way a server's database can be wrong gets one clear sentence from rmmctl (exit 1),
changes nothing, and never prints a password: a malformed address, an unknown host, a server
that does not answer, a database that does not exist, a login it does not know, a refused password, a
database not set up, another program's database, a newer RMM Desk's, and a login without access.

Run as: with-cluster test-connect.py RMMCTL
"""

import os
import subprocess
import sys

rmmctl = sys.argv[1]
SECRET = "s3cret-Pa55"
failures = []


def psql(sql, database="postgres"):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                   check=True, capture_output=True)


def rmm(database, *args):
    return subprocess.run([rmmctl, "--database", database, *args], capture_output=True,
                          text=True)


def expect_refused(label, database, *words, args=("list", "areas")):
    result = rmm(database, *args)
    out = result.stdout + result.stderr
    lines = [line for line in out.splitlines() if line.strip()]
    problems = []
    if result.returncode != 1:
        problems.append(f"exit {result.returncode}")
    if len(lines) != 1:
        problems.append(f"{len(lines)} lines")
    if SECRET in out:
        problems.append("the password was printed")
    for word in words:
        if word not in out:
            problems.append(f"no “{word}”")
    if problems:
        failures.append(f"{label}: {', '.join(problems)}: {out!r}")
    else:
        print(f"ok: {label}: {lines[0]}")


psql("CREATE DATABASE rmm")
psql("CREATE DATABASE empty")
psql("CREATE DATABASE other")
psql("CREATE TABLE ledger (amount int); INSERT INTO ledger VALUES (1)", "other")
psql("CREATE DATABASE newer")
subprocess.run([rmmctl, "--database", "dbname=rmm", "server", "init"], check=True,
               capture_output=True)
subprocess.run([rmmctl, "--database", "dbname=newer", "server", "init"], check=True,
               capture_output=True)
psql("INSERT INTO schema_version VALUES (999, 'future')", "newer")
psql("CREATE ROLE clerk LOGIN")
psql(f"CREATE ROLE keeper LOGIN PASSWORD '{SECRET}-right'")

expect_refused("malformed address", f"postgresql://keeper:{SECRET}@[bad/rmm", "address")
expect_refused("unknown host", f"host=nohost.invalid dbname=rmm password={SECRET}",
               "cannot be found")
expect_refused("no answer", f"postgresql://keeper:{SECRET}@localhost:1/rmm", "does not answer")
expect_refused("no such database", "dbname=nosuch", "no database “nosuch”")
expect_refused("not set up", "dbname=empty", "not set up", "rmmctl server init")
expect_refused("another program's", "dbname=other", "another program")
expect_refused("newer RMM Desk's", "dbname=newer", "newer version")
expect_refused("login not let into the database", "dbname=rmm user=clerk",
               "is not let into the database “rmm”")
psql("GRANT CONNECT ON DATABASE rmm TO clerk")
expect_refused("login without access", "dbname=rmm user=clerk", "may not read")
expect_refused("unknown login", "dbname=rmm user=nosuchclerk", "no login “nosuchclerk”")

# A refused password: the server asks this login for one (scram), ahead of its other rules.
data = subprocess.run(["psql", "-X", "-tA", "-c", "SHOW data_directory"], check=True,
                      capture_output=True, text=True).stdout.strip()
hba = os.path.join(data, "pg_hba.conf")
with open(hba, encoding="utf-8") as f:
    rules = f.read()
with open(hba, "w", encoding="utf-8") as f:
    f.write("local all keeper scram-sha-256\n" + rules)
subprocess.run(["psql", "-X", "-q", "-c", "SELECT pg_reload_conf()"], check=True,
               capture_output=True)
expect_refused("refused password", f"dbname=rmm user=keeper password={SECRET}",
               "refused the login")

# Nothing was written to any of them.
left = subprocess.run(["psql", "-X", "-tA", "-d", "other", "-c",
                       "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"],
                      check=True, capture_output=True, text=True).stdout.strip()
if left != "1":
    failures.append(f"another program's database now has {left} tables")

if failures:
    sys.exit("\n".join(failures))
