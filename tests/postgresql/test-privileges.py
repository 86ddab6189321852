#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""On a server, history is protected by privileges, not only by triggers. A login of the app's
group role (rmm_app), with psql and its own password, cannot rewrite the audit trail, a
confirmed decision, a plan version, a closure or a confirmed trigger response, even after the
owner has dropped every guard trigger; it cannot drop or disable one itself; and an audit
event it writes must name itself and follow the chain the server holds (its hash its own). The app works as such a login: its changes are recorded
under its name, and check passes afterwards.

Run as: with-cluster test-privileges.py RMMCTL
"""

import os
import subprocess
import sys
import tempfile

from county import failures, psql

rmmctl = sys.argv[1]
owner = "dbname=county"
laptop = "dbname=county user=laptop"


def fingerprint():
    return psql("SELECT md5 (string_agg (t::text, '|' ORDER BY t::text)) FROM ("
                "  SELECT 'e' || row (a.*)::text AS t FROM audit_event a UNION ALL"
                "  SELECT 'd' || row (d.*)::text FROM decision d UNION ALL"
                "  SELECT 'v' || row (v.*)::text FROM safety_plan_version v UNION ALL"
                "  SELECT 'c' || row (c.*)::text FROM closure c UNION ALL"
                "  SELECT 'r' || row (r.*)::text FROM trigger_response r) AS everything").stdout


def refused(label, sql):
    result = psql(sql, user="laptop", check=False)
    out = result.stdout.strip()
    # Refused outright, or the protected rows out of the statement's reach.
    if result.returncode == 0 and out not in ("", "0"):
        failures.append(f"{label}: allowed ({out!r})")
    else:
        print(f"ok: {label}: {(result.stderr.strip() or 'no row within reach')}")


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
subprocess.run([rmmctl, "--database", owner, "server", "init"], check=True, capture_output=True)
subprocess.run([rmmctl, "--database", owner, "demo", "--children", "60"], check=True,
               capture_output=True)
# The laptop is a chair of the area its referrals and plans are in (need to know).
psql("CREATE ROLE laptop LOGIN", user=None)
subprocess.run([rmmctl, "--database", owner, "server", "grant", "laptop", "chair", "--area",
                "Ashdown North"], check=True, capture_output=True)
for table in ("decision", "safety_plan_version", "closure", "trigger_response"):
    count = psql(f"SELECT count(*) FROM {table}").stdout.strip()
    assert int(count) > 0, f"the demo made no {table}"

# The app works as that login, and records it.
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as csv:
    template = subprocess.run([rmmctl, "import", "referrals", "--template"], capture_output=True,
                              text=True).stdout.strip()
    csv.write(template + "\nLP-1,Siân,Testchild,2012-01-01,Ashdown North,2026-11-27 10:00,"
              "Ruth Referrer,Surrey Police,single-point-of-access,Concern,,\n")
result = subprocess.run([rmmctl, "--database", laptop, "import", "referrals", csv.name], capture_output=True,
                        text=True)
os.unlink(csv.name)
if result.returncode != 0:
    failures.append(f"the app's login could not import: {result.stdout}{result.stderr}")
elif psql("SELECT DISTINCT actor FROM audit_event WHERE id > (SELECT max(id) - 2 "
          "FROM audit_event)").stdout.strip() != "laptop":
    failures.append("the import is not recorded under the login")
check = subprocess.run([rmmctl, "--database", laptop, "check"], capture_output=True, text=True)
if check.returncode != 0:
    failures.append(f"check as the app's login: {check.stdout}{check.stderr}")


# Its plan made as a document: a look at the record, appended as the server's chain expects.
result = subprocess.run([rmmctl, "--database", laptop, "export", "safety-plan", "--child",
                         psql("SELECT reference FROM child c WHERE EXISTS (SELECT 1 FROM "
                              "safety_plan p WHERE p.child_id = c.id AND p.closed_on IS NULL) "
                              "AND c.area_id = (SELECT id FROM area WHERE name = "
                              "'Ashdown North') LIMIT 1").stdout.strip(),
                         "-o", os.path.join(tempfile.gettempdir(), "laptop-plan.pdf")],
                        capture_output=True, text=True)
if result.returncode != 0:
    failures.append(f"the app's login could not make a plan: {result.stdout}{result.stderr}")

# An event naming someone else is refused, whoever the guards leave alone.
refused("an audit event naming another login",
        "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, prev_hash, hash) "
        "SELECT max(id) + 1, '2026-11-30T10:00:00Z', 'someone-else', 'create', 'area', 1, "
        "'x', 'y' FROM audit_event")
# The server keeps the chain: an event off it, or with a hash that is not its own, is refused.
refused("an audit event that does not follow the newest",
        "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, prev_hash, hash) "
        "SELECT max(id) + 1, '2026-11-30T10:00:00Z', 'laptop', 'create', 'area', 1, "
        "repeat ('0', 64), repeat ('1', 64) FROM audit_event")
refused("an audit event whose hash is not its own",
        "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, prev_hash, hash) "
        "SELECT id + 1, '2026-11-30T10:00:00Z', 'laptop', 'create', 'area', 1, hash, "
        "repeat ('1', 64) FROM audit_event ORDER BY id DESC LIMIT 1")

# The owner drops every guard; the group role's privileges still hold.
guards = psql("SELECT tgname || ' ON ' || tgrelid::regclass FROM pg_trigger "
              "WHERE NOT tgisinternal AND tgname <> 'audit_event_notify'").stdout.split("\n")
for guard in filter(None, guards):
    psql(f"DROP TRIGGER {guard}")
before = fingerprint()

refused("rewriting the audit trail", "UPDATE audit_event SET actor = 'mallory'")
refused("deleting from the audit trail", "DELETE FROM audit_event")
refused("changing a confirmed decision",
        "WITH c AS (UPDATE decision SET value = 'low' WHERE status = 'confirmed' RETURNING 1) "
        "SELECT count(*) FROM c")
refused("deleting a decision", "DELETE FROM decision")
refused("changing a plan version", "UPDATE safety_plan_version SET review_on = '2030-01-01'")
refused("deleting a plan version", "DELETE FROM safety_plan_version")
refused("changing a closure", "UPDATE closure SET reasons = 'rewritten'")
refused("deleting a closure", "DELETE FROM closure")
refused("changing a confirmed trigger response",
        "WITH c AS (UPDATE trigger_response SET outcome = 'rewritten' "
        "WHERE chair2_confirmed_at IS NOT NULL RETURNING 1) SELECT count(*) FROM c")
refused("deleting a trigger response", "DELETE FROM trigger_response")
refused("disabling the audit trail's triggers", "ALTER TABLE audit_event DISABLE TRIGGER ALL")
refused("giving itself the owner's rights", "GRANT UPDATE ON audit_event TO laptop")
if fingerprint() != before:
    failures.append("the protected rows changed")

# And check, as the app's login, names what the owner did.
check = subprocess.run([rmmctl, "--database", laptop, "check"], capture_output=True, text=True)
if check.returncode != 1 or "audit_event_no_update” is missing or disabled" not in check.stdout:
    failures.append(f"check did not name the dropped guards: {check.stdout}{check.stderr}")

if failures:
    sys.exit("\n".join(failures))
