#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing referrals from CSV: time, peak memory and how long the write lock is held.

  * `rmmctl import referrals` of N generated rows (fictitious children, one in five a second
    referral of a child earlier in the file) into a small demo database, for each N in
    RMM_BENCH_IMPORT_ROWS (default "10000,100000"; add 1000000 for the million-row figure):
    wall time, peak resident memory (/usr/bin/time -v), and the time between BEGIN and
    COMMIT, which the import logs (G_MESSAGES_DEBUG=rmm-referral-import);
  * the floor: the sqlite3 shell's bare `.import` of the same file;
  * five imports of 10,000 rows each started at once on the same database
    (RMM_BENCH_IMPORT_PARALLEL, 0 for none): how many succeed, and how long each held the
    lock.

Wall time on a shared machine varies with its load, so the CPU time (user + system) is
printed beside it.

Figures, never pass/fail: run by `meson test -C _build --benchmark import`, or directly with
RMMCTL set. Set RMM_BENCH_KEEP=1 to keep the files in the temporary folder.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

RMMCTL = os.environ["RMMCTL"]
SIZES = [int(n) for n in os.environ.get("RMM_BENCH_IMPORT_ROWS", "10000,100000").split(",")]
PARALLEL = int(os.environ.get("RMM_BENCH_IMPORT_PARALLEL", "5"))

HEADER = ("child_ref,first_name,last_name,date_of_birth,area,received_at,referrer_name,"
          "referrer_agency,route,concern_summary,gender,school\r\n")
FIRST = ["Ffion", "Alys", "Rhys", "Tomos", "Siân", "Zoë", "Élan", "Owain", "Nia", "Cai",
         "Łucja", "Aoife", "Dara", "Ines", "Jonah", "Kit", "Lowri", "Macsen", "Noor", "Osian"]
LAST = ["Benchmark", "Testperson", "Ó Briain", "Fictional", "Sampleton", "Madeup",
        "Examplewood", "Nobody", "Placeholder", "Dummy"]
AGENCIES = ["Pupil Support Team", "Testshire Constabulary", "School Nursing",
            "Youth Service Example", "Hollins Park Academy"]
CONCERNS = ["Seen with older males, given gifts, missing twice",
            "Going missing overnight; new phone and clothes",
            "Disclosed contact with an adult met online",
            "Found in a car with unknown adults late at night"]


def write_csv(path, rows, prefix):
    """Row i refers child i, except every fifth row, which is a second referral of the child
    three rows before it (same reference, name and date of birth, a later time)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        lines = []
        for i in range(rows):
            k = i - 3 if i % 5 == 4 else i
            day = 1 + k % 28
            month = 1 + k % 12
            lines.append(
                f"{prefix}-{k:07d},{FIRST[k % 20]},{LAST[(k // 20) % 10]}{k % 89},"
                f"{day:02d}/{month:02d}/{2008 + k % 9},Ashdown North,"
                f"{1 + i % 28:02d}/{1 + i % 10:02d}/2026 {8 + i % 10:02d}:{i % 60:02d},"
                f"Referrer {i % 50},{AGENCIES[i % 5]},{'SPA' if i % 3 else 'lead-professional'},"
                f"\"{CONCERNS[i % 4]}\",{'female' if k % 2 else 'male'},School {k % 40}\r\n")
            if len(lines) == 10000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))


def lock_seconds(stderr):
    found = re.findall(r"write lock held for ([\d.]+) s", stderr)
    return float(found[-1]) if found else None


def import_once(db, csv):
    env = dict(os.environ, G_MESSAGES_DEBUG="rmm-referral-import")
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v", RMMCTL, "--database", db, "import",
                             "referrals", csv], capture_output=True, text=True, env=env)
    wall = time.monotonic() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    cpu = sum(float(t) for t in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)",
                                            result.stderr))
    return result, wall, cpu, int(peak.group(1)) / 1024 if peak else float("nan")


def fresh_copy(template, path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    shutil.copy(template, path)   # private, as the original


def main():
    tmp = tempfile.mkdtemp(prefix="rmm-bench-import-")
    template = os.path.join(tmp, "template.sqlite")
    subprocess.run([RMMCTL, "--database", template, "demo", "--children", "200", "--today",
                    "2026-11-23"], check=True, stdout=subprocess.DEVNULL)

    for rows in SIZES:
        csv = os.path.join(tmp, f"referrals-{rows}.csv")
        write_csv(csv, rows, "BN")
        size = os.path.getsize(csv) / 1e6
        db = os.path.join(tmp, f"import-{rows}.sqlite")
        fresh_copy(template, db)
        result, wall, cpu, peak = import_once(db, csv)
        if result.returncode != 0:
            print(f"import {rows} rows ({size:.0f} MB): FAILED: {result.stderr.strip()}")
            continue
        lock = lock_seconds(result.stderr)
        lock_text = f"{lock:.2f} s" if lock is not None else "not logged"
        print(f"import {rows} rows ({size:.1f} MB file): {wall:.2f} s "
              f"({cpu:.2f} s of CPU), {rows / wall:.0f} rows/s, peak memory {peak:.0f} MB, "
              f"write lock held {lock_text}")
        bare = os.path.join(tmp, "bare.sqlite")
        started = time.monotonic()
        subprocess.run(["sqlite3", bare, ".import --csv " + csv + " t"], check=True)
        floor = time.monotonic() - started
        os.unlink(bare)
        print(f"  floor: sqlite3 .import of the same file: {floor:.2f} s "
              f"(import / floor: {wall / floor:.0f}x)")
        if not os.environ.get("RMM_BENCH_KEEP"):
            os.unlink(csv)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.unlink(db + suffix)

    if PARALLEL > 0:
        parallel(tmp, template)
    if os.environ.get("RMM_BENCH_KEEP"):
        print(f"files kept in {tmp}")
    else:
        shutil.rmtree(tmp)
    return 0


def parallel(tmp, template):
    """Several agencies' files at once into one database."""
    db = os.path.join(tmp, "parallel.sqlite")
    fresh_copy(template, db)
    files = []
    for n in range(PARALLEL):
        csv = os.path.join(tmp, f"agency-{n}.csv")
        write_csv(csv, 10000, f"P{n}")
        files.append(csv)
    env = dict(os.environ, G_MESSAGES_DEBUG="rmm-referral-import")
    started = time.monotonic()
    running = [subprocess.Popen([RMMCTL, "--database", db, "import", "referrals", csv],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env=env) for csv in files]
    outcomes = [(p.wait(), p.stderr.read()) for p in running]
    wall = time.monotonic() - started
    ok = sum(1 for code, _ in outcomes if code == 0)
    locks = [lock_seconds(err) for code, err in outcomes if code == 0]
    print(f"{PARALLEL} imports of 10,000 rows at once: {ok} of {PARALLEL} succeeded in "
          f"{wall:.2f} s; write lock held "
          f"{', '.join(f'{t:.2f}' for t in locks if t is not None) or 'not logged'} s")
    for code, err in outcomes:
        if code != 0:
            print(f"  failed: {err.strip().splitlines()[-1]}")


if __name__ == "__main__":
    sys.exit(main())
