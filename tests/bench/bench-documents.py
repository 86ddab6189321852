#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documents that leave the room: speed and memory, as medians and ratios.

  * `rmmctl export minutes` of a 40-child meeting of the demo data, against
      - LibreOffice converting the same minutes given as HTML (what a minute-taker does
        today: type into a word processor and convert), and
      - the floor: a bare pango + cairo loop laying out the same text with no tables;
  * its peak memory (/usr/bin/time -v);
  * every open safety plan of an area, one PDF each.

Run by `meson test -C _build --benchmark` (build-aux/bench installs LibreOffice first).
Set RMM_BENCH_RUNS (default 5).
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RMMCTL = os.environ["RMMCTL"]
PEERS = os.environ["BENCH_DOCUMENTS"]
RUNS = int(os.environ.get("RMM_BENCH_RUNS", "5"))


def timed(command):
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def median_of(label, command, runs=RUNS):
    timed(command)   # warm the page cache and, for LibreOffice, its profile
    times = [timed(command) for _ in range(runs)]
    value = statistics.median(times)
    print(f"{label}: median {value * 1000:.0f} ms of {runs} "
          f"({', '.join(f'{t * 1000:.0f}' for t in times)})")
    return value


def rmmctl_json(db, *args):
    return json.loads(subprocess.run([RMMCTL, "--database", db, *args, "--format", "json"],
                                     check=True, capture_output=True, text=True).stdout)


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def main():
    tmp = tempfile.mkdtemp(prefix="rmm-bench-documents-")
    db = os.path.join(tmp, "demo.sqlite")
    subprocess.run([RMMCTL, "--database", db, "demo", "--children", "5000", "--today",
                    "2026-11-23"], check=True, stdout=subprocess.DEVNULL)
    meetings = [m for m in rmmctl_json(db, "list", "meetings") if m["status"] == "signed-off"]
    meeting = min(meetings, key=lambda m: (abs(m["children"] - 40), m["children"] < 40))
    minutes = os.path.join(tmp, "minutes.pdf")
    export = [RMMCTL, "--database", db, "export", "minutes", "--meeting", str(meeting["id"]),
              "-o", minutes]
    ours = median_of(f"rmmctl export minutes ({meeting['children']} children)", export)
    print(f"  {pages_of(minutes)} pages, {os.path.getsize(minutes) // 1024} KB")

    text = os.path.join(tmp, "minutes.txt")
    subprocess.run(["pdftotext", minutes, text], check=True)
    floor_pdf = os.path.join(tmp, "floor.pdf")
    floor = median_of("floor: the same text by a bare pango + cairo loop",
                      [PEERS, "floor", text, floor_pdf])
    print(f"  {pages_of(floor_pdf)} pages")
    print(f"minutes / floor: {ours / floor:.2f}x")

    html = os.path.join(tmp, "minutes.html")
    subprocess.run([PEERS, "html", db, str(meeting["id"]), html], check=True)
    if shutil.which("soffice"):
        profile = "file://" + os.path.join(tmp, "libreoffice-profile")
        outdir = os.path.join(tmp, "libreoffice")
        office = median_of("LibreOffice converting the same minutes from HTML",
                           ["soffice", "-env:UserInstallation=" + profile, "--headless",
                            "--convert-to", "pdf", "--outdir", outdir, html])
        print(f"  {pages_of(os.path.join(outdir, 'minutes.pdf'))} pages")
        print(f"LibreOffice / minutes: {office / ours:.1f}x")
    else:
        print("LibreOffice is not installed (build-aux/bench installs it): no comparison")

    result = subprocess.run(["/usr/bin/time", "-v", *export], capture_output=True, text=True,
                            check=True)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    print(f"peak memory of rmmctl export minutes: {peak / 1024:.0f} MB")

    areas = rmmctl_json(db, "list", "areas")
    best = None
    for area in areas:
        folder = os.path.join(tmp, "plans-" + str(area["id"]))
        command = [RMMCTL, "--database", db, "export", "safety-plan", "--area", area["name"],
                   "--all-open", "--out-dir", folder]
        n = len(subprocess.run(command, check=True, capture_output=True,
                               text=True).stdout.split())
        if best is None or n < best[1]:
            best = (area["name"], n, command)
    name, n, command = best
    plans = median_of(f"every open safety plan of {name} ({n} plans, one PDF each)", command)
    print(f"  {plans / n * 1000:.1f} ms a plan; 60 plans: {plans / n * 60:.2f} s")

    shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
