"""What the one-page leadership brief says, computed from a plan (Qt-free).

Every figure is the engine's, formatted once here so that the printed brief and its tests
read the same text. The drawing (a PDF made with Qt's own writer) is in
:mod:`planner.ui.brief`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import __version__
from ..formatting import below_again, money, percent, ratio, smart
from ..formatting import payback as payback_text

LIMITS = ("The model frees individual-work hours only (meetings fall only when the structure "
          "changes); people leave in whole units; compute prices are list prices (no "
          "long-context, cache-write or batch tiers); savings are payroll against the same "
          "organisation without AI, before tax. Formulas: docs/model.md.")


@dataclass
class Tile:
    label: str
    value: str
    detail: str = ""


@dataclass
class BriefContent:
    title: str
    subtitle: str
    currency: str
    tiles: list[Tile]
    months: list[str]
    headcount: np.ndarray            # the plan, months 0..H
    headcount_without_ai: np.ndarray
    headcount_today: float
    cumulative_cash: np.ndarray      # months 1..H
    payback_month: int | None
    fan: list[dict[str, float]] = field(default_factory=list)
    scenario_head: list[str] = field(default_factory=list)
    scenario_rows: list[list[str]] = field(default_factory=list)
    bets_head: list[str] = field(default_factory=list)
    bets_rows: list[list[str]] = field(default_factory=list)
    break_even: list[str] = field(default_factory=list)
    monte_carlo: str = ""
    warnings: list[str] = field(default_factory=list)
    footnote: str = LIMITS


def _tiles(s: dict[str, Any], cur: str, rate: float | None = None) -> list[Tile]:
    b, f = s["baseline"], s["final"]
    H = s["horizon_months"]
    monthly = s["monthly"]
    payback = s["payback_month"]
    still = all(abs(row["net_cash"]) < 1e-6 for row in monthly)
    when = (monthly[payback - 1]["month"] if payback else
            "nothing changes" if still else "not within the horizon")
    if payback and below_again(s["cumulative_net_cash"]):
        when = f"{when}\nbelow 0 by month {H}"
    return [
        Tile("Headcount", f"{smart(b['headcount'])} → {smart(f['headcount'])}",
             f"{smart(f['headcount_without_ai'])} without AI in month {H}"),
        Tile("Compression", ratio(s["compression_ratio"]), "without AI ÷ with it"),
        Tile("Layers (team tree)", f"{b['layers']} → {f['layers']}",
             f"span of control {f['avg_span']:.1f}" if f["avg_span"] is not None else ""),
        Tile("Saved from AI", money(s["cumulative_savings_from_ai"], cur, short=True),
             f"payroll over {H} months"),
        Tile("Saved from structure", money(s["cumulative_savings_from_structure"], cur,
                                           short=True), "span changes"),
        Tile("Compute / month", money(f["compute_per_month"], cur, short=True),
             f"month {H}: {percent(f['compute_to_payroll'], 1)} of payroll"),
        Tile("NPV of net cash", money(s["npv_net_cash"], cur, short=True, sign=True),
             (f"at {percent(rate, 1).replace('.0%', '%')} a year\n" if rate is not None else "")
             + f"cumulative {money(s['cumulative_net_cash'], cur, short=True, sign=True)}"),
        Tile("Payback", payback_text(payback, never="–"), when),
    ]


def evidence_lines(data: dict, scenario: str, result: Any) -> list[str]:
    """The evidence warnings in one sentence each, placed by ids (for leadership)."""
    from ..model.evidence import evidence_warnings
    from ..plan import scenarios as S
    from ..plan.paths import place_words

    sdata = S.resolved(data, scenario)
    out = []
    for w in evidence_warnings(result.plan, result):
        first = w.message.split(". ")[0].rstrip(".")
        if len(first) > 190:          # the brief gives the gist; the app has the whole advice
            first = first[:190].rsplit(" ", 1)[0].rstrip(",;:(") + "…"
        out.append(f"{place_words(sdata, tuple(w.loc))}: {first}.")
    return out


def _where_the_plan_sits(npv: float, draws: np.ndarray, cur: str) -> str:
    """Where the plan's own NPV falls among the draws' (a plan set at its hopes sits high)."""
    below = float((draws < npv).mean()) if draws.size else 0.0
    median = float(np.median(draws)) if draws.size else npv
    side = "above" if npv >= median else "below"
    return (f"The plan as written ({money(npv, cur, short=True)}) is {side} the median: "
            f"{percent(below, 0)} of draws come out lower.")


def build(data: dict, *, draws: int = 2000, seed: int = 1, scenario: str | None = None,
          warnings: list[str] | None = None, today: dt.date | None = None) -> BriefContent:
    """Everything the brief shows for a valid plan (``data``) and, when given, one of its
    scenarios. Runs the engine, the scenarios and the risk analyses."""
    from ..risk import analyse, compare
    from ..risk.words import bet_label, break_even_sentences, payback_odds

    rows = compare(data)
    chosen = next((r for r in rows if r.id == (scenario or "baseline")), rows[0])
    r = chosen.result
    if warnings is None:
        warnings = evidence_lines(data, chosen.id, r)
    s = r.summary
    cur = s["currency"]
    series = r.series
    labels = ["today", *r.month_labels]
    when = (today or dt.date.today()).strftime("%-d %B %Y")
    title = s["name"] + ("" if chosen.id == "baseline" else f" — {chosen.name}")
    subtitle = (f"{when} · {s['horizon_months']} months from {r.month_labels[0]} · "
                f"OrgPlanner {__version__} · figures in {cur}")
    out = BriefContent(
        title=title, subtitle=subtitle, currency=cur, tiles=_tiles(s, cur, r.plan.settings.discount_rate_per_year), months=labels,
        headcount=series["_ic_all"] + series["_mgr_all"],
        headcount_without_ai=series["_hc_without_ai_all"],
        headcount_today=float(s["baseline"]["headcount"]),
        cumulative_cash=np.cumsum(series["net_cash"]), payback_month=s["payback_month"],
        warnings=list(warnings or []),
    )
    # scenarios side by side (at most 5 columns)
    shown = rows[:5]
    out.scenario_head = ["", *[x.name for x in shown]]
    for label, get, kind in (
            ("Headcount (final)", lambda x: x["final"]["headcount"], "count"),
            ("Without AI", lambda x: x["final"]["headcount_without_ai"], "count"),
            ("Compute / month", lambda x: x["final"]["compute_per_month"], "money"),
            ("NPV of net cash", lambda x: x["npv_net_cash"], "money"),
            ("Payback", lambda x: x["payback_month"], "month")):
        cells = [label]
        for x in shown:
            v = get(x.summary)
            cells.append(payback_text(v, x.summary["cumulative_net_cash"]) if kind == "month"
                         else "–" if v is None else money(v, cur, short=True) if kind == "money"
                         else smart(v))
        out.scenario_rows.append(cells)

    report = analyse(data, scenario=chosen.id, draws=draws, seed=seed)
    out.bets_head = ["The four bets", "NPV", "Payback", "Headcount", "Compute / payroll"]
    for row in report.bets:
        out.bets_rows.append([
            bet_label(row["bet"], report.stress), money(row["npv_net_cash"], cur, short=True),
            payback_text(row["payback_month"], row["cumulative_net_cash"]),
            smart(row["headcount"]), percent(row["compute_to_payroll"], 1)])
    out.break_even = break_even_sentences(report.break_even)
    mc = report.monte_carlo
    npv = mc.percentiles()["npv_net_cash"]
    out.fan = mc.fan()
    if report.ranges:
        out.monte_carlo = (
            f"Monte Carlo over {report.ranges} uncertain input{'s' if report.ranges != 1 else ''} "
            f"({mc.draws:,} draws, seed {mc.seed}): NPV {money(npv['p10'], cur, short=True)} "
            f"(P10) · {money(npv['p50'], cur, short=True)} (P50) · "
            f"{money(npv['p90'], cur, short=True)} (P90). "
            + payback_odds(mc.payback_probability, mc.below_again_probability,
                           s["horizon_months"], "draws") + ". "
            + _where_the_plan_sits(s["npv_net_cash"], mc.values("npv_net_cash"), cur))
    else:
        out.monte_carlo = ("No ranges in the plan: add ranges to the uncertain inputs for a "
                           "Monte Carlo spread of the NPV.")
    return out
