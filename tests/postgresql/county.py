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
