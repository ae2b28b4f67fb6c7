"""``orgplanner hosting PLAN [--catalog] [--json]``: API or self-host, for every model."""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from typing import TYPE_CHECKING

from ..formatting import tokens
from .plan_cmds import finite_or_null, load_scenario

if TYPE_CHECKING:
    from ..hosting import HostingReport, WorkloadReport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "hosting", help="API or self-host: cost curves, crossovers and a verdict per model",
        description="For every model that serves tokens in the plan's final month: what a month "
                    "of its tokens would cost on each API model (a price per token) and on each "
                    "self-hosted fleet (whole replicas sized for peak: cloud rent, or owned "
                    "depreciation, energy and overhead), from 100x below to 100x above the "
                    "plan's volume, at month-1 prices; where self-hosting becomes cheaper than "
                    "each API model; and a verdict in words.")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("--scenario", metavar="ID", help="analyse one of the plan's scenarios")
    p.add_argument("--catalog", action="store_true",
                   help="also compare with the catalog's API models and self-hosted set-ups")
    p.add_argument("--json", action="store_true",
                   help="print the curves, crossovers and verdicts as JSON on stdout")
    p.set_defaults(handler=run_hosting)


def run_hosting(args: argparse.Namespace) -> int:
    from ..hosting import analyse

    _, plan = load_scenario(args.plan, args.scenario)
    report = analyse(plan, catalog=args.catalog)
    if args.json:
        json.dump(finite_or_null(report.to_json())[0], sys.stdout, indent=1, allow_nan=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(hosting_text(report))
    return 0


def _volume(x: float | None) -> str:
    return "never" if x is None else tokens(x)


def workload_text(w: WorkloadReport, currency: str) -> list[str]:
    from ..hosting.words import cost

    wl = w.workload
    kind = f"self-hosted on {wl.gpu}" if wl.hosting == "self" else "API"
    out = [f"{wl.model} ({kind})",
           f"  {tokens(wl.tokens)} tokens a month in month {wl.month} ({w.month_label}); "
           f"{tokens(w.tokens_month_1)} in month 1",
           f"  Mix: {wl.mix.describe()}", ""]
    apis, fleets = w.shown()
    head = ["tokens/month"] + [a.label for a in apis] + [f.label for f in fleets]
    decades = [v for v in w.grid.tolist() if math.isclose(math.log10(v), round(math.log10(v)),
                                                          abs_tol=1e-9)]
    ends = {float(w.grid[0]), float(w.grid[-1])}
    volumes = sorted(set(decades) | ends | {wl.tokens})
    rows = []
    for v in volumes:
        mark = " (plan)" if v == wl.tokens else ""
        cells = [tokens(v) + mark]
        cells += [cost(float(a.cost(v, wl.mix)), currency) for a in apis]
        cells += [f"{cost(float(f.cost(v, wl.mix)), currency)} ({float(f.gpus(v, wl.mix)):,.0f})"
                  for f in fleets]
        rows.append(cells)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        out.append("  " + "  ".join(c.rjust(wd) if i else c.ljust(wd)
                                    for i, (c, wd) in enumerate(zip(r, widths))))
    out.append("  (a fleet's cell: cost a month (GPUs))")
    out += ["", "  Self-hosting becomes cheaper than each API model from (tokens a month):"]
    for f in fleets:
        parts = []
        for a in apis:
            x = w.crossover_of(f, a)
            text = f"{a.label} {_volume(x.cheaper_from)}"
            if x.cheaper_from is not None and x.always_cheaper_from != x.cheaper_from:
                text += f" (for good from {_volume(x.always_cheaper_from)})"
            parts.append(text)
        out.append(f"    {f.label}: " + ", ".join(parts))
    out += ["", *textwrap.wrap(w.verdict, 100, initial_indent="  ", subsequent_indent="  "), ""]
    return out


def hosting_text(report: HostingReport) -> str:
    from ..hosting import PRICES
    from ..textsafe import plain_text

    head = f"{report.name}: API or self-host? Costs a month in {report.currency} at {PRICES}."
    out = [*textwrap.wrap(head, 100), ""]
    if report.note:
        out.append(report.note)
    for w in report.workloads:
        out += workload_text(w, report.currency)
    return plain_text("\n".join(out).rstrip() + "\n")
