"""Excel export for leadership: a workbook that recalculates live, formatted and charted.

``export_workbook(plan, path)`` writes Summary (with a scenario selector), Scenarios, Risk
and Hosting (figures computed at export), Assumptions, ScenarioInputs, Teams, Roles,
Workflows, Models, GPUs, Monthly (an Excel table named ``Monthly``), Years and the working
sheets (TeamMonths, TeamTree, WorkflowMonths, ModelMonths, Calendar). Every result is a
formula over the input cells; ``values_only=True`` writes the same layout with numbers
instead. openpyxl is imported here, so import this module only when exporting.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...model import Plan
from .book import ExportCancelled
from .risk_sheet import DRAWS
from .summary import NAMED_RESULT_KEYS
from .workbook import ExportError, write_workbook


def export_workbook(plan: Plan, path: str | os.PathLike[str], *, values_only: bool = False,
                    progress: Callable[[float, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None,
                    data: dict[str, Any] | None = None, source: str | None = None,
                    draws: int = DRAWS, seed: int = 1) -> Path:
    """Write ``plan`` (a valid Plan) to the Excel workbook ``path`` and return the path.

    ``data``: the same plan as data (the file's), when the caller has it; else it is taken
    from ``plan``. ``source``: the plan file's name, shown on the Summary and in the document
    properties. ``draws`` and ``seed``: the Risk sheet's Monte Carlo.
    ``progress(fraction, message)`` is called as the work advances; when ``cancel()``
    returns True the export stops with :class:`ExportCancelled`. A failed write raises
    :class:`ExportError` with a message for the user. Either way the file at ``path`` is
    left as it was and no partial file remains.
    """
    return write_workbook(plan, path, values_only=values_only, progress=progress, cancel=cancel,
                          data=data, source=source, draws=draws, seed=seed)


__all__ = ["export_workbook", "ExportCancelled", "ExportError", "NAMED_RESULT_KEYS", "DRAWS"]
