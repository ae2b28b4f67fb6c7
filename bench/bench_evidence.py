"""Evidence warnings and the API-or-self-host report on the 10,000-team, 50,000-workflow plan.

The app calls ``evidence_warnings(plan, result)`` after every edit: target well under 100 ms
on a 10,000-team plan. Two versions of the bench plan: as generated (random values that
contradict the evidence in ~30,000 places, so the time is mostly writing those messages),
and with its values inside the evidence (time saved <= 20%, adoption ramped, workloads
within each team's hours).
"""

from __future__ import annotations

import copy

from bench.measure import median_seconds
from bench.plans import big_plan_data


def _median_ms(fn, runs: int = 7) -> float:
    return median_seconds(fn, runs) * 1000


def sensible(data: dict) -> dict:
    out = copy.deepcopy(data)
    for w in out["workflows"]:
        ai = w["ai"]
        ai.update(time_saved=min(ai["time_saved"], 0.2), review_overhead=min(ai["review_overhead"], 0.02),
                  ramp_months=max(6, ai["ramp_months"]))
        w.update(volume_per_month=min(w["volume_per_month"], 200),
                 minutes_per_unit=min(w["minutes_per_unit"], 30))
    out["settings"]["price_decline_per_year"] = 0.0
    return out


def main() -> list:
    from bench.table import Row
    from planner.engine import compute
    from planner.hosting import analyse
    from planner.model import parse_plan
    from planner.model.evidence import evidence_warnings

    data = big_plan_data()
    rows = []
    for label, d in (("as generated", data), ("values inside the evidence", sensible(data))):
        plan = parse_plan(d)
        result = compute(plan)
        n = len(evidence_warnings(plan, result))
        ms = _median_ms(lambda plan=plan, result=result: evidence_warnings(plan, result))
        print(f"evidence_warnings, 10,000 teams, {label}: {n:,} warnings, median {ms:.1f} ms "
              f"(target < 100 ms: {'OK' if ms < 100 else 'MISSED'})")
        rows.append(Row(f"Evidence warnings, 10,000-team plan ({label}: {n:,} warnings)",
                        f"{ms:.1f} ms", "-", "< 100 ms (after each edit)", ms < 100))
    ms = _median_ms(lambda: analyse(result), runs=3)
    print(f"hosting analyse (6 models, from the Result): median {ms:.1f} ms")
    rows.append(Row("API or self-host analysis, 10,000-team plan", f"{ms:.1f} ms", "-", "-", None))
    return rows


if __name__ == "__main__":
    main()
