#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RMM Desk as a chair uses it, driven through AT-SPI (dogtail) inside build-aux/gui-session.

Opens a demo database of fictitious people, finds the areas and a meeting by their
accessible names, and checks what the meeting pane shows; opens a file that is not a
database and checks the message and that the file is untouched.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

os.environ.setdefault("GTK_A11Y", "atspi")

from dogtail.config import config  # noqa: E402

config.logDebugToStdOut = False
config.logDebugToFile = False
config.searchCutoffCount = 20
config.defaultDelay = 0.2

from dogtail.tree import root  # noqa: E402

RMM_DESK = os.environ["RMM_DESK"]
RMMCTL = os.environ["RMMCTL"]


def wait_for(predicate, timeout=15.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the tree changes under us while the app works
            pass
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


def find(node, role, name=None, prefix=None):
    def match(n):
        if n.roleName != role:
            return False
        if name is not None:
            return n.name == name
        if prefix is not None:
            return n.name.startswith(prefix)
        return True
    return node.findChild(match, retry=False, requireResult=False)


class App:
    def __init__(self, *args, env=None):
        full_env = dict(os.environ)
        full_env["GSETTINGS_BACKEND"] = "memory"   # the app's settings, not the session's
        full_env.update(env or {})
        self.process = subprocess.Popen([RMM_DESK, *args], env=full_env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.node = wait_for(lambda: self._find_app(), what="rmm-desk on the accessibility bus")

    def _find_app(self):
        for app in root.applications():
            if app.name == "rmm-desk":
                return app
        return None

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=10)


class MainWindowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rmm-ui-")
        cls.db = os.path.join(cls.tmp, "demo.sqlite")
        subprocess.run([RMMCTL, "--database", cls.db, "demo", "--children", "300"],
                       check=True, stdout=subprocess.DEVNULL)
        meetings = subprocess.run([RMMCTL, "--database", cls.db, "list", "meetings", "--area",
                                   "Bro Derwen", "--format", "json"], check=True,
                                  capture_output=True, text=True).stdout
        cls.bro_derwen = json.loads(meetings)
        cls.app = App("--database", cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.app.close()
        shutil.rmtree(cls.tmp)

    @staticmethod
    def meeting_rows(meetings):
        return [c for c in meetings.children
                if c.roleName == "list item" and c.name.startswith("Meeting on ")]

    def test_1_areas_are_listed_by_name(self):
        areas = wait_for(lambda: find(self.app.node, "list", name="Areas"), what="areas list")
        names = [item.name for item in areas.children]
        for area in ["Ashdown East", "Ashdown North", "Ashdown South", "Ashdown West",
                     "Bro Derwen", "Cwm Teifion"]:
            self.assertTrue(any(n.startswith(area + ",") for n in names), (area, names))
        self.assertTrue(all("children" in n for n in names))

    def test_2_demo_marker_is_shown(self):
        self.assertIsNotNone(find(self.app.node, "label",
                                  name="Demo data — fictitious people"))

    def test_3_choosing_an_area_shows_its_meetings_and_the_coming_one(self):
        areas = find(self.app.node, "list", name="Areas")
        bro_derwen = [c for c in areas.children if c.name.startswith("Bro Derwen,")][0]
        bro_derwen.select()

        coming = self.bro_derwen[0]
        self.assertEqual(coming["status"], "planned")
        meetings = wait_for(lambda: find(self.app.node, "list", name="Meetings"))
        # The coming meetings and the last half year, then more on request.
        shown = min(len(self.bro_derwen),
                    26 + sum(1 for m in self.bro_derwen if m["status"] == "planned"))
        rows = wait_for(lambda: self.meeting_rows(meetings)
                        if len(self.meeting_rows(meetings)) == shown else None,
                        what="Bro Derwen's recent meetings")
        self.assertIn("Coming", rows[0].name)
        self.assertIn("Signed off", rows[1].name)
        if shown < len(self.bro_derwen):
            find(self.app.node, "push button", prefix="Show Older Meetings").doActionNamed("click")
            wait_for(lambda: len(self.meeting_rows(meetings)) > shown, what="older meetings")

        # The coming meeting is selected: its chairs and children are on show.
        wait_for(lambda: find(self.app.node, "label", name=coming["chair_childrens_services"]),
                 what="the Children's Services chair")
        self.assertIsNotNone(find(self.app.node, "label", name=coming["chair_family_services"]))
        self.assertIsNotNone(find(self.app.node, "label", name=coming["minute_taker"]))
        self.assertIsNotNone(find(self.app.node, "label", name=str(coming["children"])))

    def test_4_choosing_a_past_meeting_shows_it(self):
        past = self.bro_derwen[3]
        meetings = find(self.app.node, "list", name="Meetings")
        row = [c for c in self.meeting_rows(meetings) if "Signed off" in c.name][2]
        row.select()
        wait_for(lambda: find(self.app.node, "label", name="Signed off"),
                 what="a signed-off meeting")
        self.assertIsNotNone(find(self.app.node, "label", name=past["chair_childrens_services"]))


class RatingTest(unittest.TestCase):
    """The two chairs confirm a child's rating, each by name; one chair alone is not enough."""

    def test_both_chairs_confirm(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "demo.sqlite")
            subprocess.run([RMMCTL, "--database", db, "demo", "--children", "200"], check=True,
                           stdout=subprocess.DEVNULL)
            app = App("--database", db)
            try:
                agenda = wait_for(lambda: find(app.node, "list", name="Agenda"))
                first = wait_for(lambda: [n for n in agenda.findChildren(
                    lambda n: n.name[:1].isdigit() and ". " in n.name)][0], what="a child")
                child = first.name.split(", ")[1]    # the reference
                find(agenda, "push button", prefix="Agenda item menu").doActionNamed("click")
                wait_for(lambda: find(app.node, "menu item", name="Rate…")).doActionNamed("click")
                dialog = wait_for(lambda: find(app.node, "frame", name="Risk Rating"))

                chair1 = wait_for(lambda: find(dialog, "push button", prefix="Confirm as "))
                chair1_name = chair1.name[len("Confirm as "):]
                chair1.doActionNamed("click")
                wait_for(lambda: find(dialog, "push button", name="Confirmed by " + chair1_name),
                         what="the first confirmation")
                wait_for(lambda: [n for n in dialog.findChildren(
                    lambda n: n.roleName == "label" and "waiting for" in n.name)],
                         what="one confirmation not to be a decision")

                find(dialog, "push button", prefix="Confirm as ").doActionNamed("click")
                wait_for(lambda: [n for n in dialog.findChildren(
                    lambda n: n.roleName == "label" and "confirmed by both chairs" in n.name)],
                         what="the rating to stand")
            finally:
                app.close()
            con = sqlite3.connect(db)
            confirmed = con.execute(
                "SELECT count(*) FROM decision d JOIN child c ON c.id = d.child_id "
                "WHERE c.reference = ? AND d.kind = 'risk-rating' AND d.status = 'confirmed' "
                "AND d.chair1_confirmed_at IS NOT NULL AND d.chair2_confirmed_at IS NOT NULL "
                "AND d.meeting_id IN (SELECT id FROM meeting WHERE status = 'planned')",
                (child,)).fetchone()[0]
            con.close()
            self.assertEqual(confirmed, 1)
            check = subprocess.run([RMMCTL, "--database", db, "check"], capture_output=True,
                                   text=True)
            self.assertEqual(check.stdout, "ok\n")


class ImportTest(unittest.TestCase):
    """An administrator imports an agency's CSV; the chairs see the children on the agenda."""

    def test_import_puts_new_children_on_the_agenda(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "demo.sqlite")
            subprocess.run([RMMCTL, "--database", db, "demo", "--children", "200"], check=True,
                           stdout=subprocess.DEVNULL)
            yesterday = time.strftime("%d/%m/%Y", time.localtime(time.time() - 86400))
            csv = os.path.join(tmp, "referrals.csv")
            with open(csv, "w", encoding="cp1252", newline="") as f:
                f.write("child_ref,first_name,last_name,date_of_birth,area,received_at,"
                        "referrer_name,referrer_agency,route,concern_summary\r\n")
                f.write(f"UI-1,Zoë,Quillfeather,03/04/2012,Ashdown North,{yesterday} 14:05,"
                        "Pat Teacher,Hollins Park Academy,SPA,\"Seen with older adults, twice\""
                        "\r\n")
                f.write(f"UI-2,Rhiannon,Ashgrove,2011-05-06,Ashdown North,{yesterday} 09:30,"
                        "PC Reed,Ashdown Constabulary,lead professional,Found in a car\r\n")
            app = App("--database", db, "--import-referrals", csv)
            try:
                dialog = wait_for(lambda: find(app.node, "frame", name="Import Referrals"),
                                  what="the import dialog")
                wait_for(lambda: find(dialog, "label", prefix="referrals.csv (Windows-1252)"),
                         what="the preview")
                self.assertIsNotNone(find(dialog, "list item", prefix="Zoë Quillfeather (UI-1)"))
                find(dialog, "push button", name="Import").doActionNamed("click")
                wait_for(lambda: find(app.node, "frame", name="Import Referrals") is None,
                         what="the dialog to close")

                areas = find(app.node, "list", name="Areas")
                [c for c in areas.children if c.name.startswith("Ashdown North,")][0].select()
                agenda = wait_for(lambda: find(app.node, "list", name="Agenda"))
                rows = wait_for(lambda: [r.name for r in agenda.findChildren(
                                             lambda n: n.name[:1].isdigit() and (
                                                 "Quillfeather" in n.name or "Ashgrove" in n.name))]
                                or None, what="the new children on the agenda")
                self.assertEqual(len(rows), 2, rows)
                self.assertTrue(all("New referral" in r and "Not rated" in r for r in rows), rows)
            finally:
                app.close()


class BadDatabaseTest(unittest.TestCase):
    def test_not_a_database_gets_a_message_and_is_untouched(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "minutes.txt")
            with open(path, "w") as f:
                f.write("These are minutes, not a database.\n")
            app = App("--database", path)
            try:
                wait_for(lambda: find(app.node, "label", name="Could Not Open the Database"),
                         what="the error dialog")
                message = wait_for(lambda: find(app.node, "label",
                                                prefix="“" + path + "” is not an RMM Desk"))
                self.assertIn("not an SQLite file", message.name)
                quit_button = find(app.node, "push button", prefix="Quit")
                quit_button.doActionNamed("click")
                self.assertEqual(app.process.wait(timeout=10), 0)
            finally:
                app.close()
            with open(path) as f:
                self.assertEqual(f.read(), "These are minutes, not a database.\n")
            self.assertEqual(sorted(os.listdir(tmp)), ["minutes.txt"])


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
