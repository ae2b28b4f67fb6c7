"""Plan -> flat numpy arrays (one entry per team, workflow, model), the engine's input.

Extracting once into arrays keeps the formulas in :mod:`planner.engine.compute`
vectorised: no Python loop runs per month or per workflow there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import ApiModel, OwnedGpu, Plan, SelfHostedModel


@dataclass(frozen=True)
class TeamArrays:
    ids: list[str]
    names: list[str]
    ic: np.ndarray          # IC_t, baseline IC headcount
    mgr: np.ndarray         # M_t
    c_ic: np.ndarray        # headcount-weighted mean annual cost of ICs (0 when none)
    c_mgr: np.ndarray
    min_ic: np.ndarray
    span: np.ndarray        # s_t: target span, or IC/M (nan where unused)
    seat_cost: np.ndarray   # cost_per_seat_month (0 when no seats)
    seat_coverage: np.ndarray
    has_seats: np.ndarray   # bool


@dataclass(frozen=True)
class WorkflowArrays:
    ids: list[str]
    team: np.ndarray        # index into teams
    volume: np.ndarray
    minutes: np.ndarray
    adoption: np.ndarray    # 0 when the workflow has no AI effect
    net_saved: np.ndarray   # time_saved - review_overhead
    ramp_months: np.ndarray
    s_curve: np.ndarray     # bool
    # compute (zeros / -1 when the workflow uses no model)
    model: np.ndarray       # index into models, -1 = none
    calls: np.ndarray
    tok_in: np.ndarray
    tok_out: np.ndarray
    cached: np.ndarray


@dataclass(frozen=True)
class ModelArrays:
    ids: list[str]
    is_api: np.ndarray
    price_in: np.ndarray
    price_out: np.ndarray
    price_cached: np.ndarray
    prefill: np.ndarray     # tokens/s per GPU (self-hosted; 1 for API to avoid /0)
    decode: np.ndarray
    utilization: np.ndarray
    per_replica: np.ndarray
    gpu: np.ndarray         # index into gpus, -1 for API models


@dataclass(frozen=True)
class GpuArrays:
    ids: list[str]
    owned: np.ndarray
    per_hour: np.ndarray
    capex: np.ndarray
    amort: np.ndarray
    watts: np.ndarray


def _f(values: list[float]) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


def team_arrays(plan: Plan) -> TeamArrays:
    ic, mgr, c_ic, c_mgr, span = [], [], [], [], []
    default_span = plan.settings.target_span
    for team in plan.teams:
        hc = {"ic": 0.0, "manager": 0.0}
        cost = {"ic": 0.0, "manager": 0.0}
        for role in team.roles:
            hc[role.kind] += role.headcount
            cost[role.kind] += role.headcount * role.annual_cost
        ic.append(hc["ic"])
        mgr.append(hc["manager"])
        c_ic.append(cost["ic"] / hc["ic"] if hc["ic"] > 0 else 0.0)
        c_mgr.append(cost["manager"] / hc["manager"] if hc["manager"] > 0 else 0.0)
        s = team.target_span if team.target_span is not None else default_span
        if s is None:
            s = hc["ic"] / hc["manager"] if hc["ic"] > 0 and hc["manager"] > 0 else np.nan
        span.append(s)
    seats = [t.ai_seats for t in plan.teams]
    return TeamArrays(
        ids=[t.id for t in plan.teams], names=[t.name for t in plan.teams],
        ic=_f(ic), mgr=_f(mgr), c_ic=_f(c_ic), c_mgr=_f(c_mgr),
        min_ic=_f([t.min_ic for t in plan.teams]), span=_f(span),
        seat_cost=_f([s.cost_per_seat_month if s else 0.0 for s in seats]),
        seat_coverage=_f([s.coverage if s else 0.0 for s in seats]),
        has_seats=np.array([s is not None for s in seats], dtype=bool),
    )


def workflow_arrays(plan: Plan, team_index: dict[str, int], model_index: dict[str, int]) -> WorkflowArrays:
    wfs = plan.workflows
    ais = [w.ai for w in wfs]
    comps = [w.compute for w in wfs]
    return WorkflowArrays(
        ids=[w.id for w in wfs],
        team=np.array([team_index[w.team] for w in wfs], dtype=np.int64),
        volume=_f([w.volume_per_month for w in wfs]),
        minutes=_f([w.minutes_per_unit for w in wfs]),
        adoption=_f([a.adoption if a else 0.0 for a in ais]),
        net_saved=_f([a.time_saved - a.review_overhead if a else 0.0 for a in ais]),
        ramp_months=_f([a.ramp_months if a else 0 for a in ais]),
        s_curve=np.array([bool(a and a.ramp == "s-curve") for a in ais], dtype=bool),
        model=np.array([model_index[c.model] if c else -1 for c in comps], dtype=np.int64),
        calls=_f([c.calls_per_unit if c else 0.0 for c in comps]),
        tok_in=_f([c.input_tokens if c else 0.0 for c in comps]),
        tok_out=_f([c.output_tokens if c else 0.0 for c in comps]),
        cached=_f([c.cached_share if c else 0.0 for c in comps]),
    )


def model_arrays(plan: Plan, gpu_index: dict[str, int]) -> ModelArrays:
    ms = plan.models
    api = [isinstance(m, ApiModel) for m in ms]

    def pick(attr_api: str | None, attr_self: str | None, default: float) -> np.ndarray:
        out = []
        for m in ms:
            attr = attr_api if isinstance(m, ApiModel) else attr_self
            out.append(getattr(m, attr) if attr else default)
        return _f(out)

    return ModelArrays(
        ids=[m.id for m in ms], is_api=np.array(api, dtype=bool),
        price_in=pick("input_per_mtok", None, 0.0),
        price_out=pick("output_per_mtok", None, 0.0),
        price_cached=pick("cached_price", None, 0.0),
        prefill=pick(None, "prefill_tokens_per_s", 1.0),
        decode=pick(None, "decode_tokens_per_s", 1.0),
        utilization=pick(None, "utilization", 1.0),
        per_replica=pick(None, "gpus_per_replica", 1.0),
        gpu=np.array([gpu_index[m.gpu] if isinstance(m, SelfHostedModel) else -1 for m in ms],
                     dtype=np.int64),
    )


def gpu_arrays(plan: Plan) -> GpuArrays:
    gs = plan.gpus
    owned = [isinstance(g, OwnedGpu) for g in gs]
    return GpuArrays(
        ids=[g.id for g in gs], owned=np.array(owned, dtype=bool),
        per_hour=_f([0.0 if o else g.per_gpu_hour for g, o in zip(gs, owned, strict=True)]),
        capex=_f([g.capex_per_gpu if o else 0.0 for g, o in zip(gs, owned, strict=True)]),
        amort=_f([g.amortization_months if o else 1 for g, o in zip(gs, owned, strict=True)]),
        watts=_f([g.watts_per_gpu for g in gs]),
    )
