#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""rmmctl network, domains, circulate and circulation as an administrator uses them: the
right copy to the right address through the desktop's mail client, and the record of it."""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import unittest

RMMCTL = os.environ["RMMCTL"]
HERE = os.path.dirname(os.path.abspath(__file__))
STATE = tempfile.TemporaryDirectory()
# A stand-in for xdg-email: records its arguments, one per line, and what it was run as.
FAKE_MAILER = """#!/bin/sh
for a in "$@"; do printf '%s\\n' "$a"; done >> "$MAIL_LOG"
echo --- >> "$MAIL_LOG"
exit "${MAILER_STATUS:-0}"
"""


def rmmctl(*args, env=None):
    full_env = dict(os.environ)
    full_env.pop("RMM_DATABASE", None)
    full_env["XDG_STATE_HOME"] = STATE.name
    full_env.update(env or {})
    return subprocess.run([RMMCTL, *args], capture_output=True, text=True, env=full_env,
                          timeout=120)


class CirculationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.demo = os.path.join(cls.tmp.name, "demo.sqlite")
        result = rmmctl("--database", cls.demo, "demo", "--children", "60", "--today",
                        "2026-11-23")
        assert result.returncode == 0, result.stderr
        con = sqlite3.connect(cls.demo)
        # A child with an open plan, and professionals of their area's agencies: one at an
        # allowed domain, one at the police's, one at a charity's (outside).
        # (The demo's networks are of children whose plans went out in its last weeks.)
        cls.child = con.execute(
            "SELECT c.reference FROM child c JOIN safety_plan p ON p.child_id = c.id "
            "WHERE p.closed_on IS NULL AND c.id NOT IN (SELECT child_id FROM network_member) "
            "ORDER BY c.id LIMIT 1").fetchone()[0]
        cls.no_plan = con.execute(
            "SELECT reference FROM child WHERE id NOT IN (SELECT child_id FROM safety_plan "
            "WHERE closed_on IS NULL) ORDER BY id LIMIT 1").fetchone()[0]
        pick = ("SELECT p.id, p.full_name, p.email FROM professional p "
                "JOIN agency a ON a.id = p.agency_id WHERE p.email LIKE ? ORDER BY p.id LIMIT 1")
        cls.lead = con.execute(pick, ("%@ashdown-council.example",)).fetchone()
        cls.officer = con.execute(pick, ("%police.example",)).fetchone()
        cls.charity = con.execute(pick, ("%@safesteps.example",)).fetchone()
        con.close()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=self.tmp.name)
        self.db = os.path.join(self.dir, "copy.sqlite")
        self.assertEqual(rmmctl("--database", self.demo, "backup", self.db).returncode, 0)
        self.bin = os.path.join(self.dir, "bin")
        os.mkdir(self.bin)
        mailer = os.path.join(self.bin, "xdg-email")
        with open(mailer, "w") as f:
            f.write(FAKE_MAILER)
        os.chmod(mailer, 0o755)
        self.log = os.path.join(self.dir, "mail.log")
        self.out = os.path.join(self.dir, "out")
        os.mkdir(self.out)

    def run_db(self, *args, env=None):
        return rmmctl("--database", self.db, *args, env=env)

    def mail_env(self, **extra):
        env = {"PATH": self.bin + os.pathsep + os.environ["PATH"], "MAIL_LOG": self.log}
        env.update(extra)
        return env

    def mails(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as f:
            return [block.strip("\n").split("\n") for block in f.read().split("---\n")
                    if block.strip()]

    def record(self):
        result = self.run_db("circulation", "--child", self.child, "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def network(self, *args):
        return self.run_db("network", "--child", self.child, *args)

    def build_network(self, family_email="sam.parent@home.example"):
        self.assertEqual(self.network("--add-professional", str(self.lead[0]),
                                      "--role", "lead-professional").returncode, 0)
        self.assertEqual(self.network("--add-professional", self.officer[1],
                                      "--role", "police").returncode, 0)
        args = ["--add-family", "Sam Parent"] + (["--email", family_email] if family_email
                                                 else [])
        result = self.network(*args, "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return {m["name"]: m for m in json.loads(result.stdout)}

    def assert_nothing_recorded(self):
        self.assertEqual(self.record(), [])
        self.assertEqual(self.mails(), [])

    def test_network_editing(self):
        members = self.build_network()
        self.assertEqual(members[self.lead[1]]["role"], "lead-professional")
        self.assertEqual(members[self.lead[1]]["audience"], "professional")
        self.assertEqual(members[self.officer[1]]["email"], self.officer[2])
        self.assertEqual(members["Sam Parent"]["audience"], "family")

        # Refused, each with one line that says why, and the network unchanged.
        for args, code in [
                (["--add-professional", str(self.lead[0]), "--role", "lead-professional"], 1),
                (["--add-professional", str(self.charity[0]), "--role", "neighbour"], 1),
                (["--add-professional", "No Such Person", "--role", "other"], 1),
                (["--add-professional", str(self.charity[0])], 2),
                (["--add-family", "Sam Parent", "--email", "sam at home"], 1),
                (["--add-professional", str(self.charity[0]), "--role", "other",
                  "--email", "not an address"], 1),
                (["--email", "x@y.example"], 2),
                (["--remove", "999999"], 1)]:
            result = self.network(*args)
            self.assertEqual(result.returncode, code, args)
            self.assertTrue(result.stderr.startswith("rmmctl"), args)
        after = json.loads(self.network("--format", "json").stdout)
        self.assertEqual(len(after), 3)

        # A professional's address given with them is kept, together or not at all.
        result = self.network("--add-professional", str(self.charity[0]), "--role", "other",
                              "--email", "w.worker@safesteps.example", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        worker = [m for m in json.loads(result.stdout) if m["name"] == self.charity[1]][0]
        self.assertEqual(worker["email"], "w.worker@safesteps.example")
        result = self.network("--remove", str(worker["id"]), "--format", "json")
        self.assertNotIn(self.charity[1], [m["name"] for m in json.loads(result.stdout)])
        self.assertEqual(self.run_db("check").stdout, "ok\n")

    def test_domains(self):
        listed = self.run_db("domains").stdout.split()
        self.assertIn("police.example", listed)
        self.assertNotIn("safesteps.example", listed)
        # One bad domain: none of the changes is made.
        result = self.run_db("domains", "--allow", "safesteps.example", "--allow", "not a domain")
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a domain", result.stderr)
        self.assertEqual(self.run_db("domains").stdout.split(), listed)
        result = self.run_db("domains", "--allow", "@SafeSteps.Example.", "--disallow",
                             "police.example")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("safesteps.example", result.stdout.split())
        self.assertNotIn("police.example", result.stdout.split())
        self.assertEqual(self.run_db("check").stdout, "ok\n")

    def test_outside_domain_refused_then_confirmed(self):
        self.build_network()
        # The family's address is outside the allowed domains: nothing goes, nothing is
        # written or recorded, and the one at fault is named.
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--send", env=self.mail_env())
        self.assertEqual(result.returncode, 1)
        self.assertIn("✗ Sam Parent: outside the allowed domains", result.stdout)
        self.assertEqual(os.listdir(self.out), [])
        self.assert_nothing_recorded()

        reason = "Mother asked for it by email"
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--reason", "sam.parent@home.example=" + reason, "--send",
                             env=self.mail_env())
        self.assertEqual(result.returncode, 0, result.stderr)
        mails = {m[-1]: m for m in self.mails()}
        self.assertEqual(set(mails), {self.lead[2], self.officer[2], "sam.parent@home.example"})
        for address, args in mails.items():
            attachment = args[args.index("--attach") + 1]
            self.assertTrue(os.path.isabs(attachment))
            self.assertTrue(attachment.endswith("-family.pdf" if address.startswith("sam")
                                                else "-professional.pdf"), attachment)
            with open(attachment, "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")
            self.assertEqual(stat.S_IMODE(os.stat(attachment).st_mode), 0o600)
            subject = args[args.index("--subject") + 1]
            self.assertIn(self.child, subject)

        record = self.record()
        self.assertEqual(len(record), 3)
        by_address = {r["recipient"]: r for r in record}
        self.assertEqual(by_address["sam.parent@home.example"]["document"], "family-plan")
        self.assertEqual(by_address["sam.parent@home.example"]["outside_reason"], reason)
        self.assertEqual(by_address[self.lead[2]]["document"], "professional-plan")
        self.assertEqual(by_address[self.lead[2]]["outside_reason"], "")
        self.assertTrue(all(r["channel"] == "email" and not r["outdated"] for r in record))
        self.assertEqual(self.run_db("check").stdout, "ok\n")

    def test_handed_over(self):
        members = self.build_network(family_email=None)
        # The family's contact has no email: stopped, unless their copy is handed over.
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out)
        self.assertEqual(result.returncode, 1)
        self.assertIn("no email address", result.stdout)
        self.assert_nothing_recorded()
        # Without --send the mail client's commands are printed, not run, and nothing is
        # recorded: a copy recorded as emailed that no one sent would be a lie in the record.
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--hand-over", str(members["Sam Parent"]["id"]))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.count("xdg-email"), 2)
        self.assertIn("Nothing was sent or recorded", result.stdout)
        self.assert_nothing_recorded()
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--hand-over", "Sam Parent", "--send", env=self.mail_env())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(self.mails()), 2)
        channels = sorted(r["channel"] for r in self.record())
        self.assertEqual(channels, ["email", "email", "handed-over"])

    def test_professional_plan_never_to_the_familys_address(self):
        """A professional given the family contact's address (by mistake or on purpose) does
        not carry the professional plan home, whatever reason is given."""
        self.build_network()
        result = self.network("--add-professional", self.charity[1], "--role", "other",
                              "--email", "sam.parent@home.example")
        self.assertEqual(result.returncode, 0, result.stderr)
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--reason", "sam.parent@home.example=asked", "--send",
                             env=self.mail_env())
        self.assertEqual(result.returncode, 1)
        self.assertIn("the professional plan never goes there", result.stdout)
        self.assert_nothing_recorded()

    def test_awkward_references_and_reasons(self):
        """A reference with a slash names a file, not a folder; a reason must say something;
        an address starting with a hyphen (an option to the mail client) is refused; a
        member's copy goes one way, and a shared name names no one."""
        members = self.build_network()
        for reason in ("sam.parent@home.example=", "sam.parent@home.example=   "):
            result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir",
                                 self.out, "--reason", reason, env=self.mail_env())
            self.assertEqual(result.returncode, 1, reason)
            self.assertIn("give ADDRESS=WHY", result.stderr)
        # One member handed over and posted; a name two members share.
        result = self.run_db("circulate", "plan", "--child", self.child, "--hand-over",
                             "Sam Parent", "--post", "Sam Parent")
        self.assertEqual(result.returncode, 1)
        self.assertIn("given twice", result.stderr)
        family = members["Sam Parent"]["id"]
        self.assertEqual(self.network("--remove", str(family)).returncode, 0)
        self.assertEqual(self.network("--add-family", self.lead[1]).returncode, 0)
        result = self.run_db("circulate", "plan", "--child", self.child, "--post",
                             self.lead[1])
        self.assertEqual(result.returncode, 1)
        self.assertIn("name them by id", result.stderr)
        result = self.network("--add-family", "Robin Dash", "--email", "-robin@home.example")
        self.assertEqual(result.returncode, 1)
        self.assertIn("hyphen", result.stderr)
        self.assert_nothing_recorded()
        # (Written below the store, as an agency's import could: "../" too.)
        con = sqlite3.connect(self.db)
        con.execute("UPDATE child SET reference = '../ASH/2026/17' WHERE reference = ?",
                    (self.child,))
        con.commit()
        con.close()
        result = self.run_db("circulate", "plan", "--child", "../ASH/2026/17", "--out-dir",
                             self.out, "--skip-refused")
        self.assertEqual(result.returncode, 0, result.stderr)
        files = os.listdir(self.out)
        self.assertEqual(len(files), 1, files)
        self.assertTrue(files[0].startswith("---ASH-2026-17-plan-v"), files)
        self.assertIn("'CSE safety plan ../ASH/2026/17, version ", result.stdout)
        # A reference an agency wrote the child's name into, its accents left off: neither
        # the subject line nor the file name carries it, only RMM Desk's own number.
        con = sqlite3.connect(self.db)
        child_id, last_name = con.execute("SELECT id, last_name FROM child "
                                          "WHERE reference = '../ASH/2026/17'").fetchone()
        con.execute("UPDATE child SET reference = ?, last_name = ? WHERE id = ?",
                    ("S.I.A.N-" + last_name.upper() + "-2011", "Siân " + last_name, child_id))
        con.commit()
        con.close()
        shutil.rmtree(self.out)
        os.mkdir(self.out)
        result = self.run_db("circulate", "plan", "--child", str(child_id), "--out-dir",
                             self.out, "--skip-refused")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"'CSE safety plan RMM-{child_id}, version ", result.stdout)
        files = os.listdir(self.out)
        self.assertTrue(files[0].startswith(f"RMM-{child_id}-plan-v"), files)
        for text in [result.stdout] + files:
            self.assertNotIn(last_name.upper(), text.upper())


    def test_skip_refused_sends_the_others(self):
        self.build_network()
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--skip-refused", "--send", env=self.mail_env())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual({m[-1] for m in self.mails()}, {self.lead[2], self.officer[2]})
        self.assertEqual(len(self.record()), 2)
        # Only the copy that goes is written: the family's is not.
        files = os.listdir(self.out)
        self.assertEqual(len(files), 1)
        self.assertTrue(files[0].endswith("-professional.pdf"), files)

    def test_no_mail_client(self):
        self.build_network()
        empty = os.path.join(self.dir, "empty")
        os.mkdir(empty)
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--reason", "sam.parent@home.example=asked", "--send",
                             env={"PATH": empty})
        self.assertEqual(result.returncode, 1)
        self.assertIn("no mail client", result.stderr)
        self.assertEqual(self.record(), [])

    def test_email_portal(self):
        """In a sandbox (or with RMM_DESK_MAIL=portal) each email goes through the desktop's
        email portal, the PDF handed over as an open file: with no portal on the session bus
        nothing is sent or recorded; with one, each recipient's email carries their copy and
        every copy is recorded."""
        members = self.build_network()
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, text=True)
        portal = None
        try:
            env = {"DBUS_SESSION_BUS_ADDRESS": bus.stdout.readline().strip(),
                   "RMM_DESK_MAIL": "portal", "PORTAL_LOG": os.path.join(self.dir, "portal.log")}
            args = ["circulate", "plan", "--child", self.child, "--out-dir", self.out,
                    "--reason", "sam.parent@home.example=The family asked for it by email.",
                    "--send"]
            result = self.run_db(*args, env=env)
            self.assertEqual(result.returncode, 1)
            self.assertIn("email portal does not answer", result.stderr)
            self.assertEqual(self.record(), [])

            # The system's Python: PyGObject is Debian's (python3-gi), not a virtualenv's.
            portal = subprocess.Popen(["/usr/bin/python3",
                                       os.path.join(HERE, "fake-email-portal.py")],
                                      stdout=subprocess.PIPE, text=True,
                                      env=dict(os.environ, **env))
            self.assertEqual(portal.stdout.readline().strip(), "ready")
            result = self.run_db(*args, env=env)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            with open(env["PORTAL_LOG"]) as f:
                emails = [json.loads(line) for line in f]
            self.assertEqual(sorted(e["address"] for e in emails),
                             sorted(m["email"] for m in members.values()))
            for email in emails:
                self.assertTrue(email["subject"].startswith("CSE safety plan "), email)
                self.assertEqual([a["head"] for a in email["attachments"]], ["%PDF-"], email)
                self.assertGreater(email["attachments"][0]["size"], 1000)
            self.assertEqual(len(self.record()), len(members))
            self.assertEqual(self.mails(), [])
        finally:
            for process in (portal, bus):
                if process is not None:
                    process.kill()
                    process.wait()
                    process.stdout.close()

    def test_mail_client_failing_records_nothing(self):
        self.build_network()
        result = self.run_db("circulate", "plan", "--child", self.child, "--out-dir", self.out,
                             "--reason", "sam.parent@home.example=asked", "--send",
                             env=self.mail_env(MAILER_STATUS="3"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("did not take the copy", result.stderr)
        self.assertEqual(self.record(), [])

    def pack_text(self, meeting):
        pdf = os.path.join(self.out, f"pack-{meeting}.pdf")
        result = self.run_db("export", "pack", "--meeting", str(meeting), "-o", pdf)
        self.assertEqual(result.returncode, 0, result.stderr)
        return subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                              capture_output=True, text=True).stdout

    def test_chairs_pack_lists_circulation(self):
        """The chairs' pack: the agenda's plans circulated since the last meeting, and who
        still holds an older version (each holder once, with the newest they hold)."""
        con = sqlite3.connect(self.db)
        meetings = con.execute("SELECT id, meets_on, area_id FROM meeting "
                               "ORDER BY meets_on, id").fetchall()
        agenda = {m: [r[0] for r in con.execute(
                      "SELECT c.reference FROM agenda_item i JOIN child c ON c.id = i.child_id "
                      "WHERE i.meeting_id = ? AND i.status <> 'removed'", (m,))]
                  for m, _, _ in meetings}
        con.close()
        records = {}
        found_sent = found_outdated = False
        for meeting, day, area in meetings:
            if not agenda[meeting]:
                continue
            before = [d for _, d, a in meetings if a == area and d < day]
            since = max(before) if before else ""
            sent, held = set(), {}
            for child in agenda[meeting]:
                if child not in records:
                    result = self.run_db("circulation", "--child", child, "--format", "json")
                    records[child] = json.loads(result.stdout)
                for r in records[child]:
                    if since <= r["circulated_at"][:10] <= day:
                        sent.add((child, r["version"]))
                    if r["outdated"]:
                        held[(child, r["recipient"])] = r["version"]
                    else:
                        held.pop((child, r["recipient"]), None)
            if (sent and not found_sent) or (held and not found_outdated):
                text = self.pack_text(meeting)
                lines = text.splitlines()
                section = text[text.rindex("Plans circulated since the last meeting"):
                               text.rindex("Outdated copies still held")]
                for child, version in sent:
                    self.assertTrue(any(f"({child})" in line and f" {version} " in line
                                        for line in section.splitlines()), (child, version))
                for (child, recipient), version in held.items():
                    rows = [line for line in lines if recipient in line and f"({child})" in line]
                    self.assertEqual(len(rows), 1, (child, recipient, rows))
                    self.assertTrue(rows[0].rstrip().endswith(f" {version}"), rows[0])
                found_sent |= bool(sent)
                found_outdated |= bool(held)
            if found_sent and found_outdated:
                break
        self.assertTrue(found_sent and found_outdated,
                        "the demo has no pack with a plan circulated and an outdated copy")

    def test_minutes_to_those_invited(self):
        """A signed-off meeting's minutes go to everyone invited (not observers), each at the
        address on record; one outside the allowed domains stops them all until a reason is
        given; a copy can be posted instead; a meeting not signed off sends nothing."""
        con = sqlite3.connect(self.db)
        meeting, area, day = con.execute(
            "SELECT m.id, a.name, m.meets_on FROM meeting m JOIN area a ON a.id = m.area_id "
            "WHERE m.status = 'signed-off' AND EXISTS (SELECT 1 FROM attendance t "
            "JOIN professional p ON p.id = t.professional_id WHERE t.meeting_id = m.id "
            "AND p.email LIKE '%@safesteps.example') ORDER BY m.meets_on DESC LIMIT 1"
        ).fetchone()
        invited = con.execute(
            "SELECT coalesce (p.full_name, t.name), coalesce (p.email, '') FROM attendance t "
            "LEFT JOIN professional p ON p.id = t.professional_id "
            "WHERE t.meeting_id = ? AND t.status <> 'observer'", (meeting,)).fetchall()
        planned = con.execute("SELECT id FROM meeting WHERE status = 'planned' "
                              "LIMIT 1").fetchone()[0]
        con.close()
        allowed = ("ashdown-council.example", "police.example", "sch.example", "nhs.example")
        outside = [(n, e) for n, e in invited if not e.endswith(allowed)]
        self.assertGreaterEqual(len(outside), 1)

        def minutes_record():
            result = self.run_db("circulation", "--meeting", str(meeting), "--format", "json")
            self.assertEqual(result.returncode, 0, result.stderr)
            return [r for r in json.loads(result.stdout) if r["document"] == "minutes"]

        result = self.run_db("circulate", "minutes", "--meeting", str(meeting), "--send",
                             "--out-dir", self.out, env=self.mail_env())
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot go", result.stderr)
        self.assertEqual(minutes_record(), [])
        self.assertEqual(self.mails(), [])

        # The first outside address confirmed with a reason, the rest posted (by name).
        reason = f"{outside[0][1]}=The charity's worker attends for the child."
        args = ["circulate", "minutes", "--meeting", str(meeting), "--reason", reason,
                "--send", "--out-dir", self.out]
        for name, _ in outside[1:]:
            args += ["--post", name]
        result = self.run_db(*args, env=self.mail_env())
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        mails = self.mails()
        self.assertEqual(len(mails), len(invited) - len(outside) + 1)
        file_name = f"minutes-{area.lower().replace(' ', '-')}-{day}.pdf"
        subject = "Minutes of the CSE Risk Management Meeting, %s, %s" % (
            area, subprocess.run(["date", "-d", day, "+%-d %B %Y"], capture_output=True,
                                 text=True, env={"LC_ALL": "C"}).stdout.strip())
        for mail in mails:
            self.assertEqual(mail[mail.index("--subject") + 1], subject)
            self.assertEqual(os.path.basename(mail[mail.index("--attach") + 1]), file_name)
        self.assertEqual(sorted(m[-1] for m in mails),
                         sorted([e for n, e in invited if (n, e) not in outside[1:]]))
        record = minutes_record()
        self.assertEqual(len(record), len(invited))
        self.assertEqual(sorted(r["recipient"] for r in record if r["channel"] == "posted"),
                         sorted(n for n, _ in outside[1:]))
        self.assertEqual([r["outside_reason"] for r in record if r["outside_reason"]],
                         ["The charity's worker attends for the child."])
        self.assertEqual(self.run_db("check").returncode, 0)

        # Not signed off: nothing.
        result = self.run_db("circulate", "minutes", "--meeting", str(planned),
                             env=self.mail_env())
        self.assertEqual(result.returncode, 1)
        self.assertIn("not signed off", result.stderr)
        for args in (["circulate", "minutes", "--meeting", str(meeting), "--child", self.child],
                     ["circulate", "minutes", "--meeting", str(meeting), "--outdated"],
                     ["circulate", "plan", "--meeting", str(meeting)],
                     ["circulate", "minutes"]):
            self.assertEqual(self.run_db(*args).returncode, 2, args)

    def test_cse_list_to_its_distribution(self):
        """The county-wide list goes only to the professionals on its distribution, by
        name: an address outside the allowed domains stops it until a reason is given; each
        copy is recorded with the list's day; someone taken off is sent no more."""
        def list_record():
            result = self.run_db("circulation", "--cse-list", "--format", "json")
            self.assertEqual(result.returncode, 0, result.stderr)
            return json.loads(result.stdout)

        # The demo's: its first police officer among them.
        result = self.run_db("distribution", "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        demos = {r["name"]: r["email"] for r in json.loads(result.stdout)}
        self.assertEqual(demos[self.officer[1]], self.officer[2])
        self.assertNotIn(self.charity[1], demos)
        result = self.run_db("distribution", "--add", self.charity[1], "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        on_list = {r["name"]: r["email"] for r in json.loads(result.stdout)}
        self.assertEqual(on_list, dict(demos, **{self.charity[1]: self.charity[2]}))
        # The same one twice, or someone unknown: nothing changes.
        before = self.run_db("distribution").stdout
        self.assertEqual(self.run_db("distribution", "--remove", self.charity[1], "--add",
                                     str(self.officer[0])).returncode, 1)
        self.assertEqual(self.run_db("distribution", "--add", "No Such Person").returncode, 1)
        self.assertEqual(self.run_db("distribution").stdout, before)

        args = ["circulate", "cse-list", "--date", "2026-11-23", "--send", "--out-dir", self.out]
        result = self.run_db(*args, env=self.mail_env())
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot go", result.stderr)
        self.assertEqual(list_record(), [])
        self.assertEqual(self.mails(), [])

        result = self.run_db(*args, "--reason",
                             f"{self.charity[2]}=The charity's CSE lead holds the list.",
                             env=self.mail_env())
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        mails = self.mails()
        self.assertEqual(sorted(m[-1] for m in mails), sorted(on_list.values()))
        for mail in mails:
            self.assertEqual(mail[mail.index("--subject") + 1],
                             "County-wide CSE list as of 23 November 2026")
            attached = mail[mail.index("--attach") + 1]
            self.assertEqual(os.path.basename(attached), "cse-list-2026-11-23.pdf")
            self.assertTrue(os.path.exists(attached))
        record = list_record()
        self.assertEqual(sorted(r["recipient"] for r in record), sorted(on_list.values()))
        self.assertEqual({r["list_as_at"] for r in record}, {"2026-11-23"})
        self.assertEqual(self.run_db("check").returncode, 0)

        # A copy handed over names its recipient by the id rmmctl distribution shows; an id
        # that is not on it names no one.
        result = self.run_db("circulate", "cse-list", "--date", "2026-11-23", "--out-dir",
                             self.out, "--hand-over", str(self.officer[0]), "--reason",
                             f"{self.charity[2]}=The charity's CSE lead holds the list.")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"✓ {self.officer[1]}: CSE list, Handed over", result.stdout)
        result = self.run_db("circulate", "cse-list", "--out-dir", self.out, "--hand-over",
                             str(self.lead[0] + 100000))
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not on the CSE list’s distribution", result.stderr)
        # A file that cannot be written to: said, with nothing begun.
        result = rmmctl("--read-only", "--database", self.db, "distribution", "--add",
                        str(self.lead[0]))
        self.assertEqual(result.returncode, 1)
        self.assertIn("read-only", result.stderr)
        self.assertNotIn("CRITICAL", result.stderr)

        # Taken off: the next week's list goes to the others alone.
        self.assertEqual(self.run_db("distribution", "--remove", self.charity[1]).returncode, 0)
        os.remove(self.log)
        result = self.run_db("circulate", "cse-list", "--send", "--out-dir", self.out,
                             env=self.mail_env())
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(sorted(m[-1] for m in self.mails()), sorted(demos.values()))
        self.assertEqual(len(list_record()), len(on_list) + len(demos))
        for bad in (["circulate", "cse-list", "--date", "23/11/2026"],
                    ["circulate", "cse-list", "--date", "2099-01-01"]):
            self.assertEqual(self.run_db(*bad).returncode, 1, bad)
        for bad in (["circulate", "cse-list", "--child", self.child],
                    ["circulate", "cse-list", "--outdated"],
                    ["circulate", "plan", "--child", self.child, "--date", "2026-11-23"],
                    ["circulation", "--cse-list", "--child", self.child]):
            self.assertEqual(self.run_db(*bad).returncode, 2, bad)

    def test_bad_input(self):
        self.build_network()
        cases = [
            (["circulate", "plan"], 2),
            (["circulate", "minutes", "--child", self.child], 2),
            (["circulate", "plan", "--child", "NO-SUCH-REF"], 1),
            (["circulate", "plan", "--child", self.no_plan], 1),
            (["circulate", "plan", "--child", self.child, "--hand-over", "999999"], 1),
            (["circulate", "plan", "--child", self.child, "--reason", "no-equals-sign"], 1),
            (["circulate", "plan", "--child", self.child, "--reason", "x@nowhere.example=why"],
             1),
            (["circulate", "plan", "--child", self.child, "--language", "fr"], 2),
            (["circulation"], 2),
            (["circulation", "--child", self.child, "--meeting", "1"], 2),
        ]
        for args, code in cases:
            result = self.run_db(*args, env=self.mail_env())
            self.assertEqual(result.returncode, code, args)
            self.assertIn("rmmctl", result.stderr, args)
        self.assertEqual(self.record(), [])
        self.assertEqual(self.mails(), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
