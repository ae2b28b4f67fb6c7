"""The plan's own team tree as numbers: people, span and layer of each team, today and in
the final month (no Qt; the Organisation page draws it when no roster is loaded).

A team's span is its managers' direct reports per manager: the team's ICs plus the managers
of the teams reporting to it, divided by its managers. Its layer is MODEL.md's count: the
teams with managers on its path to the top, itself included (so a team whose managers are
all gone adds no layer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

EPS = 1e-9


def role_totals(team: Any) -> tuple[float, float]:
    """(ICs, managers) of a team's roles as written (invalid entries are skipped)."""
    ic = mgr = 0.0
    roles = team.get("roles") if isinstance(team, dict) else None
    for r in roles if isinstance(roles, list) else []:
        if isinstance(r, dict) and isinstance(r.get("headcount"), int | float) \
                and not isinstance(r.get("headcount"), bool):
            if r.get("kind") == "manager":
                mgr += r["headcount"]
            elif r.get("kind") == "ic":
                ic += r["headcount"]
    return ic, mgr


@dataclass
class Month:
    """One month of every team: ICs, managers, span (nan without managers), layer."""

    ic: np.ndarray
    mgr: np.ndarray
    span: np.ndarray
    layer: np.ndarray          # int; 0 for a team without managers
    layers: int                # the plan's layers that month (deepest team with ICs)

    @property
    def people(self) -> np.ndarray:
        return self.ic + self.mgr


@dataclass
class TeamFigures:
    ids: list[str]
    names: list[str]
    parent: np.ndarray         # index of the team above, -1 at the top
    below: np.ndarray          # teams in each team's subtree, itself excluded
    today: Month
    final: Month | None        # None without a result for this plan
    horizon: int | None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def roots(self) -> list[int]:
        return np.flatnonzero(self.parent < 0).tolist()


def _parents(teams: list, ids: dict[str, int]) -> np.ndarray:
    """Parent indices; a missing parent, or one in a cycle, puts the team at the top."""
    n = len(teams)
    parent = np.full(n, -1, dtype=np.int64)
    for i, t in enumerate(teams):
        p = t.get("parent") if isinstance(t, dict) else None
        j = ids.get(p, -1) if isinstance(p, str) else -1
        parent[i] = j if j != i else -1
    depth = _depth(parent)
    parent[depth < 0] = -1       # never reaches the top: break the loop there
    return parent


def _depth(parent: np.ndarray) -> np.ndarray:
    from planner.io.roster.tree import climb

    return climb(parent)[0] if parent.size else np.zeros(0, dtype=np.int64)


def _month(parent: np.ndarray, order: np.ndarray, ic: np.ndarray, mgr: np.ndarray) -> Month:
    n = len(parent)
    child_mgr = np.zeros(n)
    has = parent >= 0
    np.add.at(child_mgr, parent[has], mgr[has])
    with np.errstate(divide="ignore", invalid="ignore"):
        span = np.where(mgr > EPS, (ic + child_mgr) / np.where(mgr > EPS, mgr, 1.0), np.nan)
    managed = (mgr > EPS).astype(np.int64)
    count = managed.copy()
    for t in order:              # top-down: each team adds to its parent's count
        p = parent[t]
        if p >= 0:
            count[t] += count[p]
    layer = np.where(managed > 0, count, 0)
    counted = np.where(ic > EPS, count, 0)
    return Month(ic, mgr, span, layer, int(counted.max(initial=0)))


def team_figures(data: Any, result: Any = None) -> TeamFigures:
    """The figures of the teams in ``data`` (plan JSON, possibly with problems); the final
    month from ``result`` (an engine Result) for the teams it knows."""
    teams = [t for t in (data.get("teams") if isinstance(data, dict) else None) or []
             if isinstance(t, dict)]
    ids_list = [str(t.get("id", "")) for t in teams]
    ids = {}
    for i, tid in enumerate(ids_list):
        ids.setdefault(tid, i)
    names = [str(t.get("name") or t.get("id") or "") for t in teams]
    parent = _parents(teams, ids)
    order = np.argsort(_depth(parent), kind="stable")
    totals = np.array([role_totals(t) for t in teams], dtype=float).reshape(-1, 2)
    today = _month(parent, order, totals[:, 0], totals[:, 1])
    below = np.zeros(len(teams), dtype=np.int64)
    for t in order[::-1]:        # bottom-up
        if parent[t] >= 0:
            below[parent[t]] += below[t] + 1
    final, horizon = None, None
    if result is not None and getattr(result, "team_ids", None) is not None:
        pos = {tid: k for k, tid in enumerate(result.team_ids)}
        if all(tid in pos for tid in ids_list):
            take = np.array([pos[t] for t in ids_list], dtype=np.int64)
            horizon = int(result.horizon)
            ic_h = np.asarray(result.ic[:, -1], dtype=float)[take] if take.size else np.zeros(0)
            mg_h = np.asarray(result.mgr[:, -1], dtype=float)[take] if take.size else np.zeros(0)
            final = _month(parent, order, ic_h, mg_h)
    return TeamFigures(ids_list, names, parent, below, today, final, horizon)
