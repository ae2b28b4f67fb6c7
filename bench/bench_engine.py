"""Engine benchmark: compute() on the 10,000-team, 50,000-workflow, 36-month plan.

Prints the median run time (target < 0.5 s) and the speed-up over the plain
per-workflow, per-month Python loop of the same formulas (target >= 30x).
"""

from __future__ import annotations

import statistics
import time

from bench.plans import big_plan


def main() -> None:
    from planner.engine import compute
    from planner.engine.reference import reference_compute

    t0 = time.perf_counter()
    plan = big_plan()
    print(f"plan: {len(plan.teams):,} teams, {len(plan.workflows):,} workflows, "
          f"{plan.settings.horizon_months} months (generated and validated in {time.perf_counter() - t0:.2f} s)")
    compute(plan)  # warm-up
    runs = []
    for _ in range(7):
        t = time.perf_counter()
        result = compute(plan)
        _ = result.summary
        runs.append(time.perf_counter() - t)
    med = statistics.median(runs)
    print(f"compute() + summary: median {med:.3f} s, best {min(runs):.3f} s over {len(runs)} runs "
          f"(target < 0.5 s: {'OK' if med < 0.5 else 'MISSED'})")
    t = time.perf_counter()
    ref = reference_compute(plan)
    loop = time.perf_counter() - t
    print(f"plain Python loop (planner.engine.reference): {loop:.2f} s")
    print(f"speed-up: {loop / med:.0f}x (target >= 30x: {'OK' if loop / med >= 30 else 'MISSED'})")
    a, b = result.summary["cumulative_net_cash"], ref["cumulative_net_cash"]
    print(f"agreement: cumulative net cash {a:,.2f} vs {b:,.2f} (rel diff {abs(a - b) / max(1.0, abs(b)):.1e})")


if __name__ == "__main__":
    main()
