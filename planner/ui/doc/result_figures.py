"""Figures of single items read from an engine Result (no Qt), for the editors' panels: one
workflow's final month, each self-hosted fleet (GPUs, busy share, energy, capex and
depreciation per model) and a workflow's share of its fleet.

Each reads only the rows it needs (a 50,000-workflow plan's full tables take ~0.3 s to build,
which the UI thread cannot spend after every edit).

A workflow's share of a fleet is its share of the fleet's busy GPU time (MODEL.md 4: busy
hours = input tokens / prefill rate + output tokens / decode rate, all of a model's workflows
at the same speed), so its share of the fleet's cost is that share of the fleet's monthly
cost (rent, energy, overhead and depreciation: the P&L view).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Fleet:
    index: int                 # the model's index in the result
    model: str
    gpu: str
    owned: bool
    gpus: float                # fleet size, month H
    gpus_needed: float         # what month H alone needs (an owned fleet keeps its peak)
    busy_hours: float          # GPU-hours of work in month H
    gpu_hours: float           # busy hours / utilization
    busy_share: float | None   # busy hours / (GPUs x 730); None without GPUs
    kwh: float                 # energy per month (reported for cloud, costed for owned)
    energy_cost: float
    overhead: float
    rental: float
    capex_total: float         # GPU purchases over the horizon (cash)
    depreciation: float        # month H
    per_replica: int
    utilization: float
    prefill: float
    decode: float

    @property
    def cost(self) -> float:
        """The fleet's cost in month H, P&L view."""
        return self.rental + self.energy_cost + self.overhead + self.depreciation


def _item(plan: Any, kind: str, item_id: str) -> Any:
    return next((x for x in getattr(plan, kind) if x.id == item_id), None)


def fleets(result: Any) -> list[Fleet]:
    """Every self-hosted model's fleet in the final month."""
    if result is None or not result.horizon:
        return []
    from ...engine.formulas import HOURS_PER_MONTH, fleet_needed  # the engine is loaded by now

    inp = result.inputs
    out = []
    for j, mid in enumerate(result.model_ids):
        if inp.model_is_api[j]:
            continue
        model = _item(result.plan, "models", mid)
        gpu_id = inp.gpu_ids[int(inp.model_gpu[j])] if inp.model_gpu[j] >= 0 else ""
        gpu = _item(result.plan, "gpus", gpu_id)
        f = float(result.fleet[j, -1])
        busy = float(result.busy_hours[j, -1])
        gh = float(result.gpu_hours[j, -1])
        peak = float(result.plan.settings.peak_to_average)
        per = int(model.gpus_per_replica)
        need = float(fleet_needed(gh, per, peak))
        out.append(Fleet(
            index=j, model=mid, gpu=gpu_id, owned=getattr(gpu, "pricing", "") == "owned",
            gpus=f, gpus_needed=need, busy_hours=busy, gpu_hours=gh,
            busy_share=None if f == 0 else busy / (f * HOURS_PER_MONTH),
            kwh=float(result.kwh[j, -1]), energy_cost=float(result.energy_cost[j, -1]),
            overhead=float(result.overhead[j, -1]), rental=float(result.rental[j, -1]),
            capex_total=float(result.capex[j].sum()),
            depreciation=float(result.depreciation[j, -1]), per_replica=per,
            utilization=float(model.utilization), prefill=float(model.prefill_tokens_per_s),
            decode=float(model.decode_tokens_per_s)))
    return out


@dataclass(frozen=True)
class FleetShare:
    fleet: Fleet
    share: float               # of the fleet's busy time, month H
    cost: float                # share x the fleet's cost

def workflow_fleet_share(result: Any, workflow_id: str) -> FleetShare | None:
    """A self-hosted workflow's share of its model's fleet (None for API or no compute)."""
    if result is None or workflow_id not in result.workflow_ids:
        return None
    inp = result.inputs
    w = result.workflow_ids.index(workflow_id)
    j = int(inp.wf_model[w])
    if j < 0 or inp.model_is_api[j]:
        return None
    fleet = next((f for f in fleets(result) if f.index == j), None)
    if fleet is None:
        return None
    load = result.wf_tokens_in[:, -1] / fleet.prefill + result.wf_tokens_out[:, -1] / fleet.decode
    total = float(load[inp.wf_model == j].sum())
    share = float(load[w]) / total if total > 0 else 0.0
    return FleetShare(fleet, share, share * fleet.cost)


def workflow_record(result: Any, workflow_id: Any) -> dict[str, float] | None:
    """One workflow's final month, as in ``Result.workflow_records`` (None when unknown)."""
    if result is None or not isinstance(workflow_id, str):
        return None
    try:
        i = result.workflow_ids.index(workflow_id)
    except ValueError:
        return None
    hpm = result.plan.settings.hours_per_fte_year / 12.0
    saved = float(result.wf_hours_saved[i, -1])

    def last(name: str) -> float:
        a = getattr(result, name)
        return float(a[i, -1]) if a.size else 0.0

    return {"hours_saved": saved, "fte_freed": saved / hpm, "tokens_in": last("wf_tokens_in"),
            "tokens_out": last("wf_tokens_out"), "api_cost": last("wf_api_cost")}
