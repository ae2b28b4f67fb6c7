"""The API-or-self-host verdict in words a finance reader can repeat."""

from __future__ import annotations

from ..formatting import percent, symbol, tokens
from .crossover import Crossover
from .options import ApiOption, FleetOption
from .workloads import Workload


def cost(x: float, currency: str) -> str:
    """``$1,554``; cents below $10 (``$0.41``)."""
    s = symbol(currency)
    return f"{s}{x:,.2f}" if abs(x) < 10 else f"{s}{x:,.0f}"


def fleet_phrase(f: FleetOption, n: float) -> str:
    """``the owned h100-owned fleet of open-70b (2 GPUs)``."""
    how = "owned" if f.pricing == "owned" else "rented"
    return f"the {how} {f.gpu} fleet of {f.model} ({n:,.0f} GPU{'s' if n != 1 else ''})"


def _when(w: Workload, label: str) -> str:
    return f"At {tokens(w.tokens)} tokens a month (month {w.month}, {label})"


def per_mtok(x: float, currency: str) -> str:
    """A price per million tokens in the plan's currency: ``$0.93``, ``$12.40``, ``$150``."""
    s = symbol(currency)
    return f"{s}{x:,.2f}" if abs(x) < 100 else f"{s}{x:,.0f}"


def _pays(x: Crossover, volume: float, fleet_cost: float, api_cost: float, currency: str) -> str:
    """What the crossover means at the plan's volume."""
    if x.cheaper_from is None:
        return (f"self-hosting never pays at this mix: even full replicas cost "
                f"{per_mtok(x.fleet_per_mtok_full, currency)} per million tokens against "
                f"{per_mtok(x.api_per_mtok, currency)} on the API")
    if fleet_cost < api_cost:
        tail = ""
        if x.always_cheaper_from is not None and volume < x.always_cheaper_from:
            tail = (f"; below {tokens(x.always_cheaper_from)} a month the next replica can "
                    "tip it back")
        return (f"self-hosting is cheaper at this volume (it pays above "
                f"{tokens(x.cheaper_from)} tokens a month{tail})")
    ratio = x.cheaper_from / volume if volume > 0 else float("inf")
    return (f"self-hosting pays only above {tokens(x.cheaper_from)} tokens a month "
            f"({ratio:,.1f}x the plan's volume)")


def self_hosted_verdict(w: Workload, label: str, fleet: FleetOption, api: ApiOption,
                        x: Crossover, currency: str) -> str:
    """``At 673M tokens a month (month 36, 2029-12) the owned h100-owned fleet of open-70b
    (2 GPUs) is busy 1.2% of the time and costs $1,554 a month; small-api, the cheapest API
    model, would cost about $275: self-hosting pays only above 3.8B tokens a month (5.6x the
    plan's volume).``"""
    n = float(fleet.gpus(w.tokens, w.mix))
    f_cost, a_cost = float(fleet.cost(w.tokens, w.mix)), float(api.cost(w.tokens, w.mix))
    busy = fleet.busy_share(w.tokens, w.mix)
    where = "in the plan" if api.source == "plan" else "in the catalog"
    return (f"{_when(w, label)} {fleet_phrase(fleet, n)} is busy "
            f"{percent(busy, 1)} of the time and costs {cost(f_cost, currency)} a month; "
            f"{api.model}, the cheapest API model {where}, would cost about "
            f"{cost(a_cost, currency)}: {_pays(x, w.tokens, f_cost, a_cost, currency)}. "
            "Prices as in month 1.")


def api_verdict(w: Workload, label: str, fleet: FleetOption, api: ApiOption, x: Crossover,
                currency: str) -> str:
    """``At 90B tokens a month ... frontier-api costs $X a month; self-hosting it as
    open-70b on h100-owned would take 20 GPUs, busy 55%, and cost $Y: ...``"""
    n = float(fleet.gpus(w.tokens, w.mix))
    f_cost, a_cost = float(fleet.cost(w.tokens, w.mix)), float(api.cost(w.tokens, w.mix))
    busy = fleet.busy_share(w.tokens, w.mix)
    text = (f"{_when(w, label)} {api.model} costs {cost(a_cost, currency)} a month; "
            f"serving it as {fleet.label} would take {n:,.0f} GPUs, busy {percent(busy, 1)} of "
            f"the time, and cost {cost(f_cost, currency)}: {_pays(x, w.tokens, f_cost, a_cost, currency)}")
    if x.cheaper_from is not None and f_cost < a_cost:
        text += ", if that model's answers are good enough for this work"
    return text + ". Prices as in month 1."
