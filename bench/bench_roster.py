"""Roster import: read, check, spans and layers of a generated 100,000-person CSV roster.

Each measurement runs in a fresh Python process so that its peak memory is its own (VmHWM
from /proc: Linux carries ru_maxrss over from the parent across fork and exec, so after the
Excel benchmark it would report that benchmark's peak); the time excludes importing pandas. The target: under 3 s and under 1 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PEOPLE = 100_000
RUNS = 3

_IMPORT = """
import json, sys, time
import pandas, numpy, openpyxl
from bench.measure import peak_kb
path = sys.argv[1]
base = peak_kb()
"""

_ROSTER = _IMPORT + """
from planner.io.roster import analyse, build_roster, read_table, resolve_mapping
t0 = time.perf_counter()
table = read_table(path)
t1 = time.perf_counter()
roster = build_roster(table, resolve_mapping(table))
t2 = time.perf_counter()
a = analyse(roster)
t3 = time.perf_counter()
print(json.dumps({"read": t1 - t0, "check": t2 - t1, "analyse": t3 - t2, "total": t3 - t0,
                  "rss_kb": peak_kb(), "base_kb": base,
                  "employees": a.employees, "layers": a.layers, "problems": len(roster.messages)}))
"""

_BARE = _IMPORT + """
t0 = time.perf_counter()
df = pandas.read_csv(path)
t1 = time.perf_counter()
print(json.dumps({"total": t1 - t0, "rss_kb": peak_kb(),
                  "base_kb": base}))
"""


def _run(code: str, path: Path) -> dict:
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          cwd=root, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> list:
    from bench.table import Row
    from planner.io.roster.synthetic import generate_roster

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster_100k.csv"
        generate_roster(path, PEOPLE, bad_rows=10)
        size_mb = path.stat().st_size / 1e6
        roster = [_run(_ROSTER, path) for _ in range(RUNS)]
        bare = [_run(_BARE, path) for _ in range(RUNS)]
    best = min(roster, key=lambda r: r["total"])
    bare_best = min(bare, key=lambda r: r["total"])
    peak_mb = max(r["rss_kb"] for r in roster) / 1024
    base_mb = best["base_kb"] / 1024
    print(f"roster: {PEOPLE:,} people, {size_mb:.1f} MB CSV, 10 bad rows "
          f"({best['problems']} problems reported, {best['employees']:,} kept, {best['layers']} layers)")
    print(f"read + check + spans + layers: {best['total']:.2f} s (best of {RUNS}: read "
          f"{best['read']:.2f}, check {best['check']:.2f}, analyse {best['analyse']:.2f})  target < 3 s")
    print(f"peak memory: {peak_mb:.0f} MB RSS ({peak_mb - base_mb:.0f} MB above the "
          f"{base_mb:.0f} MB of Python + pandas)  target < 1024 MB")
    print(f"bare pandas.read_csv: {bare_best['total']:.2f} s, peak {bare_best['rss_kb'] / 1024:.0f} MB")
    print(f"ratio to bare read_csv: {best['total'] / bare_best['total']:.1f}x")
    status = "OK" if best["total"] < 3 and peak_mb < 1024 else "OVER TARGET"
    print(f"status: {status}")
    return [Row(f"Roster: read, check, spans and layers of {PEOPLE:,} people (CSV)",
                f"{best['total']:.2f} s, peak {peak_mb:.0f} MB",
                f"{best['total'] / bare_best['total']:.1f}x a bare pandas.read_csv",
                "< 3 s, < 1 GB", best["total"] < 3 and peak_mb < 1024)]


if __name__ == "__main__":
    main()
