#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with a translatable string is in po/POTFILES.in, and every file listed exists:
a string left out is a string never translated (Welsh comes next)."""

import glob
import os
import re
import sys

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
listed = set()
with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

marker = re.compile(r'translatable="yes"|\bN?_\("')
found = set()
for pattern in ("src/**/*.c", "ui/*.ui", "ui/gtk/*.ui", "data/*.in", "data/*.gschema.xml"):
    for path in glob.glob(os.path.join(top, pattern), recursive=True):
        with open(path, encoding="utf-8") as f:
            if marker.search(f.read()):
                found.add(os.path.relpath(path, top))

missing = sorted(found - listed)
gone = sorted(p for p in listed if not os.path.exists(os.path.join(top, p)))
for path in missing:
    print(f"po/POTFILES.in: {path} has translatable strings but is not listed")
for path in gone:
    print(f"po/POTFILES.in: {path} is listed but does not exist")
sys.exit(1 if missing or gone else 0)
