#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Welsh catalogue is whole: msgfmt --check passes, every message is translated and none
is fuzzy, and every message of the sources (po/POTFILES.in, extracted as the build does) is
in it, so a string added in English cannot reach a Welsh window untranslated."""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Meson's glib preset, and the documents' own plural function (po/meson.build).
KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3", "rmm_document_ngettext:1,2"]


def main():
    catalogue = ROOT / "po" / "cy.po"
    check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                            str(catalogue)], capture_output=True, text=True)
    statistics = check.stderr.strip().splitlines()[-1] if check.stderr.strip() else ""
    print(statistics)
    failed = check.returncode != 0 or not re.fullmatch(r"\d+ translated messages\.", statistics)
    if failed:
        print(check.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "rmm-desk.pot")
        subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "-D", str(ROOT),
                        "-f", str(ROOT / "po" / "POTFILES.in"), "-o", template]
                       + [f"--keyword={k}" for k in KEYWORDS], check=True,
                       capture_output=True)
        compare = subprocess.run(["msgcmp", "--use-untranslated", str(catalogue), template],
                                 capture_output=True, text=True)
        if compare.returncode != 0:
            print("po/cy.po lacks messages of the sources:")
            print(compare.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
