"""Risk benchmarks (MODEL.md section 7 on the batch kernel).

(a) 10,000 Monte Carlo draws on Northwind with 6 ranges (target < 1.5 s), and the whole
    ``orgplanner risk`` process against one ``orgplanner summary`` process (target <= 4x);
    the cost of one draw against one deterministic compute;
(b) 1,000 draws on the 10,000-team bench plan (target < 60 s, peak memory < 4 GB; a fresh
    process, so the peak is its own);
(c) tornado + the four bets + break-even on Northwind (target < 1 s).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import median_seconds

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "northwind.orgplan.json"

# Six ranges over Northwind's main uncertainties (used when the example has fewer of its own).
RANGES = [
    {"path": "workflows[*].ai.adoption", "low_scale": 0.5, "high_scale": 1.2},
    {"path": "workflows[*].ai.time_saved", "low_scale": 0.4, "high_scale": 1.3},
    {"path": "settings.price_decline_per_year", "low": -0.3, "high": 0.5},
    {"path": "settings.token_growth_per_year", "low": 0.2, "high": 3},
    {"path": "teams[support].roles[Support agent].annual_cost", "low_scale": 0.9,
     "high_scale": 1.1},
    {"path": "settings.volume_growth_per_year", "low": -0.1, "high": 0.2},
]


def northwind_with_ranges() -> dict:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if len(data.get("ranges") or []) < 6:
        data["ranges"] = RANGES
    return data


def _process(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "planner", *args], cwd=ROOT, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


_BIG = """
import json, sys, time
from bench.plans import big_plan_data
from bench.bench_risk import RANGES
from bench.measure import peak_kb
data = big_plan_data()
data["ranges"] = [RANGES[0], RANGES[1], RANGES[2], RANGES[3], RANGES[5],
                  {"path": "teams[*].roles[Specialist].annual_cost", "low_scale": 0.9,
                   "high_scale": 1.1}]
from planner.model import parse_plan
from planner.engine import prepare
from planner.risk.analyses import monte_carlo
from planner.risk.slots import range_slots
plan = parse_plan(data)
inputs = prepare(plan)
ranges = range_slots(data)
t = time.perf_counter()
mc = monte_carlo(inputs, ranges, draws=1000, seed=1)
elapsed = time.perf_counter() - t
print(json.dumps({"seconds": elapsed, "peak_kb": peak_kb(),
                  "p50_npv": mc.percentiles()["npv_net_cash"]["p50"]}))
"""


def main() -> list:
    from bench.table import Row
    from planner.engine import compute, prepare
    from planner.model import parse_plan
    from planner.risk import analyse
    from planner.risk.analyses import bets, break_even, monte_carlo, tornado
    from planner.risk.report import stress_values
    from planner.risk.slots import range_slots

    data = northwind_with_ranges()
    plan = parse_plan(data)
    inputs = prepare(plan)
    ranges = range_slots(data)
    mc = median_seconds(lambda: monte_carlo(inputs, ranges, draws=10_000, seed=1), runs=3)
    one = median_seconds(lambda: compute(plan).summary, runs=20)
    print(f"(a) 10,000 draws, {len(ranges)} ranges on Northwind: {mc:.3f} s "
          f"(target < 1.5 s: {'OK' if mc < 1.5 else 'MISSED'}); per draw {mc / 10_000 * 1e6:.0f} us "
          f"vs one deterministic compute() + summary {one * 1000:.1f} ms "
          f"({one / (mc / 10_000):.0f}x cheaper per draw)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "northwind-ranges.orgplan.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        risk_s = _process(["risk", str(path), "--draws", "10000", "--json"], runs=3)
        summary_s = _process(["summary", str(path), "--json"], runs=3)
    ratio = risk_s / summary_s
    print(f"    orgplanner risk (10,000 draws, tornado, bets, break-even): {risk_s:.2f} s vs "
          f"orgplanner summary {summary_s:.2f} s as whole processes: {ratio:.2f}x "
          f"(target <= 4x: {'OK' if ratio <= 4 else 'MISSED'})")

    stress = stress_values(data)
    rest = median_seconds(lambda: (tornado(inputs, ranges), bets(inputs, stress), break_even(inputs)))
    print(f"(c) tornado + four bets + break-even on Northwind: {rest * 1000:.0f} ms "
          f"(target < 1 s: {'OK' if rest < 1 else 'MISSED'})")
    _ = analyse  # the whole analysis is what the CLI timing above runs

    proc = subprocess.run([sys.executable, "-c", _BIG], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    big = json.loads(proc.stdout.strip().splitlines()[-1])
    gb = big["peak_kb"] / 1024 / 1024
    print(f"(b) 1,000 draws on the 10,000-team bench plan: {big['seconds']:.1f} s "
          f"(target < 60 s: {'OK' if big['seconds'] < 60 else 'MISSED'}), peak memory "
          f"{gb:.2f} GB (target < 4 GB: {'OK' if gb < 4 else 'MISSED'})")
    per_draw = mc / 10_000
    return [
        Row(f"Monte Carlo: 10,000 draws on Northwind, {len(ranges)} ranges", f"{mc:.2f} s",
            f"{per_draw * 1e6:.0f} us a draw, {one / per_draw:.0f}x less than one compute()",
            "< 1.5 s", mc < 1.5),
        Row("orgplanner risk (10,000 draws) vs orgplanner summary, whole processes",
            f"{risk_s:.2f} s vs {summary_s:.2f} s", f"{ratio:.2f}x", "<= 4x", ratio <= 4),
        Row("Monte Carlo: 1,000 draws on the 10,000-team plan", f"{big['seconds']:.1f} s",
            f"peak {gb:.2f} GB", "< 60 s, < 4 GB", big["seconds"] < 60 and gb < 4),
        Row("Tornado + four bets + break-even on Northwind", f"{rest * 1000:.0f} ms", "-",
            "< 1 s", rest < 1),
    ]


if __name__ == "__main__":
    main()
