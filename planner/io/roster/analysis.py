"""Spans of control and management layers from the real reporting tree.

Span = direct reports of a manager (someone with at least one report). Layer = 1 for the top
of the tree, 2 for their reports, and so on. Spans are judged against McKinsey's manager
archetypes (2017): player/coach 3-5 reports, coach 6-7, supervisor 8-10, facilitator 11-15,
coordinator above 15. A span of 1-2 is flagged as narrow (a layer that adds little), above
15 as wide (little time per report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import tree
from .checks import Roster

NARROW_MAX = 2
WIDE_MIN = 16

ARCHETYPES: tuple[tuple[str, int, int | None], ...] = (
    ("narrow (1-2)", 1, 2),
    ("player/coach (3-5)", 3, 5),
    ("coach (6-7)", 6, 7),
    ("supervisor (8-10)", 8, 10),
    ("facilitator (11-15)", 11, 15),
    ("coordinator (16+)", 16, None),
)


def archetype(span: int) -> str:
    """The McKinsey archetype a span falls in ("" for someone without reports)."""
    for label, lo, hi in ARCHETYPES:
        if span >= lo and (hi is None or span <= hi):
            return label
    return ""


def span_health(span: int) -> str:
    """"narrow", "ok" or "wide" for a manager; "" for an individual contributor."""
    if span <= 0:
        return ""
    if span <= NARROW_MAX:
        return "narrow"
    return "wide" if span >= WIDE_MIN else "ok"


@dataclass
class RosterAnalysis:
    """Spans and layers of a checked roster (arrays indexed like the roster's people)."""

    roster: Roster
    layer: np.ndarray        # int64, top of a tree = 1
    span: np.ndarray         # int64, direct reports
    top: np.ndarray          # int64, index of the top of each person's tree
    size: np.ndarray         # int64, people in each person's tree (themself included)
    departments: list[dict[str, Any]] = field(default_factory=list)

    # -- whole organisation -------------------------------------------------------------------
    @property
    def employees(self) -> int:
        return len(self.roster)

    @property
    def is_manager(self) -> np.ndarray:
        return self.span > 0

    @property
    def managers(self) -> int:
        return int(self.is_manager.sum())

    @property
    def layers(self) -> int:
        return int(self.layer.max()) if len(self.layer) else 0

    @property
    def fte(self) -> float:
        return float(self.roster.fte.sum())

    @property
    def mean_span(self) -> float | None:
        s = self.span[self.is_manager]
        return float(s.mean()) if len(s) else None

    @property
    def median_span(self) -> float | None:
        s = self.span[self.is_manager]
        return float(np.median(s)) if len(s) else None

    @property
    def span_distribution(self) -> dict[int, int]:
        """span -> number of managers with that span."""
        values, counts = np.unique(self.span[self.is_manager], return_counts=True)
        return {int(v): int(c) for v, c in zip(values, counts, strict=True)}

    @property
    def layer_counts(self) -> dict[int, int]:
        """layer -> people on that layer."""
        values, counts = np.unique(self.layer, return_counts=True)
        return {int(v): int(c) for v, c in zip(values, counts, strict=True)}

    @property
    def managers_per_layer(self) -> dict[int, int]:
        counts = np.bincount(self.layer[self.is_manager], minlength=self.layers + 1)
        return {layer: int(counts[layer]) for layer in range(1, self.layers + 1)}

    @property
    def roots(self) -> np.ndarray:
        return np.flatnonzero(self.roster.parent < 0)

    @property
    def narrow(self) -> np.ndarray:
        """Managers with 1-2 direct reports (indices, by line)."""
        return np.flatnonzero((self.span > 0) & (self.span <= NARROW_MAX))

    @property
    def wide(self) -> np.ndarray:
        """Managers with more than 15 direct reports."""
        return np.flatnonzero(self.span >= WIDE_MIN)

    @property
    def archetypes(self) -> dict[str, int]:
        s = self.span[self.is_manager]
        return {label: int(((s >= lo) & (s <= (hi if hi is not None else s.max(initial=0)))).sum())
                for label, lo, hi in ARCHETYPES}

    @property
    def single_report_chains(self) -> list[tuple[int, int]]:
        """(manager, report) pairs: a manager whose only report is a manager too."""
        parent = self.roster.parent
        child = np.flatnonzero(parent >= 0)
        mgr = parent[child]
        pick = (self.span[mgr] == 1) & (self.span[child] > 0)
        return [(int(m), int(c)) for m, c in zip(mgr[pick], child[pick], strict=True)]

    # -- output -------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        r = self.roster
        mean, median = self.mean_span, self.median_span
        return {
            "source": r.source,
            "rows_read": r.rows_read,
            "employees": self.employees,
            "fte": round(self.fte, 6),
            "managers": self.managers,
            "individual_contributors": self.employees - self.managers,
            "layers": self.layers,
            "mean_span": None if mean is None else round(mean, 6),
            "median_span": median,
            "span_distribution": {str(k): v for k, v in self.span_distribution.items()},
            "layer_counts": {str(k): v for k, v in self.layer_counts.items()},
            "managers_per_layer": {str(k): v for k, v in self.managers_per_layer.items()},
            "archetypes": self.archetypes,
            "narrow_managers": [self._person(i) for i in self.narrow[:200]],
            "wide_managers": [self._person(i) for i in self.wide[:200]],
            "single_report_chains": [
                {"manager": self._person(m), "report": self._person(c)}
                for m, c in self.single_report_chains[:200]],
            "trees": len(self.roots),
            "departments": self.departments,
            "mapping": r.mapping,
            "notes": r.notes,
            "problems": r.messages,
            "left_out": [{"line": line, "id": ident, "why": why} for line, ident, why in r.left_out],
        }

    def _person(self, i: int) -> dict[str, Any]:
        r = self.roster
        return {"id": str(r.ids[i]), "name": str(r.names[i]), "title": str(r.titles[i]),
                "department": str(r.teams[i]), "span": int(self.span[i]),
                "layer": int(self.layer[i]), "line": int(r.lines[i])}


def analyse(roster: Roster) -> RosterAnalysis:
    """Spans, layers and their distributions, also per department."""
    depth, top = tree.climb(roster.parent)
    span = tree.spans(roster.parent)
    size = tree.subtree_sizes(roster.parent, depth)
    result = RosterAnalysis(roster=roster, layer=depth + 1, span=span, top=top, size=size)
    result.departments = _per_department(result)
    return result


def _per_department(a: RosterAnalysis) -> list[dict[str, Any]]:
    import pandas as pd

    r = a.roster
    if not r.mapping.get("team") or not len(r):
        return []
    df = pd.DataFrame({"dept": np.where(r.teams == "", "(no department)", r.teams),
                       "layer": a.layer, "span": a.span, "fte": r.fte})
    g = df.groupby("dept", sort=False)
    people = g.size()
    fte = g["fte"].sum()
    lo = g["layer"].min()
    hi = g["layer"].max()
    mg = df[df["span"] > 0].groupby("dept", sort=False)["span"]
    managers = mg.size()
    mean = mg.mean()
    median = mg.median()
    narrow = df[(df["span"] > 0) & (df["span"] <= NARROW_MAX)].groupby("dept").size()
    wide = df[df["span"] >= WIDE_MIN].groupby("dept").size()
    by_layer: dict[str, dict[str, int]] = {}
    for (dept, layer), count in df.groupby(["dept", "layer"]).size().items():
        by_layer.setdefault(dept, {})[str(int(layer))] = int(count)
    out = []
    for dept in people.sort_values(ascending=False, kind="stable").index:
        out.append({
            "department": str(dept),
            "employees": int(people[dept]),
            "fte": round(float(fte[dept]), 6),
            "managers": int(managers.get(dept, 0)),
            "mean_span": None if dept not in mean.index else round(float(mean[dept]), 6),
            "median_span": None if dept not in median.index else float(median[dept]),
            "top_layer": int(lo[dept]),
            "bottom_layer": int(hi[dept]),
            "layer_counts": by_layer.get(dept, {}),
            "narrow_managers": int(narrow.get(dept, 0)),
            "wide_managers": int(wide.get(dept, 0)),
        })
    return out
