"""Where a value of the plan sits in the workbook: the input cell of a place in plan data
(``("workflows", 4, "ai", "adoption")`` -> ``Workflows!$N$6``) and its value in the Plan."""

from __future__ import annotations

from typing import Any

from ...model import Plan
from ...plan import fields as F
from .layout import Cols, Layout
from .registry import GPU_FIELDS, MODEL_FIELDS, ROLE_FIELDS, TEAM_FIELDS, WF_FIELDS

Loc = tuple  # a place in plan data: keys and list indexes, as planner.plan.paths gives it


def _by_field(columns: dict) -> dict[tuple[str, str], str]:
    """(registry object, field key) -> the column key that holds it."""
    return {(s.obj, s.key): col for col, s in columns.items()}


SHEETS: dict[str, tuple[str, dict[tuple[str, str], str], Cols]] = {
    "teams": ("Teams", _by_field(TEAM_FIELDS), Layout.team),
    "roles": ("Roles", _by_field(ROLE_FIELDS), Layout.role),
    "workflows": ("Workflows", _by_field(WF_FIELDS), Layout.wf),
    "models": ("Models", _by_field(MODEL_FIELDS), Layout.model),
    "gpus": ("GPUs", _by_field(GPU_FIELDS), Layout.gpu),
}
OBJECT = {"teams": "team", "workflows": "workflow", "models": "model", "gpus": "gpu"}


def spec_of(loc: Loc) -> F.Spec:
    """The registry field of the value at ``loc``."""
    if loc[0] == "settings":
        return F.spec("settings", loc[1])
    coll, _, *rest = loc
    if len(rest) == 1:
        return F.spec(OBJECT[coll], rest[0])
    return F.spec("role" if rest[0] == "roles" else rest[0], rest[-1])


class Places:
    """Input cells of the plan's values, for a plan and its layout."""

    def __init__(self, plan: Plan, L: Layout) -> None:
        self.plan, self.L = plan, L
        self.role_row: dict[tuple[int, int], int] = {}
        r = L.FIRST
        for i, t in enumerate(plan.teams):
            for j in range(len(t.roles)):
                self.role_row[(i, j)] = r
                r += 1

    def cell(self, loc: Loc) -> tuple[str, str]:
        """(sheet, ``$C$5``) of the input cell that holds ``loc``."""
        if loc[0] == "settings":
            return "Assumptions", f"$B${self.L.setting_row(loc[1])}"
        coll, i, *rest = loc
        if coll == "teams" and len(rest) == 3 and rest[0] == "roles":
            sheet, cols, letters = SHEETS["roles"]
            row, obj = self.role_row[(i, rest[1])], "role"
        else:
            sheet, cols, letters = SHEETS[coll]
            row, obj = self.L.FIRST + i, OBJECT[coll] if len(rest) == 1 else rest[0]
        return sheet, f"${letters[cols[(obj, rest[-1])]]}${row}"

    def ref(self, loc: Loc) -> str:
        sheet, cell = self.cell(loc)
        return f"{sheet}!{cell}"

    def value(self, loc: Loc) -> Any:
        """The value the input cell shows: the plan's, defaults applied."""
        node: Any = self.plan
        for step in loc:
            node = node[step] if isinstance(step, int) else getattr(node, step, None)
            if node is None:
                return None
        return node


__all__ = ["Places", "Loc", "spec_of"]
