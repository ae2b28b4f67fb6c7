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
    # One pass into one flat list: attribute access on 50,000 pydantic objects dominates the
    # engine's run time, so each object is read once, and numpy converts a flat list fastest.
    flat: list[float] = []
    ids: list[str] = []
    no_ai = (0.0, 0.0, 0, False)
    no_compute = (-1, 0.0, 0.0, 0.0, 0.0)
    for w in plan.workflows:
        a, c = w.ai, w.compute
        ids.append(w.id)
        flat.extend((team_index[w.team], w.volume_per_month, w.minutes_per_unit))
        flat.extend((a.adoption, a.time_saved - a.review_overhead, a.ramp_months, a.ramp == "s-curve")
                    if a is not None else no_ai)
        flat.extend((model_index[c.model], c.calls_per_unit, c.input_tokens, c.output_tokens,
                     c.cached_share) if c is not None else no_compute)
    m = np.array(flat, dtype=np.float64).reshape(len(ids), 12)
    return WorkflowArrays(
        ids=ids,
        team=m[:, 0].astype(np.int64), volume=m[:, 1].copy(), minutes=m[:, 2].copy(),
        adoption=m[:, 3].copy(), net_saved=m[:, 4].copy(), ramp_months=m[:, 5].copy(),
        s_curve=m[:, 6] > 0, model=m[:, 7].astype(np.int64), calls=m[:, 8].copy(),
        tok_in=m[:, 9].copy(), tok_out=m[:, 10].copy(), cached=m[:, 11].copy(),
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
