"""A plan's workloads (the tokens each model serves) and the ways it could serve them.

Everything is read from the engine's :class:`~planner.engine.Result`: its inputs (prices,
serving rates, GPUs, settings, with defaults resolved as the engine resolves them) and its
tokens per workflow and model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .options import ApiOption, FleetOption, Mix


@dataclass(frozen=True)
class Workload:
    """The tokens one model of the plan serves a month."""

    model: str
    index: int                      # in the plan's models
    hosting: str                    # "api" | "self"
    gpu: str | None                 # a self-hosted model's GPU
    tokens_in: float                # in ``month``
    tokens_out: float
    mix: Mix                        # in ``month``
    month: int                      # 1..H

    @property
    def tokens(self) -> float:
        return self.tokens_in + self.tokens_out


def _value(inp: Any, key: str) -> np.ndarray:
    return np.asarray(inp.values[key], dtype=np.float64).reshape(-1)


def _setting(inp: Any, key: str) -> float:
    return float(np.asarray(inp.values[f"settings.{key}"]).reshape(-1)[0])


def workflow_tokens(result: Any, month: int, rows: np.ndarray | None = None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Input and output tokens of each workflow (or of ``rows``) in ``month`` (1..H): the
    engine's ``tin_w``, ``tout_w`` without expanding every month."""
    detail = result.raw.workflows
    if detail is None:
        tin, tout = result.wf_tokens_in[:, month - 1], result.wf_tokens_out[:, month - 1]
        return (tin, tout) if rows is None else (tin[rows], tout[rows])
    prof = detail.profiles.prof if rows is None else detail.profiles.prof[rows]
    shape = detail.profiles.matrix[0][prof, month]
    k = float(np.asarray(detail.k[0]).reshape(-1)[month - 1])
    c_in = detail.c_in[0] if rows is None else detail.c_in[0][rows]
    c_out = detail.c_out[0] if rows is None else detail.c_out[0][rows]
    return c_in * shape * k, c_out * shape * k


def workload(result: Any, j: int, month: int) -> Workload:
    """Model ``j``'s tokens and their mix in ``month``; the cached share is its workflows'
    own, weighted by their input tokens (what an API would charge for them)."""
    inp = result.raw.inputs
    rows = np.flatnonzero(inp.wf_model == j)
    tin_w, tout_w = workflow_tokens(result, month, rows)
    cached = _value(inp, "compute.cached_share")[rows]
    tin, tout = float(result.raw.model_tokens_in[0, j, month - 1]), \
        float(result.raw.model_tokens_out[0, j, month - 1])
    total_in = float(tin_w.sum())
    mix = Mix(input_share=tin / (tin + tout) if tin + tout > 0 else 0.5,
              cached_share=float((tin_w * cached).sum() / total_in) if total_in > 0 else 0.0)
    api = bool(inp.model_is_api[j])
    return Workload(model=inp.model_ids[j], index=j, hosting="api" if api else "self",
                    gpu=None if api else inp.gpu_ids[int(inp.model_gpu[j])],
                    tokens_in=tin, tokens_out=tout, mix=mix, month=month)


def workloads(result: Any, month: int | None = None) -> list[Workload]:
    """Every model with tokens in ``month`` (default: the final month)."""
    inp = result.raw.inputs
    m = inp.H if month is None else month
    if m < 1:
        return []
    out = [workload(result, j, m) for j in range(inp.J)]
    return [w for w in out if w.tokens > 0]


# ----- the options ------------------------------------------------------------------------
def plan_api_options(inputs: Any) -> list[ApiOption]:
    pin, pout = _value(inputs, "model.input_per_mtok"), _value(inputs, "model.output_per_mtok")
    pc = _value(inputs, "model.cached_input_per_mtok")
    return [ApiOption(model=mid, input_per_mtok=float(pin[j]), output_per_mtok=float(pout[j]),
                      cached_input_per_mtok=None if np.isnan(pc[j]) else float(pc[j]))
            for j, mid in enumerate(inputs.model_ids) if inputs.model_is_api[j]]


def catalog_api_options(catalog: Any = None) -> list[ApiOption]:
    from ..catalog import api_models

    return [ApiOption(model=m["id"], input_per_mtok=m["input_per_mtok"],
                      output_per_mtok=m["output_per_mtok"],
                      cached_input_per_mtok=m.get("cached_input_per_mtok"), source="catalog")
            for m in api_models(catalog)]


def _settings(inputs: Any) -> dict[str, float]:
    return {"peak_to_average": _setting(inputs, "peak_to_average"), "pue": _setting(inputs, "pue"),
            "usd_per_kwh": _setting(inputs, "usd_per_kwh")}


def plan_fleet_options(inputs: Any, *, what_if: bool = True) -> list[FleetOption]:
    """Each self-hosted model on its own GPU, and (``what_if``) on every plan GPU of the other
    kind (rent instead of buy, or buy instead of rent), assuming the same serving rates."""
    V = {k: _value(inputs, f"model.{k}") for k in
         ("prefill_tokens_per_s", "decode_tokens_per_s", "utilization")}
    G = {k: _value(inputs, f"gpu.{k}") for k in
         ("per_gpu_hour", "capex_per_gpu", "watts_per_gpu", "overhead_per_gpu_month")}
    common = _settings(inputs)
    out = []
    for j, mid in enumerate(inputs.model_ids):
        if inputs.model_is_api[j]:
            continue
        own = int(inputs.model_gpu[j])
        gpus = [own] + ([g for g in range(inputs.G) if inputs.gpu_owned[g] != inputs.gpu_owned[own]]
                        if what_if else [])
        for g in gpus:
            out.append(FleetOption(
                model=mid, gpu=inputs.gpu_ids[g],
                pricing="owned" if inputs.gpu_owned[g] else "cloud",
                gpus_per_replica=int(inputs.per_replica[j]),
                prefill_tokens_per_s=float(V["prefill_tokens_per_s"][j]),
                decode_tokens_per_s=float(V["decode_tokens_per_s"][j]),
                utilization=float(V["utilization"][j]),
                watts_per_gpu=float(G["watts_per_gpu"][g]), per_gpu_hour=float(G["per_gpu_hour"][g]),
                capex_per_gpu=float(G["capex_per_gpu"][g]),
                amortization_months=int(inputs.amort[g]),
                overhead_per_gpu_month=float(G["overhead_per_gpu_month"][g]),
                own_gpu=g == own, **common))
    return out


def catalog_fleet_options(inputs: Any, catalog: Any = None) -> list[FleetOption]:
    """Each catalog set-up on its catalog GPU, rented and bought (the catalog's own prices,
    overhead and amortisation), under the plan's peak, PUE and power price."""
    from ..catalog import gpu, gpu_to_plan, self_hosted_models

    common = _settings(inputs)
    out = []
    for m in self_hosted_models(catalog):
        entry = gpu(m["gpu"], catalog)
        for pricing in ("cloud", "owned"):
            g = gpu_to_plan(entry, pricing=pricing)
            base = FleetOption(
                model=m["id"], gpu=g["id"], pricing=pricing,
                gpus_per_replica=m["gpus_per_replica"],
                prefill_tokens_per_s=m["prefill_tokens_per_s"],
                decode_tokens_per_s=m["decode_tokens_per_s"], utilization=m["utilization"],
                watts_per_gpu=g["watts_per_gpu"], source="catalog", **common)
            if pricing == "cloud":
                out.append(replace(base, per_gpu_hour=g["per_gpu_hour"]))
            else:
                out.append(replace(base, capex_per_gpu=g["capex_per_gpu"],
                                   amortization_months=g["amortization_months"],
                                   overhead_per_gpu_month=g["overhead_per_gpu_month"]))
    return out
