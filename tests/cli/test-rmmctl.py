#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rmmctl as an administrator or a script uses it: exit codes, one-line errors, JSON."""

import csv
import datetime
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import time
import unittest

RMMCTL = os.environ["RMMCTL"]
# The rules of data/triggers/default.ini that stand on recorded facts (not "manual").
SHIPPED_RULES = {"rating-high", "missing-episodes", "disclosure", "person-posing-risk",
                 "offence", "pregnancy", "change-of-circumstances", "immediate-risk"}
# The audit trail's anchors for each database opened go here, not to the user's own state.
STATE = tempfile.TemporaryDirectory()


def rmmctl(*args, env=None):
    full_env = dict(os.environ)
    full_env.pop("RMM_DATABASE", None)
    full_env["XDG_STATE_HOME"] = STATE.name
    full_env.update(env or {})
    return subprocess.run([RMMCTL, *args], capture_output=True, text=True, env=full_env,
                          timeout=120)


class RmmctlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.sqlite")
        result = rmmctl("--database", cls.db, "demo", "--children", "120", "--today",
                        "2026-11-23")
        assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_help_on_every_command(self):
        for command in ["demo", "check", "backup", "restore", "list", "import", "agenda",
                        "meeting", "cse-list", "triggers", "export", "access", "report",
                        "network", "domains", "circulate", "circulation"]:
            result = rmmctl(command, "--help")
            self.assertEqual(result.returncode, 0, command)
            self.assertIn("rmmctl " + command, result.stdout)
        result = rmmctl("--help")
        self.assertEqual(result.returncode, 0)
        for command in ["demo", "check", "backup", "restore", "list"]:
            self.assertIn(command, result.stdout)

    def test_usage_errors_exit_2(self):
        self.assertEqual(rmmctl().returncode, 2)
        self.assertEqual(rmmctl("frobnicate").returncode, 2)
        self.assertEqual(rmmctl("--database", self.db, "list", "pets").returncode, 2)
        self.assertEqual(rmmctl("--database", self.db, "list", "areas", "--format", "xml")
                         .returncode, 2)
        self.assertEqual(rmmctl("demo", "--children", "0").returncode, 2)

    def test_demo_never_writes_the_users_database(self):
        with tempfile.TemporaryDirectory() as home:
            result = rmmctl("demo", "--children", "20", env={"XDG_DATA_HOME": home})
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertTrue(os.path.exists(os.path.join(home, "rmm-desk", "demo.sqlite")))
            self.assertFalse(os.path.exists(os.path.join(home, "rmm-desk", "rmm.sqlite")))
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(home, "rmm-desk")).st_mode),
                             0o700)

    def test_demo_file_is_private(self):
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)

    def test_demo_refuses_overwrite(self):
        result = rmmctl("--database", self.db, "demo")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.count("\n"), 1)
        self.assertIn("--force", result.stderr)

    def test_demo_force_replaces_only_a_demo(self):
        real = self.path("real.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", real).returncode, 0)
        con = sqlite3.connect(real)
        con.execute("UPDATE database_info SET value = 'false' WHERE key = 'demo'")
        con.commit()
        con.close()
        with open(real, "rb") as f:
            before = f.read()
        result = rmmctl("--database", real, "demo", "--children", "5", "--force")
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not a demo database", result.stderr)
        with open(real, "rb") as f:
            self.assertEqual(f.read(), before)

        # A demo is replaced, and the one it replaced is kept aside, whole.
        demo = self.path("replaceable.sqlite")
        self.assertEqual(rmmctl("--database", demo, "demo", "--children", "5").returncode, 0)
        result = rmmctl("--database", demo, "demo", "--children", "6", "--force",
                        env={"RMM_DATABASE": demo})
        self.assertEqual(result.returncode, 0, result.stderr)
        aside = [n for n in os.listdir(self.tmp.name) if n.startswith("replaceable.sqlite.replaced-")
                 and not n.endswith(".anchor")]
        self.assertEqual(len(aside), 1)
        self.assertEqual(rmmctl("--database", self.path(aside[0]), "check").stdout, "ok\n")

    def test_list_areas_json(self):
        result = rmmctl("--database", self.db, "list", "areas", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        areas = json.loads(result.stdout)
        self.assertEqual(len(areas), 6)
        self.assertTrue(all("id" in a and "name" in a and "framework" in a for a in areas))
        self.assertEqual({a["framework"] for a in areas}, {"surrey-3-level", "seraf-4-category"})
        self.assertEqual(sum(a["children"] for a in areas), 120)

    def test_list_meetings_json_filtered(self):
        result = rmmctl("--database", self.db, "list", "meetings", "--area", "Bro Derwen",
                        "--format", "json")
        meetings = json.loads(result.stdout)
        self.assertGreater(len(meetings), 50)
        self.assertTrue(all(m["area"] == "Bro Derwen" and m["id"] > 0 for m in meetings))
        self.assertEqual(meetings[0]["status"], "planned")
        self.assertTrue(meetings[0]["chair_childrens_services"])
        self.assertTrue(meetings[0]["chair_family_services"])

    def test_list_children_env_database(self):
        result = rmmctl("list", "children", "--format", "json", env={"RMM_DATABASE": self.db})
        self.assertEqual(result.returncode, 0, result.stderr)
        children = json.loads(result.stdout)
        self.assertEqual(len(children), 120)
        self.assertTrue(all(c["id"] > 0 and c["reference"].startswith("CH-") for c in children))

    def test_list_text(self):
        result = rmmctl("--database", self.db, "list", "areas")
        self.assertIn("Ashdown North", result.stdout)
        self.assertIn("seraf-4-category", result.stdout)

    def test_unknown_area(self):
        result = rmmctl("--database", self.db, "list", "meetings", "--area", "Atlantis")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, "rmmctl: There is no area called “Atlantis”.\n")

    def test_check_ok(self):
        result = rmmctl("--database", self.db, "check")
        self.assertEqual((result.returncode, result.stdout), (0, "ok\n"))

    def test_check_names_tampered_event(self):
        copy = self.path("tampered.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", copy).returncode, 0)
        con = sqlite3.connect(copy)
        con.execute("DROP TRIGGER audit_event_no_update")
        con.execute("UPDATE audit_event SET actor = 'mallory' WHERE id = 40")
        con.commit()
        con.close()
        result = rmmctl("--database", copy, "check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("audit event 40: hash does not match", result.stdout)

    def tampered_copy(self, name, *statements):
        copy = self.path(name)
        self.assertEqual(rmmctl("--database", self.db, "backup", copy).returncode, 0)
        # As a careful tamperer would: drop the guards, edit, put the guards back as they were.
        con = sqlite3.connect(copy)
        guards = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                             "AND tbl_name = 'audit_event'").fetchall()
        for name, _ in guards:
            con.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            con.execute(statement)
        for _, sql in guards:
            con.execute(sql)
        con.commit()
        con.close()
        return copy

    def test_check_names_direct_edit(self):
        copy = self.tampered_copy("renamed.sqlite",
                                  "UPDATE child SET last_name = 'Renamed' WHERE id = 7")
        result = rmmctl("--database", copy, "check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("child 7: last_name differs from audit event", result.stdout)

    def test_check_finds_cut_tail_from_the_backups_anchor(self):
        # The backup's own head is beside it; a tail cut from the copy, the last event and the
        # row it made, falls short of it though every row left agrees with the trail left.
        # (The last change: looks at the record since, by other tests, go with it.)
        con = sqlite3.connect(self.db)
        event, entity, row, action = con.execute(
            "SELECT id, entity, entity_id, action FROM audit_event "
            "WHERE entity NOT LIKE '%-access' ORDER BY id DESC LIMIT 1").fetchone()
        con.close()
        self.assertEqual(action, "create")
        derived = f"DELETE FROM agenda_fact WHERE item_id = {row}" \
            if entity == "agenda_item" else "SELECT 1"
        copy = self.tampered_copy(
            "cut.sqlite", derived, f"DELETE FROM {entity} WHERE id = {row}",
            f"DELETE FROM audit_event WHERE id >= {event}")
        target = self.path("cut-target.sqlite")
        result = rmmctl("--database", target, "restore", copy)
        self.assertEqual(result.returncode, 1)
        self.assertIn("events were cut from its end", result.stderr)
        self.assertFalse(os.path.exists(target))

    def test_check_anchor_from_signed_off_minutes(self):
        meeting = self.meetings("signed-off")[0]
        out = self.path("sealed-minutes.pdf")
        result = rmmctl("--database", self.db, "export", "minutes", "--meeting",
                        str(meeting["id"]), "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = " ".join(self.pdf_text(out).split())
        seal = re.search(r"Audit seal: event (\d+), ([0-9a-f]{16})", text)
        self.assertIsNotNone(seal, text[-800:])
        anchor = f"{seal.group(1)}:{seal.group(2)}"
        self.assertEqual(rmmctl("--database", self.db, "check", "--anchor", anchor).stdout,
                         "ok\n")
        forged = f"{seal.group(1)}:{'0' * 16}"
        result = rmmctl("--database", self.db, "check", "--anchor", forged)
        self.assertEqual(result.returncode, 1)
        self.assertIn("the trail was rewritten", result.stdout)
        result = rmmctl("--database", self.db, "check", "--anchor", "12:abc")
        self.assertEqual(result.returncode, 2)
        self.assertIn("is not an audit seal", result.stderr)

    def test_backup_restore(self):
        backup = self.path("backup.sqlite")
        target = self.path("target.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", backup).returncode, 0)
        self.assertEqual(stat.S_IMODE(os.stat(backup).st_mode), 0o600)
        result = rmmctl("--database", target, "restore", backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(rmmctl("--database", target, "check").stdout, "ok\n")
        again = rmmctl("--database", target, "restore", backup)
        self.assertIn("before-restore", again.stdout)

    def test_import_template_and_dry_run(self):
        result = rmmctl("import", "referrals", "--template")
        self.assertTrue(result.stdout.startswith("child_ref,first_name,last_name,date_of_birth"))
        copy = self.path("import.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", copy).returncode, 0)
        csv = self.path("referrals.csv")
        with open(csv, "w", encoding="cp1252", newline="") as f:
            f.write(result.stdout.strip() + "\r\n")
            f.write("CLI-1,Zoë,Ó Briain,31/03/2012,Ashdown North,20/11/2026 14:05,Pat Teacher,"
                    "Hollins Park Academy,SPA,\"Seen with adults, twice\",female,Oakfield\r\n")
        before = os.path.getsize(copy)
        dry = rmmctl("--database", copy, "import", "referrals", "--dry-run", csv)
        self.assertEqual(dry.returncode, 0, dry.stderr)
        self.assertIn("(Windows-1252): 1 referral.", dry.stdout)
        self.assertIn("Would add 1 referral:", dry.stdout)
        con = sqlite3.connect(copy)
        self.assertEqual(con.execute("SELECT count(*) FROM child WHERE reference = 'CLI-1'")
                         .fetchone()[0], 0)
        con.close()
        done = rmmctl("--database", copy, "import", "referrals", csv)
        self.assertIn("Added 1 referral: 1 new child, 0 repeat referrals.", done.stdout)
        again = rmmctl("--database", copy, "import", "referrals", csv)
        self.assertIn("Added 0 referrals", again.stdout)
        self.assertIn("1 was already recorded and is skipped.", again.stdout)
        self.assertGreater(os.path.getsize(copy), before - 1)

    def test_import_problems_exit_1(self):
        csv = self.path("bad.csv")
        with open(csv, "w") as f:
            f.write("child_ref,first_name,last_name,date_of_birth,area,received_at,"
                    "referrer_name,referrer_agency,route,concern_summary\n"
                    "X,A,B,31/02/2012,Atlantis,2026-11-01,R,A,SPA,C\n")
        result = rmmctl("--database", self.db, "import", "referrals", csv)
        self.assertEqual(result.returncode, 1)
        self.assertIn("line 2, column D (date_of_birth)", result.stdout)
        self.assertIn("line 2, column E (area): there is no area called “Atlantis”",
                      result.stdout)
        self.assertEqual(result.stderr.count("\n"), 1)

    def test_import_waits_for_another_writer(self):
        # An administrator's import while another RMM Desk is saving: it waits, says so,
        # and saves, instead of failing with "locked" after five seconds.
        db = self.path("busy.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", db).returncode, 0)
        csv = self.path("one.csv")
        with open(csv, "w") as f:
            f.write("child_ref,first_name,last_name,date_of_birth,area,received_at,"
                    "referrer_name,referrer_agency,route,concern_summary\n"
                    "W-1,Wren,Waiting,2012-01-01,Bro Derwen,2026-11-20 10:00,Ruth Referrer,"
                    "Bro Derwen Police,single-point-of-access,Seen with an older man\n")
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        env = dict(os.environ, XDG_STATE_HOME=STATE.name)
        env.pop("RMM_DATABASE", None)
        started = time.monotonic()
        importer = subprocess.Popen([RMMCTL, "--database", db, "import", "referrals", csv],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    env=env)
        time.sleep(6.5)
        holder.execute("COMMIT")
        holder.close()
        out, err = importer.communicate(timeout=60)
        self.assertEqual(importer.returncode, 0, err)
        self.assertGreater(time.monotonic() - started, 6)
        self.assertIn("waiting for another RMM Desk to finish saving", err)
        self.assertIn("Wren", rmmctl("--database", db, "list", "children").stdout)

    HEADER = ("child_ref,first_name,last_name,date_of_birth,area,received_at,referrer_name,"
              "referrer_agency,route,concern_summary\n")

    def write_bytes(self, name, data):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def assert_refused(self, csv, *expected):
        """Exit 1, each expected problem on stdout, one line on stderr, nothing written."""
        copy = self.path("refused.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.unlink(copy + suffix)
        self.assertEqual(rmmctl("--database", self.db, "backup", copy).returncode, 0)
        con = sqlite3.connect(copy)
        before = con.execute("SELECT count(*) FROM audit_event").fetchone()[0]
        con.close()
        result = rmmctl("--database", copy, "import", "referrals", csv)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        for text in expected:
            self.assertIn(text, result.stdout)
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        self.assertIn("nothing was imported", result.stderr)
        con = sqlite3.connect(copy)
        self.assertEqual(con.execute("SELECT count(*) FROM audit_event").fetchone()[0], before)
        con.close()
        return result

    def test_import_mixed_encoding_refused(self):
        # UTF-8 but for one Windows-1252 byte: refused where it is, not read as mojibake.
        csv = self.write_bytes("mixed.csv", (
            self.HEADER + "M-1,Siân,Jones,2012-01-01,Ashdown North,2026-11-02,R,A,SPA,C\n"
            "M-2,Sia").encode() + b"\xe2" +
            "n,Evans,2012-01-01,Ashdown North,2026-11-02,R,A,SPA,C\n".encode())
        result = self.assert_refused(csv, "is not UTF-8 in 1 place",
                                     "line 3, column 8: the byte E2 is not UTF-8")
        self.assertIn(": 1 problem, nothing", result.stderr)
        self.assertNotIn("Ã", result.stdout)

    def test_import_unquoted_comma_refused(self):
        csv = self.write_bytes("comma.csv", (
            self.HEADER.strip() + ",gender,school\n"
            "C-1,Ann,Test,2012-01-01,Ashdown North,2026-11-02,R,A,SPA,"
            "older males, given gifts, missing twice,female,Oakfield\n").encode())
        self.assert_refused(csv, "line 2 has 14 fields but the header has 12: a comma inside "
                                 "a field must be in double quotes")

    def test_import_control_characters_refused(self):
        csv = self.write_bytes("escape.csv", (
            self.HEADER + "X-1,\x1b[2J\x1b[31mAnn,Test\u202eabc,2012-01-01,Ashdown North,"
            "2026-11-02,R,A,SPA,C\n").encode())
        result = self.assert_refused(
            csv, "line 2, column B (first_name): character 1 is a control character (U+001B)",
            "line 2, column C (last_name): character 5 is a text-direction control (U+202E)")
        self.assertNotIn("\x1b", result.stdout + result.stderr)

    def test_import_too_large_refused_unread(self):
        huge = self.path("huge.csv")
        with open(huge, "wb") as f:
            f.truncate(1000 * 1000 * 1000)   # sparse: no room taken on the disk
        try:
            result = subprocess.run(["/usr/bin/time", "-v", RMMCTL, "--database", self.db,
                                     "import", "referrals", huge], capture_output=True,
                                    text=True, timeout=120)
        finally:
            os.unlink(huge)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("The file is 1.0\u00a0GB, more than the 250.0\u00a0MB an import can read: split it "
                      "into smaller files.", result.stdout)
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                             result.stderr).group(1))
        self.assertLess(peak, 64 * 1024)

    def test_import_says_which_encoding(self):
        text = self.HEADER + ("E-1,Łucja,Ó Briain,2012-01-01,Ashdown North,2026-11-02 10:00,R,"
                              "Testshire Constabulary,SPA,C\n")
        cases = {
            "utf8.csv": (text.encode(), "(UTF-8)"),
            "utf16.csv": (text.encode("utf-16-le"), "(UTF-16, little-endian, without a "
                                                    "byte-order mark)"),
        }
        for name, (data, encoding) in cases.items():
            result = rmmctl("--database", self.db, "import", "referrals", "--dry-run",
                            self.write_bytes(name, data))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn(encoding + ": 1 referral.", result.stdout)

    def test_stored_control_characters_never_reach_the_terminal(self):
        # Written behind the import's back (an older version, another tool): every text the
        # command prints escapes it; JSON keeps the exact value.
        copy = self.path("controls.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", copy).returncode, 0)
        listed = json.loads(rmmctl("--database", copy, "cse-list", "--date", "2026-11-23",
                                   "--format", "json").stdout)
        child = listed[0]["child_id"]
        name = "Eve\x1b[2J\x1b[31m\u202eRed\x07\u0085"
        con = sqlite3.connect(copy)
        con.execute("UPDATE child SET first_name = ?, last_name = ? WHERE id = ?",
                    (name, "Line\nbreak", child))
        con.commit()
        con.close()
        for args in (["list", "children"], ["cse-list", "--date", "2026-11-23"]):
            result = rmmctl("--database", copy, *args)
            self.assertEqual(result.returncode, 0, result.stderr)
            out = result.stdout
            for raw in ("\x1b", "\u202e", "\x07", "\u0085"):
                self.assertNotIn(raw, out, args)
            self.assertIn("Eve\\x1b[2J\\x1b[31m<U+202E>Red\\x07<U+0085>", out, args)
            self.assertIn("Line\\nbreak", out, args)
        result = rmmctl("--database", copy, "list", "children", "--format", "json")
        self.assertNotIn("\u202e", result.stdout)
        self.assertIn(name, [c["first_name"] for c in json.loads(result.stdout)])

    def test_simultaneous_imports_all_succeed(self):
        # Five agencies' files at once, each naming the same agency not yet recorded: every
        # import checks its file without the write lock, then writes; none fails on the
        # agency another has just added, and none adds it twice.
        copy = self.path("simultaneous.sqlite")
        self.assertEqual(rmmctl("--database", self.db, "backup", copy).returncode, 0)
        files = []
        for n in range(5):
            csv = self.path(f"agency-{n}.csv")
            with open(csv, "w", newline="") as f:
                f.write(self.HEADER)
                for i in range(2000):
                    f.write(f"S{n}-{i:05d},Ffion,Parallel{i % 97},2012-01-{1 + i % 28:02d},"
                            f"Ashdown North,2026-10-{1 + i % 28:02d} {8 + i % 10:02d}:{i % 60:02d},"
                            f"Referrer {i % 7},Example Outreach Team,SPA,Concern {i}\n")
            files.append(csv)
        running = [subprocess.Popen([RMMCTL, "--database", copy, "import", "referrals", csv],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for csv in files]
        for process in running:
            out, err = process.communicate(timeout=120)
            self.assertEqual(process.returncode, 0, err)
            self.assertIn("Added 2000 referrals", out)
        con = sqlite3.connect(copy)
        self.assertEqual(con.execute("SELECT count(*) FROM agency "
                                     "WHERE name = 'Example Outreach Team'").fetchone()[0], 1)
        self.assertEqual(con.execute("SELECT count(*) FROM child WHERE reference GLOB 'S?-*'")
                         .fetchone()[0], 10000)
        con.close()
        self.assertEqual(rmmctl("--database", copy, "check").stdout, "ok\n")

    def test_agenda_json(self):
        meetings = json.loads(rmmctl("--database", self.db, "list", "meetings",
                                     "--format", "json").stdout)
        coming = [m for m in meetings if m["status"] == "planned" and m["children"] > 0][0]
        result = rmmctl("--database", self.db, "agenda", "--meeting", str(coming["id"]),
                        "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        items = json.loads(result.stdout)
        self.assertEqual(len(items), coming["children"])
        self.assertEqual([i["position"] for i in items], list(range(1, len(items) + 1)))
        allowed = {"new-referral", "review-due", "trigger", "closure", "transition",
                   "early-help-check", "overdue-actions", "added-by-chair"}
        for item in items:
            self.assertTrue(item["child_id"] > 0 and item["reasons"])
            self.assertTrue(set(item["reasons"]) <= allowed, item)
        self.assertEqual(rmmctl("--database", self.db, "agenda").returncode, 2)
        missing = rmmctl("--database", self.db, "agenda", "--meeting", "999999")
        self.assertEqual(missing.returncode, 1)

    def test_meeting_json(self):
        meetings = json.loads(rmmctl("--database", self.db, "list", "meetings",
                                     "--format", "json").stdout)
        held = [m for m in meetings if m["status"] == "signed-off" and m["children"] > 0][0]
        result = rmmctl("--database", self.db, "meeting", "--meeting", str(held["id"]),
                        "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        meeting = json.loads(result.stdout)
        self.assertEqual(meeting["status"], "signed-off")
        self.assertEqual(len(meeting["signed_off_by"]), 2)
        self.assertTrue(meeting["attendance"])
        self.assertTrue(all(a["status"] in {"present", "apologies", "sent-information",
                                             "observer"} for a in meeting["attendance"]))
        kinds = {"rating-new", "rating-up", "rating-down", "rating-same", "rating-disputed",
                 "lead-agency", "closure", "trigger", "deferred", "removed"}
        self.assertTrue(meeting["decisions"])
        self.assertTrue(all(d["kind"] in kinds and d["reference"] for d in meeting["decisions"]))
        text = rmmctl("--database", self.db, "meeting", "--meeting", str(held["id"]))
        self.assertIn("Signed off", text.stdout)
        self.assertEqual(rmmctl("--database", self.db, "meeting").returncode, 2)
        self.assertEqual(rmmctl("--database", self.db, "meeting", "--meeting",
                                "999999").returncode, 1)

    def test_triggers(self):
        # The rules find what the demo's history calls for, once; each open trigger names
        # its facts.
        first = rmmctl("--database", self.db, "triggers", "--evaluate", "--format", "json")
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertRegex(first.stderr, r"^Raised \d+ triggers?\.\n$")
        result = rmmctl("--database", self.db, "triggers", "--evaluate", "--open",
                        "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Raised 0 triggers.", result.stderr)
        triggers = json.loads(result.stdout)
        self.assertTrue(triggers)
        for trigger in triggers:
            self.assertTrue(trigger["open"])
            self.assertTrue(trigger["rule"] in SHIPPED_RULES, trigger)
            self.assertTrue(trigger["facts"], trigger)
        everything = json.loads(rmmctl("--database", self.db, "triggers", "--format",
                                       "json").stdout)
        self.assertGreater(len(everything), len(triggers))
        self.assertEqual(rmmctl("--database", self.db, "triggers", "extra").returncode, 2)

    def test_cse_list(self):
        result = rmmctl("--database", self.db, "cse-list", "--date", "2026-11-23",
                        "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        entries = json.loads(result.stdout)
        self.assertGreater(len(entries), 10)
        self.assertTrue({e["change"] for e in entries} <=
                        {"added", "removed", "up", "down", "unchanged"})
        self.assertTrue(all(e["child_id"] > 0 and e["rating_label"] for e in entries))
        areas = [e["area"] for e in entries]
        self.assertEqual(areas, sorted(areas))
        self.assertEqual(rmmctl("--database", self.db, "cse-list", "--date", "soon").returncode,
                         2)

    def test_calendar(self):
        """The coming meetings, plan reviews and actions due as an iCalendar file: private,
        UK time, children by reference and never by name; one area's alone when asked; each
        child it lists has the export in the record of who looked; bad requests refused with
        nothing written."""
        ics_path = self.path("rmm.ics")
        result = rmmctl("--database", self.db, "export", "calendar", "-o", ics_path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(ics_path).st_mode), 0o600)
        # Lines unfolded and commas unescaped, as a calendar reads them.
        text = open(ics_path, encoding="utf-8").read().replace("\n ", "").replace("\\,", ",")
        self.assertTrue(text.startswith("BEGIN:VCALENDAR"))
        self.assertIn("BEGIN:VTIMEZONE", text)
        self.assertRegex(text, r"DTSTART;TZID=Europe/London:\d{8}T\d{6}")
        self.assertIn("SUMMARY:CSE Risk Management Meeting, ", text)
        review = re.search(r"SUMMARY:Safety plan review due: ([^ ]+) ", text)
        self.assertIsNotNone(review)
        self.assertIn("SUMMARY:Plan action due: ", text)
        children = sqlite3.connect(self.db).execute(
            "SELECT first_name, last_name, date_of_birth FROM child").fetchall()
        for child in children:
            for value in child:
                self.assertNotIn(value, text)
        looks = json.loads(rmmctl("--database", self.db, "access", "--child", review.group(1),
                                  "--format", "json").stdout)
        self.assertIn("calendar", [look.get("document") for look in looks])

        area = json.loads(rmmctl("--database", self.db, "list", "areas", "--format",
                                 "json").stdout)[0]["name"]
        one = self.path("one.ics")
        result = rmmctl("--database", self.db, "export", "calendar", "--area", area, "-o", one)
        self.assertEqual(result.returncode, 0, result.stderr)
        summaries = re.findall(r"SUMMARY:(.*)", open(one, encoding="utf-8").read()
                               .replace("\n ", "").replace("\\,", ","))
        self.assertTrue(summaries)
        self.assertTrue(all(area in summary for summary in summaries), summaries)

        for args, words in [(["--anonymised", "-o", one], "only --area"),
                            ([], "needs -o FILE.ics"),
                            (["--area", "Atlantis", "-o", self.path("none.ics")],
                             "no area called")]:
            result = rmmctl("--database", self.db, "export", "calendar", *args)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(words, result.stderr)
        self.assertFalse(os.path.exists(self.path("none.ics")))
        with open(self.db, "rb") as f:
            before = f.read()
        result = rmmctl("--database", self.db, "export", "calendar", "-o", self.db)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a calendar", result.stderr)
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_report_for_the_board(self):
        """The board's figures for a year, all areas and one: a tidy CSV (private, like every
        export) and JSON; small counts hidden; no child's name, reference or date of birth
        anywhere; bad dates and areas refused with one sentence, nothing written."""
        csv_path = self.path("report.csv")
        result = rmmctl("--database", self.db, "report", "--from", "2025-12-01", "--to",
                        "2026-11-30", "-o", csv_path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(csv_path).st_mode), 0o600)
        with open(csv_path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0], ["measure", "category", "area", "period", "value",
                                   "suppressed"])
        figures = {(r[0], r[1]): r for r in rows[1:]}
        received = figures[("referrals-received", "all")]
        self.assertEqual(received[2:4], ["all", "2025-12-01/2026-11-30"])
        self.assertGreater(int(received[4]), 5)
        for row in rows[1:]:
            if row[5] == "true":
                self.assertIn(row[4], ("fewer than 5", "hidden"))
            elif row[4] != "" and "." not in row[4]:
                self.assertFalse(0 < int(row[4]) < 5, row)
        self.assertIn("cse-list", {r[0] for r in rows[1:]})
        # Actions by agency and outcome add up to the actions by outcome, where all are shown.
        by_outcome = {}
        for row in rows[1:]:
            if row[0] == "actions-by-agency":
                agency, outcome = row[1].rsplit(": ", 1)
                by_outcome.setdefault(outcome, []).append(row[4])
        self.assertTrue(by_outcome)
        for outcome, values in by_outcome.items():
            total = figures[("actions-due", outcome)][4]
            if "fewer than 5" not in values and total != "fewer than 5":
                self.assertEqual(sum(int(v) for v in values), int(total), outcome)

        # Nothing in it identifies a child: every child's name, reference and birth date.
        children = sqlite3.connect(self.db).execute(
            "SELECT first_name, last_name, reference, date_of_birth FROM child").fetchall()
        text = open(csv_path, encoding="utf-8").read()
        for child in children:
            for value in child:
                self.assertNotIn(value, text)

        # The board's report as a PDF: the same figures, as charts and tables, marked, with
        # a contents page; read as text, it names no child either.
        pdf_path = self.path("report.pdf")
        result = rmmctl("--database", self.db, "report", "--from", "2025-12-01", "--to",
                        "2026-11-30", "--format", "pdf", "-o", pdf_path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(pdf_path).st_mode), 0o600)
        pdf = self.pdf_text(pdf_path)
        contents = pdf.split("\f")[0]
        self.assertIn("The CSE List", contents)
        self.assertNotIn("Referrals received", contents)
        for words in ["Oversight report", "OFFICIAL-SENSITIVE", "Referrals",
                      "Risk Ratings", "Children on the CSE list, week by week",
                      "Plan actions due in the period, by agency and outcome",
                      "Who the Children Are", "Attendance at meetings", "fewer than 5"]:
            self.assertIn(words, pdf)
        for child in children:
            for value in child:
                self.assertNotIn(value, pdf)
        self.assertEqual(rmmctl("--database", self.db, "report", "--from", "2026-01-01",
                                "--to", "2026-03-31", "--format", "pdf").returncode, 2)

        area = json.loads(rmmctl("--database", self.db, "list", "areas", "--format",
                                 "json").stdout)[0]["name"]
        result = rmmctl("--database", self.db, "report", "--from", "1 Jan 2026", "--to",
                        "31 Mar 2026", "--area", area, "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        figures = json.loads(result.stdout)
        self.assertTrue(all(f["area"] == area for f in figures))
        self.assertTrue(all(f["value"] is None for f in figures if f["suppressed"]))

        for args, words in [(["--from", "2026-13-01", "--to", "2026-12-31"], "--from needs a date"),
                            (["--from", "2026-12-01", "--to", "2026-11-01"], "ends before"),
                            (["--from", "2026-01-01", "--to", "2026-03-31", "--format", "xml"],
                             "csv, json or pdf"),
                            (["--from", "2026-01-01"], "--to needs a date"),
                            (["--from", "2026-01-01", "--to", "2099-12-31"], "after today")]:
            result = rmmctl("--database", self.db, "report", *args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(words, result.stderr)
        # Never over the database, a document or a link; over an earlier table, yes.
        with open(self.db, "rb") as f:
            before = f.read()
        link = self.path("link.csv")
        os.symlink(csv_path, link)
        for target, fmt in [(self.db, "csv"), (pdf_path, "json"), (link, "csv"),
                            (csv_path, "json")]:
            result = rmmctl("--database", self.db, "report", "--from", "2026-01-01", "--to",
                            "2026-01-31", "--format", fmt, "-o", target)
            self.assertEqual(result.returncode, 1, target)
            self.assertIn("nothing was written over it", result.stderr)
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(rmmctl("--database", self.db, "report", "--from", "2026-01-01",
                                "--to", "2026-01-31", "-o", csv_path).returncode, 0)

        missing = self.path("nowhere.csv")
        result = rmmctl("--database", self.db, "report", "--from", "2026-01-01", "--to",
                        "2026-03-31", "--area", "Atlantis", "-o", missing)
        self.assertEqual(result.returncode, 1)
        self.assertIn("no area called", result.stderr)
        self.assertFalse(os.path.exists(missing))

        # Published for the board's own login (the server's test reads it back as that login):
        # kept, said, audited; never with a file to write, never for a period still to come.
        result = rmmctl("--database", self.db, "report", "--from", "2026-01-01", "--to",
                        "2026-03-31", "--area", area, "--publish")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"Published the board’s figures for 1 Jan 2026 to 31 Mar 2026, {area}",
                      result.stdout)
        for args, code, words in [(["--publish", "-o", missing], 2, "without --format or -o"),
                                  (["--publish", "--to", "2099-12-31"], 2, "after today")]:
            result = rmmctl("--database", self.db, "report", "--from", "2026-01-01", "--to",
                            "2026-03-31", *args)
            self.assertEqual(result.returncode, code, args)
            self.assertIn(words, result.stderr)
        self.assertEqual(rmmctl("--database", self.db, "check").returncode, 0)

    def test_bad_databases(self):
        text = self.path("notes.txt")
        with open(text, "w") as f:
            f.write("Minutes\n")
        empty = self.path("empty.sqlite")
        open(empty, "w").close()
        cases = {
            text: "not an RMM Desk database",
            empty: "is empty",
            self.tmp.name: "is a folder",
            self.path("missing.sqlite"): "There is no database",
            os.path.join(self.tmp.name, "nope", "x.sqlite"): "There is no database",
        }
        for path, message in cases.items():
            result = rmmctl("--database", path, "list", "areas")
            self.assertEqual(result.returncode, 1, path)
            self.assertIn(message, result.stderr)
            self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        with open(text) as f:
            self.assertEqual(f.read(), "Minutes\n")
        self.assertEqual(os.path.getsize(empty), 0)
        self.assertFalse(os.path.exists(self.path("missing.sqlite")))

    def test_database_others_can_read_is_refused_or_read_only(self):
        """A file readable by others is not used: one line says how to make it private. As a
        copy to read (--read-only) it is read, with a warning, and nothing changes in it."""
        db = self.path("exposed.sqlite")
        shutil.copy(self.db, db)
        os.chmod(db, 0o644)
        with open(db, "rb") as f:
            before = f.read()
        result = rmmctl("--database", db, "list", "areas")
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"chmod 600 '{db}'", result.stderr)
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)

        result = rmmctl("--read-only", "--database", db, "list", "areas")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Ashdown South", result.stdout)
        self.assertIn("other users of this computer can read", result.stderr)
        result = rmmctl("--read-only", "--database", db, "meetings", "schedule", "--area",
                        "Ashdown South", "--weekday", "thu")
        self.assertEqual(result.returncode, 1)
        self.assertIn("read-only", result.stderr)
        self.assertEqual(rmmctl("--read-only", "--database", db, "check").returncode, 0)
        # No document: who made it could not be recorded in it. Nothing replaces it either.
        child = json.loads(rmmctl("--read-only", "--database", db, "list", "children",
                                  "--format", "json").stdout)[0]["reference"]
        result = rmmctl("--read-only", "--database", db, "export", "safety-plan", "--child",
                        child, "--audience", "family", "-o", self.path("exposed-plan.pdf"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("read-only", result.stderr)
        self.assertFalse(os.path.exists(self.path("exposed-plan.pdf")))
        for command in (["restore", self.db], ["demo", "--force"]):
            self.assertEqual(rmmctl("--read-only", "--database", db, *command).returncode, 2)
        with open(db, "rb") as f:
            self.assertEqual(f.read(), before)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(db + suffix):
                self.assertEqual(stat.S_IMODE(os.stat(db + suffix).st_mode) & 0o077, 0)

    def test_access_lists_who_made_a_childs_plan(self):
        """An exported plan is a look at the child's record: `access` lists it (who, what,
        for whom), a listing is not itself a look, an unknown child is one line, and check
        still passes."""
        db = self.path("access.sqlite")
        shutil.copy(self.db, db)
        child = json.loads(rmmctl("--database", db, "list", "children", "--format",
                                  "json").stdout)[0]["reference"]
        for audience in ("family", "professional"):
            result = rmmctl("--database", db, "export", "safety-plan", "--child", child,
                            "--audience", audience, "-o", self.path(f"plan-{audience}.pdf"))
            self.assertEqual(result.returncode, 0, result.stderr)
        for _ in range(2):
            result = rmmctl("--database", db, "access", "--child", child, "--format", "json")
            self.assertEqual(result.returncode, 0, result.stderr)
            looks = json.loads(result.stdout)
            self.assertEqual([(e["what"], e["document"], e["audience"]) for e in looks],
                             [("document", "safety-plan", "family"),
                              ("document", "safety-plan", "professional")])
        self.assertTrue(all(e["login"] for e in looks))
        text = rmmctl("--database", db, "access", "--child", child).stdout
        self.assertIn("made a document: safety-plan (family)", text)
        # Never over the database itself (nor anything but an older PDF), and no look for it.
        with open(db, "rb") as f:
            before = f.read()
        result = rmmctl("--database", db, "export", "safety-plan", "--child", child,
                        "--audience", "family", "-o", db)
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not a PDF", result.stderr)
        with open(db, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(len(json.loads(rmmctl("--database", db, "access", "--child", child,
                                               "--format", "json").stdout)), 2)
        result = rmmctl("--database", db, "access", "--child", "NO-SUCH-REF")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        self.assertEqual(rmmctl("--database", db, "check").stdout, "ok\n")

    def test_documents_in_welsh(self):
        """An area's documents language (area language), and an export's own (--language):
        the family plan in Welsh has the Welsh heading and not the English, bilingually both,
        Welsh first; a language RMM Desk does not have is refused; the change is audited."""
        db = self.path("welsh.sqlite")
        shutil.copy(self.db, db)
        child = json.loads(rmmctl("--database", db, "list", "children", "--format",
                                  "json").stdout)[0]
        area = child["area"]
        result = rmmctl("--database", db, "area", "language", area, "cy")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"{area}’s documents are in Welsh", result.stdout)
        self.assertIn("Welsh", rmmctl("--database", db, "area", "language", area).stdout)
        texts = {}
        for language in (None, "both", "en"):
            pdf = self.path(f"plan-{language}.pdf")
            extra = ["--language", language] if language else []
            result = rmmctl("--database", db, "export", "safety-plan", "--child",
                            child["reference"], "--audience", "family", *extra, "-o", pdf)
            self.assertEqual(result.returncode, 0, result.stderr)
            texts[language] = self.pdf_text(pdf)
        self.assertIn("Eich cynllun diogelwch", texts[None])
        self.assertNotIn("Your Safety Plan", texts[None])
        self.assertIn("Your Safety Plan", texts["both"])
        self.assertLess(texts["both"].index("Eich cynllun diogelwch"),
                        texts["both"].index("Your Safety Plan"))
        self.assertIn("Your Safety Plan", texts["en"])
        self.assertNotIn("Eich cynllun diogelwch", texts["en"])
        for args, words in [(["export", "safety-plan", "--child", child["reference"],
                              "--language", "fr", "-o", self.path("fr.pdf")], "--language is"),
                            (["area", "language", area, "fr"], "en (English), cy (Welsh)")]:
            result = rmmctl("--database", db, *args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(words, result.stderr)
        self.assertEqual(rmmctl("--database", db, "check").stdout, "ok\n")

    # ---- export: the documents as PDF ----

    def meetings(self, status):
        result = rmmctl("--database", self.db, "list", "meetings", "--format", "json")
        return [m for m in json.loads(result.stdout) if m["status"] == status]

    def pdf_text(self, path):
        result = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                                text=True, check=True)
        return result.stdout

    def test_export_minutes_and_pack(self):
        meeting = self.meetings("signed-off")[0]
        out = self.path("minutes.pdf")
        result = rmmctl("--database", self.db, "export", "minutes", "--meeting",
                        str(meeting["id"]), "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), out)
        text = self.pdf_text(out)
        self.assertIn("Minutes of the CSE Risk Management Meeting", text)
        self.assertIn(meeting["area"], text)
        self.assertIn("OFFICIAL-SENSITIVE", text)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        # Signed off: no draft; who came is named; the next meeting is given.
        self.assertNotIn("DRAFT", text)
        self.assertIn("Next meeting", text)
        self.assertRegex(text, r"Ashdown Constabulary +\S+ \S+ +(Present|Apologies)")
        draft = self.path("draft.pdf")
        planned = self.meetings("planned")[0]
        self.assertEqual(rmmctl("--database", self.db, "export", "minutes", "--meeting",
                                str(planned["id"]), "-o", draft).returncode, 0)
        self.assertIn("DRAFT minutes of the CSE Risk Management", self.pdf_text(draft))

        coming = self.meetings("planned")[0]
        pack = self.path("pack.pdf")
        result = rmmctl("--database", self.db, "export", "pack", "--meeting", str(coming["id"]),
                        "-o", pack, "--marking", "OFFICIAL-SENSITIVE PERSONAL")
        self.assertEqual(result.returncode, 0, result.stderr)
        text = self.pdf_text(pack)
        self.assertIn("Chairs’ Pack", text)
        self.assertIn("OFFICIAL-SENSITIVE PERSONAL", text)
        # A blank marking is the default, not none; a padded one is trimmed.
        for marking, shown in (("   ", "OFFICIAL-SENSITIVE"), ("  OFFICIAL  ", "OFFICIAL")):
            self.assertEqual(rmmctl("--database", self.db, "export", "minutes", "--meeting",
                                    str(meeting["id"]), "-o", out, "--marking",
                                    marking).returncode, 0)
            first = self.pdf_text(out).splitlines()[0]
            self.assertEqual(first.strip(), shown)

    def test_file_size_limit_fails_cleanly(self):
        """A file-size limit reached mid-write (ulimit -f) fails the export with a message and
        leaves nothing behind, rather than killing rmmctl with a partial file."""
        meeting = self.meetings("signed-off")[0]
        folder = self.path("limited")
        os.mkdir(folder)
        result = subprocess.run(["bash", "-c", 'ulimit -f 16; exec "$@"', "limited", RMMCTL,
                                 "--database", self.db, "export", "minutes", "--meeting",
                                 str(meeting["id"]), "-o", os.path.join(folder, "m.pdf")],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertTrue(result.stderr.startswith("rmmctl"), result.stderr)
        self.assertEqual(os.listdir(folder), [])
        area = json.loads(rmmctl("--database", self.db, "list", "areas", "--format", "json")
                          .stdout)[0]["name"]
        result = subprocess.run(["bash", "-c", 'ulimit -f 16; exec "$@"', "limited", RMMCTL,
                                 "--database", self.db, "export", "safety-plan", "--area", area,
                                 "--all-open", "--out-dir", folder], capture_output=True,
                                text=True)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(os.listdir(folder), [])

    def test_meetings_schedule_and_move(self):
        """rmmctl meetings schedule sets an area's weekly series and keeps it eight weeks
        ahead; move changes one planned meeting; wrong input is refused with the reason."""
        db = self.path("schedule.sqlite")
        shutil.copy(self.db, db)
        result = rmmctl("--database", db, "meetings", "schedule", "--area", "Ashdown South",
                        "--weekday", "thu", "--time", "14:00", "--location", "Room 3")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("eight weeks ahead", result.stdout)
        again = rmmctl("--database", db, "meetings", "schedule")
        self.assertIn(": 0 meetings were added", again.stdout)
        planned = [m for m in json.loads(rmmctl("--database", db, "list", "meetings", "--area",
                                                "Ashdown South", "--format", "json").stdout)
                   if m["status"] == "planned"]
        latest = max(m["date"] for m in planned)
        self.assertGreaterEqual(latest, (datetime.date.today()
                                         + datetime.timedelta(weeks=7)).isoformat())
        last = [m for m in planned if m["date"] == latest][0]
        # Moved to the Monday after (or the Tuesday, if that Monday is a bank holiday).
        target = datetime.date.fromisoformat(latest) + datetime.timedelta(days=4)
        moved = rmmctl("--database", db, "meetings", "move", "--meeting", str(last["id"]),
                       "--date", target.strftime("%d/%m/%Y"), "--time", "09:15")
        if "bank holiday" in moved.stderr:
            target += datetime.timedelta(days=1)
            moved = rmmctl("--database", db, "meetings", "move", "--meeting", str(last["id"]),
                           "--date", target.strftime("%d/%m/%Y"), "--time", "09:15")
        self.assertEqual(moved.returncode, 0, moved.stderr)
        # Said back as read: the day typed day-first is the day stored.
        self.assertIn(target.strftime("%A ") + str(target.day) + target.strftime(" %B %Y")
                      + " at 09:15, Room 3.", moved.stdout)
        self.assertEqual(rmmctl("--database", db, "check").stdout, "ok\n")

        # What a change of the series leaves out stays as it was.
        result = rmmctl("--database", db, "meetings", "schedule", "--area", "Ashdown South",
                        "--time", "15:00")
        self.assertEqual(result.returncode, 0, result.stderr)
        # The meetings already made keep their time, and the output says so.
        self.assertIn("already scheduled keep their day, time", result.stdout)
        con = sqlite3.connect(db)
        try:
            series = con.execute(
                "SELECT weekday, starts_at, location, chair_children_id IS NOT NULL "
                "FROM meeting_series s JOIN area a ON a.id = s.area_id "
                "WHERE a.name = 'Ashdown South'").fetchone()
        finally:
            con.close()
        self.assertEqual(series, (4, "15:00", "Room 3", 1))

        today = datetime.date.today()
        cases = [
            (["schedule", "--area", "Ashdown South", "--weekday", "saturday"], 1, "weekend"),
            (["schedule", "--area", "Ashdown South", "--weekday", "mon", "--time", "25:00"], 1,
             "time"),
            (["schedule", "--area", "Nowhere", "--weekday", "mon"], 1, "no area"),
            (["schedule", "--area", "Ashdown South", "--location", "x" * 201], 1, "long place"),
            (["schedule", "--time", "15:00"], 2, "no area"),
            (["move"], 2, "no meeting"),
            (["move", "--meeting", str(last["id"])], 1, "nothing to change"),
            (["move", "--meeting", str(last["id"]), "--time", ""], 1, "an empty time"),
            (["move", "--meeting", str(last["id"]), "--time", "9" * 10000], 1, "a page of nines"),
            (["move", "--meeting", str(last["id"]), "--date", "30/02/2027"], 1, "no such day"),
            (["move", "--meeting", str(last["id"]), "--date", "1٥/12/2026"], 1, "mixed digits"),
            (["move", "--meeting", str(last["id"]), "--date",
              (today - datetime.timedelta(days=1)).isoformat()], 1, "the past"),
            (["move", "--meeting", str(last["id"]), "--date", "31/12/2099"], 1, "years ahead"),
            (["move", "--meeting", str(last["id"]), "--date",
              (today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)).isoformat()],
             1, "a Saturday"),
            (["fly"], 2, "no such subcommand"),
        ]
        for args, code, why in cases:
            result = rmmctl("--database", db, "meetings", *args)
            self.assertEqual(result.returncode, code, why + ": " + result.stderr)
            self.assertTrue(result.stderr.startswith("rmmctl"), why)

    def sections(self, text):
        """A minutes text cut into each child's part, by reference."""
        parts = re.split(r"\n\d+\. [^\n]*\((CH-\d+)\)\n", text)
        return dict(zip(parts[1::2], parts[2::2]))

    def test_signed_off_minutes_keep_what_stood_then(self):
        """The minutes of a signed-off meeting say what happened at it, whatever came later:
        a child closed there left the CSE list; the actions agreed there stay listed after
        the plan closes; transition shows no date after the meeting."""
        con = sqlite3.connect(self.db)
        try:
            closed = con.execute(
                "SELECT d.meeting_id, c.reference FROM decision d JOIN child c ON c.id = d.child_id "
                "JOIN meeting m ON m.id = d.meeting_id WHERE d.kind = 'closure' "
                "AND d.status = 'confirmed' AND m.status = 'signed-off' "
                "AND EXISTS (SELECT 1 FROM plan_action x JOIN safety_plan p ON p.id = x.plan_id "
                "            WHERE x.meeting_id IN (SELECT id FROM meeting WHERE id < d.meeting_id) "
                "            AND p.child_id = d.child_id) "
                "ORDER BY d.id LIMIT 3").fetchall()
            agreed = con.execute(
                "SELECT x.meeting_id, c.reference, x.description FROM plan_action x "
                "JOIN safety_plan p ON p.id = x.plan_id JOIN child c ON c.id = p.child_id "
                "JOIN meeting m ON m.id = x.meeting_id "
                "WHERE p.closed_on IS NOT NULL AND m.status = 'signed-off' LIMIT 3").fetchall()
        finally:
            con.close()
        self.assertTrue(closed and agreed)
        for meeting, reference in closed:
            out = self.path("closed-%d.pdf" % meeting)
            rmmctl("--database", self.db, "export", "minutes", "--meeting", str(meeting),
                   "-o", out)
            part = self.sections(self.pdf_text(out))[reference]
            self.assertIn("Left the county-wide CSE list", " ".join(part.split()))
        for meeting, reference, description in agreed:
            out = self.path("agreed-%d.pdf" % meeting)
            rmmctl("--database", self.db, "export", "minutes", "--meeting", str(meeting),
                   "-o", out)
            part = " ".join(self.sections(self.pdf_text(out))[reference].split())
            self.assertIn(" ".join(description.split()[:3]), part)

    def test_export_cse_list_anonymised(self):
        named, hidden = self.path("cse.pdf"), self.path("cse-anon.pdf")
        self.assertEqual(rmmctl("--database", self.db, "export", "cse-list", "--date",
                                "2026-11-23", "-o", named).returncode, 0)
        self.assertEqual(rmmctl("--database", self.db, "export", "cse-list", "--date",
                                "2026-11-23", "--anonymised", "-o", hidden).returncode, 0)
        listed = json.loads(rmmctl("--database", self.db, "cse-list", "--date", "2026-11-23",
                                   "--format", "json").stdout)
        self.assertTrue(listed)
        named_text, hidden_text = self.pdf_text(named), self.pdf_text(hidden)
        for child in listed[:20]:
            full_name = child["first_name"] + " " + child["last_name"]
            self.assertIn(child["reference"], hidden_text)
            self.assertNotIn(full_name, hidden_text)
        self.assertIn(listed[0]["first_name"] + " " + listed[0]["last_name"], named_text)

    def test_export_every_open_plan_of_an_area(self):
        area = json.loads(rmmctl("--database", self.db, "list", "areas", "--format", "json")
                          .stdout)[0]["name"]
        folder = self.path("plans")
        result = rmmctl("--database", self.db, "export", "safety-plan", "--area", area,
                        "--all-open", "--audience", "family", "--out-dir", folder)
        self.assertEqual(result.returncode, 0, result.stderr)
        written = result.stdout.split()
        self.assertTrue(written)
        self.assertEqual(sorted(os.listdir(folder)), sorted(os.path.basename(p) for p in written))
        for path in written:
            self.assertTrue(path.endswith("-safety-plan-family.pdf"))
            self.assertIn("Your Safety Plan", self.pdf_text(path))
        reference = os.path.basename(written[0]).split("-safety-plan")[0]
        one = self.path("one.pdf")
        result = rmmctl("--database", self.db, "export", "safety-plan", "--child", reference,
                        "-o", one)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("CSE Safety Plan", self.pdf_text(one))

    def test_export_errors_leave_nothing(self):
        folder = self.path("errors")
        os.mkdir(folder)
        out = os.path.join(folder, "x.pdf")
        cases = [
            (["minutes", "--meeting", "999999", "-o", out], 1, "no meeting"),
            (["safety-plan", "--child", "NO-SUCH-REF", "-o", out], 1, "no child"),
            (["safety-plan", "--child", "1", "--audience", "neighbours", "-o", out], 1,
             "audience"),
            (["minutes", "--meeting", "1", "-o", os.path.join(folder, "missing", "x.pdf")], 1,
             "missing folder"),
            (["cse-list", "--date", "2026-02-30", "-o", out], 1, "bad date"),
            (["cse-list", "--date", "2999-01-01", "-o", out], 1, "a day to come"),
            (["cse-list", "--marking", "OFFICIAL\u2028SENSITIVE", "-o", out], 2,
             "marking line separator"),
            (["minutes", "-o", out], 2, "no --meeting"),
            (["poster", "-o", out], 2, "unknown document"),
            (["cse-list"], 2, "no -o"),
            # An option the document does not support is refused, never ignored.
            (["pack", "--meeting", "1", "--anonymised", "-o", out], 2, "anonymised pack"),
            (["safety-plan", "--child", "1", "--anonymised", "-o", out], 2,
             "anonymised plan"),
            (["minutes", "--meeting", "1", "--date", "2026-11-23", "-o", out], 2,
             "minutes --date"),
            (["cse-list", "--child", "1", "-o", out], 2, "cse-list --child"),
            (["safety-plan", "--area", "Ashdown North", "--all-open", "--out-dir", folder,
              "-o", out], 2, "--all-open with -o"),
            # A marking that would not print as one line of text on every page.
            (["cse-list", "--marking", "OFFICIAL\nSENSITIVE", "-o", out], 2, "marking newline"),
            (["cse-list", "--marking", "OFFICIAL\x07", "-o", out], 2, "marking control"),
            (["cse-list", "--marking", "X" * 61, "-o", out], 2, "marking too long"),
        ]
        for args, code, why in cases:
            result = rmmctl("--database", self.db, "export", *args)
            self.assertEqual(result.returncode, code, why + ": " + result.stderr)
            self.assertTrue(result.stderr.startswith("rmmctl"), why)
            self.assertEqual(os.listdir(folder), [], why)


if __name__ == "__main__":
    unittest.main(verbosity=2)
