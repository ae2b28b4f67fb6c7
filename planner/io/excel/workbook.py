"""Write the whole workbook, atomically, with progress and cancellation."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ... import __version__, hosting
from ...model import Plan
from ...risk import compare
from ..atomic import WriteFailed, atomic_path, explain_os_error
from .book import Book, ExportCancelled
from .cells import clean_text, discard
from .figures import Figures
from .helpers import (
    write_calendar,
    write_model_months,
    write_team_months,
    write_team_tree,
    write_workflow_months,
)
from .inputs import (
    write_assumptions,
    write_gpus,
    write_models,
    write_roles,
    write_teams,
    write_workflows,
)
from .layout import DERIVED, SETTING_KEYS, TEAM_BLOCKS, Layout
from .results import write_monthly, write_years
from .risk_sheet import DRAWS, write_risk
from .scenario_inputs import INDEX_CELL, SHEET, Scenarios, write_scenario_inputs
from .summary import write_summary
from .value_sheets import write_hosting, write_scenarios


class ExportError(Exception):
    """The workbook could not be written; ``str()`` says why and what to do."""


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as data: scenarios, ranges and stress as the file holds them."""
    from ..planfile import plan_to_data

    return plan_to_data(plan)


def write_workbook(plan: Plan, path: str | os.PathLike[str], *, values_only: bool = False,
                   progress: Callable[[float, str], None] | None = None,
                   cancel: Callable[[], bool] | None = None, cached: bool = True,
                   data: dict[str, Any] | None = None, source: str | None = None,
                   draws: int = DRAWS, seed: int = 1) -> Path:
    """:func:`planner.io.excel.export_workbook`; ``cached=False`` leaves formula results out
    (so only a recalculation can fill them: used to test the formulas)."""
    target = Path(path)
    if progress is not None:
        progress(0.0, "Computing the plan")
    if cancel is not None and cancel():
        raise ExportCancelled("export cancelled")
    if data is None:
        data = plan_data(plan)
    figs = Figures.of(plan)
    L = Layout.of(plan)
    rows = L.T * (len(TEAM_BLOCKS) + 2) + L.R + L.W * 2 + L.J * 10 + L.G + L.H * 3
    b = Book(figs, formulas=not values_only, cached=cached, progress=progress, cancel=cancel,
             total_rows=rows, data=data, source=source)
    b.scen = Scenarios(plan, data, L)
    try:
        with atomic_path(target) as tmp:
            b.step("Writing the summary")
            names = write_summary(b)
            b.step("Comparing the scenarios")
            write_scenarios(b, compare(data, source=source, base=figs.result))
            b.step(f"Risk: {draws:,} draws")
            write_risk(b, _risk(data, plan, draws=draws, seed=seed, cancel=cancel))
            b.step("API or self-host")
            write_hosting(b, hosting.analyse(figs.result, per_decade=4))
            for message, writer in (
                ("Writing assumptions", write_assumptions),
                ("Writing scenario inputs", write_scenario_inputs), ("Writing teams", write_teams),
                ("Writing roles", write_roles), ("Writing workflows", write_workflows),
                ("Writing models", write_models), ("Writing GPUs", write_gpus),
                ("Writing the monthly table", write_monthly), ("Writing years", write_years),
                ("Writing team months", write_team_months),
                ("Writing the team tree", write_team_tree),
                ("Writing workflow months", write_workflow_months),
                ("Writing model months", write_model_months), ("Writing the calendar", write_calendar),
            ):
                b.step(message)
                writer(b)
            _finish(b, names, values_only=values_only)
            b.step("Saving the workbook")
            _save(b.wb, tmp)
            b.check()
    except WriteFailed as exc:
        raise ExportError(str(exc)) from exc
    except OSError as exc:
        raise ExportError(explain_os_error(exc, target)) from exc
    finally:
        discard(b.wb)
    if progress is not None:
        progress(1.0, "Done")
    return target


def _risk(data: dict[str, Any], plan: Plan, *, draws: int, seed: int,
          cancel: Callable[[], bool] | None):
    """MODEL.md section 7 on the baseline; no draws without ranges (every draw would be the
    plan)."""
    from ...risk import Cancelled, analyse

    n = draws if data.get("ranges") else 1
    try:
        return analyse(data, draws=max(1, int(n)), seed=seed, cancel=cancel, plan=plan)
    except Cancelled as exc:
        raise ExportCancelled("export cancelled") from exc


def _save(wb, path: Path) -> None:
    """``wb.save(path)``, but the zip is closed even when a write fails (a full disk).

    openpyxl leaves its ZipFile to the garbage collector then, whose ``__del__`` fails the
    same way and prints "Exception ignored in: ZipFile.__del__" after our message.
    """
    import contextlib
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        # as openpyxl's save_workbook does
        wb.properties.modified = _dt.datetime.now(tz=_dt.UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).save()  # closes the archive when it succeeds
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()  # releases the file even when writing its end fails again
        raise


def _finish(b: Book, names: dict[str, str], *, values_only: bool) -> None:
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.workbook.defined_name import DefinedName

    wb, L = b.wb, b.L
    for key in SETTING_KEYS:
        wb.defined_names[key] = DefinedName(key, attr_text=f"Assumptions!$B${L.setting_row(key)}")
    for key, _, _ in DERIVED:
        wb.defined_names[key] = DefinedName(key, attr_text=f"Assumptions!$B${L.derived_row(key)}")
    for name, cell in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=f"Summary!{cell}")
    wb.defined_names["scenario_index"] = DefinedName("scenario_index",
                                                     attr_text=f"{SHEET}!{INDEX_CELL}")
    wb.defined_names["scenario_names"] = DefinedName("scenario_names", attr_text=b.scen.names_ref)
    wb.calculation.fullCalcOnLoad = True
    wb.calculation.calcMode = "auto"
    name = clean_text(b.plan.name)[:200]
    now = _dt.datetime.now().replace(microsecond=0)
    p = wb.properties
    p.title = f"{name}: moving to AI"
    p.subject = "Headcount, compute and money of an AI plan"
    p.creator = f"OrgPlanner {__version__}"
    p.version = __version__
    p.keywords = "OrgPlanner; AI plan; headcount; compute"
    p.description = ("Values only: figures as computed by OrgPlanner." if values_only else
                     "Live workbook: every result is a formula over the input cells.")
    p.created = p.modified = now
    wb.custom_doc_props.append(StringProperty(name="Plan name", value=name))
    wb.custom_doc_props.append(StringProperty(name="Exported", value=now.isoformat(sep=" ")))
    wb.custom_doc_props.append(StringProperty(name="Contents",
                                              value="values" if values_only else "formulas"))
    wb.custom_doc_props.append(StringProperty(name="OrgPlanner version", value=__version__))
    wb.custom_doc_props.append(StringProperty(name="Plan file",
                                              value=clean_text(b.source or "(not saved)")[:200]))
