"""The formulas shared by the engine, the risk runs and the Excel export's cached figures.

Each works on numpy arrays of any shape (a leading axis of draws or scenarios included) and
follows MODEL.md's notation: ``ceil*``, ``idx``, ramps, layers, fleet sizing and cost.
"""

from __future__ import annotations

import numpy as np

EPS = 1e-9
HOURS_PER_MONTH = 730.0


def ceil_star(x: np.ndarray | float) -> np.ndarray:
    """``ceil(x - 1e-9)``: a ceiling that ignores float noise (10.0000000001 -> 10)."""
    return np.ceil(np.asarray(x, dtype=np.float64) - EPS)


def idx(rate: np.ndarray | float, months: np.ndarray) -> np.ndarray:
    """``(1 + rate) ^ ((m - 1) / 12)``: a yearly rate compounded monthly, 1 in month 1.

    ``rate`` broadcasts against ``months``; a rate at or below -1 (excluded by validation and
    by clipping) would have no index, so it is floored just above -1.
    """
    r = np.maximum(np.asarray(rate, dtype=np.float64), -1.0 + 1e-12)
    return np.exp(np.log1p(r) * ((months - 1.0) / 12.0))


def index_with_baseline(rate: np.ndarray | float, months_0: np.ndarray) -> np.ndarray:
    """``idx`` over months 0..H with month 0 (today) at 1."""
    out = idx(rate, months_0)
    out[..., 0] = 1.0
    return out


def ramp_profiles(ramp_months: np.ndarray, s_curve: np.ndarray, months: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ramps r(m) (profiles x months) and each workflow's profile index.

    Workflows share a handful of ramps (whole months x shape): each is computed once.
    ``x = min(1, m / ramp_months)`` (1 when ramp_months is 0); linear ``x``, s-curve
    ``3x^2 - 2x^3``.
    """
    if ramp_months.size == 0:
        return np.zeros((0, months.size)), np.zeros(0, dtype=np.int64)
    keys = ramp_months.astype(np.int64) * 2 + s_curve.astype(np.int64)
    uniq, inverse = np.unique(keys, return_inverse=True)
    rm = (uniq // 2).astype(np.float64)[:, None]
    curve = (uniq % 2).astype(bool)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(rm > 0, np.minimum(1.0, months[None, :] / np.where(rm > 0, rm, 1.0)), 1.0)
    profiles = np.where(curve, 3 * x**2 - 2 * x**3, x)
    return profiles, inverse.reshape(-1).astype(np.int64)


def span_of_control(n: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Direct reports per manager ``(N + K - 1) / K`` (nan when K = 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(k > 0, (n + k - 1.0) / np.where(k > 0, k, 1.0), np.nan)


def layers_needed(n: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Even-pyramid minimum layers at the span of control (0 when N or K is 0; nan when the
    span is <= 1)."""
    n = np.asarray(n, dtype=np.float64)
    k = np.asarray(k, dtype=np.float64)
    span = span_of_control(n, k)
    ok = (n > 0) & (k > 0)
    steep = ok & (span > 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        val = np.maximum(1.0, ceil_star(np.log(np.where(steep, n, 2.0))
                                        / np.log(np.where(steep, span, 2.0))))
    out = np.where(steep, val, 0.0)
    return np.where(ok & ~steep, np.nan, out)


def tree_layers(parent: np.ndarray, ic: np.ndarray, mgr: np.ndarray) -> np.ndarray:
    """Reporting depth of the team tree (MODEL.md 3.4) for every row of ``ic``/``mgr`` (..., T).

    For each team with ICs, count the teams on its path to the root (itself included) that
    have managers; the largest count. Pointer jumping: log2(depth) vectorised passes.
    """
    managed = (mgr > EPS).astype(np.int64)
    if parent.size == 0:
        return np.zeros(ic.shape[:-1])
    count = managed.copy()
    jump = parent.astype(np.int64).copy()
    while (jump >= 0).any():
        has = jump >= 0
        safe = np.where(has, jump, 0)
        count = count + np.where(has, np.take(count, safe, axis=-1), 0)
        jump = np.where(has, jump[safe], -1)
    counted = np.where(ic > EPS, count, 0)
    return counted.max(axis=-1).astype(np.float64)


def coordination_paths(hc: np.ndarray) -> np.ndarray:
    """Brooks' pairs within each team, summed over teams (last axis)."""
    return np.maximum(0.0, hc * (hc - 1.0) / 2.0).sum(axis=-1)


def fleet_needed(gpu_hours: np.ndarray, per_replica: np.ndarray, peak_to_average: np.ndarray
                 ) -> np.ndarray:
    """GPUs a self-hosted model needs: whole replicas sized for peak (0 when no work)."""
    reps = ceil_star(gpu_hours / HOURS_PER_MONTH * peak_to_average / per_replica)
    return np.where(gpu_hours > 0, per_replica * reps, 0.0)


def depreciation(capex: np.ndarray, amort: np.ndarray) -> np.ndarray:
    """Straight-line depreciation of each month's purchases over ``amort`` months.

    ``capex`` is (..., J, H) (months 1..H), ``amort`` whole months per row (J,).
    """
    H = capex.shape[-1]
    cum = np.cumsum(capex, axis=-1)
    lagged = np.zeros_like(cum)
    amort = np.asarray(amort, dtype=np.int64)
    for a in np.unique(amort):                      # one pass per distinct window
        rows = amort == a
        if a < H:
            lagged[..., rows, a:] = cum[..., rows, : H - a]
    return (cum - lagged) / np.maximum(amort, 1)[:, None]


def first_payback(net_cash: np.ndarray) -> np.ndarray:
    """Payback month per row (..., H): the first m with a running sum >= 0 (1-based);
    0 when never, and 0 when every month is exactly 0 (nothing changes)."""
    running = np.cumsum(net_cash, axis=-1)
    hit = running >= 0
    first = np.argmax(hit, axis=-1) + 1
    never = ~hit.any(axis=-1)
    still = (net_cash == 0).all(axis=-1)
    return np.where(never | still, 0, first)


def discount_factors(rate: np.ndarray | float, months: np.ndarray) -> np.ndarray:
    """``1 / (1 + r) ^ (m / 12)``: month m's flow discounted m/12 years (end of month)."""
    r = np.asarray(rate, dtype=np.float64)
    return np.exp(-np.log1p(r) * (months / 12.0))
