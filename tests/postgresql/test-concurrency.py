#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Eight laptops on one server at once, each a login of the app's group role: each, for 30
seconds, imports referrals, confirms ratings with both chairs and saves minutes, as fast as
it can. Afterwards the audit trail is one chain with no fork and no gap, `rmmctl check` passes, and every change a client was told
was saved is there: each referral, each confirmed rating, and each item's last minutes. Two
laptops saving the same minutes from the same version: the second is refused as a conflict.

Run as: with-cluster test-concurrency.py RMMCTL SERVER-CLIENT [SECONDS]
"""

import subprocess
import sys
import time

rmmctl, client = sys.argv[1], sys.argv[2]
seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
CLIENTS = 8
database = "dbname=county"


def psql(sql):
    return subprocess.run(["psql", "-X", "-tA", "-d", "county", "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
subprocess.run([rmmctl, "--database", database, "server", "init"], check=True,
               capture_output=True)
ids = subprocess.run([client, database, "setup", str(CLIENTS)], check=True, capture_output=True,
                     text=True).stdout.split()
# The laptops connect as a chair of the area, not as the database's owner.
subprocess.run(["psql", "-X", "-q", "-c", "CREATE ROLE laptop LOGIN"], check=True)
subprocess.run([rmmctl, "--database", database, "server", "grant", "laptop", "chair", "--area",
                "Testshire Central"], check=True, capture_output=True)
laptop = database + " user=laptop"
area, meeting, chair1, chair2, items = ids[0], ids[1], ids[2], ids[3], ids[4:]

started = time.monotonic()
runs = [subprocess.Popen([client, laptop, "run", str(k), str(seconds), area, meeting, chair1,
                          chair2, items[k]], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for k in range(CLIENTS)]
outputs = [run.communicate() for run in runs]
elapsed = time.monotonic() - started
for run, (out, err) in zip(runs, outputs):
    if run.returncode != 0:
        sys.exit(f"a client failed ({run.returncode}): {err}")

referrals, decisions, last_minute = [], [], {}
for out, _ in outputs:
    for line in out.splitlines():
        kind, rest = line.split(" ", 1)
        if kind == "referral":
            referrals.append(rest)
        elif kind == "decision":
            decisions.append(rest.split(" ")[0])
        elif kind == "minute":
            item, version, text = rest.split(" ", 2)
            last_minute[item] = (version, text)
print(f"{len(referrals)} referrals, {len(decisions)} ratings, "
      f"{sum(int(v) - 1 for v, _ in last_minute.values())} minutes saved by {CLIENTS} clients "
      f"in {elapsed:.1f} s")
assert referrals and decisions and len(last_minute) == CLIENTS, "a client saved nothing"

# One chain: ids from 1 with no gap (check follows every hash from the first).
events, highest = psql("SELECT count(*) || ' ' || coalesce(max(id), 0) FROM audit_event").split()
assert events == highest, f"{events} events, the highest id {highest}: the chain has gaps"
check = subprocess.run([rmmctl, "--database", database, "check"], capture_output=True, text=True)
assert check.returncode == 0, check.stdout + check.stderr

found = int(psql("SELECT count(*) FROM child WHERE reference IN (%s)"
                 % ", ".join(f"'{r}'" for r in referrals)))
assert found == len(referrals), f"{len(referrals) - found} acknowledged referrals missing"
confirmed = int(psql("SELECT count(*) FROM decision WHERE status = 'confirmed' AND id IN (%s)"
                     % ", ".join(decisions)))
assert confirmed == len(decisions), f"{len(decisions) - confirmed} acknowledged ratings missing"
for item, (version, text) in last_minute.items():
    stored = psql(f"SELECT row_version || ' ' || minute_text FROM agenda_item WHERE id = {item}")
    assert stored == f"{version} {text}", f"item {item}: {stored!r}, acknowledged {version} {text!r}"
print(f"ok: {events} audit events in one chain; every acknowledged change is there")

# Two laptops editing the same minutes: the one that read an older version is refused.
out = subprocess.run([client, laptop, "conflict", items[0]], check=True, capture_output=True,
                     text=True).stdout
print(out.strip())
