#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Need to know, kept by the server: the README's table of roles, tried as raw SQL by each
login (what psql and a password allow, not what the app offers).

For each role, granted on one area, and for a login granted no area: every table that holds
a child's data shows exactly the rows of that area's children, police-sensitive information and
disruption only to police and the area's chairs, the audit trail only the events of what the
login sees, the county-wide CSE list to chairs; oversight reads none of it. Writing follows
reading: a row of another area cannot be added, changed or moved into reach. Every login still
follows the one audit chain. And the police note reaches no other login by any path rmmctl
has: the agenda's JSON, every document, who looked.

Run as: with-cluster test-roles.py RMMCTL
"""

import hashlib
import json
import os
import subprocess
import sys
import tempfile

from county import expect, failures, finish, psql, recorded

rmmctl = sys.argv[1]
owner = "dbname=county"

# Each table holding a child's data, and how its rows find their area (as the owner, who
# sees everything): id, area (NULL: belongs to no child) and whether it is police-sensitive.
TABLES = {
    "child": "SELECT id, area_id, false FROM child",
    "meeting": "SELECT id, area_id, false FROM meeting",
    "meeting_series": "SELECT id, area_id, false FROM meeting_series",
    "referral": "SELECT t.id, c.area_id, false FROM referral t JOIN child c ON c.id = t.child_id",
    "assessment": "SELECT t.id, c.area_id, false FROM assessment t JOIN child c ON c.id = t.child_id",
    "missing_episode": "SELECT t.id, c.area_id, false FROM missing_episode t "
                       "JOIN child c ON c.id = t.child_id",
    "agenda_item": "SELECT t.id, c.area_id, false FROM agenda_item t JOIN child c ON c.id = t.child_id",
    "decision": "SELECT t.id, c.area_id, false FROM decision t JOIN child c ON c.id = t.child_id",
    "safety_plan": "SELECT t.id, c.area_id, false FROM safety_plan t JOIN child c ON c.id = t.child_id",
    "strategy_trigger": "SELECT t.id, c.area_id, false FROM strategy_trigger t "
                        "JOIN child c ON c.id = t.child_id",
    "transition": "SELECT t.id, c.area_id, false FROM transition t JOIN child c ON c.id = t.child_id",
    "concern_not_referred": "SELECT t.id, c.area_id, false FROM concern_not_referred t "
                            "LEFT JOIN child c ON c.id = t.child_id",
    "information_note": "SELECT t.id, c.area_id, t.police_sensitive = 1 FROM information_note t "
                        "JOIN child c ON c.id = t.child_id",
    "disruption_note": "SELECT t.id, c.area_id, true FROM disruption_note t "
                       "LEFT JOIN child c ON c.id = t.child_id",
    "assessment_indicator": "SELECT t.id, c.area_id, false FROM assessment_indicator t "
                            "JOIN assessment a ON a.id = t.assessment_id JOIN child c ON c.id = a.child_id",
    "assessment_vulnerability": "SELECT t.assessment_id, c.area_id, false "
                                "FROM assessment_vulnerability t JOIN assessment a "
                                "ON a.id = t.assessment_id JOIN child c ON c.id = a.child_id",
    "safety_plan_version": "SELECT t.id, c.area_id, false FROM safety_plan_version t "
                           "JOIN safety_plan p ON p.id = t.plan_id JOIN child c ON c.id = p.child_id",
    "plan_action": "SELECT t.id, c.area_id, false FROM plan_action t "
                   "JOIN safety_plan p ON p.id = t.plan_id JOIN child c ON c.id = p.child_id",
    "trigger_response": "SELECT t.id, c.area_id, false FROM trigger_response t JOIN strategy_trigger s "
                        "ON s.id = t.trigger_id JOIN child c ON c.id = s.child_id",
    "closure": "SELECT t.id, c.area_id, false FROM closure t JOIN decision d ON d.id = t.decision_id "
               "JOIN child c ON c.id = d.child_id",
    "attendance": "SELECT t.id, g.area_id, false FROM attendance t JOIN meeting g ON g.id = t.meeting_id",
    "agenda_cache": "SELECT t.meeting_id, g.area_id, false FROM agenda_cache t "
                    "JOIN meeting g ON g.id = t.meeting_id",
    "agenda_fact": "SELECT t.item_id, c.area_id, false FROM agenda_fact t JOIN agenda_item i "
                   "ON i.id = t.item_id JOIN child c ON c.id = i.child_id",
    "network_member": "SELECT t.id, c.area_id, false FROM network_member t "
                      "JOIN child c ON c.id = t.child_id",
    "circulation": "SELECT t.id, c.area_id, false FROM circulation t JOIN child c ON c.id = t.child_id",
}
KEY = {"assessment_vulnerability": "assessment_id", "agenda_cache": "meeting_id",
       "agenda_fact": "item_id"}


def rows(sql, user=None):
    return [line.split("|") for line in psql(sql, user).stdout.splitlines() if line]


def rmm(*args, login=None):
    database = owner + (f" user={login}" if login else "")
    return subprocess.run([rmmctl, "--database", database, *args], capture_output=True,
                          text=True)


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
rmm("server", "init").check_returncode()
rmm("demo", "--children", "60").check_returncode()
areas = dict((name, int(id)) for id, name in rows("SELECT id, name FROM area ORDER BY name"))
# The north area is that of a child with an open plan and a police-sensitive note the demo
# recorded (audited).
police_note, north_child, north_id = rows(
    "SELECT n.id, n.child_id, c.area_id FROM information_note n JOIN child c "
    "ON c.id = n.child_id WHERE n.police_sensitive = 1 AND EXISTS (SELECT 1 FROM safety_plan p "
    "WHERE p.child_id = c.id AND p.closed_on IS NULL) ORDER BY n.id LIMIT 1")[0]
north = next(name for name, id in areas.items() if id == int(north_id))
south = next(name for name in areas if name != north)
south_child, = rows(f"SELECT min(id) FROM child WHERE area_id = {areas[south]}")[0]

# The logins: one per role on the north area, and one with no area at all.
LOGINS = {"ann_admin": "admin", "cy_chair": "chair", "mia_minutes": "minute-taker",
          "pat_police": "police", "ola_oversight": "oversight"}
for login, role in LOGINS.items():
    psql(f"CREATE ROLE {login} LOGIN")
    rmm("server", "grant", login, role, "--area", north).check_returncode()
psql("CREATE ROLE nia_nowhere LOGIN IN ROLE rmm_admin; "
     "GRANT CONNECT ON DATABASE county TO nia_nowhere")
LOGINS["nia_nowhere"] = None

# A chair's look at the north child, recorded as the app records it; the record checks.
expect("a chair exports the north child's family plan",
       rmm("export", "safety-plan", "--child", north_child, "--audience", "family", "-o",
           os.path.join(tempfile.mkdtemp(), "plan.pdf"), login="cy_chair"))
check = rmm("check")
if check.returncode != 0:
    failures.append(f"check: {check.stdout}{check.stderr}")

# Rows the demo may not have made, added by the owner (outside the trail, which is why check
# ran above): a police note and a disruption for each child, a disruption linked to no child,
# a concern about no named child.
SECRET = "Seen with the person of concern at the Meadowgate car wash"
for child in (north_child, south_child):
    psql(f"INSERT INTO information_note (child_id, kind, summary, police_sensitive, "
         f"recorded_at) VALUES ({child}, 'intelligence', '{SECRET}', 1, '2026-11-02T09:00:00Z')")
    psql(f"INSERT INTO disruption_note (child_id, subject_ref, tactic, detail, recorded_by, "
         f"recorded_at) VALUES ({child}, 'SUBJ-0099', 'cawn', '{SECRET}', 'PC Ilse Varga', "
         "'2026-11-02T09:00:00Z')")
psql("INSERT INTO disruption_note (child_id, subject_ref, tactic, detail, recorded_by, "
     "recorded_at) VALUES (NULL, 'SUBJ-0100', 'observation', 'no child yet', 'PC Ilse Varga', "
     "'2026-11-02T09:00:00Z')")
agency = rows("SELECT min(id) FROM agency")[0][0]
psql(f"INSERT INTO concern_not_referred (child_id, agency_id, recorded_by, recorded_at, concern, "
     f"reasons) VALUES (NULL, {agency}, 'Nell Oduya', '2026-11-02T09:00:00Z', 'A rumour', "
     "'No child named')")


def may_see(role, area, sensitive, table):
    if role in (None, "oversight"):
        return False
    if area is None:
        return role == "police" if table == "disruption_note" else True
    if area != areas[north]:
        return False
    return not sensitive or role in ("police", "chair")


# Reading: every table, every login, exactly the rows the table in the README gives.
for table, truth in TABLES.items():
    every = rows(truth)
    if table in ("child", "referral", "information_note", "disruption_note") and \
            not any(area == str(areas[south]) for _, area, _ in every):
        failures.append(f"{table}: the demo has no row of {south} to hide")
    for login, role in LOGINS.items():
        wanted = sorted(int(id) for id, area, sensitive in every
                        if may_see(role, int(area) if area else None, sensitive == "t", table))
        result = psql(f"SELECT {KEY.get(table, 'id')} FROM {table}", user=login, check=False)
        if role == "oversight":
            if "permission denied" not in result.stderr:
                failures.append(f"{table}: oversight read it: {result.stdout[:80]}")
            continue
        seen = sorted(int(line) for line in result.stdout.split())
        if seen != wanted:
            failures.append(f"{table} as {login}: sees {len(seen)} rows, should see "
                            f"{len(wanted)} (extra {sorted(set(seen) - set(wanted))[:5]}, "
                            f"missing {sorted(set(wanted) - set(seen))[:5]})")
    print(f"ok: {table}: each login sees its rows")

# The areas offered: a login's own (the window's sidebar and rmmctl list areas).
for login, role in LOGINS.items():
    listed = rmm("list", "areas", login=login).stdout
    if (north in listed) != (role not in (None, "oversight")) or south in listed:
        failures.append(f"the areas listed to {login}: {listed!r}")
nowhere = rmm("list", "areas", login="nia_nowhere")
if nowhere.returncode != 0 or "works on no area of this database yet" not in nowhere.stderr:
    failures.append(f"a login with no area is not told so: {nowhere.stdout}{nowhere.stderr}")
print("ok: each login is offered its own areas; one with none is told so")

# The audit trail: each event only with the row it is about; looks for chairs; the chain for all.
events = int(rows("SELECT count(*) FROM audit_event")[0][0])
for login, role in LOGINS.items():
    if role == "oversight":
        continue
    chain = rows("SELECT count(*) FROM audit_chain", user=login)[0][0]
    if int(chain) != events:
        failures.append(f"{login} follows {chain} of the chain's {events} events")
    south_events = rows("SELECT count(*) FROM audit_event WHERE entity = 'child' "
                        f"AND entity_id = {south_child}", user=login)[0][0]
    if south_events != "0":
        failures.append(f"{login} reads {south_events} events of the south child")
    note_events = rows("SELECT count(*) FROM audit_event WHERE entity = 'information_note' "
                       f"AND entity_id = {police_note}", user=login)[0][0]
    if (note_events != "0") != (role in ("police", "chair")):
        failures.append(f"{login} reads {note_events} events of the police note")
    own = rows(f"SELECT count(*) FROM audit_event WHERE entity = 'child' "
               f"AND entity_id = {north_child}", user=login)[0][0]
    if (int(own) > 0) != (role is not None):
        failures.append(f"{login} reads {own} events of the north child")
    looks = rows("SELECT count(*) FROM audit_event WHERE entity LIKE '%-access'", user=login)[0][0]
    if (int(looks) > 0) != (role == "chair"):
        failures.append(f"{login} reads {looks} looks")
print("ok: the audit trail: each login its events, all the chain")

# The county-wide CSE list: a chair's, across areas; any other login its own area's.
listed = rows("SELECT DISTINCT area_id FROM cse_list_child")
for login, role in LOGINS.items():
    if role == "oversight":
        continue
    seen = rows("SELECT DISTINCT area_id FROM cse_list_child", user=login)
    wanted = listed if role == "chair" else [[str(areas[north])]] if role else []
    if sorted(seen) != sorted(wanted):
        failures.append(f"the CSE list as {login}: areas {seen}, should be {wanted}")
    if role is not None and rmm("cse-list", login=login).returncode != 0:
        failures.append(f"rmmctl cse-list as {login} failed")
chair_list = rmm("cse-list", login="cy_chair").stdout
if south not in chair_list:
    failures.append(f"a chair's CSE list has no child of {south}")
if south in rmm("cse-list", login="ann_admin").stdout:
    failures.append(f"an administrator of {north} reads {south}'s children on the list")
print("ok: the CSE list: county-wide for chairs")

# Writing follows reading.
note = ("INSERT INTO information_note (child_id, kind, summary, police_sensitive, recorded_at) "
        "VALUES ({child}, 'intelligence', 'x', {sensitive}, '2026-11-03T09:00:00Z')")
for login, role in LOGINS.items():
    if role == "oversight":
        expect("oversight adds a note", psql(note.format(child=north_child, sensitive=0),
                                             user=login, check=False), "permission denied")
        continue
    # Tried and undone: a row written with no audit event would be refused as it commits.
    expect(f"{login} adds a note about the south child",
           psql(f"BEGIN; {note.format(child=south_child, sensitive=0)}; ROLLBACK", user=login,
                check=False),
           "row-level security")
    result = psql(f"BEGIN; {note.format(child=north_child, sensitive=1)}; ROLLBACK",
                  user=login, check=False)
    if role in ("police", "chair"):
        expect(f"{login} adds a police note about the north child", result)
    else:
        expect(f"{login} adds a police note", result, "row-level security")
    changed = psql(f"BEGIN; UPDATE child SET first_name = first_name WHERE id IN "
                   f"({north_child}, {south_child}); ROLLBACK", user=login, check=False)
    wanted = "UPDATE 1" if role in ("chair", "admin") else "UPDATE 0"
    if changed.returncode != 0 or changed.stdout.strip() not in ("", wanted):
        failures.append(f"{login} changing both children: {changed.stdout}{changed.stderr}")
    south_meeting = rows(f"SELECT max(id) FROM meeting WHERE area_id = {areas[south]}")[0][0]
    expect(f"{login} puts its child on {south}'s agenda",
           psql(f"INSERT INTO agenda_item (meeting_id, child_id, position, reasons) VALUES "
                f"({south_meeting}, {north_child}, 99, 'added-by-chair')", user=login,
                check=False),
           # A login that sees neither the child nor the meeting is refused them first.
           "their own area" if role else "row-level security")
    if role in ("chair", "admin"):
        expect(f"{login} moves a child out of reach",
               psql(f"UPDATE child SET area_id = {areas[south]} WHERE id = {north_child}",
                    user=login, check=False), "row-level security")

# Nor does a row of the login's own name another area's: a decision superseding another
# child's (which would take that child off the CSE list), a plan action or plan tied to another
# area's meeting or decision, an assessment of another area's referral, an audit event about
# another area's child.
south_rating = rows(f"SELECT max(d.id) FROM decision d JOIN child c ON c.id = d.child_id "
                    f"WHERE c.area_id = {areas[south]} AND d.kind = 'risk-rating' "
                    "AND d.status = 'confirmed'")[0][0]
south_meeting = rows(f"SELECT max(id) FROM meeting WHERE area_id = {areas[south]}")[0][0]
south_referral = rows(f"SELECT max(r.id) FROM referral r JOIN child c ON c.id = r.child_id "
                      f"WHERE c.area_id = {areas[south]}")[0][0]
north_plan = rows(f"SELECT max(id) FROM safety_plan WHERE child_id = {north_child}")[0][0]
north_action = rows(f"SELECT max(id) FROM plan_action WHERE plan_id = {north_plan}")[0][0]
head_id, head_hash = rows("SELECT id, hash FROM audit_chain ORDER BY id DESC LIMIT 1")[0]
forged = [head_hash, str(int(head_id) + 1), "2026-11-03T09:00:00Z", "cy_chair", "update",
          "child", str(south_child), "", ""]
# An event that follows the chain and carries its own hash (rmm_audit_hash ()), so that only
# the row policy is left to refuse it.
forged_hash = hashlib.sha256("".join(f"{len(f.encode())}:{f}" for f in forged)
                             .encode()).hexdigest()
for label, sql, refusal in [
        ("supersedes another area's rating",
         f"INSERT INTO decision (child_id, kind, value, proposed_at, supersedes_id, "
         f"supersede_reason) VALUES ({north_child}, 'risk-rating', 'low', "
         f"'2026-11-03T09:00:00Z', {south_rating}, 'x')", "same child"),
        ("ties an action to another area's meeting",
         f"UPDATE plan_action SET meeting_id = {south_meeting} WHERE id = {north_action}",
         "a row stays where it was made"),
        ("ties a plan to another area's decision",
         f"UPDATE safety_plan SET closure_decision_id = {south_rating} WHERE id = {north_plan}",
         "row-level security"),
        ("assesses another area's referral",
         f"INSERT INTO assessment (child_id, referral_id, started_on) VALUES ({north_child}, "
         f"{south_referral}, '2026-11-03')", "row-level security"),
        ("appends an event about another area's child",
         f"INSERT INTO audit_event (id, at, actor, action, entity, entity_id, prev_hash, hash) "
         f"VALUES ({int(head_id) + 1}, '2026-11-03T09:00:00Z', 'cy_chair', 'update', 'child', "
         f"{south_child}, '{head_hash}', '{forged_hash}')", "row-level security")]:
    expect(f"cy_chair {label}", psql(sql, user="cy_chair", check=False), refusal)

# What each role may change of its own area: the README's table, "changes". Each table's
# newest north row is copied (INSERT) and rewritten as it is (UPDATE), as each login, and rolled
# back: refused by a row policy or a missing privilege, or not (a copy may then break a unique
# key, which the server checks after the policies: the policy let it through).
EVERYONE = {"chair", "admin", "minute-taker", "police"}
KEEPERS = {"chair", "admin"}
MINUTE = {"chair", "minute-taker"}
CHAIRS = {"chair"}
CHANGES = {  # table: (who adds, who changes in place)
    "child": (KEEPERS, KEEPERS), "referral": (KEEPERS, set()), "assessment": (KEEPERS, set()),
    "assessment_vulnerability": (KEEPERS, set()), "assessment_indicator": (KEEPERS, set()),
    "concern_not_referred": (KEEPERS, set()), "missing_episode": (KEEPERS, set()),
    "information_note": ({"chair", "admin", "police"}, set()),
    "disruption_note": ({"chair", "police"}, set()),
    "meeting_series": (KEEPERS, KEEPERS), "meeting": (KEEPERS, KEEPERS | MINUTE),
    "agenda_item": (KEEPERS, KEEPERS | MINUTE), "attendance": (MINUTE, set()),
    "plan_action": (MINUTE, MINUTE), "decision": (CHAIRS, CHAIRS), "closure": (CHAIRS, set()),
    "safety_plan": (CHAIRS, CHAIRS), "safety_plan_version": (CHAIRS, set()),
    "transition": (CHAIRS, CHAIRS), "strategy_trigger": (EVERYONE, set()),
    "trigger_response": (CHAIRS, CHAIRS), "agenda_cache": (KEEPERS, KEEPERS),
    "agenda_fact": (KEEPERS, set()), "network_member": (KEEPERS, KEEPERS),
    "circulation": (KEEPERS, set()),
}
signed_off = "(SELECT id FROM meeting WHERE status = 'signed-off')"
planned = rows(f"SELECT max(id) FROM meeting WHERE area_id = {north_id} "
               "AND status = 'planned'")[0][0]
# A strategy-discussion trigger and its response not yet confirmed, to change (outside the
# trail, as above).
north_trigger = rows(f"INSERT INTO strategy_trigger (child_id, rule_id, raised_at, raised_by, "
                     f"reason, facts) VALUES ({north_child}, 'by-hand', '2026-11-03T09:00:00Z', "
                     "'Ola Brandt', 'Seen with an adult', '') RETURNING id")[0][0]
psql(f"INSERT INTO trigger_response (trigger_id, meeting_id, convened, reasons, recorded_at) "
     f"VALUES ({north_trigger}, {planned}, 0, 'Not yet', '2026-11-03T09:00:00Z')")
# The row tried: the north area's newest, of a meeting not yet signed off (whose rows the
# guards keep as they are, whoever asks) and, for decisions and responses, not yet confirmed.
PICK = {
    "meeting": "status = 'planned'",
    "agenda_item": f"meeting_id NOT IN {signed_off}",
    "agenda_fact": f"item_id IN (SELECT id FROM agenda_item WHERE meeting_id NOT IN {signed_off})",
    "decision": "status <> 'confirmed' AND supersedes_id IS NULL",
    "trigger_response": "chair1_confirmed_at IS NULL OR chair2_confirmed_at IS NULL",
    "disruption_note": "child_id IS NOT NULL",
    "information_note": "police_sensitive = 0",
    "plan_action": f"status_meeting_id IS NULL OR status_meeting_id NOT IN {signed_off}",
}
# A copy that would otherwise add to a signed-off meeting (which no one may): the coming one's.
COPIED_INTO = {"plan_action": {"meeting_id": planned, "status_meeting_id": None},
               "safety_plan_version": {"meeting_id": planned},
               "decision": {"meeting_id": planned}}
# Rows the demo has only elsewhere, copied into the north area: the attendance of a meeting
# held (its copy the coming meeting's), a concern that names no child (its copy the north
# child's).
ELSEWHERE = {
    "attendance": ("true", {"meeting_id": planned}),
    "concern_not_referred": ("true", {"child_id": north_child}),
}


def columns(table):
    return [name for name, in rows(f"SELECT column_name FROM information_schema.columns "
                                   f"WHERE table_name = '{table}' AND column_name <> 'id' "
                                   "ORDER BY ordinal_position")]


def refused(result):
    return ("row-level security" in result.stderr or "permission denied" in result.stderr or
            (result.returncode == 0 and result.stdout.strip() == ""))


for table, (adding, changing) in CHANGES.items():
    key = KEY.get(table, "id")
    where, changes = ELSEWHERE.get(table, (
        f"t.{key} IN (SELECT id FROM ({TABLES[table]}) AS x (id, area, s) "
        f"WHERE area = {north_id})" + (f" AND ({PICK[table]})" if table in PICK else ""),
        COPIED_INTO.get(table, {})))
    row = (rows(f"SELECT max(t.{key}) FROM {table} t WHERE {where}") or [[None]])[0][0]
    if not row:
        failures.append(f"{table}: the demo left no north row to try")
        continue
    # The row as the owner reads it, so that a login that cannot see it still tries to add it.
    copy = rows(f"SELECT (to_jsonb (t) || '{json.dumps(changes)}'::jsonb)::text FROM {table} t "
                f"WHERE {key} = {row}")[0][0].replace("'", "''")
    names = ", ".join(columns(table))
    first = columns(table)[-1]
    for login, role in LOGINS.items():
        for verb, allowed, sql in [
                ("adds", adding, f"INSERT INTO {table} ({names}) SELECT {names} FROM "
                                 f"jsonb_populate_record (NULL::{table}, '{copy}') RETURNING 1"),
                ("changes", changing, f"UPDATE {table} SET {first} = {first} "
                                      f"WHERE {key} = {row} RETURNING 1")]:
            result = psql(f"BEGIN; {sql}; ROLLBACK", user=login, check=False)
            if refused(result) == (role in allowed):
                failures.append(f"{login} ({role}) {verb} a row of {table}: "
                                f"{'refused' if refused(result) else 'let through'}: "
                                f"{result.stdout.strip()} {result.stderr.strip()}")
print("ok: each role adds and changes exactly what the README's table says")

# The domains documents may be emailed to, and a professional's address: the chairs and
# administrators of any area change them; no one changes a professional's name in place.
professional = rows("SELECT min(id) FROM professional")[0][0]
for login, role in LOGINS.items():
    for label, allowed, sql in [
            ("allows a domain", KEEPERS,
             "INSERT INTO allowed_domain (domain, added_at, added_by) VALUES "
             "('atlantis.example', '2026-11-03T09:00:00Z', 'x') RETURNING 1"),
            ("takes a domain away", KEEPERS,
             "UPDATE allowed_domain SET removed_at = '2026-11-03T09:00:00Z' "
             "WHERE removed_at IS NULL RETURNING 1"),
            ("puts someone on the CSE list's distribution", KEEPERS,
             "INSERT INTO list_recipient (professional_id, added_at, added_by) "
             f"SELECT id, '2026-11-03T09:00:00Z', 'x' FROM professional WHERE id NOT IN "
             "(SELECT professional_id FROM list_recipient WHERE removed_at IS NULL) "
             "LIMIT 1 RETURNING 1"),
            ("takes someone off the CSE list's distribution", KEEPERS,
             "UPDATE list_recipient SET removed_at = '2026-11-03T09:00:00Z' "
             "WHERE removed_at IS NULL RETURNING 1"),
            ("deletes from the CSE list's distribution", set(),
             "DELETE FROM list_recipient RETURNING 1"),
            ("changes a professional's email", KEEPERS,
             f"UPDATE professional SET email = 'x@atlantis.example' WHERE id = {professional} "
             "RETURNING 1"),
            ("renames a professional", set(),
             f"UPDATE professional SET full_name = 'X' WHERE id = {professional} RETURNING 1")]:
        result = psql(f"BEGIN; {sql}; ROLLBACK", user=login, check=False)
        if refused(result) == (role in allowed):
            failures.append(f"{login} ({role}) {label}: "
                            f"{'refused' if refused(result) else 'let through'}: "
                            f"{result.stdout.strip()} {result.stderr.strip()}")
print("ok: the allowed domains, the CSE list's distribution and professionals' addresses, by "
      "chairs and administrators")

# Circulation through rmmctl, as the app writes it: the chair's network change, the
# professional's new address and every copy recorded pass the server's audit checks; a
# minute-taker may not circulate, nor anyone the south child's plan.
health = rows("SELECT p.id FROM professional p JOIN agency a ON a.id = p.agency_id "
              "WHERE a.kind = 'health' ORDER BY p.id LIMIT 1")[0][0]
out_dir = tempfile.mkdtemp()
# A stand-in mail client that takes every copy: --send records what it hands over.
mailer = os.path.join(out_dir, "bin")
os.mkdir(mailer)
with open(os.path.join(mailer, "xdg-email"), "w") as f:
    f.write("#!/bin/sh\nexit 0\n")
os.chmod(os.path.join(mailer, "xdg-email"), 0o755)
os.environ["PATH"] = mailer + os.pathsep + os.environ["PATH"]
expect("a chair adds a health visitor to the north child's network",
       rmm("network", "--child", north_child, "--add-professional", health, "--role", "health",
           "--email", "h.visitor@nhs.example", login="cy_chair"))
expect("an administrator allows a domain", rmm("domains", "--allow", "atlantis.example",
                                                login="ann_admin"))
expect("a chair circulates the north child's plan",
       rmm("circulate", "plan", "--child", north_child, "--skip-refused", "--out-dir", out_dir,
           "--send", login="cy_chair"))
expect("a minute-taker adds to a network",
       rmm("network", "--child", north_child, "--add-family", "Rhian Testperson",
           login="mia_minutes"), "rmmctl")
expect("a minute-taker circulates a plan",
       rmm("circulate", "plan", "--child", north_child, "--skip-refused", "--out-dir", out_dir,
           "--send", login="mia_minutes"), "does not allow this login")
expect("a chair of the north circulates the south child's plan",
       rmm("circulate", "plan", "--child", south_child, "--out-dir", out_dir, "--send",
           login="cy_chair"),
       "rmmctl")
# The county-wide list is no one area's: a chair of any area puts someone on its distribution
# and sends it; a minute-taker does neither.
expect("a chair puts the health visitor on the CSE list's distribution",
       rmm("distribution", "--add", health, login="cy_chair"))
expect("a minute-taker changes the CSE list's distribution",
       rmm("distribution", "--remove", health, login="mia_minutes"), "rmmctl")
expect("a chair circulates the CSE list",
       rmm("circulate", "cse-list", "--skip-refused", "--out-dir", out_dir, "--send",
           login="cy_chair"))
expect("a minute-taker circulates the CSE list",
       rmm("circulate", "cse-list", "--skip-refused", "--out-dir", out_dir, "--send",
           login="mia_minutes"), "does not allow this login")
if rows("SELECT count(*) FROM circulation WHERE list_as_at IS NOT NULL "
        "AND recipient = 'h.visitor@nhs.example'") != [["1"]]:
    failures.append("the chair's copy of the CSE list to the health visitor was not recorded")
recorded_copies = rows("SELECT count(*) FROM circulation WHERE circulated_by = 'mia_minutes'")
if recorded_copies != [["0"]]:
    failures.append(f"a minute-taker's circulation was recorded: {recorded_copies}")

# A meeting goes past open by its chairs only; an administrator's stays planned.
for login, status, allowed in [("ann_admin", "open", False), ("mia_minutes", "open", True),
                               ("mia_minutes", "concluded", False),
                               ("cy_chair", "concluded", True)]:
    result = psql(f"BEGIN; UPDATE meeting SET status = '{status}' WHERE id = {planned} "
                  "RETURNING 1; ROLLBACK", user=login, check=False)
    if refused(result) == allowed:
        failures.append(f"{login} sets a planned meeting {status}: {result.stdout.strip()} "
                        f"{result.stderr.strip()}")
print("ok: only chairs take a meeting past open, only chairs and minute-takers open it")

# What a hostile tester found, each refused now: a meeting's sign-off set by who may not,
# a meeting made already held, a row added to or moved into a signed-off meeting, an audit
# event (chained, its hash right) that says what its row does not hold, the settings and the
# reference tables by any login.
held = rows(f"SELECT max(id) FROM meeting WHERE area_id = {north_id} "
            "AND status = 'signed-off'")[0][0]
north_item = rows(f"SELECT max(i.id) FROM agenda_item i JOIN meeting g ON g.id = i.meeting_id "
                  f"WHERE g.area_id = {north_id} AND g.status <> 'signed-off'")[0][0]
north_decision = rows(f"SELECT max(id) FROM decision WHERE child_id = {north_child}")[0][0]


def forged_event(login, entity, entity_id, after, action="update"):
    head_id, head_hash = rows("SELECT id, hash FROM audit_chain ORDER BY id DESC LIMIT 1")[0]
    fields = [head_hash, str(int(head_id) + 1), "2026-11-03T09:00:00Z", login, action,
              entity, str(entity_id), "", after]
    digest = hashlib.sha256("".join(f"{len(f.encode())}:{f}" for f in fields)
                            .encode()).hexdigest()
    return (f"INSERT INTO audit_event (id, at, actor, action, entity, entity_id, prev_hash, "
            f"hash, before, after) VALUES ({int(head_id) + 1}, '2026-11-03T09:00:00Z', "
            f"'{login}', '{action}', '{entity}', {entity_id}, '{head_hash}', '{digest}', '', "
            f"'{after}')")


for login, label, sql, refusal in [
        ("mia_minutes", "signs a meeting off as a chair",
         f"UPDATE meeting SET chair1_signed_at = '2026-12-07T11:00:00Z' WHERE id = {planned}",
         "Only a chair of"),
        ("ann_admin", "makes a meeting already held",
         f"INSERT INTO meeting (area_id, meets_on, status) VALUES ({north_id}, '2027-05-06', "
         "'concluded')", "begins planned"),
        ("mia_minutes", "adds attendance to a signed-off meeting",
         f"INSERT INTO attendance (meeting_id, agency_id, status) VALUES ({held}, {agency}, "
         "'present')", "cannot change"),
        ("ann_admin", "adds a child to a signed-off meeting's agenda",
         f"INSERT INTO agenda_item (meeting_id, child_id, position, reasons) VALUES ({held}, "
         f"{north_child}, 99, 'added-by-chair')", "cannot change"),
        ("mia_minutes", "moves an item into a signed-off meeting",
         f"UPDATE agenda_item SET meeting_id = {held} WHERE id = {north_item}",
         "a row stays where it was made"),
        ("cy_chair", "rewrites a signed-off meeting's row",
         f"UPDATE meeting SET location = 'Elsewhere' WHERE id = {held}", "as it was signed off"),
        ("mia_minutes", "appends an event its row does not bear out",
         forged_event("mia_minutes", "decision", north_decision, '{"rationale":"Forged"}'),
         "says what its row now holds"),
        ("ann_admin", "appends an event of a kind RMM Desk never writes",
         forged_event("ann_admin", "child", north_child, '{"first_name":"Fake"}',
                      action="correction"), "one RMM Desk writes"),
        ("ann_admin", "spells an event's payload its own way",
         forged_event("ann_admin", "child", north_child, '{"area_id": %s}' % north_id),
         "one RMM Desk writes"),
        ("mia_minutes", "takes a meeting it opened back to planned",
         f"UPDATE meeting SET status = 'open', opened_at = '2026-12-01T10:00:00Z', "
         f"statement_read_at = '2026-12-01T10:00:00Z' WHERE id = {planned}; "
         f"UPDATE meeting SET status = 'planned' WHERE id = {planned}", "back to planned"),
        ("mia_minutes", "creates a row a second time in the trail",
         forged_event("mia_minutes", "child", north_child,
                      '{"reference":"%s"}' % rows(f"SELECT reference FROM child "
                                                  f"WHERE id = {north_child}")[0][0],
                      action="create"), "created once"),
        ("mia_minutes", "asks the event checker (the owner's) what a row holds",
         "SELECT rmm_refuse_untrue_event ()", "can only be called as triggers"),
        ("mia_minutes", "sets the protective marking",
         "INSERT INTO database_info (key, value) VALUES ('protective-marking', 'NONE') "
         "ON CONFLICT (key) DO UPDATE SET value = 'NONE'", "row-level security"),
        ("mia_minutes", "adds an area", "INSERT INTO area (name, framework) VALUES "
         "('Atlantis', 'surrey-3-level')", "permission denied"),
        ("mia_minutes", "adds an agency", "INSERT INTO agency (name, kind) VALUES "
         "('Atlantis Police', 'police')", "row-level security")]:
    expect(f"{login} {label}", psql(f"BEGIN; {sql}; ROLLBACK", user=login, check=False),
           refusal)
# Written for good (COMMIT): what a login adds or changes without its audit event, which
# `check` could only call made outside RMM Desk, by no one.
open_action = rows(f"INSERT INTO plan_action (plan_id, meeting_id, description, due_on) "
                   f"SELECT max(p.id), {planned}, 'Check in weekly', '2027-01-10' "
                   f"FROM safety_plan p JOIN child c ON c.id = p.child_id "
                   f"WHERE c.area_id = {north_id} RETURNING id")[0][0]
for login, label, sql, refusal in [
        ("pat_police", "adds a note with no event in the trail",
         note.format(child=north_child, sensitive=1), "recorded in the audit trail"),
        ("cy_chair", "renames a child with no event in the trail",
         f"UPDATE child SET first_name = 'Renamed' WHERE id = {north_child}",
         "recorded in the audit trail"),
        ("cy_chair", "records a rating at a signed-off meeting",
         f"INSERT INTO decision (child_id, meeting_id, kind, value, proposed_at) VALUES "
         f"({north_child}, {held}, 'risk-rating', 'low', '2026-11-03T09:00:00Z')",
         "what it decided stands"),
        ("mia_minutes", "marks an action done at no meeting",
         f"UPDATE plan_action SET status = 'done' WHERE id = {open_action}", "reviewed once"),
        # A second change after the one its event records; an event naming another column.
        ("cy_chair", "renames a child again after recording the first name",
         recorded(f"UPDATE child SET first_name = 'Evented' WHERE id = {north_child} "
                  "RETURNING id", "child", '{"first_name":"Evented"}') +
         f"; UPDATE child SET first_name = 'Hidden' WHERE id = {north_child}",
         "recorded in the audit trail"),
        ("cy_chair", "changes a name with an event about the area",
         recorded(f"UPDATE child SET last_name = 'Changed' WHERE id = {north_child} "
                  "RETURNING id", "child", '{"area_id":%s}' % north_id),
         "recorded in the audit trail"),
        # Renumbering a row would delete it from the record.
        ("mia_minutes", "renumbers an action",
         f"UPDATE plan_action SET id = 990001 WHERE id = {open_action}; " +
         recorded("UPDATE plan_action SET status = status WHERE id = 990001 RETURNING id",
                  "plan_action", '{"status":"open"}'), "keeps its id"),
        ("mia_minutes", "names a review with no outcome",
         f"UPDATE plan_action SET status_meeting_id = {planned} WHERE id = {open_action}",
         "reviewed once"),
        ("cy_chair", "adds an action already done",
         f"INSERT INTO plan_action (plan_id, description, due_on, status) SELECT plan_id, "
         f"'Born done', '2026-11-01', 'done' FROM plan_action WHERE id = {open_action}",
         "reviewed once")]:
    expect(f"{login} {label}", psql(f"BEGIN; {sql}; COMMIT", user=login, check=False), refusal)
if rows(f"SELECT first_name FROM child WHERE id = {north_child}")[0][0] == "Renamed":
    failures.append("a child renamed with no event in the trail stayed renamed")

expect("a chair sets the protective marking",
       psql("BEGIN; INSERT INTO database_info (key, value) VALUES ('protective-marking', "
            "'OFFICIAL') ON CONFLICT (key) DO UPDATE SET value = 'OFFICIAL'; ROLLBACK",
            user="cy_chair", check=False))

# rmmctl holds a minute-taker to the same table: a meeting is moved by who schedules it.
moved = rmm("meetings", "move", "--meeting", planned, "--location", "The annexe",
            login="mia_minutes")
if moved.returncode != 1 or f"Only an administrator or a chair of {north}" not in moved.stderr:
    failures.append(f"a minute-taker moved a meeting with rmmctl: {moved.stdout}{moved.stderr}")
else:
    print("ok: rmmctl meetings move, as a minute-taker: refused, saying who may")

# Nor can a login find another area's child by name: EXPLAIN ANALYZE shows how many rows a
# scan removed, the same for a name that is there as for one that is not. (What remains of
# this side channel is in the README: counts by a row's own id, never a name.)
def removed(sql, login="ann_admin"):
    plan = psql("SET enable_seqscan = off; EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, "
                f"SUMMARY OFF) {sql}", user=login).stdout
    return [line.split("(actual")[-1] for line in plan.splitlines()
            if "actual" in line or "Removed" in line]


first, last, reference = rows(f"SELECT first_name, last_name, reference FROM child "
                              f"WHERE id = {south_child}")[0]
if removed(f"SELECT * FROM child WHERE last_name = '{last}' AND first_name = '{first}'") != \
        removed("SELECT * FROM child WHERE last_name = 'Nobody' AND first_name = 'Nobody'"):
    failures.append(f"EXPLAIN ANALYZE tells an administrator of {north} that {south} has a "
                    f"child called {first} {last}")
print("ok: no count of another area's children by name")

# The police note reaches no other login by any path rmmctl has.
# The meetings the child was on the agenda of, newest first, and the area's coming one.
meetings = [id for id, in rows(f"SELECT DISTINCT meeting_id FROM agenda_item WHERE child_id = "
                               f"{north_child} ORDER BY meeting_id DESC LIMIT 2")]
meetings += [id for id, in rows(f"SELECT min(id) FROM meeting WHERE area_id = {areas[north]} "
                                "AND status = 'scheduled'")]
folder = tempfile.mkdtemp()
plan = os.path.join(folder, "chair-professional.pdf")
rmm("export", "safety-plan", "--child", north_child, "-o", plan, login="cy_chair")
if "Meadowgate" not in subprocess.run(["pdftotext", plan, "-"], capture_output=True,
                                      text=True).stdout:
    failures.append("the chair's professional plan has no police note: the test tests nothing")
for login in ("ann_admin", "mia_minutes"):
    texts = []
    for meeting in meetings:
        agenda = rmm("agenda", "--meeting", meeting, "--format", "json", login=login)
        if agenda.returncode != 0 or not agenda.stdout.startswith(("[", "{")):
            failures.append(f"the agenda as {login}: {agenda.stderr}")
        texts.append(agenda.stdout)
    looks = rmm("access", "--child", north_child, login=login)
    if looks.returncode != 1 or "for the chairs of the child’s area" not in looks.stderr:
        failures.append(f"who looked, as {login}: {looks.stdout}{looks.stderr}")
    for meeting in meetings:
        for kind in ("minutes", "pack"):
            pdf = os.path.join(folder, f"{login}-{kind}-{meeting}.pdf")
            if rmm("export", kind, "--meeting", meeting, "-o", pdf, login=login).returncode == 0:
                texts.append(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                            text=True).stdout)
    for audience in ("professional", "family"):
        pdf = os.path.join(folder, f"{login}-{audience}.pdf")
        result = rmm("export", "safety-plan", "--child", north_child, "--audience", audience,
                     "-o", pdf, login=login)
        if result.returncode == 0:
            texts.append(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                        text=True).stdout)
    if len(texts) < 7:
        failures.append(f"{login}: too few of its documents could be made to be a test")
    if any("Meadowgate" in text for text in texts):
        failures.append(f"the police note reached {login}")
print("ok: the police note reaches no other login")

# The board's own login reads the figures published for it, and nothing of the record: an
# area's administrators and chairs publish its figures, the areas' oversight reads exactly
# them; another area's, or all areas' when it oversees only some, it cannot read.
QUARTER = ["report", "--from", "2026-07-01", "--to", "2026-09-30"]
expect("the board reads a period nobody published",
       rmm(*QUARTER, "--area", north, login="ola_oversight"), "No figures have been published")
expect("the board publishes", rmm(*QUARTER, "--area", north, "--publish", login="ola_oversight"),
       "reads the figures published for the board")
expect("a minute-taker publishes", rmm(*QUARTER, "--area", north, "--publish",
                                       login="mia_minutes"), "Only an administrator or chair")
expect("a chair of one area publishes all areas'", rmm(*QUARTER, "--publish", login="cy_chair"),
       "of every area")
expect("a chair publishes the area's figures",
       rmm(*QUARTER, "--area", north, "--publish", login="cy_chair"))
expect("the owner publishes another area's and all areas' figures",
       rmm(*QUARTER, "--area", south, "--publish"))
expect("the owner publishes all areas' figures", rmm(*QUARTER, "--publish"))
chair_csv = rmm(*QUARTER, "--area", north, login="cy_chair").stdout
board_csv = rmm(*QUARTER, "--area", north, login="ola_oversight")
if board_csv.returncode != 0 or board_csv.stdout != chair_csv or "measure,category" not in chair_csv:
    failures.append(f"the board's figures are not the chair's: {board_csv.stderr}")
report = os.path.join(folder, "board.pdf")
made = rmm(*QUARTER, "--area", north, "--format", "pdf", "-o", report, login="ola_oversight")
text = subprocess.run(["pdftotext", report, "-"], capture_output=True, text=True).stdout \
    if made.returncode == 0 else ""
if "Published for the board by cy_chair" not in text:
    failures.append(f"the board's report does not say who published it: {made.stderr}")
expect(f"the board of {north} reads {south}'s",
       rmm(*QUARTER, "--area", south, login="ola_oversight"), "not one of the areas")
expect(f"the board of {north} reads all areas'", rmm(*QUARTER, login="ola_oversight"),
       "No figures have been published")
expect("the board lists children", rmm("list", "children", login="ola_oversight"),
       "safeguarding board")
published = rows("SELECT area_id FROM board_figures", user="ola_oversight")
if published != [[str(areas[north])]]:
    failures.append(f"the board reads the sets of {published}, only {north}'s wanted")
members = rows("SELECT login FROM area_member", user="ola_oversight")
if members != [["ola_oversight"]]:
    failures.append(f"the board reads the memberships of {members}")
for what in ("child", "audit_event", "audit_chain", "cse_list_child"):
    expect(f"the board reads {what}", psql(f"SELECT count(*) FROM {what}", user="ola_oversight",
                                           check=False), "permission denied")
board_row = ("INSERT INTO board_figures (area_id, period_from, period_to, figures, published_at, "
             "published_by) VALUES ({area}, '2026-01-01', '2026-03-31', '[]', "
             "'2026-11-03T09:00:00Z', '{by}')")
expect("a chair publishes another area's figures by hand",
       psql(f"BEGIN; {board_row.format(area=areas[south], by='cy_chair')}; ROLLBACK",
            user="cy_chair", check=False), "row-level security")
expect("a chair publishes under another's name",
       psql(f"BEGIN; {board_row.format(area=areas[north], by='ann_admin')}; ROLLBACK",
            user="cy_chair", check=False), "row-level security")
expect("a chair publishes with no audit event",
       psql(board_row.format(area=areas[north], by='cy_chair'), user="cy_chair", check=False),
       "recorded in the audit trail")
for change in ("UPDATE board_figures SET figures = '[]'", "DELETE FROM board_figures"):
    expect(f"a chair: {change}", psql(change, user="cy_chair", check=False), "permission denied")
print("ok: the board's login reads what was published for it, and nothing else")

# A copy of the whole database is the owner's: a login's would be part of it.
copy = os.path.join(folder, "copy.sqlite")
result = rmm("backup", copy, login="cy_chair")
if result.returncode != 1 or "for its owner to make" not in result.stderr or os.path.exists(copy):
    failures.append(f"a chair's backup of the server: {result.stdout}{result.stderr}")

finish()
