"""Engine benchmark: compute() on the 10,000-team, 50,000-workflow, 36-month plan.

Prints the median run time of ``compute()`` + summary (three organisations: the plan, AI
only, without AI; target < 0.3 s) and, on the 2,000-team plan, the speed-up over the plain
per-team, per-workflow, per-month loops of MODEL.md (``tests/engine/reference.py``, the test
oracle; target >= 100x).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.measure import median_seconds
from bench.plans import big_plan


def _reference():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "engine"))
    from reference import reference_summary

    return reference_summary


def main() -> list:
    from bench.table import Row
    from planner.engine import compute

    t0 = time.perf_counter()
    plan = big_plan()
    print(f"plan: {len(plan.teams):,} teams, {len(plan.workflows):,} workflows, "
          f"{plan.settings.horizon_months} months (generated and validated in {time.perf_counter() - t0:.2f} s)")
    med = median_seconds(lambda: compute(plan).summary)
    print(f"compute() + summary: median {med:.3f} s (target < 0.3 s: {'OK' if med < 0.3 else 'MISSED'})")

    small = big_plan(teams=2_000, workflows=10_000)
    fast = median_seconds(lambda: compute(small).summary)
    reference_summary = _reference()
    t = time.perf_counter()
    ref = reference_summary(small)
    loop = time.perf_counter() - t
    print(f"2,000-team plan: compute() + summary {fast * 1000:.1f} ms; plain loops (MODEL.md as "
          f"written) {loop:.2f} s")
    print(f"speed-up: {loop / fast:.0f}x (target >= 100x: {'OK' if loop / fast >= 100 else 'MISSED'})")
    from planner.engine.inputs import prepare

    read = median_seconds(lambda: prepare(small))
    print(f"  of which reading the plan's {len(small.workflows):,} workflow and {len(small.teams):,} "
          f"team objects into arrays (prepare): {read * 1000:.1f} ms; the array formulas and the "
          f"summary: {(fast - read) * 1000:.1f} ms ({loop / max(fast - read, 1e-9):.0f}x the loops)")
    a, b = compute(small).summary["npv_net_cash"], ref["npv_net_cash"]
    print(f"agreement: NPV {a:,.2f} vs {b:,.2f} (rel diff {abs(a - b) / max(1.0, abs(b)):.1e})")
    return [
        Row("Engine: compute() + summary, 10,000 teams / 50,000 workflows / 36 months",
            f"{med:.3f} s", "-", "< 0.3 s", med < 0.3),
        Row("Engine vs the plain-loop reference, 2,000-team plan", f"{fast * 1000:.1f} ms",
            f"{loop / fast:.0f}x faster than {loop:.2f} s (reading the plan's objects: "
            f"{read * 1000:.0f} ms)", ">= 100x", loop / fast >= 100),
    ]


if __name__ == "__main__":
    main()
