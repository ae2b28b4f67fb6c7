"""The figures risk runs report for each member of a batch, from the kernel's arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine.formulas import first_payback
from ..engine.inputs import Inputs
from ..engine.kernel import Raw, run

# Memory a chunk of a batch may use (the kernel keeps ~30 arrays per member).
CHUNK_BYTES = 768 * 1024 * 1024


@dataclass
class Figures:
    """Per member of a batch (arrays of D): the summary figures of MODEL.md 7."""

    headcount: np.ndarray
    fte_freed: np.ndarray
    cumulative_net_cash: np.ndarray
    npv_net_cash: np.ndarray
    compute_per_month: np.ndarray
    compute_to_payroll: np.ndarray       # nan when the final payroll is 0
    payback_month: np.ndarray            # 0 = never (or nothing changes)
    running_cash: np.ndarray             # (D, H) cumulative net cash by month

    @classmethod
    def of(cls, raw: Raw, size: int) -> Figures:
        H = raw.inputs.H

        def per(x: np.ndarray, shape: tuple) -> np.ndarray:
            return np.broadcast_to(x, shape)

        t = raw.totals
        net = per(t["net_cash"], (size, H))
        compute = per(t["compute_pnl"], (size, H))[:, -1]
        payroll = per(t["payroll"], (size, H))[:, -1]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(payroll != 0, compute / np.where(payroll != 0, payroll, 1.0), np.nan)
        running = np.cumsum(net, axis=-1)
        return cls(
            headcount=per(raw.plan.hc[..., -1].sum(axis=-1), (size,)).copy(),
            fte_freed=per(raw.fte[..., -1].sum(axis=-1), (size,)).copy(),
            cumulative_net_cash=running[:, -1].copy(),
            npv_net_cash=per(raw.npv, (size,)).copy(),
            compute_per_month=compute.copy(), compute_to_payroll=ratio,
            payback_month=first_payback(net).astype(np.int64), running_cash=running,
        )

    @classmethod
    def concat(cls, parts: list[Figures]) -> Figures:
        return cls(**{k: np.concatenate([getattr(p, k) for p in parts])
                      for k in cls.__dataclass_fields__})


def bytes_per_member(inp: Inputs) -> int:
    """A generous estimate of the kernel's memory for one member of a batch."""
    months = inp.H + 1
    return 8 * (32 * inp.T * months + 24 * inp.J * months + 16 * inp.W + 8 * inp.T * 16) + 4096


def chunk_size(inp: Inputs, wanted: int) -> int:
    return int(max(1, min(wanted, CHUNK_BYTES // bytes_per_member(inp))))


def evaluate(inputs: Inputs) -> Figures:
    """Run one batch (``inputs.batch`` members) through the kernel (no per-workflow detail,
    no AI-only organisation: risk figures need neither)."""
    return Figures.of(run(inputs, ai_only=False, detail=False), inputs.batch)
