"""A plan built from a roster: teams, roles, headcounts and costs as they are today.

Teams come from the department column (default) or from each manager's direct-report group.
Roles are job titles split by kind: a person with at least one report is a manager, everyone
else an individual contributor. A role's headcount is the sum of its people's FTE; its annual
cost is the total cost of the people whose cost is known divided by their FTE (so the plan's
payroll equals the roster's when every cost is known). A role without any known cost takes
the average of the same title elsewhere, else of its kind in the team, else of its kind in the
organisation.

The team tree follows the reporting lines. By department: a department's head is its most
senior person (lowest layer; then the most reports; then the first row), and the department's
parent is the department of the head's manager. By manager: a team is a manager and their
direct reports who manage nobody; its parent is the team of the manager's manager.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np

from ...model import SCHEMA_VERSION, Settings, parse_plan
from .analysis import RosterAnalysis

TEAM_MODES = ("department", "manager")
NO_DEPARTMENT = "(no department)"


def slug(text: str, *, fallback: str = "team") -> str:
    """A short lower-case ASCII id ("Research and Development" -> "research-and-development")."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:40].rstrip("-")
    return t or fallback


def _unique_ids(names: list[str], fallback: str) -> list[str]:
    used: set[str] = set()
    out = []
    for name in names:
        base = slug(name, fallback=fallback)
        ident, k = base, 2
        while ident in used:
            ident, k = f"{base}-{k}", k + 1
        used.add(ident)
        out.append(ident)
    return out


def build_plan(analysis: RosterAnalysis, *, teams: str = "department", name: str | None = None,
               currency: str = "USD") -> dict[str, Any]:
    """Plan data (a dict that passes :func:`planner.model.parse_plan`) from an analysed roster."""
    if teams not in TEAM_MODES:
        raise ValueError(f'teams must be "department" or "manager", got "{teams}"')
    r = analysis.roster
    if len(r) == 0:
        raise ValueError(f"{r.source}: nobody is left to build a plan from")
    notes: list[str] = []
    if teams == "department" and not r.mapping.get("team"):
        teams = "manager"
        notes.append("The roster has no department column, so teams are managers' groups.")
    if teams == "department":
        team_of, team_rows = _by_department(analysis)
    else:
        team_of, team_rows = _by_manager(analysis)
    cost_fill = _CostFill(analysis)
    out_teams = []
    ids = _unique_ids([t["name"] for t in team_rows], "team")
    for t_index, (t, ident) in enumerate(zip(team_rows, ids, strict=True)):
        t["id"] = ident
        members = np.flatnonzero(team_of == t_index)
        t["_members"] = members
    id_of = [t["id"] for t in team_rows]
    for t in team_rows:
        parent = t.pop("_parent")
        entry: dict[str, Any] = {"id": t["id"], "name": t["name"],
                                 "parent": None if parent is None else id_of[parent]}
        if t.get("function"):
            entry["function"] = t["function"]
        entry["roles"] = _roles(analysis, t.pop("_members"), cost_fill)
        entry["min_ic"] = 0
        entry["note"] = t["note"]
        out_teams.append(entry)

    mean = analysis.mean_span
    left = len(r.left_out)
    summary = (f"Imported from the roster {r.source}: {analysis.employees:,} people "
               f"({analysis.fte:,.1f} FTE), {analysis.managers:,} managers, {analysis.layers} "
               f"layers, mean span {mean:.2f}" if mean is not None else
               f"Imported from the roster {r.source}: {analysis.employees:,} people")
    summary += f"; teams by {teams}."
    if left:
        summary += f" {left:,} row{'s' if left != 1 else ''} left out (see the import report)."
    if not r.has_cost:
        notes.append("The roster had no cost column: every annual cost is 0; fill them in.")
    elif cost_fill.filled:
        notes.append(f"{cost_fill.filled} role(s) had no known cost and took an average "
                     "(see their notes).")
    notes.append("No workflows yet: add the work each team does and how AI changes it.")
    data: dict[str, Any] = {
        "format": "orgplan",
        "schema_version": SCHEMA_VERSION,
        "name": name or _plan_name(r.source),
        "currency": currency,
        "settings": Settings().model_dump(exclude_none=True),
        "teams": out_teams,
        "workflows": [],
        "models": [],
        "gpus": [],
        "note": " ".join([summary, *notes]),
    }
    parse_plan(data, source=r.source)  # a bug here must not write a broken plan
    return data


def _plan_name(source: str) -> str:
    stem = re.sub(r"\.(csv|tsv|txt|xlsx|xlsm)$", "", source, flags=re.IGNORECASE)
    return f"Plan from {stem}"


def _senior_first(a: RosterAnalysis) -> np.ndarray:
    """People ordered most senior first: lowest layer, then most reports, then first row."""
    return np.lexsort((a.roster.lines, -a.span, a.layer))


def _by_department(a: RosterAnalysis) -> tuple[np.ndarray, list[dict[str, Any]]]:
    import pandas as pd

    r = a.roster
    dept = np.where(r.teams == "", NO_DEPARTMENT, r.teams).astype(object)
    codes, names = pd.factorize(pd.Series(dept))
    codes = np.asarray(codes, dtype=np.int64)
    order = _senior_first(a)
    # The first person of each department in seniority order is its head.
    head = np.full(len(names), -1, dtype=np.int64)
    seen = pd.Series(codes[order]).drop_duplicates(keep="first")
    head[seen.to_numpy()] = order[seen.index.to_numpy()]
    rows = []
    fte = np.bincount(codes, weights=r.fte, minlength=len(names))
    people = np.bincount(codes, minlength=len(names))
    # Teams in seniority order of their heads, so the tree reads top-down.
    rank = np.empty(len(r), dtype=np.int64)
    rank[order] = np.arange(len(r))
    for code in np.argsort(rank[head], kind="stable"):
        h = int(head[code])
        mgr = int(r.parent[h])
        parent = int(codes[mgr]) if mgr >= 0 else None
        label = str(names[code])
        rows.append({"_code": int(code), "name": "Unassigned" if label == NO_DEPARTMENT else label,
                     "_parent": parent, "function": None,
                     "note": (f"Head: {_who(r, h)}, layer {a.layer[h]}; {people[code]:,} people "
                              f"({fte[code]:g} FTE) in the roster.")})
    pos = {row["_code"]: k for k, row in enumerate(rows)}
    for row in rows:
        row["_parent"] = None if row["_parent"] is None else pos[row["_parent"]]
        del row["_code"]
    team_of = np.array([pos[int(c)] for c in range(len(names))], dtype=np.int64)[codes]
    return team_of, rows


def _by_manager(a: RosterAnalysis) -> tuple[np.ndarray, list[dict[str, Any]]]:
    r = a.roster
    n = len(r)
    order = _senior_first(a)
    managers = order[a.span[order] > 0]
    team_index = np.full(n, -1, dtype=np.int64)
    team_index[managers] = np.arange(len(managers))
    rows = []
    for m in managers:
        m = int(m)
        p = int(r.parent[m])
        dept = str(r.teams[m])
        rows.append({"name": f"{_short(r, m)}'s team", "_parent": None if p < 0 else int(team_index[p]),
                     "function": dept or None,
                     "note": (f"{_who(r, m)} and the {int(a.span[m]):,} people who report to them "
                              "directly (reports who manage others lead their own teams).")})
    # A manager is in their own team; an IC in their manager's team.
    team_of = np.where(a.span > 0, team_index, -1)
    ic = a.span == 0
    has_mgr = r.parent >= 0
    team_of[ic & has_mgr] = team_index[r.parent[ic & has_mgr]]
    loose = np.flatnonzero(team_of < 0)
    if len(loose):
        team_of[loose] = len(rows)
        rows.append({"name": "Unattached people", "_parent": None, "function": None,
                     "note": f"{len(loose):,} people with neither a manager nor reports."})
    return team_of, rows


def _short(r, i: int) -> str:
    return str(r.names[i]) or str(r.titles[i]) or f"id {r.ids[i]}"


def _who(r, i: int) -> str:
    name = str(r.names[i]) or f"id {r.ids[i]}"
    return f"{name} ({r.titles[i]})" if r.titles[i] else name


class _CostFill:
    """Average costs to stand in for roles whose people have no known cost."""

    def __init__(self, a: RosterAnalysis) -> None:
        r = a.roster
        self.a = a
        self.filled = 0
        known = ~np.isnan(r.cost)
        self.by_title: dict[tuple[str, bool], float] = {}
        self.by_kind: dict[bool, float] = {}
        if not known.any():
            return
        kind = a.span > 0
        for is_mgr in (False, True):
            sel = known & (kind == is_mgr)
            if sel.any() and r.fte[sel].sum() > 0:
                self.by_kind[is_mgr] = float(r.cost[sel].sum() / r.fte[sel].sum())
        self.overall = float(r.cost[known].sum() / max(r.fte[known].sum(), 1e-12))
        import pandas as pd

        df = pd.DataFrame({"t": r.titles[known], "m": kind[known], "c": r.cost[known],
                           "f": r.fte[known]})
        g = df.groupby(["t", "m"]).sum(numeric_only=True)
        for (t, m), row in g.iterrows():
            if row["f"] > 0:
                self.by_title[(str(t), bool(m))] = float(row["c"] / row["f"])

    def fill(self, title: str, is_mgr: bool, team_avg: float | None) -> tuple[float, str | None]:
        self.filled += 1
        if (title, is_mgr) in self.by_title:
            return self.by_title[(title, is_mgr)], f'average cost of "{title}" elsewhere'
        if team_avg is not None:
            return team_avg, "average cost of this team's people of the same kind"
        if is_mgr in self.by_kind:
            return self.by_kind[is_mgr], "average cost of all " + ("managers" if is_mgr else "ICs")
        if self.by_kind:
            return self.overall, "average cost of everyone"
        self.filled -= 1
        return 0.0, None


def _roles(a: RosterAnalysis, members: np.ndarray, fill: _CostFill) -> list[dict[str, Any]]:
    r = a.roster
    if not len(members):
        return []
    titles = r.titles[members]
    is_mgr = a.span[members] > 0
    cost = r.cost[members]
    fte = r.fte[members]
    known = ~np.isnan(cost)
    team_avg: dict[bool, float | None] = {}
    for k in (False, True):
        sel = known & (is_mgr == k)
        team_avg[k] = float(cost[sel].sum() / fte[sel].sum()) if sel.any() and fte[sel].sum() > 0 else None
    groups: dict[tuple[bool, str], list[int]] = {}
    # Managers first, then ICs; titles in order of first appearance.
    for j in np.lexsort((np.arange(len(members)), ~is_mgr)):
        groups.setdefault((bool(is_mgr[j]), str(titles[j])), []).append(int(j))
    both = {t for (m, t) in groups if m} & {t for (m, t) in groups if not m}
    roles = []
    for (mgr, title), js in groups.items():
        idx = np.array(js)
        sel = idx[known[idx]]
        headcount = float(fte[idx].sum())
        note = None
        if len(sel) and fte[sel].sum() > 0:
            annual = float(cost[sel].sum() / fte[sel].sum())
            if len(sel) < len(idx):
                note = f"{len(idx) - len(sel)} of {len(idx)} people had no known cost"
        elif r.has_cost:
            annual, why = fill.fill(title, mgr, team_avg[mgr])
            note = f"no known cost in the roster: {why}" if why else "no known cost in the roster"
        else:
            annual = 0.0
        name = title or ("Manager" if mgr else "Individual contributor")
        if title and title in both and mgr:
            name = f"{title} (manager)"
        role: dict[str, Any] = {"name": name, "kind": "manager" if mgr else "ic",
                                "headcount": round(headcount, 6), "annual_cost": round(annual, 2)}
        if note:
            role["note"] = note
        roles.append(role)
    return roles
