#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two engines' schemas are one schema: data/migrations/sqlite/ and
data/migrations/postgresql/, each applied in order (SQLite in memory, PostgreSQL on the
throw-away server tests/postgresql/with-cluster starts), have the same tables, columns (in
order, with the same NOT NULL and primary key), foreign keys, unique keys, number of CHECK
constraints, indexes and guards; and every guard refuses on PostgreSQL as on SQLite.

Run as: with-cluster test-schema.py MIGRATIONS_DIR
"""

import os
import re
import sqlite3
import subprocess
import sys

migrations = sys.argv[1]

# Triggers only a server has: the notification other clients hear a change by, and the
# check that an event names the login that wrote it (SQLite has no logins).
SERVER_ONLY = {"audit_event_notify", "audit_event_actor_is_login", "audit_event_follows_chain",
               "decision_confirmed_by_login", "meeting_by_role",
               "audit_event_tells_truth"}


def files(engine):
    folder = os.path.join(migrations, engine)
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if re.fullmatch(r"\d{4}-[a-z0-9-]+\.sql", name)]


def psql(sql, *, check=True):
    result = subprocess.run(["psql", "-X", "-q", "-tA", "-F", "|", "-v", "ON_ERROR_STOP=1",
                             "-c", sql], capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"psql failed: {result.stderr}")
    return result


def rows(sql):
    return [tuple(line.split("|")) for line in psql(sql).stdout.splitlines() if line]


def sqlite_schema():
    db = sqlite3.connect(":memory:")
    sqlite_names = [os.path.basename(f) for f in files("sqlite")]
    postgresql_names = [os.path.basename(f) for f in files("postgresql")]
    assert sqlite_names == postgresql_names, (sqlite_names, postgresql_names)
    for path in files("sqlite"):
        db.executescript(open(path, encoding="utf-8").read())
    schema = {"tables": {}, "indexes": set(), "guards": set()}
    for (table, sql) in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"):
        # A key column is NOT NULL on PostgreSQL whether said or not: compared apart.
        columns = [(name, bool(notnull) and pk == 0, pk > 0)
                   for (_, name, _, notnull, _, pk) in db.execute(f"PRAGMA table_info({table})")]
        foreign = {(row[3], row[2]) for row in db.execute(f"PRAGMA foreign_key_list({table})")}
        unique = set()
        for (_, index, is_unique, origin, _) in db.execute(f"PRAGMA index_list({table})"):
            if is_unique and origin == "u":
                unique.add(tuple(r[2] for r in db.execute(f"PRAGMA index_info({index})")))
        checks = len(re.findall(r"\bCHECK\s*\(", sql))
        schema["tables"][table] = {"columns": columns, "foreign": foreign, "unique": unique,
                                   "checks": checks}
    for (name,) in db.execute("SELECT name FROM sqlite_master "
                              "WHERE type = 'index' AND sql IS NOT NULL"):
        schema["indexes"].add(name)
    for (name, table, sql) in db.execute("SELECT name, tbl_name, sql FROM sqlite_master "
                                         "WHERE type = 'trigger'"):
        event = re.search(r"BEFORE (INSERT|UPDATE|DELETE)", sql).group(1)
        schema["guards"].add((name, table, event))
    return schema


def postgresql_schema():
    for path in files("postgresql"):
        result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", path],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{os.path.basename(path)} does not apply: {result.stderr}")
    schema = {"tables": {}, "indexes": set(), "guards": set()}
    for (table,) in rows("SELECT table_name FROM information_schema.tables "
                         "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"):
        pk = {c for (c,) in rows(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
            "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
            f"WHERE i.indrelid = '{table}'::regclass AND i.indisprimary")}
        columns = [(name, nullable == "NO" and name not in pk, name in pk)
                   for (name, nullable) in rows(
                       "SELECT column_name, is_nullable FROM information_schema.columns "
                       f"WHERE table_schema = 'public' AND table_name = '{table}' "
                       "ORDER BY ordinal_position")]
        foreign = set(rows(
            "SELECT a.attname, c.confrelid::regclass::text FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            f"WHERE c.conrelid = '{table}'::regclass AND c.contype = 'f'"))
        unique = set()
        for (keys,) in rows("SELECT array_to_string(ARRAY(SELECT a.attname "
                            "FROM unnest (c.conkey) WITH ORDINALITY k (n, o) "
                            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n "
                            "ORDER BY k.o), ',') FROM pg_constraint c "
                            f"WHERE c.conrelid = '{table}'::regclass AND c.contype = 'u'"):
            unique.add(tuple(keys.split(",")))
        (checks,) = rows("SELECT count(*) FROM pg_constraint "
                         f"WHERE conrelid = '{table}'::regclass AND contype = 'c'")[0]
        schema["tables"][table] = {"columns": columns, "foreign": foreign, "unique": unique,
                                   "checks": int(checks)}
    for (name,) in rows("SELECT i.relname FROM pg_index x "
                        "JOIN pg_class i ON i.oid = x.indexrelid "
                        "JOIN pg_namespace n ON n.oid = i.relnamespace "
                        "WHERE n.nspname = 'public' AND NOT x.indisprimary "
                        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                        "WHERE c.conindid = x.indexrelid)"):
        schema["indexes"].add(name)
    for (name, table, event) in rows("SELECT trigger_name, event_object_table, "
                                     "event_manipulation FROM information_schema.triggers"):
        # Each table's "recorded" rule: what a login writes has its audit event.
        if name not in SERVER_ONLY and not name.endswith("_recorded"):
            schema["guards"].add((name, table, event))
    return schema


def compare(sqlite, postgresql):
    problems = []
    for name in ("indexes", "guards"):
        if sqlite[name] != postgresql[name]:
            problems.append(f"{name}: only SQLite {sorted(sqlite[name] - postgresql[name])}, "
                            f"only PostgreSQL {sorted(postgresql[name] - sqlite[name])}")
    if set(sqlite["tables"]) != set(postgresql["tables"]):
        problems.append(f"tables: {sorted(set(sqlite['tables']) ^ set(postgresql['tables']))}")
    for table in sorted(set(sqlite["tables"]) & set(postgresql["tables"])):
        for what in ("columns", "foreign", "unique", "checks"):
            mine, theirs = sqlite["tables"][table][what], postgresql["tables"][table][what]
            if mine != theirs:
                problems.append(f"{table} {what}: SQLite {mine}, PostgreSQL {theirs}")
    return problems


def guards_refuse():
    """Each kind of guard refuses on PostgreSQL with its own sentence."""
    psql("INSERT INTO audit_event (id, at, actor, action, entity, entity_id, prev_hash, hash) "
         "VALUES (1, 'now', 'test', 'create', 'child', 1, '', 'h')")
    refused = psql("DELETE FROM audit_event", check=False)
    assert refused.returncode != 0 and "append-only" in refused.stderr, refused.stderr
    psql("INSERT INTO area (name, framework) VALUES ('Testshire North', 'surrey-3-level');"
         "INSERT INTO meeting (area_id, meets_on, status) VALUES (1, '2026-11-23', 'concluded');"
         "INSERT INTO agency (name, kind) VALUES ('Testshire Police', 'police');"
         "INSERT INTO attendance (meeting_id, agency_id, name, status) "
         "VALUES (1, 1, 'DC Test', 'present');"
         "UPDATE meeting SET status = 'signed-off'")
    refused = psql("INSERT INTO attendance (meeting_id, agency_id, name, status) "
                   "VALUES (1, 1, 'DC Later', 'present')", check=False)
    assert refused.returncode != 0 and "cannot change" in refused.stderr, refused.stderr
    refused = psql("UPDATE meeting SET location = 'Elsewhere'", check=False)
    assert refused.returncode != 0 and "as it was signed off" in refused.stderr, refused.stderr
    refused = psql("UPDATE attendance SET status = 'apologies'", check=False)
    assert refused.returncode != 0 and "signed off" in refused.stderr, refused.stderr
    refused = psql("UPDATE meeting SET status = 'open'", check=False)
    assert refused.returncode != 0 and "stays signed off" in refused.stderr, refused.stderr
    psql("INSERT INTO child (reference, first_name, last_name, date_of_birth, area_id, "
         "created_at) VALUES ('T-1', 'Kit', 'Testchild', '2012-01-01', 1, 'now'), "
         "('T-2', 'Sam', 'Testchild', '2012-01-01', 1, 'now');"
         "INSERT INTO decision (child_id, kind, value, proposed_at) "
         "VALUES (1, 'risk-rating', 'high', '2026-11-23T10:00:00Z')")
    refused = psql("INSERT INTO decision (child_id, kind, value, proposed_at, supersedes_id, "
                   "supersede_reason) VALUES (2, 'risk-rating', 'low', '2026-11-24T10:00:00Z', "
                   "1, 'another child')", check=False)
    assert refused.returncode != 0 and "same child" in refused.stderr, refused.stderr


problems = compare(sqlite_schema(), postgresql_schema())
for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(1)
guards_refuse()
print("ok: the two schemas are one, and the guards refuse on PostgreSQL")
