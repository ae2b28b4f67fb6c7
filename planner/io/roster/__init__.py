"""Roster import: read an HR export, check it, measure spans and layers, build a plan. No Qt.

>>> analysis = load_roster("roster.csv")            # read + map columns + check + analyse
>>> analysis.employees, analysis.layers, analysis.mean_span
>>> data = build_plan(analysis, teams="department")  # plan data for planner.model.parse_plan
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .analysis import ARCHETYPES, RosterAnalysis, analyse, archetype, span_health
from .build import TEAM_MODES, build_plan
from .checks import Roster, RosterProblem, build_roster
from .columns import FIELD_LABELS, FIELDS, apply_overrides, guess_mapping, parse_map_options
from .reader import RawTable, RosterError, read_table, sheet_names


def resolve_mapping(table: RawTable, overrides: Mapping[str, str | None] | None = None
                    ) -> dict[str, str]:
    """The guessed column mapping of a table, corrected by ``overrides`` (field -> column)."""
    guess = guess_mapping(table.columns)
    try:
        return apply_overrides(table.columns, guess, overrides or {}, source=table.where)
    except ValueError as exc:
        raise RosterError(str(exc)) from None


def load_roster(path: str | os.PathLike[str], *, mapping: Mapping[str, str | None] | None = None,
                sheet: str | None = None) -> RosterAnalysis:
    """Read, check and analyse a roster file (RosterError if it cannot be read at all)."""
    table = read_table(path, sheet=sheet)
    return analyse(build_roster(table, resolve_mapping(table, mapping)))


__all__ = [
    "ARCHETYPES", "FIELDS", "FIELD_LABELS", "TEAM_MODES", "RawTable", "Roster", "RosterAnalysis",
    "RosterError", "RosterProblem", "analyse", "apply_overrides", "archetype", "build_plan",
    "build_roster", "guess_mapping", "load_roster", "parse_map_options", "read_table",
    "resolve_mapping", "sheet_names", "span_health",
]
