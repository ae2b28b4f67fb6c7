"""``orgplanner compare PLAN`` and ``orgplanner risk PLAN``: scenarios side by side, and what
happens when the plan's bets fail (MODEL.md sections 6-7)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from ..formatting import below_again, money, percent, smart
from .common import CliError
from .plan_cmds import load_scenario

COMPARE_ROWS = (
    ("Headcount (final)", lambda s: s["final"]["headcount"], "count"),
    ("  without AI", lambda s: s["final"]["headcount_without_ai"], "count"),
    ("Managers (final)", lambda s: s["final"]["managers"], "count"),
    ("Layers (final)", lambda s: s["final"]["layers"], "int"),
    ("Payroll per year (final)", lambda s: s["final"]["payroll_annual"], "money"),
    ("Compute per month (final)", lambda s: s["final"]["compute_per_month"], "money"),
    ("Compute / payroll", lambda s: s["final"]["compute_to_payroll"], "pct"),
    ("NPV of net cash", lambda s: s["npv_net_cash"], "money"),
    ("Cumulative net cash", lambda s: s["cumulative_net_cash"], "money"),
    ("Payback month", lambda s: s["payback_month"], "int"),
)


BELOW_AGAIN = ("* the running net cash reaches 0 in that month but is below 0 again by the "
               "end: the plan does not stay paid back")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="the plan's scenarios side by side",
                       description="Compute the baseline and every scenario of the plan and show "
                                   "their headline figures side by side, with the change from "
                                   "the baseline.")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("--json", action="store_true", help="print every scenario's summary as JSON")
    p.set_defaults(handler=run_compare)

    p = sub.add_parser("risk", help="Monte Carlo, tornado, the four bets and break-even",
                       description="How sure is the plan? Draws the plan's ranges (Monte Carlo), "
                                   "swings each ranged input (tornado), stresses the four bets "
                                   "(demand, pricing, productivity, infrastructure) and finds "
                                   "break-even values.")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("--scenario", metavar="ID", help="analyse one of the plan's scenarios")
    p.add_argument("--draws", type=int, default=10_000, metavar="N",
                   help="Monte Carlo draws (default 10,000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument("--json", action="store_true", help="print the MODEL.md risk object as JSON")
    p.set_defaults(handler=run_risk)

    # Listed here for --help; `orgplanner brief` is routed by planner.launch to the PDF writer
    # in planner.ui.brief (the core never imports Qt).
    p = sub.add_parser("brief", help="the one-page leadership brief as a PDF (-o OUT.pdf)",
                       description="Write the plan's one-page leadership brief as a PDF. Run "
                                   "`orgplanner brief --help` for its options.")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(handler=_brief_elsewhere)


def _brief_elsewhere(args: argparse.Namespace) -> int:
    raise CliError("the brief is drawn by the app's PDF writer: run it as "
                   "`orgplanner brief PLAN -o OUT.pdf` (or `python -m planner brief ...`)")


def _fmt(v: Any, kind: str, cur: str) -> str:
    if v is None:
        return "–"
    if kind == "money":
        return money(v, cur, short=True)
    if kind == "pct":
        return percent(v, 1)
    if kind == "int":
        return str(int(v))
    return smart(v)


def _delta(v: Any, base: Any, kind: str, cur: str) -> str:
    if v is None or base is None:
        return ""
    d = v - base
    if abs(d) < 1e-9:
        return "="
    if kind == "money":
        return money(d, cur, short=True, sign=True)
    if kind == "pct":
        return f"{d * 100:+.1f} pt"
    if kind == "int":
        return f"{int(d):+d}"
    return f"{d:+,.1f}".replace(".0", "") if abs(d - round(d)) < 1e-9 else f"{d:+,.1f}"


def run_compare(args: argparse.Namespace) -> int:
    from ..risk import compare

    data, _ = load_scenario(args.plan, None)
    rows = compare(data, source=Path(args.plan).name)
    if args.json:
        json.dump([{"id": r.id, "name": r.name, "summary": r.summary} for r in rows], sys.stdout,
                  indent=1, allow_nan=False)
        sys.stdout.write("\n")
        return 0
    cur = rows[0].summary["currency"]
    base = rows[0].summary
    width = 28
    col = 26
    head = f"{'':<{width}}" + "".join(f"{r.name[:col - 2]:>{col}}" for r in rows)
    out = [f"{base['name']}: {len(rows) - 1} scenario(s) beside the baseline", "", head]
    below = False
    for label, get, kind in COMPARE_ROWS:
        line = f"{label:<{width}}"
        for i, r in enumerate(rows):
            v = get(r.summary)
            text = _fmt(v, kind, cur)
            if label == "Payback month" and v is not None and below_again(r.summary["cumulative_net_cash"]):
                text += "*"
                below = True
            if i:
                d = _delta(v, get(base), kind, cur)
                text = f"{text} ({d})" if d else text
            line += f"{text:>{col}}"
        out.append(line)
    if below:
        out.append(BELOW_AGAIN)
    if len(rows) == 1:
        out += ["", "The plan has no scenarios yet: add them in the app (Scenario > New) or under "
                '"scenarios" in the file.']
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def run_risk(args: argparse.Namespace) -> int:
    from ..risk import analyse
    from ..risk.words import (
        BET_LABELS,
        bet_label,
        break_even_sentences,
        path_words,
        payback_odds,
        range_words,
    )

    if args.draws < 1 or args.draws > 1_000_000:
        raise CliError("--draws must be between 1 and 1,000,000")
    data, plan = load_scenario(args.plan, args.scenario)
    started = time.perf_counter()
    shown = [0.0]

    def progress(fraction: float, text: str) -> None:
        """Progress on stderr once a run has taken a second, at most twice a second."""
        now = time.perf_counter()
        if now - started > 1.0 and now - shown[0] > 0.5:
            shown[0] = now
            end = "" if sys.stderr.isatty() else "\n"
            lead = "\r" if sys.stderr.isatty() else ""
            print(f"{lead}{fraction * 100:3.0f}% {text}", end=end, file=sys.stderr, flush=True)

    report = analyse(data, scenario=args.scenario, draws=args.draws, seed=args.seed,
                     progress=progress)
    if shown[0] and sys.stderr.isatty():
        print("", file=sys.stderr)
    j = report.to_json()
    if args.json:
        json.dump(j, sys.stdout, indent=1, allow_nan=False)
        sys.stdout.write("\n")
        return 0
    cur = plan.currency
    H = plan.settings.horizon_months
    pc = j["percentiles"]
    out = [f"{plan.name} ({report.scenario}): {j['draws']:,} draws, seed {j['seed']}, "
           f"{report.ranges} ranged input(s)", ""]
    out.append(f"{'':<28}{'P10':>14}{'P50':>14}{'P90':>14}")
    for key, label, kind in (("npv_net_cash", "NPV of net cash", "money"),
                             ("cumulative_net_cash", "Cumulative net cash", "money"),
                             ("headcount", f"Headcount (month {H})", "count"),
                             ("fte_freed", "FTE freed", "count"),
                             ("compute_per_month", "Compute per month", "money"),
                             ("payback_month", "Payback month", "int")):
        out.append(f"{label:<28}" + "".join(f"{_fmt(pc[key][q], kind, cur):>14}"
                                            for q in ("p10", "p50", "p90")))
    out.append(payback_odds(j["payback_probability"], j["below_again_probability"], H, "draws"))
    if j["tornado"]:
        out += ["", f"{'Tornado: NPV with each ranged input at its':<50}{'low end':>10}"
                f"{'high end':>10}"]
        for row in j["tornado"]:
            # the input in words, then its range and its path in the file for experts
            out.append(f"  {path_words(row['path'])[:46]:<48}"
                       f"{money(row['value_low'], cur, short=True):>10}"
                       f"{money(row['value_high'], cur, short=True):>10}"
                       f"   swing {money(row['swing'], cur, short=True)}")
            out.append(f"      {range_words(row['path'], row['low'], row['high'], scale=row['scale'])}"
                       f"  [{row['path']}]")
    else:
        out += ["", "No ranges: add some (\"ranges\" in the file, or Set range... in the app) for "
                "a Monte Carlo spread and a tornado."]
    below = False
    out += ["", f"{'The four bets':<44}{'NPV':>10}{'payback':>10}{'headcount':>11}"
            f"{'compute/payroll':>17}"]
    for row in j["bets"]:
        label = bet_label(row["bet"], report.stress) if row["bet"] in BET_LABELS else row["bet"]
        pb = f"month {row['payback_month']}" if row["payback_month"] else "never"
        if row["payback_month"] and below_again(row["cumulative_net_cash"]):
            pb += "*"
            below = True
        out.append(f"  {label[:42]:<42}{money(row['npv_net_cash'], cur, short=True):>10}"
                   f"{pb:>10}{smart(row['headcount']):>11}"
                   f"{percent(row['compute_to_payroll'], 1):>17}")
    if below:
        out.append(BELOW_AGAIN)
    out += ["", "Break-even:"] + [f"  {s}" for s in break_even_sentences(j["break_even"])]
    sys.stdout.write("\n".join(out) + "\n")
    return 0

