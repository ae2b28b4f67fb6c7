"""``analyse(plan)``: API or self-host, for every model of a plan, with its JSON.

For each model that serves tokens in the final month (its *workload*: the volume, the mix of
input and output tokens, the share of input read from cache) the report gives the monthly
cost of serving it on every option (each API model; each self-hosted set-up on its GPU and,
as a what-if, rented instead of bought or the reverse) over a log-spaced grid of volumes
from 100x below to 100x above the plan's, at month-1 prices; each fleet's crossovers with
each API model; and a verdict in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .crossover import Crossover, crossover
from .options import ApiOption, FleetOption, Mix
from .words import api_verdict, self_hosted_verdict
from .workloads import (
    Workload,
    catalog_api_options,
    catalog_fleet_options,
    plan_api_options,
    plan_fleet_options,
    workload,
    workloads,
)

PER_DECADE = 10      # grid points per factor of 10
SPAN = 100.0         # the grid reaches this factor below and above the plan's volumes
REACH = 1e4          # a crossover further than this beyond the grid does not stretch it
PRICES = "month 1: no API price decline, throughput gain or GPU price decline applied"


def grid(volumes: list[float], marks: list[float | None] = (), *, per_decade: int = PER_DECADE
         ) -> np.ndarray:
    """Log-spaced volumes (4 significant digits) from ``SPAN`` below the smallest of
    ``volumes`` to ``SPAN`` above the largest, stretched to show each mark within ``REACH``."""
    vols = [v for v in volumes if v > 0] or [1e6]
    lo, hi = min(vols) / SPAN, max(vols) * SPAN
    for x in marks:
        if x is not None and x > 0 and lo / REACH <= x <= hi * REACH:
            lo, hi = min(lo, x / 2), max(hi, x * 2)
    a = math.floor(math.log10(lo) * per_decade)
    b = math.ceil(math.log10(hi) * per_decade)
    return np.array([float(f"{10 ** (k / per_decade):.4g}") for k in range(a, b + 1)])


def _cheapest_api(apis: list[ApiOption], mix: Mix) -> ApiOption | None:
    return min(apis, key=lambda a: a.per_token(mix)) if apis else None


def _cheapest_fleet(fleets: list[FleetOption], w: Workload) -> FleetOption | None:
    return min(fleets, key=lambda f: float(f.cost(w.tokens, w.mix))) if fleets else None


@dataclass
class WorkloadReport:
    workload: Workload
    tokens_month_1: float
    month_label: str
    apis: list[ApiOption]
    fleets: list[FleetOption]
    crossovers: list[Crossover]
    pair: tuple[FleetOption, ApiOption] | None     # the verdict's comparison
    grid: np.ndarray
    verdict: str

    def crossover_of(self, fleet: FleetOption, api: ApiOption) -> Crossover:
        return next(x for x in self.crossovers if x.fleet == fleet.key and x.api == api.key)

    def shown(self) -> tuple[list[ApiOption], list[FleetOption]]:
        """The options worth drawing or printing: the plan's, and of the catalog's only the
        cheapest API model and fleet at the plan's volume (the JSON has them all)."""
        w = self.workload
        apis = [a for a in self.apis if a.source == "plan"]
        fleets = [f for f in self.fleets if f.source == "plan"]
        more_a = [a for a in self.apis if a.source != "plan"]
        more_f = [f for f in self.fleets if f.source != "plan"]
        if more_a:
            apis.append(min(more_a, key=lambda a: a.per_token(w.mix)))
        if more_f:
            fleets.append(min(more_f, key=lambda f: float(f.cost(w.tokens, w.mix))))
        return apis, fleets

    def to_json(self) -> dict[str, Any]:
        w = self.workload
        options = []
        for a in self.apis:
            options.append({
                "key": a.key, "label": a.label, "kind": "api", "source": a.source,
                "model": a.model, "per_mtok": a.per_token(w.mix) * 1e6,
                "cost": a.cost(self.grid, w.mix).tolist(),
                "at_plan": {"cost": float(a.cost(w.tokens, w.mix))}})
        for f in self.fleets:
            options.append({
                "key": f.key, "label": f.label, "kind": f.pricing, "source": f.source,
                "model": f.model, "gpu": f.gpu, "own_gpu": f.own_gpu,
                "gpus_per_replica": f.gpus_per_replica,
                "tokens_per_replica": f.tokens_per_replica(w.mix),
                "per_gpu_month": f.per_gpu_month(), "parts_per_gpu_month": f.parts_per_gpu_month(),
                "cost": f.cost(self.grid, w.mix).tolist(),
                "gpus": f.gpus(self.grid, w.mix).tolist(),
                "at_plan": {"cost": float(f.cost(w.tokens, w.mix)),
                            "gpus": float(f.gpus(w.tokens, w.mix)),
                            "busy_share": f.busy_share(w.tokens, w.mix)}})
        return {
            "model": w.model, "hosting": w.hosting, "gpu": w.gpu, "month": w.month,
            "month_label": self.month_label, "tokens": w.tokens, "tokens_in": w.tokens_in,
            "tokens_out": w.tokens_out, "tokens_month_1": self.tokens_month_1,
            "input_share": w.mix.input_share, "cached_share": w.mix.cached_share,
            "mix": w.mix.describe(),
            "compared": None if self.pair is None else {"fleet": self.pair[0].key,
                                                        "api": self.pair[1].key},
            "grid": self.grid.tolist(), "options": options,
            "crossovers": [x.to_json() for x in self.crossovers], "verdict": self.verdict,
        }


@dataclass
class HostingReport:
    name: str
    currency: str
    horizon: int
    workloads: list[WorkloadReport]
    note: str                      # why there is nothing to compare, when so

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "currency": self.currency, "prices": PRICES,
                "month": self.horizon, "workloads": [w.to_json() for w in self.workloads],
                "note": self.note}


def _result(plan: Any) -> Any:
    """A Result from a Result, a Plan, or plan JSON data (checked)."""
    if hasattr(plan, "raw") and hasattr(plan, "summary"):
        return plan
    from ..engine import compute

    if isinstance(plan, dict):
        from ..model import parse_plan

        plan = parse_plan(plan)
    return compute(plan)


def analyse(plan: Any, *, catalog: bool = False, per_decade: int = PER_DECADE) -> HostingReport:
    """API or self-host for every model with tokens in the plan's final month.

    ``plan``: a Result, a Plan or plan data. API options are the plan's API models, and
    self-host options its self-hosted set-ups (each also on the plan's GPUs of the other
    pricing kind, as a what-if); the catalog's are added with ``catalog`` or when the plan
    has none of a kind."""
    result = _result(plan)
    inp = result.raw.inputs
    apis = plan_api_options(inp)
    fleets = plan_fleet_options(inp)
    if catalog or not apis:
        apis = apis + catalog_api_options()
    if catalog or not fleets:
        fleets = fleets + catalog_fleet_options(inp)
    labels = result.month_labels
    reports = []
    # self-hosted models first: whether their fleets pay is the question most plans ask
    for w in sorted(workloads(result), key=lambda w: w.hosting != "self"):
        first = workload(result, w.index, 1)
        xs = [crossover(f, a, w.mix) for f in fleets for a in apis]
        if w.hosting == "self":
            fleet = next(f for f in fleets if f.model == w.model and f.own_gpu
                         and f.source == "plan")
            api = _cheapest_api(apis, w.mix)
        else:
            api = next(a for a in apis if a.model == w.model and a.source == "plan")
            fleet = _cheapest_fleet(fleets, w)
        pair = (fleet, api) if fleet is not None and api is not None else None
        x = crossover(fleet, api, w.mix) if pair else None
        label = labels[w.month - 1]
        if pair is None:
            verdict = "Nothing to compare with."
        elif w.hosting == "self":
            verdict = self_hosted_verdict(w, label, fleet, api, x, inp.currency)
        else:
            verdict = api_verdict(w, label, fleet, api, x, inp.currency)
        marks = [x.cheaper_from, x.always_cheaper_from] if x else []
        reports.append(WorkloadReport(
            workload=w, tokens_month_1=first.tokens, month_label=label, apis=apis,
            fleets=fleets, crossovers=xs, pair=pair,
            grid=grid([w.tokens, first.tokens], marks, per_decade=per_decade), verdict=verdict))
    note = "" if reports else "No model serves any tokens in the final month: nothing to compare."
    return HostingReport(name=inp.name, currency=inp.currency, horizon=inp.H, workloads=reports,
                         note=note)
