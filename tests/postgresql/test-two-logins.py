#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two-person rule, kept by the server. With `rmmctl server set two-logins on`, a decision's
two confirmations must come from two different logins, each a chair of the child's area: raw
SQL as each login (what psql and a password allow, not what the app offers) finds the same
login confirming twice refused, a minute-taker's login refused, a chair of another area
not even shown the decision, and two chairs' logins accepted, each recorded as the login that
confirmed. Off (the default), one login confirms for both, and is recorded for both. The setting itself is the
owner's: a login can change it neither with rmmctl nor with SQL.

Run as: with-cluster test-two-logins.py RMMCTL
"""

import subprocess
import sys

from county import expect, failures, finish, psql, recorded

rmmctl = sys.argv[1]
owner = "dbname=county"


def rmm(*args, database=owner):
    return subprocess.run([rmmctl, "--database", database, *args], capture_output=True,
                          text=True)


def new_decision():
    return psql(f"INSERT INTO decision (child_id, kind, value, proposed_at) VALUES ({child}, "
                "'risk-rating', 'medium', '2026-11-30T10:00:00Z') RETURNING id").stdout.split()[0]


def confirm(decision, slot, chair, login):
    at = f"2026-11-30T10:0{slot}:00Z"
    return psql(recorded(f"UPDATE decision SET chair{slot}_id = {chair}, "
                         f"chair{slot}_confirmed_at = '{at}' WHERE id = {decision} RETURNING id",
                         "decision",
                         f'{{"chair{slot}_id":{chair},"chair{slot}_confirmed_at":"{at}"}}'),
                user=login, check=False)


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
rmm("server", "init").check_returncode()
rmm("demo", "--children", "30").check_returncode()
north, south = psql("SELECT name FROM area ORDER BY name LIMIT 2").stdout.split("\n")[:2]
child = psql(f"SELECT c.id FROM child c JOIN area a ON a.id = c.area_id WHERE a.name = '{north}' "
             "ORDER BY c.id LIMIT 1").stdout.strip()
chair1, chair2 = psql("SELECT id FROM professional ORDER BY id LIMIT 2").stdout.split()
for login, role, area in [("ada_chair", "chair", north), ("ben_chair", "chair", north),
                          ("mo_minutes", "minute-taker", north), ("sal_chair", "chair", south)]:
    psql(f"CREATE ROLE {login} LOGIN")
    rmm("server", "grant", login, role, "--area", area).check_returncode()

# Off, the default: one login confirms for both chairs, and is recorded for both.
decision = new_decision()
expect("off: one login, first chair", confirm(decision, 1, chair1, "ada_chair"))
expect("off: the same login, second chair", confirm(decision, 2, chair2, "ada_chair"))
logins = psql(f"SELECT chair1_login || ' ' || chair2_login FROM decision WHERE id = {decision}")
if logins.stdout.strip() != "ada_chair ada_chair":
    failures.append(f"off: the logins recorded: {logins.stdout.strip()!r}")

# The setting is the owner's.
result = rmm("server", "set", "two-logins", "on", database=owner + " user=ada_chair")
if result.returncode != 1 or "does not allow this login" not in result.stderr:
    failures.append(f"a chair's login turned two-logins on: {result.stdout}{result.stderr}")
result = rmm("server", "set", "two-logins", "on")
if result.returncode != 0 or "two different logins" not in result.stdout:
    failures.append(f"the owner could not turn two-logins on: {result.stdout}{result.stderr}")
for sql in ("UPDATE database_info SET value = 'off' WHERE key = 'two-logins' RETURNING key",
            "INSERT INTO database_info VALUES ('two-logins', 'off') "
            "ON CONFLICT (key) DO UPDATE SET value = 'off' RETURNING key",
            "DELETE FROM database_info WHERE key = 'two-logins' RETURNING key"):
    result = psql(sql, user="ada_chair", check=False)
    if result.returncode == 0 and result.stdout.strip():
        failures.append(f"a login changed the setting: {sql}")
if psql("SELECT value FROM database_info WHERE key = 'two-logins'").stdout.strip() != "on":
    failures.append("the setting is not on")

# On: two chairs' logins, each a chair of the child's area.
decision = new_decision()
# A minute-taker of the area may not change a decision at all (what each role may change),
# and a chair of another area does not even see it (need to know): nothing changes.
for label, login in (("a minute-taker's login", "mo_minutes"),
                     ("a chair of another area", "sal_chair")):
    result = confirm(decision, 1, chair1, login)
    if result.returncode != 0 or psql(f"SELECT chair1_confirmed_at IS NULL FROM decision "
                                      f"WHERE id = {decision}").stdout.strip() != "t":
        failures.append(f"on: {label} confirmed: {result.stderr.strip()}")
    else:
        print(f"ok: on: {label}: not there to confirm")
expect("on: a chair's login", confirm(decision, 1, chair1, "ada_chair"))
expect("on: the same login again", confirm(decision, 2, chair2, "ada_chair"),
       "two different chairs' logins")
expect("on: the other chair's login", confirm(decision, 2, chair2, "ben_chair"))
logins = psql(f"SELECT chair1_login || ' ' || chair2_login FROM decision WHERE id = {decision}")
if logins.stdout.strip() != "ada_chair ben_chair":
    failures.append(f"on: the logins recorded: {logins.stdout.strip()!r}")

# What psql allows besides an UPDATE of one confirmation: none gets round the rule.
expect("on: a decision inserted already confirmed, logins forged",
       psql(f"INSERT INTO decision (child_id, kind, value, proposed_at, chair1_id, "
            f"chair1_confirmed_at, chair2_id, chair2_confirmed_at, status, chair1_login, "
            f"chair2_login) VALUES ({child}, 'risk-rating', 'high', '2026-11-30T10:00:00Z', "
            f"{chair1}, '2026-11-30T10:01:00Z', {chair2}, '2026-11-30T10:02:00Z', 'confirmed', "
            "'ada_chair', 'ben_chair')", user="ada_chair", check=False),
       "two different chairs' logins")
decision = new_decision()
expect("on: the first confirmation", confirm(decision, 1, chair1, "ada_chair"))
psql(f"UPDATE decision SET chair1_login = 'ben_chair' WHERE id = {decision}", user="ada_chair",
     check=False)
if psql(f"SELECT chair1_login FROM decision WHERE id = {decision}").stdout.strip() != "ada_chair":
    failures.append("on: a login rewrote who gave a confirmation")
else:
    print("ok: on: who gave a confirmation cannot be rewritten")
other_child = psql(f"SELECT min(id) FROM child WHERE id <> {child}").stdout.strip()
expect("on: the confirmed proposal moved to another child",
       psql(f"UPDATE decision SET child_id = {other_child} WHERE id = {decision}",
            user="ben_chair", check=False), "confirmed as it stands")
expect("on: the confirmed proposal's rating changed",
       psql(f"UPDATE decision SET value = 'high' WHERE id = {decision}", user="ada_chair",
            check=False), "confirmed as it stands")
expect("on: the other chair's login erases a confirmation it did not give",
       psql(f"UPDATE decision SET chair1_confirmed_at = NULL, chair2_confirmed_at = NULL "
            f"WHERE id = {decision}", user="ben_chair", check=False),
       "only from the login that gave it")
expect("on: the confirmed proposal's rationale changed under the other chair",
       psql(f"UPDATE decision SET rationale = 'A rationale the first chair never saw' "
            f"WHERE id = {decision}", user="ben_chair", check=False), "confirmed as it stands")
expect("on: the same login through its own temporary area_member",
       psql("CREATE TEMP TABLE area_member (login text, role text, area_id bigint, "
            "revoked_at text)", user="mo_minutes", check=False), "permission denied")

result = rmm("server", "set", "two-logins", "off")
if result.returncode != 0:
    failures.append(f"the owner could not turn two-logins off: {result.stderr}")

finish()
