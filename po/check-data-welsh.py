#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every label the app reads from data/ has its Welsh: the frameworks' names and level labels,
the trigger rules' titles and explanations each have a non-empty KEY[cy] beside KEY, so a
Welsh window and Welsh documents never fall back to English for them. A missing one is named:
file, group and key."""

import configparser
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The keys RMM Desk reads with g_key_file_get_locale_string ().
LOCALISED = {"Name", "Label", "Title", "Explanation"}


def main():
    missing = []
    files = sorted((ROOT / "data" / "frameworks").glob("*.ini")) + \
        sorted((ROOT / "data" / "triggers").glob("*.ini"))
    for path in files:
        parser = configparser.RawConfigParser(strict=True, interpolation=None)
        parser.optionxform = str
        parser.read(path, encoding="utf-8")
        for group in parser.sections():
            for key, value in parser.items(group):
                if key not in LOCALISED:
                    continue
                welsh = parser.get(group, f"{key}[cy]", fallback="").strip()
                if not welsh:
                    missing.append(f"{path.relative_to(ROOT)}: [{group}] {key} has no {key}[cy]")
                elif welsh == value.strip() and key != "Name":
                    missing.append(f"{path.relative_to(ROOT)}: [{group}] {key}[cy] is the English")
    for line in missing:
        print(line)
    print(f"{len(files)} data files checked, {len(missing)} labels without their Welsh")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
