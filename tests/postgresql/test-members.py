#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Who works on which area, from the command line: `rmmctl server grant LOGIN ROLE --area
NAME…`, `revoke` and `members`. A grant makes the login a member of the role's group on the
server and records the areas, in the audit trail under the owner who ran it; every bad name
gets one sentence, exit 1, and nothing written; a login cannot grant itself anything.

Run as: with-cluster test-members.py RMMCTL
"""

import json
import subprocess
import sys

rmmctl = sys.argv[1]
owner = "dbname=county"
failures = []


def psql(sql, user=None):
    command = ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-d", "county", "-c", sql]
    if user:
        command += ["-U", user]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def rmm(*args, database=owner):
    return subprocess.run([rmmctl, "--database", database, *args], capture_output=True,
                          text=True)


def state():
    return (psql("SELECT count(*) FROM area_member"), psql("SELECT count(*) FROM audit_event"),
            psql("SELECT string_agg (g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m "
                 "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member "
                 "WHERE r.rolname = 'dora'"),
            psql("SELECT has_database_privilege ('dora', 'county', 'CONNECT')"))


def refused(label, args, words, database=owner):
    before = state()
    result = rmm(*args, database=database)
    lines = result.stderr.strip().splitlines()
    if result.returncode != 1 or len(lines) != 1 or words not in lines[0]:
        failures.append(f"{label}: exit {result.returncode}, {result.stdout}{result.stderr}")
    elif state() != before:
        failures.append(f"{label}: something was written")
    else:
        print(f"ok: {label}: {lines[0]}")


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
rmm("server", "init").check_returncode()
rmm("demo", "--children", "30").check_returncode()
psql("CREATE ROLE dora LOGIN")
# an app login, as on any laptop, let into this database by its administrator
psql("CREATE ROLE eve LOGIN IN ROLE rmm_app; GRANT CONNECT ON DATABASE county TO eve")
areas = psql("SELECT string_agg (name, ',' ORDER BY name) FROM area").split(",")
north, south = areas[0], areas[1]

refused("an unknown login", ["server", "grant", "nobody-here", "chair", "--area", north],
        "There is no login “nobody-here”")
refused("an unknown role", ["server", "grant", "dora", "bishop", "--area", north],
        "There is no role “bishop”")
refused("an unknown area", ["server", "grant", "dora", "chair", "--area", "Nowhere Vale"],
        "There is no area called “Nowhere Vale”")
refused("no area", ["server", "grant", "dora", "chair"], "name at least one with --area")
refused("an empty login", ["server", "grant", "", "chair", "--area", north],
        "Name the login: it is empty.")
refused("revoking what was never granted", ["server", "revoke", "dora", "chair"],
        "is not a chair of any area")
refused("a login granting itself", ["server", "grant", "eve", "chair", "--area", north],
        "does not allow this login (“eve”)", database=owner + " user=eve")

result = rmm("server", "grant", "dora", "chair", "--area", north, "--area", south, "--area",
             north)
if result.returncode != 0 or result.stdout.strip() != f"“dora” is a chair of {north}, {south}.":
    failures.append(f"grant: {result.stdout}{result.stderr}")
members = json.loads(rmm("server", "members", "--format", "json").stdout)
if sorted((m["login"], m["role"], m["area"]) for m in members) != [
        ("dora", "chair", north), ("dora", "chair", south)]:
    failures.append(f"members after the grant: {members}")
if state()[2:] != ("rmm_chair", "t"):
    failures.append(f"dora's role and entry after the grant: {state()[2:]}")
# Roles are the whole server's, a membership one database's: another county's database, on
# the same server, does not let dora in.
subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county2"], check=True)
rmm("server", "init", database="dbname=county2").check_returncode()
rmm("demo", "--children", "5", database="dbname=county2").check_returncode()
other = subprocess.run(["psql", "-X", "-tA", "-U", "dora", "-d", "county2", "-c",
                        "SELECT count(*) FROM child"], capture_output=True, text=True)
if other.returncode == 0 or "permission denied for database" not in other.stderr:
    failures.append(f"a chair here read another database: {other.stdout}{other.stderr}")
else:
    print(f"ok: another database on the server: {other.stderr.strip()}")
owner_login = psql("SELECT current_user")
if psql("SELECT string_agg (DISTINCT actor || ' ' || action, ',') FROM audit_event "
        "WHERE entity = 'area_member'") != f"{owner_login} create":
    failures.append("the grant is not in the trail under the owner")

refused("revoking an area it is not chair of",
        ["server", "revoke", "dora", "police", "--area", north], "is not a police officer")
result = rmm("server", "revoke", "dora", "chair", "--area", north)
if result.returncode != 0 or state()[2:] != ("rmm_chair", "t"):
    failures.append(f"revoking one area: {result.stdout}{result.stderr} {state()}")
result = rmm("server", "revoke", "dora", "chair")
if result.returncode != 0 or result.stdout.strip() != "“dora” is no longer a chair of any area.":
    failures.append(f"revoking the rest: {result.stdout}{result.stderr}")
if state()[3] != "f" or rmm("server", "members").stdout.strip() != \
        "No login is a member of any area.":
    failures.append(f"after the last revoke: {state()}")
if psql("SELECT count(*) FROM area_member WHERE revoked_at IS NOT NULL") != "2":
    failures.append("a revoked membership is not kept, revoked")

check = rmm("check")
if check.returncode != 0:
    failures.append(f"check: {check.stdout}{check.stderr}")

for failure in failures:
    print(f"FAIL: {failure}")
sys.exit(1 if failures else 0)
