# SPDX-License-Identifier: GPL-3.0-or-later
"""What the tests of a server's rules share: the database "county" they make, psql on it as
the owner or as a login (raw SQL, what psql and a password allow), and the failures found,
each said at the end."""

import subprocess
import sys

failures = []


def psql(sql, user=None, check=True):
    """@sql on "county", as @user (the owner if None), unaligned, fields split by "|"; a
    failure ends the test unless @check is False."""
    command = ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-d", "county", "-c", sql]
    if user:
        command += ["-U", user]
    result = subprocess.run(command, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{sql}: {result.stderr}")
    return result


def recorded(update, table, after, at="2026-11-30T10:00:00Z"):
    """@update (an UPDATE of @table ... RETURNING id) with the audit event the app would append
    for it, saying @after (the changed columns, spelled as the store spells them), in one
    statement: the server refuses a change a login makes with no event as it commits. No row
    changed (one the login may not see or change), no event."""
    fields = ["head.hash", "(head.id + 1)::text", f"'{at}'", "session_user", "'update'",
              f"'{table}'", "changed.id::text", "''", f"'{after}'"]
    digest = " || ".join(f"rmm_audit_field ({field})" for field in fields)
    return (f"WITH changed AS ({update}), head AS (SELECT id, hash FROM audit_chain "
            "ORDER BY id DESC LIMIT 1) "
            "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, before, after, "
            f"prev_hash, hash) SELECT head.id + 1, '{at}', session_user, 'update', '{table}', "
            f"changed.id, '', '{after}', head.hash, "
            f"encode (sha256 (convert_to ({digest}, 'UTF8')), 'hex') FROM changed, head")


def expect(label, result, refusal=None):
    """@result accepted, or, with @refusal, refused saying so."""
    if refusal is None and result.returncode != 0:
        failures.append(f"{label}: refused: {result.stderr.strip()}")
    elif refusal is not None and (result.returncode == 0 or refusal not in result.stderr):
        failures.append(f"{label}: not refused as expected: {result.stdout.strip()} "
                        f"{result.stderr.strip()}")
    else:
        print(f"ok: {label}: {result.stderr.strip() or result.stdout.strip() or 'accepted'}")


def finish():
    """Each failure on a line; the exit status says whether there was any."""
    for failure in failures:
        print(f"FAIL: {failure}")
    sys.exit(1 if failures else 0)
