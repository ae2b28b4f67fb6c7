"""Run every benchmark module in turn (``make bench``), or those named on the command line."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import bench


def main(names: list[str]) -> int:
    """Run the benchmarks, then print one table of every figure (ratio, target, met or not) and
    write it to bench/results.md (when every benchmark ran)."""
    from pathlib import Path

    from bench.table import Row, render, write

    mods = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_"))
    if names:
        mods = [m for m in mods if any(n in m for n in names)]
    failed = 0
    rows: list[Row] = []
    for name in mods:
        print(f"\n=== {name} ===", flush=True)
        t0 = time.perf_counter()
        try:
            rows += importlib.import_module(f"bench.{name}").main() or []
        except Exception as exc:  # noqa: BLE001 - report and go on with the next benchmark
            failed += 1
            print(f"{name} FAILED: {type(exc).__name__}: {exc}")
        print(f"({name}: {time.perf_counter() - t0:.1f} s)", flush=True)
    print("\n" + render(rows))
    if not names:
        write(rows, Path(bench.__file__).resolve().parent / "results.md")
        print("\n(written to bench/results.md)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
