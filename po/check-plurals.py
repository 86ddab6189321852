#!/usr/bin/env python3
"""Every count shown to people goes through ngettext.

"1 indicators" reads wrong in English and is worse in Welsh, which has six plural forms: a
message that puts a number before a plural noun must be g_dngettext's, not _()'s. This finds
_("…%u referrals…") in the sources and names each, so the pattern cannot come back.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALL = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_)\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
# A number, then up to two words, the last a plural noun: "%u referrals", "%u new children".
COUNTED_PLURAL = re.compile(r'%(?:\'?l{0,2}[ud]|" G_G[A-Z0-9_]+ ")\s+(?:[a-z-]+\s+)?'
                            r'(?:[a-z-]+(?<!s)s|children|people)\b')
ALLOWED = {
    # Units, not counted nouns.
    "min",
    # Verbs after a line or character number: "line %u has", "character %u is".
    "is", "has", "was", "does",
}


def main():
    found = []
    for path in sorted((ROOT / "src").rglob("*.c")):
        text = path.read_text(encoding="utf-8")
        for call in CALL.finditer(text):
            message = "".join(LITERAL.findall(call.group(1)))
            match = COUNTED_PLURAL.search(message)
            if match and match.group(0).split()[-1] not in ALLOWED:
                line = text.count("\n", 0, call.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: “{message}” counts "
                             f"“{match.group(0)}” without ngettext")
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
