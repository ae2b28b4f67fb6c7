"""``prepare(plan) -> Inputs``: a plan as flat numpy arrays, the engine kernel's input.

Structure (the team tree, which workflow calls which model, ramps, whole-number keys and
choices) is fixed per plan. Every real-valued input is an array in ``values`` keyed by its
registry name (``"ai.adoption"``, ``"settings.pue"``): one entry per item (or a scalar for a
setting). A batch of draws or scenarios replaces some of them with arrays carrying a leading
axis (``(D, n)`` or ``(D,)``); the kernel broadcasts, so nothing else is copied.

``nan`` marks a nullable value left to its default ("the plan's growth", "the input
price"): defaults are resolved in the kernel, after any override (MODEL.md section 6).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

import numpy as np

from .formulas import ramp_profiles

NAN = float("nan")


@dataclass(frozen=True)
class Inputs:
    H: int
    start_month: str | None
    name: str
    currency: str
    # choices (fixed per plan)
    redeploy: bool                 # headcount_policy "redeploy" (= redeploy_share 1)
    attrition: bool                # reduction "attrition"
    # teams
    team_ids: list[str]
    team_names: list[str]
    parent: np.ndarray             # index of the parent team, -1 at the top
    has_seats: np.ndarray          # bool
    # roles
    role_team: np.ndarray
    role_is_ic: np.ndarray         # bool
    # workflows
    wf_ids: list[str]
    wf_names: list[str]
    wf_team: np.ndarray
    wf_has_ai: np.ndarray
    wf_model: np.ndarray           # index into models, -1 = no compute
    ramps: np.ndarray              # the distinct ramps r(m), profiles x (H+1) (fixed: whole months)
    wf_ramp: np.ndarray            # each workflow's ramp profile
    # models
    model_ids: list[str]
    model_is_api: np.ndarray
    model_gpu: np.ndarray          # index into gpus, -1 for API models
    per_replica: np.ndarray
    # gpus
    gpu_ids: list[str]
    gpu_owned: np.ndarray
    amort: np.ndarray
    # real values by registry name
    values: dict[str, Any] = field(default_factory=dict)
    batch: int = 1                 # leading axis length of the batched values (1 = none)

    @property
    def T(self) -> int:
        return len(self.team_ids)

    @property
    def W(self) -> int:
        return len(self.wf_ids)

    @property
    def J(self) -> int:
        return len(self.model_ids)

    @property
    def G(self) -> int:
        return len(self.gpu_ids)

    @property
    def ramp(self) -> np.ndarray:
        """r_w(m) per workflow, W x (H+1)."""
        return self.ramps[self.wf_ramp] if self.W else np.zeros((0, self.H + 1))

    def with_values(self, updates: dict[str, Any], batch: int | None = None) -> Inputs:
        """A copy whose ``values`` have ``updates`` (arrays may carry a batch axis)."""
        vals = dict(self.values)
        vals.update(updates)
        return replace(self, values=vals, batch=self.batch if batch is None else batch)


def _f(values: list[Any]) -> np.ndarray:
    return np.asarray([NAN if v is None else v for v in values], dtype=np.float64)


def prepare(plan: Any) -> Inputs:
    """The engine's arrays for a valid :class:`~planner.model.Plan`."""
    s = plan.settings
    H = s.horizon_months
    teams = plan.teams
    team_index = {t.id: i for i, t in enumerate(teams)}
    gpu_index = {g.id: i for i, g in enumerate(plan.gpus)}
    model_index = {m.id: i for i, m in enumerate(plan.models)}

    v: dict[str, Any] = {}
    for key in ("hours_per_fte_year", "redeploy_share", "attrition_per_year", "target_span",
                "severance_months", "implementation_cost", "wage_growth_per_year",
                "discount_rate_per_year", "volume_growth_per_year", "price_decline_per_year",
                "token_growth_per_year", "throughput_gain_per_year", "gpu_price_decline_per_year",
                "peak_to_average", "pue", "usd_per_kwh"):
        val = getattr(s, key)
        v[f"settings.{key}"] = np.float64(NAN if val is None else val)

    # teams and roles
    seats = [t.ai_seats for t in teams]
    v["team.min_ic"] = _f([t.min_ic for t in teams])
    v["team.target_span"] = _f([t.target_span for t in teams])
    v["ai_seats.cost_per_seat_month"] = _f([x.cost_per_seat_month if x else 0.0 for x in seats])
    v["ai_seats.coverage"] = _f([x.coverage if x else 0.0 for x in seats])
    role_team, role_ic, hc, cost = [], [], [], []
    for i, t in enumerate(teams):
        for r in t.roles:
            role_team.append(i)
            role_ic.append(r.kind == "ic")
            hc.append(r.headcount)
            cost.append(r.annual_cost)
    v["role.headcount"] = _f(hc)
    v["role.annual_cost"] = _f(cost)

    # workflows: one flat pass (attribute access on 50,000 pydantic objects dominates, so each
    # object's attributes are fetched by one C-level attrgetter call)
    flat: list[Any] = []
    ids: list[str] = []
    names: list[str] = []
    no_ai = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    no_compute = (-1.0, 0.0, 0.0, 0.0, 0.0)
    get_w = attrgetter("id", "name", "team", "volume_per_month", "minutes_per_unit",
                       "volume_growth_per_year", "ai", "compute")
    get_ai = attrgetter("time_saved", "adoption", "review_overhead", "ramp_months", "ramp")
    get_c = attrgetter("model", "calls_per_unit", "input_tokens", "output_tokens", "cached_share")
    for w in plan.workflows:
        wid, name, team, vol, mins, g, a, c = get_w(w)
        ids.append(wid)
        names.append(name)
        flat.extend((team_index[team], vol, mins, NAN if g is None else g))
        if a is not None:
            ts, ad, ro, rm, shape = get_ai(a)
            flat.extend((1.0, ts, ad, ro, rm, shape == "s-curve"))
        else:
            flat.extend(no_ai)
        if c is not None:
            model, calls, tin, tout, cached = get_c(c)
            flat.extend((model_index[model], calls, tin, tout, cached))
        else:
            flat.extend(no_compute)
    m = np.array(flat, dtype=np.float64).reshape(len(ids), 15)
    v["workflow.volume_per_month"] = m[:, 1].copy()
    v["workflow.minutes_per_unit"] = m[:, 2].copy()
    v["workflow.volume_growth_per_year"] = m[:, 3].copy()
    v["ai.time_saved"] = m[:, 5].copy()
    v["ai.adoption"] = m[:, 6].copy()
    v["ai.review_overhead"] = m[:, 7].copy()
    v["compute.calls_per_unit"] = m[:, 11].copy()
    v["compute.input_tokens"] = m[:, 12].copy()
    v["compute.output_tokens"] = m[:, 13].copy()
    v["compute.cached_share"] = m[:, 14].copy()
    months = np.arange(H + 1, dtype=np.float64)
    ramps, wf_ramp = ramp_profiles(m[:, 8], m[:, 9] > 0, months)

    # models
    ms = plan.models
    api = np.array([x.hosting == "api" for x in ms], dtype=bool)

    def attr(name: str, kind: str, default: float = 0.0) -> np.ndarray:
        return _f([getattr(x, name) if x.hosting == kind else default for x in ms])

    v["model.input_per_mtok"] = attr("input_per_mtok", "api")
    v["model.output_per_mtok"] = attr("output_per_mtok", "api")
    v["model.cached_input_per_mtok"] = attr("cached_input_per_mtok", "api", NAN)
    v["model.price_decline_per_year"] = attr("price_decline_per_year", "api", NAN)
    v["model.prefill_tokens_per_s"] = attr("prefill_tokens_per_s", "self", 1.0)
    v["model.decode_tokens_per_s"] = attr("decode_tokens_per_s", "self", 1.0)
    v["model.utilization"] = attr("utilization", "self", 1.0)
    v["model.throughput_gain_per_year"] = attr("throughput_gain_per_year", "self", NAN)

    # gpus
    gs = plan.gpus
    owned = np.array([g.pricing == "owned" for g in gs], dtype=bool)

    def gattr(name: str, kind: str | None) -> np.ndarray:
        return _f([getattr(g, name) if kind is None or g.pricing == kind else 0.0 for g in gs])

    v["gpu.per_gpu_hour"] = gattr("per_gpu_hour", "cloud")
    v["gpu.capex_per_gpu"] = gattr("capex_per_gpu", "owned")
    v["gpu.watts_per_gpu"] = gattr("watts_per_gpu", None)
    v["gpu.overhead_per_gpu_month"] = gattr("overhead_per_gpu_month", "owned")

    return Inputs(
        H=H, start_month=s.start_month, name=plan.name, currency=plan.currency,
        redeploy=s.headcount_policy == "redeploy", attrition=s.reduction == "attrition",
        team_ids=[t.id for t in teams], team_names=[t.name for t in teams],
        parent=np.array([team_index[t.parent] if t.parent is not None else -1 for t in teams],
                        dtype=np.int64),
        has_seats=np.array([x is not None for x in seats], dtype=bool),
        role_team=np.array(role_team, dtype=np.int64), role_is_ic=np.array(role_ic, dtype=bool),
        wf_ids=ids, wf_names=names, wf_team=m[:, 0].astype(np.int64), wf_has_ai=m[:, 4] > 0,
        wf_model=m[:, 10].astype(np.int64), ramps=ramps, wf_ramp=wf_ramp,
        model_ids=[x.id for x in ms], model_is_api=api,
        model_gpu=np.array([gpu_index[x.gpu] if x.hosting == "self" else -1 for x in ms],
                           dtype=np.int64),
        per_replica=_f([x.gpus_per_replica if x.hosting == "self" else 1 for x in ms]),
        gpu_ids=[g.id for g in gs], gpu_owned=owned,
        amort=np.array([g.amortization_months if g.pricing == "owned" else 1 for g in gs],
                       dtype=np.int64),
        values=v,
    )
