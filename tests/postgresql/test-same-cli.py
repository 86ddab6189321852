#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rmmctl says and writes the same on a server as on a file: the same demo made on each
(the same seed and day), then every report command (lists, agendas, a meeting's record,
triggers, the CSE list, JSON and text) and every document (minutes, a safety plan for each
audience, the CSE list, the chairs' pack, read back with pdftotext) compared, then the same
referrals imported into both and the lists compared again, and both checked.

Run as: with-cluster test-same-cli.py RMMCTL
"""

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

rmmctl = sys.argv[1]
folder = tempfile.mkdtemp(prefix="rmm-same-cli-")
atexit.register(shutil.rmtree, folder, ignore_errors=True)
FILE = os.path.join(folder, "county.sqlite")
SERVER = "dbname=county"
DEMO = ["demo", "--children", "80", "--seed", "5", "--today", "2026-11-30"]
differences = []
compared = 0


def run(database, *args):
    result = subprocess.run([rmmctl, "--database", database, *args], capture_output=True,
                            text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1795000000"))
    if result.returncode != 0:
        sys.exit(f"rmmctl {' '.join(args)} on {database}: {result.stdout}{result.stderr}")
    return result.stdout


def text_of(pdf):
    """The document's words in order (where a line breaks or pdftotext centres a heading
    depends on the widths around it); the audit seal's hash covers who did each change, so it
    differs by design and is left out."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    text = re.sub(r"\b[0-9a-f]{16}\b", "HASH", text)
    return "\n".join(text.split())


def same(label, on_file, on_server):
    global compared
    compared += 1
    # Who did it: the file records the program's name, the server the login.
    on_server = on_server.replace(os.environ.get("PGUSER", ""), "demo") \
        if os.environ.get("PGUSER") else on_server
    if on_file != on_server:
        lines = [(a, b) for a, b in zip(on_file.splitlines(), on_server.splitlines()) if a != b]
        differences.append(f"{label}: first difference {lines[:1] or 'in length'}")


def both(label, *args):
    same(label, run(FILE, *args), run(SERVER, *args))


def export_both(label, *args):
    for database, name in ((FILE, "file.pdf"), (SERVER, "server.pdf")):
        run(database, *args, "-o", os.path.join(folder, name))
    same(label, text_of(os.path.join(folder, "file.pdf")),
         text_of(os.path.join(folder, "server.pdf")))


subprocess.run(["psql", "-X", "-q", "-c", "CREATE DATABASE county"], check=True)
run(SERVER, "server", "init")
run(SERVER, *DEMO)
run(FILE, *DEMO)

for what in ("areas", "meetings", "children"):
    both(f"list {what}", "list", what)
    both(f"list {what} (JSON)", "list", what, "--format", "json")
meetings = json.loads(run(FILE, "list", "meetings", "--format", "json"))
held = [m for m in meetings if m["status"] == "signed-off" and m["children"] > 0][:3]
coming = [m for m in meetings if m["status"] == "planned"][:2]
for meeting in held + coming:
    both(f"agenda of meeting {meeting['id']}", "agenda", "--meeting", str(meeting["id"]),
         "--format", "json")
for meeting in held:
    both(f"record of meeting {meeting['id']}", "meeting", "--meeting", str(meeting["id"]),
         "--format", "json")
    export_both(f"minutes of meeting {meeting['id']}", "export", "minutes", "--meeting",
                str(meeting["id"]))
    export_both(f"anonymised minutes of meeting {meeting['id']}", "export", "minutes",
                "--meeting", str(meeting["id"]), "--anonymised")
export_both("the chairs' pack", "export", "pack", "--meeting", str(coming[0]["id"]))
both("triggers", "triggers", "--format", "json")
both("the CSE list", "cse-list", "--format", "json")
both("the CSE list a month ago", "cse-list", "--date", "2026-10-30")
export_both("the CSE list as a document", "export", "cse-list")
planned = subprocess.run(["psql", "-X", "-tA", "-d", "county", "-c",
                          "SELECT c.reference FROM child c JOIN safety_plan p ON p.child_id = c.id "
                          "WHERE p.closed_on IS NULL ORDER BY c.id LIMIT 3"],
                         check=True, capture_output=True, text=True).stdout.split()
assert planned, "the demo has no open safety plan"
for reference in planned:
    child = {"reference": reference}
    for audience in ("professional", "family"):
        export_both(f"{audience} safety plan of {child['reference']}", "export", "safety-plan",
                    "--child", child["reference"], "--audience", audience)

csv = os.path.join(folder, "referrals.csv")
with open(csv, "w", encoding="utf-8") as f:
    f.write(run(FILE, "import", "referrals", "--template").strip() + "\n")
    f.write("SC-1,Rowan,Testchild,2013-02-03,Ashdown North,2026-11-27 10:00,Ruth Referrer,"
            "Surrey Police,single-point-of-access,\"Seen with, older adults\",,\n")
    f.write("SC-2,Zoë,Ó Testchild,2012-07-08,Bro Derwen,28/11/2026,Ruth Referrer,"
            "New Agency,lead-professional,Concern,,\n")
both("import of two referrals", "import", "referrals", csv)
both("list children after the import (JSON)", "list", "children", "--format", "json")
both("check", "check")

if differences:
    sys.exit("\n".join(differences))
print(f"ok: {compared} outputs the same on a server as on a file")
