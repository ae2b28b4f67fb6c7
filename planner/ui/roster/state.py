"""The last imported roster, shared by the import dialog and the Organisation page.

The plan file keeps teams and roles only; the people behind them live here for the session
(the org chart and the "before" spans and layers are drawn from them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from planner.io.roster import RosterAnalysis


class _RosterState(QObject):
    imported = Signal(object)  # RosterAnalysis

    def __init__(self) -> None:
        super().__init__()
        self.analysis: RosterAnalysis | None = None


_state: _RosterState | None = None


def roster_state() -> _RosterState:
    global _state
    if _state is None:
        _state = _RosterState()
    return _state


def last_import() -> RosterAnalysis | None:
    """The analysis of the roster imported last in this session (None before any)."""
    return roster_state().analysis


def set_last_import(analysis: RosterAnalysis | None) -> None:
    state = roster_state()
    state.analysis = analysis
    state.imported.emit(analysis)
